/**
 * The batch namespace (getting-started/batch/*): run a list of API calls asynchronously, follow
 * its progress, fetch its results, restart it, re-send its callback.
 */
import { z } from 'zod';
import { batchNotCompleted, batchNotFound, BatchCodes, notSaved } from '../../batch/errors.js';
import { parseJobs } from '../../batch/job-format.js';
import { findBatch, progressOf, repostCallback, restartBatch, resultsDocument, saveBatch } from '../../batch/store.js';
import { defineAction } from '../../registry/define-action.js';
import { string } from '../../registry/params.js';
import { wake } from '../../notify/wake.js';
import { webhookUrl } from '../../notify/webhook-url.js';

/** `{"async": "<asyncId>"}`, the one parameter of every batch action but run. */
const asyncParams = z.object({ async: string(64) });

export const run = defineAction({
  namespace: 'batch',
  action: 'run',
  kind: 'write',
  params: z.object({
    // Checked by parseJobs for the page's own codes (24092, 24093, 24448).
    jobs: z.custom<unknown[]>((v) => v !== undefined),
    // PHP clients send "" for "no callback".
    callbackUrl: z.preprocess((v) => (v === '' || v === null ? undefined : v), webhookUrl().optional()),
  }),
  result: z.object({ asyncId: z.string().regex(/^[0-9a-f]{32}$/) }),
  async handler(ctx, params) {
    const jobs = parseJobs(params.jobs);
    let asyncId: string;
    try {
      asyncId = await saveBatch(ctx.store, {
        jobs,
        callbackUrl: params.callbackUrl ?? null,
        userId: ctx.caller.userId,
        apiKey: ctx.caller.apiKey,
        now: ctx.now,
      });
    } catch (error) {
      ctx.log.error({ err: error }, 'batch could not be saved');
      throw notSaved();
    }
    wake('batches');
    return { asyncId };
  },
});

export const progress = defineAction({
  namespace: 'batch',
  action: 'progress',
  kind: 'read',
  params: asyncParams,
  result: z.object({ progress: z.number().int().min(0).max(100) }),
  async handler(ctx, params) {
    const value = await progressOf(ctx.store, params.async);
    if (value === null) throw batchNotFound(BatchCodes.progressNotFound);
    return { progress: value };
  },
});

export const results = defineAction({
  namespace: 'batch',
  action: 'results',
  kind: 'read',
  params: asyncParams,
  result: z.object({
    asyncId: z.string(),
    results: z.array(
      z.object({ namespace: z.string(), action: z.string(), request: z.unknown(), response: z.unknown() }),
    ),
  }),
  async handler(ctx, params) {
    const batch = await findBatch(ctx.store, params.async);
    if (!batch) throw batchNotFound(BatchCodes.resultsNotFound);
    if (batch.status !== 'completed') throw batchNotCompleted();
    return resultsDocument(ctx.store.executor, batch.id);
  },
});

export const restart = defineAction({
  namespace: 'batch',
  action: 'restart',
  kind: 'write',
  params: asyncParams,
  result: z.object({ restarted: z.boolean() }),
  async handler(ctx, params) {
    if (!(await restartBatch(ctx.store, params.async))) throw batchNotFound();
    wake('batches');
    return { restarted: true };
  },
});

export const repost = defineAction({
  namespace: 'batch',
  action: 'repost',
  kind: 'write',
  params: asyncParams,
  result: z.object({ reposted: z.boolean() }),
  async handler(ctx, params) {
    const batch = await findBatch(ctx.store, params.async);
    if (!batch) throw batchNotFound();
    if (batch.status !== 'completed') throw batchNotCompleted();
    if (!batch.callback_url) return { reposted: false };
    await repostCallback(ctx.store, batch.id, ctx.now);
    wake('batches');
    return { reposted: true };
  },
});


