/**
 * Deletion detection. iVvy lists stop returning deleted contacts and companies
 * (announcements/contact/contact-and-company-endpoints-changes.md), so no change feed ever
 * says "deleted": every so often the ids of both sides are listed in full and compared with
 * the id map. An id missing from a listing is confirmed by reading it (a listing that
 * shifted while it was paged must not delete anything), and a reconciliation that would
 * delete more than the configured share of the pairs is refused as a likely outage.
 *
 * - Deleted in iVvy: the CRM record is archived, deleted or left alone (module `onDelete`).
 * - Deleted in the CRM: the iVvy API has no delete for contacts or companies, so the iVvy
 *   record stays; the pair is closed and that record is not synced again.
 */
import type { Link } from '../store/links.js';
import type { ModuleRun } from './context.js';

const LINK_PAGE = 500;

export interface ReconcileOptions {
  maxDeleteRatio: number;
}

async function collect(ids: AsyncIterable<readonly string[]>): Promise<Set<string>> {
  const out = new Set<string>();
  for await (const page of ids) for (const id of page) out.add(id);
  return out;
}

export async function reconcile(run: ModuleRun, options: ReconcileOptions): Promise<void> {
  const name = run.module.name;
  const startedAt = run.now();
  const [ivvyIds, crmIds] = [await collect(run.ivvy.listIds()), await collect(run.crm.listIds())];

  const missingIvvy: Link[] = [];
  const missingCrm: Link[] = [];
  let total = 0;
  for (let after = 0; ; ) {
    const page = await run.state.links.activePage(name, after, LINK_PAGE, startedAt);
    if (page.length === 0) break;
    total += page.length;
    after = page[page.length - 1]!.id;
    for (const link of page) {
      if (link.ivvyId !== null && !ivvyIds.has(link.ivvyId)) missingIvvy.push(link);
      else if (link.crmId !== null && !crmIds.has(link.crmId)) missingCrm.push(link);
    }
    run.progress({ module: name, phase: 'reconcile', side: null, processed: total });
  }

  // Confirm each absence by reading the record itself.
  const stillIvvy = new Set((await run.ivvy.get(missingIvvy.map((l) => l.ivvyId!))).map((r) => r.id));
  const stillCrm = new Set((await run.crm.get(missingCrm.map((l) => l.crmId!))).map((r) => r.id));
  const goneIvvy = missingIvvy.filter((l) => !stillIvvy.has(l.ivvyId!));
  const goneCrm = missingCrm.filter((l) => !stillCrm.has(l.crmId!));

  const deletions = goneIvvy.length + goneCrm.length;
  if (total > 0 && deletions > 0 && deletions / total > options.maxDeleteRatio) {
    run.tally.error(
      name,
      'toCrm',
      '*',
      `reconciliation refused: ${deletions} of ${total} pairs look deleted (more than maxDeleteRatio ${options.maxDeleteRatio}); check both systems, or raise sync.maxDeleteRatio`,
    );
    return;
  }
  await applyIvvyDeletions(run, goneIvvy);
  await applyCrmDeletions(run, goneCrm);
  if (!run.dryRun) await run.state.cursors.markReconciled(name, startedAt, run.now());
}

/** iVvy records deleted (found by reconciliation or announced by a webhook). */
export async function applyIvvyDeletions(run: ModuleRun, links: readonly Link[]): Promise<void> {
  if (links.length === 0) return;
  const name = run.module.name;
  const policy = run.settings.onDelete;
  const now = run.now();
  if (run.dryRun) {
    run.tally.add(name, 'toCrm', policy === 'ignore' ? 'skipped' : 'deleted', links.length);
    return;
  }
  const results = new Map<string, { ok: boolean; error?: string }>();
  if (policy !== 'ignore') {
    const ids = links.map((l) => l.crmId).filter((id): id is string => id !== null);
    for (const r of await run.crm.remove(ids, policy)) results.set(r.id, r);
  }
  for (const link of links) {
    const r = link.crmId !== null ? results.get(link.crmId) : undefined;
    if (r && !r.ok) {
      run.tally.error(name, 'toCrm', link.ivvyId ?? '?', `could not ${policy} CRM record ${link.crmId}: ${r.error ?? 'failed'}`);
      continue;
    }
    await run.state.links.update(link.id, { status: 'deleted-ivvy' }, now);
    run.tally.add(name, 'toCrm', policy === 'ignore' ? 'skipped' : 'deleted');
  }
}

async function applyCrmDeletions(run: ModuleRun, links: readonly Link[]): Promise<void> {
  if (links.length === 0) return;
  const name = run.module.name;
  if (run.dryRun) {
    run.tally.add(name, 'toIvvy', 'skipped', links.length);
    return;
  }
  for (const link of links) await run.state.links.update(link.id, { status: 'deleted-crm' }, run.now());
  run.tally.add(name, 'toIvvy', 'skipped', links.length);
  run.log.info({ module: name, pairs: links.length }, 'records deleted in the CRM: pairs closed, iVvy records kept');
}
