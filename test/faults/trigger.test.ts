import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { FaultRule } from '../../src/server/faults/rule.js';
import { createFaultTrigger } from '../../src/server/faults/trigger.js';

const rule = (id: number, fields: Partial<FaultRule> = {}): FaultRule => ({
  id,
  accountId: null,
  key: null,
  namespace: null,
  action: null,
  kind: 'error',
  durationMs: null,
  status: 500,
  retryAfter: null,
  every: 1,
  percent: null,
  seed: null,
  times: null,
  note: null,
  createdAt: 0,
  ...fields,
});

it('the oldest firing rule wins, while every matching rule counts the call', () => {
  const trigger = createFaultTrigger();
  const rules = [rule(1, { every: 2 }), rule(2, { every: 3, kind: 'drop' })];
  const fired = Array.from({ length: 6 }, () => trigger.select(rules, 'test', 'ping')?.id ?? null);
  // Call 6 is rule 2's third match too, but rule 1 fires first.
  assert.deepEqual(fired, [null, 1, 2, 1, null, 1]);
});

it('stops after `times`, and matches only its namespace and action', () => {
  const trigger = createFaultTrigger();
  const rules = [rule(1, { namespace: 'contact', action: 'getContact', times: 2 })];
  assert.equal(trigger.select(rules, 'contact', 'getContactList'), null);
  assert.equal(trigger.select(rules, 'test', 'ping'), null);
  const fired = Array.from({ length: 4 }, () => trigger.select(rules, 'contact', 'getContact')?.id ?? null);
  assert.deepEqual(fired, [1, 1, null, null]);
});

it('draws an unseeded percentage from the random source', () => {
  const draws = [0.1, 0.5, 0.29, 0.3];
  const trigger = createFaultTrigger(() => draws.shift() ?? 1);
  const rules = [rule(1, { percent: 30 })];
  assert.deepEqual(Array.from({ length: 4 }, () => trigger.select(rules, 'test', 'ping') !== null), [true, false, true, false]);
});
