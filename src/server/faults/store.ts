/** Fault rules in the database: added, listed and cleared by the CLI and the operator endpoint, read by servers' caches. */
import type { Kysely, Selectable } from 'kysely';
import { doesNotValidate } from '../../protocol/specific-codes.js';
import type { Database } from '../../storage/schema.js';
import { normalizedRule, type FaultKind, type FaultRule, type FaultRuleInput } from './rule.js';
import type { FaultRulesTable } from './tables.js';

export interface FaultRuleFilter {
  id?: number;
  accountId?: number;
  key?: string;
}

function ruleOf(row: Selectable<FaultRulesTable>): FaultRule {
  return {
    id: Number(row.id),
    accountId: row.target_account === null ? null : Number(row.target_account),
    key: row.api_key,
    namespace: row.namespace,
    action: row.action,
    kind: row.kind as FaultKind,
    durationMs: row.duration_ms,
    status: row.status,
    retryAfter: row.retry_after,
    every: row.every,
    percent: row.percent === null ? null : Number(row.percent),
    seed: row.seed,
    times: row.times,
    note: row.note,
    createdAt: Number(row.created_at),
  };
}

/**
 * Stores a rule checked by `faultRuleInput`. A key's rule is also its account's, so that
 * account-wide listing and clearing find it; a key of another account than the one named is refused.
 */
export async function addFaultRule(db: Kysely<Database>, input: FaultRuleInput, now = Date.now()): Promise<FaultRule> {
  let accountId = input.accountId ?? null;
  if (input.key !== undefined) {
    const key = await db.selectFrom('api_keys').select('account_id').where('key', '=', input.key).executeTakeFirst();
    if (!key) throw doesNotValidate('key', [`No API key ${input.key}`]);
    if (accountId !== null && Number(key.account_id) !== accountId) {
      throw doesNotValidate('key', [`The key ${input.key} belongs to another account than ${accountId}`]);
    }
    accountId = Number(key.account_id);
  } else if (accountId !== null) {
    const account = await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
    if (!account) throw doesNotValidate('accountId', [`No account ${accountId}`]);
  }
  const rule = normalizedRule(input);
  const row = await db
    .insertInto('fault_rules')
    .values({
      target_account: accountId,
      api_key: rule.key,
      namespace: rule.namespace,
      action: rule.action,
      kind: rule.kind,
      duration_ms: rule.durationMs,
      status: rule.status,
      retry_after: rule.retryAfter,
      every: rule.every,
      percent: rule.percent,
      seed: rule.seed,
      times: rule.times,
      note: rule.note,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return ruleOf(row);
}

export async function listFaultRules(db: Kysely<Database>, filter: FaultRuleFilter = {}): Promise<FaultRule[]> {
  let query = db.selectFrom('fault_rules').selectAll().orderBy('id');
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  if (filter.accountId !== undefined) query = query.where('target_account', '=', filter.accountId);
  if (filter.key !== undefined) query = query.where('api_key', '=', filter.key);
  return (await query.execute()).map(ruleOf);
}

/** Removes the rules the filter selects (all of them without one); returns how many. */
export async function clearFaultRules(db: Kysely<Database>, filter: FaultRuleFilter = {}): Promise<number> {
  let query = db.deleteFrom('fault_rules');
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  if (filter.accountId !== undefined) query = query.where('target_account', '=', filter.accountId);
  if (filter.key !== undefined) query = query.where('api_key', '=', filter.key);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The rules that can apply to calls signed with this key: its own, its account's, and everyone's. */
export async function rulesForKey(db: Kysely<Database>, key: string, accountId: number): Promise<FaultRule[]> {
  const rows = await db
    .selectFrom('fault_rules')
    .selectAll()
    .where((eb) => eb.or([eb('api_key', '=', key), eb('api_key', 'is', null)]))
    .where((eb) => eb.or([eb('target_account', '=', accountId), eb('target_account', 'is', null)]))
    .orderBy('id')
    .execute();
  return rows.map(ruleOf);
}
