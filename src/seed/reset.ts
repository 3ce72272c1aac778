/**
 * `marquee reset`: an account emptied (storage/account-wipe.ts) and seeded again with the seed
 * and size of its first seeding, dated today (seed.ts, anchoredNow), so a reset account holds
 * what `marquee seed` first put there. Its keys and primary user are kept: the same key goes on
 * working. The batch to come is recorded in the wipe's transaction, so even a reset that dies
 * while seeding leaves the seed on record for the next one.
 */
import type { Runtime } from '../runtime.js';
import { wipeAccount } from '../storage/account-wipe.js';
import { claimSeedRun, listSeedRuns } from './runs.js';
import { anchoredNow, runClaimedBatch, type PlannedRun, type SeedResult } from './seed.js';

export interface ResetResult {
  accountId: number;
  /** Rows deleted, by table. */
  deleted: Record<string, number>;
  /** The seeding done afterwards; null for an account never seeded (it is left empty). */
  seeded: SeedResult | null;
}

export async function resetAccount(runtime: Runtime, accountId: number): Promise<ResetResult> {
  const { db, dialect } = runtime.storage;
  const [first] = await listSeedRuns(db, accountId);
  const plan: PlannedRun | null = first ? { batch: 1, randomSeed: first.randomSeed, contacts: first.contacts, now: anchoredNow() } : null;
  const { deleted } = await wipeAccount(db, dialect, accountId, async (trx) => {
    if (plan) await claimSeedRun(trx, accountId, { ...plan, startedAt: Date.now() });
  });
  return { accountId, deleted, seeded: plan ? await runClaimedBatch(runtime, accountId, plan) : null };
}
