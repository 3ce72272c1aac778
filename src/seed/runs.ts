/**
 * The record of an account's seedings (table `seed_runs`, migration 0018): one row per batch,
 * with everything needed to produce it again — the faker seed, the number of contacts and the
 * instant the seeders took as "now". A batch is claimed (its row inserted) before its seeders
 * run and finished after, so two seedings of one account cannot take the same batch, and a
 * seeding that died half way stays visible as unfinished (`marquee reset` starts over).
 */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { Executor } from '../storage/scope.js';

export interface SeedRunsTable {
  id: Generated<number>;
  account_id: number;
  /** 1 for the first seeding, then one more for each `marquee seed --add`. */
  batch: number;
  random_seed: number;
  contacts: number;
  /** The seeders' `now`. */
  now_at: number;
  /** JSON of the seeders' counts; null until finished. */
  counts: string | null;
  started_at: number;
  finished_at: number | null;
}

declare module '../storage/schema.js' {
  interface Database {
    seed_runs: SeedRunsTable;
  }
}

export interface SeedRun {
  batch: number;
  randomSeed: number;
  contacts: number;
  now: number;
  counts: Record<string, number> | null;
  startedAt: number;
  finishedAt: number | null;
}

function toRun(row: Omit<SeedRunsTable, 'id' | 'account_id'>): SeedRun {
  return {
    batch: row.batch,
    randomSeed: Number(row.random_seed),
    contacts: row.contacts,
    now: Number(row.now_at),
    counts: row.counts === null ? null : (JSON.parse(row.counts) as Record<string, number>),
    startedAt: Number(row.started_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

/** The account's seedings, first batch first. */
export async function listSeedRuns(db: Executor, accountId: number): Promise<SeedRun[]> {
  const rows = await db
    .selectFrom('seed_runs')
    .select(['batch', 'random_seed', 'contacts', 'now_at', 'counts', 'started_at', 'finished_at'])
    .where('account_id', '=', accountId)
    .orderBy('batch')
    .execute();
  return rows.map(toRun);
}

/**
 * Takes the next batch for a seeding. The unique (account, batch) key makes a concurrent
 * seeding of the same account fail here rather than seed twice.
 */
export async function claimSeedRun(
  db: Executor,
  accountId: number,
  run: { batch: number; randomSeed: number; contacts: number; now: number; startedAt: number },
): Promise<void> {
  await db
    .insertInto('seed_runs')
    .values({
      account_id: accountId,
      batch: run.batch,
      random_seed: run.randomSeed,
      contacts: run.contacts,
      now_at: run.now,
      counts: null,
      started_at: run.startedAt,
      finished_at: null,
    })
    .execute();
}

export async function finishSeedRun(db: Kysely<Database>, accountId: number, batch: number, counts: Record<string, number>, at: number): Promise<void> {
  await db
    .updateTable('seed_runs')
    .set({ counts: JSON.stringify(counts), finished_at: at })
    .where('account_id', '=', accountId)
    .where('batch', '=', batch)
    .execute();
}
