/**
 * What a namespace (one folder under src/domain/) gives the rest of the system, in one value:
 * its actions, accounted for one by one against the catalogue (a missing or misspelt action
 * fails `tsc`), its migrations, its seeder, its public pages and the tables whose writes move
 * the account's write version (storage/write-versions.ts). src/domain/index.ts lists the
 * namespaces; the registry, migrations, seeding, routes and caches all read that one list.
 */
import type { ActionOf, Namespace } from '../protocol/catalogue.js';
import type { Seeder } from '../seed/types.js';
import type { RoutePlugin } from '../server/route-plugin.js';
import type { Migration } from '../storage/ddl.js';
import type { VersionedTables } from '../storage/write-versions.js';
import type { ActionDefinition, AnyAction } from './define-action.js';

/** An action a namespace deliberately does not implement yet: it answers 501. */
export const NOT_IMPLEMENTED = Object.freeze({ notImplemented: true as const });
export type NotImplemented = typeof NOT_IMPLEMENTED;

export type NamespaceActions<N extends Namespace> = {
  readonly [A in ActionOf<N>]: ActionDefinition<N, A> | NotImplemented;
};

export interface NamespaceModule<N extends Namespace = Namespace> {
  readonly namespace: N;
  readonly actions: NamespaceActions<N>;
  /** Its tables, in files named `NNNN_name` so that all namespaces' migrations sort together. */
  readonly migrations?: readonly Migration[];
  readonly seeder?: Seeder;
  readonly routes?: RoutePlugin;
  /** Tables caches may trust the write version for (each needs its triggers: write-versions.ts). */
  readonly versionedTables?: VersionedTables;
}

export function defineNamespace<const N extends Namespace>(module: NamespaceModule<N>): NamespaceModule<N> {
  return module;
}

/** Any one namespace's module, for lists of them. */
export type AnyNamespaceModule = { [N in Namespace]: NamespaceModule<N> }[Namespace];

export function isImplemented(slot: AnyAction | NotImplemented): slot is AnyAction {
  return slot !== NOT_IMPLEMENTED;
}

/** The implemented actions of some namespaces, in their listed order. */
export function implementedActions(modules: readonly AnyNamespaceModule[]): AnyAction[] {
  return modules.flatMap((m) => (Object.values(m.actions) as Array<AnyAction | NotImplemented>).filter(isImplemented));
}
