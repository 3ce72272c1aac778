/**
 * One pass over one side's changes for one module: retries first, then the change feed from
 * the cursor (less the overlap window), page by page, with a checkpoint after every applied
 * page. The watermark moves to the time the window was opened only when the window has been
 * walked to its end: never past the start of the walk, so nothing modified during it is lost.
 */
import type { Side } from '../types.js';
import { applyPage } from './apply.js';
import type { ModuleRun } from './context.js';

/**
 * Every record waiting for a retry is read again, a page at a time: a run that left some
 * untried could not say whether they still fail.
 */
export async function retryFailed(run: ModuleRun, side: Side, pageSize: number): Promise<void> {
  if (run.dryRun) return;
  const name = run.module.name;
  const ops = side === 'ivvy' ? run.ivvy : run.crm;
  const waiting = await run.state.retries.ids(name, side);
  let processed = 0;
  for (let i = 0; i < waiting.length; i += pageSize) {
    const ids = waiting.slice(i, i + pageSize);
    const records = await ops.get(ids);
    const alive = new Set(records.map((r) => r.id));
    // Gone since: nothing left to retry.
    await run.state.retries.clear(name, side, ids.filter((id) => !alive.has(id)));
    await applyPage(run, side, records);
    processed += records.length;
    run.progress({ module: name, phase: 'retry', side, processed, total: waiting.length });
    await run.checkpoint();
  }
}

export async function walkChanges(run: ModuleRun, side: Side): Promise<void> {
  const name = run.module.name;
  const ops = side === 'ivvy' ? run.ivvy : run.crm;
  const cursor = await run.state.cursors.get(name, side);
  const window = cursor.window ?? {
    fromAt: cursor.watermarkAt === null || run.full ? 0 : Math.max(0, cursor.watermarkAt - run.overlapMs),
    untilAt: run.now(),
    resume: null,
  };
  if (!run.dryRun) await run.state.cursors.checkpoint(name, side, window, run.now());
  let resume = window.resume;
  let processed = 0;
  for (;;) {
    const page = await ops.listChanges(window.fromAt, resume);
    await applyPage(run, side, page.records);
    processed += page.records.length;
    if (page.next !== null && page.next === resume) {
      throw new Error(`${name}: the ${side} change feed returned the same position twice; stopping instead of looping`);
    }
    resume = page.next;
    run.progress({ module: name, phase: 'changes', side, processed, ...(page.remaining !== undefined ? { total: processed + page.remaining } : {}) });
    if (resume === null) break;
    if (!run.dryRun) await run.state.cursors.checkpoint(name, side, { ...window, resume }, run.now());
    await run.checkpoint();
  }
  if (!run.dryRun) await run.state.cursors.commit(name, side, window.untilAt, run.now());
  await run.checkpoint();
}
