/**
 * Run records, which double as the run lock: a partial unique index allows one `running`
 * run per profile. A run whose process died (same host, pid gone) or whose heartbeat is
 * older than the lease is marked `interrupted` so the next run may start.
 */
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Counts, RecordError } from '../types.js';
import './tables.js';

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'interrupted';

export interface RunRecord {
  id: number;
  status: RunStatus;
  trigger: string;
  dryRun: boolean;
  modules: string[];
  /** `module/direction` → counts. */
  counts: Record<string, Counts>;
  errors: RecordError[];
  errorCount: number;
  holder: string;
  startedAt: number;
  heartbeatAt: number;
  finishedAt: number | null;
}

/** Errors kept on a run record; the count keeps going past it. */
export const MAX_STORED_ERRORS = 200;

/** A heartbeat older than this means the run's process is gone. */
export const RUN_LEASE_MS = 120_000;

export class SyncBusyError extends Error {
  constructor(readonly run: RunRecord) {
    super(`Another sync run (#${run.id}, started ${new Date(run.startedAt).toISOString()} by ${run.holder}) is still running`);
    this.name = 'SyncBusyError';
  }
}

export const thisHolder = (): string => `${hostname()}:${process.pid}`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that holds a run is certainly gone. */
export function holderIsDead(holder: string, heartbeatAt: number, now: number): boolean {
  if (now - heartbeatAt > RUN_LEASE_MS) return true;
  const at = holder.lastIndexOf(':');
  const host = holder.slice(0, at);
  const pid = Number(holder.slice(at + 1));
  if (host !== hostname() || !Number.isSafeInteger(pid)) return false;
  return pid !== process.pid && !processAlive(pid);
}

function toRun(row: {
  id: number;
  status: string;
  trigger: string;
  dry_run: number;
  modules: string;
  counts: string;
  errors: string;
  error_count: number;
  holder: string;
  started_at: number;
  heartbeat_at: number;
  finished_at: number | null;
}): RunRecord {
  return {
    id: row.id,
    status: row.status as RunStatus,
    trigger: row.trigger,
    dryRun: row.dry_run === 1,
    modules: JSON.parse(row.modules) as string[],
    counts: JSON.parse(row.counts) as Record<string, Counts>,
    errors: JSON.parse(row.errors) as RecordError[],
    errorCount: row.error_count,
    holder: row.holder,
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
    finishedAt: row.finished_at,
  };
}

export interface RunStore {
  /** Starts a run, or throws SyncBusyError while another live run holds the profile. */
  start(input: { trigger: string; dryRun: boolean; modules: string[] }, now: number): Promise<RunRecord>;
  heartbeat(runId: number, progress: { counts: Record<string, Counts>; errors: RecordError[]; errorCount: number }, now: number): Promise<void>;
  finish(
    runId: number,
    result: { status: RunStatus; counts: Record<string, Counts>; errors: RecordError[]; errorCount: number },
    now: number,
  ): Promise<void>;
  recent(limit: number): Promise<RunRecord[]>;
  get(runId: number): Promise<RunRecord | undefined>;
}

export function createRunStore(db: Kysely<Database>, profile: string): RunStore {
  const running = () =>
    db.selectFrom('sync_runs').selectAll().where('profile', '=', profile).where('status', '=', 'running').executeTakeFirst();

  return {
    async start(input, now) {
      const current = await running();
      if (current) {
        if (!holderIsDead(current.holder, current.heartbeat_at, now)) throw new SyncBusyError(toRun(current));
        await db
          .updateTable('sync_runs')
          .set({ status: 'interrupted', finished_at: now })
          .where('id', '=', current.id)
          .where('status', '=', 'running')
          .execute();
      }
      const values = {
        profile,
        status: 'running',
        trigger: input.trigger,
        dry_run: input.dryRun ? 1 : 0,
        modules: JSON.stringify(input.modules),
        counts: '{}',
        errors: '[]',
        error_count: 0,
        holder: thisHolder(),
        started_at: now,
        heartbeat_at: now,
        finished_at: null,
      };
      try {
        const row = await db.insertInto('sync_runs').values(values).returning('id').executeTakeFirstOrThrow();
        return toRun({ ...values, id: row.id });
      } catch (error) {
        // Lost a race with another starter: the unique index on running runs refused us.
        const winner = await running();
        if (winner) throw new SyncBusyError(toRun(winner));
        throw error;
      }
    },
    async heartbeat(runId, progress, now) {
      await db
        .updateTable('sync_runs')
        .set({
          heartbeat_at: now,
          counts: JSON.stringify(progress.counts),
          errors: JSON.stringify(progress.errors.slice(0, MAX_STORED_ERRORS)),
          error_count: progress.errorCount,
        })
        .where('id', '=', runId)
        .execute();
    },
    async finish(runId, result, now) {
      await db
        .updateTable('sync_runs')
        .set({
          status: result.status,
          finished_at: now,
          heartbeat_at: now,
          counts: JSON.stringify(result.counts),
          errors: JSON.stringify(result.errors.slice(0, MAX_STORED_ERRORS)),
          error_count: result.errorCount,
        })
        .where('id', '=', runId)
        .execute();
    },
    async recent(limit) {
      const rows = await db
        .selectFrom('sync_runs')
        .selectAll()
        .where('profile', '=', profile)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRun);
    },
    async get(runId) {
      const row = await db.selectFrom('sync_runs').selectAll().where('profile', '=', profile).where('id', '=', runId).executeTakeFirst();
      return row ? toRun(row) : undefined;
    },
  };
}
