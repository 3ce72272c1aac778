/**
 * The batch worker: claims queued (or abandoned) batches and runs them, posts the callbacks
 * of completed ones (results past their retention are purged by housekeeping/worker.ts). Claims are leases taken with
 * SKIP LOCKED on PostgreSQL, so several server processes share batches without two running
 * the same one; a batch whose worker died is taken over once its lease has expired.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import { createLoop } from '../notify/loop.js';
import type { WorkerSettings } from '../notify/settings.js';
import { onWake } from '../notify/wake.js';
import type { BackgroundWorker } from '../worker.js';
import type { BatchServices } from './services.js';
import { dialectOf } from '../storage/dialects/index.js';
import { postCallback } from './callback.js';
import { runBatch } from './runner.js';

/** Batches one process runs at the same time. */
const PARALLEL = 2;
const CALLBACKS_PER_ROUND = 8;

export interface BatchWorker extends BackgroundWorker {
  /** Runs one round now; returns how many batches completed in it. */
  runOnce(): Promise<number>;
}

export function createBatchWorker(services: BatchServices, settings: WorkerSettings): BatchWorker {
  const owner = randomUUID();
  const { db, dialect } = services.storage;

  const free = (now: number) => sql<SqlBool>`(lease_until is null or lease_until < ${now})`;

  async function claimBatches(now: number, limit: number): Promise<string[]> {
    const eligible = sql<SqlBool>`status in ('queued', 'running')`;
    const waiting = db.selectFrom('batches').select('id').where(eligible).where(free(now)).orderBy('created_at').limit(limit);
    // Look before locking: an idle server then never takes a write lock just to find nothing.
    if ((await waiting.execute()).length === 0) return [];
    const candidates = dialectOf(dialect).skipLocked(waiting);
    const claimed = await db
      .updateTable('batches')
      .set({ status: 'running', lease_owner: owner, lease_until: now + settings.leaseMs })
      .where('id', 'in', candidates)
      .where(eligible)
      .where(free(now))
      .returning('id')
      .execute();
    if (claimed.length > 0) {
      await db
        .updateTable('batches')
        .set({ started_at: now })
        .where('id', 'in', claimed.map((c) => c.id))
        .where('started_at', 'is', null)
        .execute();
    }
    return claimed.map((c) => c.id);
  }

  async function claimCallbacks(now: number): Promise<string[]> {
    const eligible = sql<SqlBool>`callback_status = 'pending' and callback_next_at <= ${now}`;
    const waiting = db.selectFrom('batches').select('id').where(eligible).where(free(now)).orderBy('callback_next_at').limit(CALLBACKS_PER_ROUND);
    if ((await waiting.execute()).length === 0) return [];
    const candidates = dialectOf(dialect).skipLocked(waiting);
    const claimed = await db
      .updateTable('batches')
      .set({ lease_owner: owner, lease_until: now + settings.leaseMs })
      .where('id', 'in', candidates)
      .where(eligible)
      .where(free(now))
      .returning('id')
      .execute();
    return claimed.map((c) => c.id);
  }

  const loop = createLoop({
    name: 'batches',
    intervalMs: settings.pollMs,
    log: services.log,
    async round(isStopping) {
      const now = Date.now();
      const deps = { services, owner, leaseMs: settings.leaseMs, isStopping };
      const batches = await claimBatches(now, PARALLEL);
      const completed = (await Promise.all(batches.map((id) => runBatch(deps, id)))).filter(Boolean).length;
      const callbacks = await claimCallbacks(Date.now());
      await Promise.all(callbacks.map((id) => postCallback({ services, settings, owner }, id)));
      return { completed, again: batches.length === PARALLEL || completed > 0 };
    },
  });

  let unsubscribe: (() => void) | undefined;
  return {
    name: 'batches',
    start() {
      unsubscribe ??= onWake('batches', loop.wake);
      loop.start();
    },
    async stop() {
      unsubscribe?.();
      await loop.stop();
    },
    runOnce: async () => (await loop.runOnce()).completed,
  };
}
