/**
 * Decides which rule, if any, fires on a call: every matching rule counts the call, and the
 * first (oldest) whose trigger fires wins. Counts are per server process (a fleet of N servers
 * behind a balancer fires every Nth call of each), kept by rule id so a cache refresh keeps them.
 */
import { createHash } from 'node:crypto';
import { ruleMatches, type FaultRule } from './rule.js';

interface Counts {
  matched: number;
  fired: number;
}

export interface FaultTrigger {
  select(rules: readonly FaultRule[], namespace: string, action: string): FaultRule | null;
}

/**
 * A seeded draw in [0, 100) for the nth match: a hash of seed and position, so a test that
 * makes the same calls sees the same faults whatever else ran before.
 */
function seededPercent(seed: number, nth: number): number {
  return (createHash('sha256').update(`${seed}:${nth}`).digest().readUInt32BE(0) / 2 ** 32) * 100;
}

export function createFaultTrigger(random: () => number = Math.random, maxRules = 10_000): FaultTrigger {
  const counts = new Map<number, Counts>();
  return {
    select(rules, namespace, action) {
      let chosen: FaultRule | null = null;
      for (const rule of rules) {
        if (!ruleMatches(rule, namespace, action)) continue;
        let count = counts.get(rule.id);
        if (!count) {
          if (counts.size >= maxRules) counts.clear();
          count = { matched: 0, fired: 0 };
          counts.set(rule.id, count);
        }
        count.matched++;
        if (chosen !== null || (rule.times !== null && count.fired >= rule.times)) continue;
        const fires =
          rule.percent === null
            ? count.matched % rule.every === 0
            : (rule.seed === null ? random() * 100 : seededPercent(rule.seed, count.matched)) < rule.percent;
        if (fires) {
          count.fired++;
          chosen = rule;
        }
      }
      return chosen;
    },
  };
}
