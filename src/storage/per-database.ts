/**
 * State a process keeps per database it talks to (caches). Tests and tools open several
 * databases in one process, so module-level state must never be shared between them; a
 * transaction shares its database's state.
 */
import type { Executor } from './scope.js';

const states = new WeakMap<object, Map<string, unknown>>();

export function perDatabase<T>(executor: Executor, name: string, create: () => T): T {
  // Kysely gives every database instance its own adapter object, and its transactions reuse it.
  const identity = executor.getExecutor().adapter;
  let byName = states.get(identity);
  if (!byName) {
    byName = new Map();
    states.set(identity, byName);
  }
  let state = byName.get(name) as T | undefined;
  if (state === undefined) {
    state = create();
    byName.set(name, state);
  }
  return state;
}
