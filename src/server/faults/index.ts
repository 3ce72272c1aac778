/**
 * Fault injection for integrators' retry logic (docs/faults.md). One state per runtime — its
 * rule cache and trigger counts — shared by the RPC handler that applies rules and the operator
 * routes that change them (which then refresh the cache at once), and separate for every
 * runtime, so sandboxes side by side in one process never see each other's rules.
 */
import type { Runtime } from '../../runtime.js';
import { createFaultRuleCache, type FaultRuleCache } from './cache.js';
import type { FaultRule } from './rule.js';
import { createFaultTrigger, type FaultTrigger } from './trigger.js';

export interface Faults {
  readonly cache: FaultRuleCache;
  readonly trigger: FaultTrigger;
  /**
   * The rule that fires on this call, or null: at once when the key's rules are cached, else
   * after reading them (at most once a second per key).
   */
  select(key: string, accountId: number, namespace: string, action: string): FaultRule | null | Promise<FaultRule | null>;
}

const states = new WeakMap<Runtime, Faults>();

export function faultsOf(runtime: Runtime): Faults {
  let state = states.get(runtime);
  if (!state) {
    const cache = createFaultRuleCache(runtime.storage.db);
    const trigger = createFaultTrigger();
    state = {
      cache,
      trigger,
      select(key, accountId, namespace, action) {
        const rules = cache.cached(key);
        if (rules !== undefined) return rules.length === 0 ? null : trigger.select(rules, namespace, action);
        return cache.load(key, accountId).then((loaded) => (loaded.length === 0 ? null : trigger.select(loaded, namespace, action)));
      },
    };
    states.set(runtime, state);
  }
  return state;
}
