/** The table of implemented actions, checked against the catalogue at start-up. */
import { CATALOGUE, findCatalogueEntry } from '../protocol/catalogue.js';
import type { AnyAction } from './define-action.js';

export interface Registry {
  find(namespace: string, action: string): AnyAction | undefined;
  isImplemented(namespace: string, action: string): boolean;
  readonly size: number;
}

export interface RegistryOptions {
  /** Accept actions outside the iVvy catalogue: only test fixtures need this. */
  allowUncatalogued?: boolean;
}

export function createRegistry(actions: readonly AnyAction[], options: RegistryOptions = {}): Registry {
  const table = new Map<string, AnyAction>();
  for (const def of actions) {
    const id = `${def.namespace}.${def.action}`;
    if (!options.allowUncatalogued && !findCatalogueEntry(def.namespace, def.action)) {
      throw new Error(`${id} is not in the iVvy catalogue`);
    }
    if (table.has(id)) throw new Error(`${id} is defined twice`);
    table.set(id, def);
  }
  return {
    find: (namespace, action) => table.get(`${namespace}.${action}`),
    isImplemented: (namespace, action) => table.has(`${namespace}.${action}`),
    size: table.size,
  };
}

export interface CoverageLine {
  namespace: string;
  implemented: number;
  total: number;
}

/** Implemented/total per namespace, in catalogue order. */
export function coverage(registry: Registry): CoverageLine[] {
  const lines = new Map<string, CoverageLine>();
  for (const entry of CATALOGUE) {
    const line = lines.get(entry.namespace) ?? { namespace: entry.namespace, implemented: 0, total: 0 };
    line.total += 1;
    if (registry.isImplemented(entry.namespace, entry.action)) line.implemented += 1;
    lines.set(entry.namespace, line);
  }
  return [...lines.values()];
}
