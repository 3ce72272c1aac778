/** Text renderings of runs and sync status for the CLI: summary tables and a progress bar. */
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { formatTimestamp } from '../protocol/timestamp.js';
import type { ProgressEvent } from './engine/context.js';
import type { RunSummary } from './engine/run.js';
import type { ConflictEntry } from './store/conflicts.js';
import type { Cursor } from './store/cursors.js';
import type { RunRecord } from './store/runs.js';
import type { StoredRefusal } from './store/refusals.js';
import { emptyCounts, type Counts, type FieldValue, type RecordError, type RefusalReport } from './types.js';
import type { EntityKind } from './connector.js';
import { findModule, MODULES } from './modules/index.js';

const COLUMNS: Array<keyof Counts> = ['created', 'updated', 'skipped', 'conflicts', 'deleted', 'errors', 'refused'];

/** What each kind of entity is called in the CRM, for the tables. */
const CRM_RECORDS: Readonly<Record<EntityKind, string>> = {
  contact: 'contacts',
  company: 'companies',
  campaign: 'campaigns',
  campaignMember: 'campaign members',
  opportunity: 'opportunities',
  bookingOpportunity: 'opportunities',
  emailEngagement: 'emails',
};

/** Rows in the order a run applies the modules, each direction naming what it writes. */
function rowOrder(key: string): number {
  const i = MODULES.findIndex((m) => m.name === key.split('/')[0]);
  return (i < 0 ? MODULES.length : i) * 2 + (key.endsWith('/toIvvy') ? 1 : 0);
}

export function directionLabel(moduleName: string, direction: string | undefined): string {
  if (direction !== 'toCrm') return 'CRM → iVvy';
  const module = findModule(moduleName);
  return module ? `iVvy → CRM ${CRM_RECORDS[module.kind]}` : 'iVvy → CRM';
}

/**
 * Counts per module and direction. Every module of `modules` gets its rows, all zeros when
 * it had nothing to do, so a run shows what it covered.
 */
export function countsTable(counts: Record<string, Counts>, modules: readonly string[] = []): string {
  const table = new Table({ head: ['module', 'direction', ...COLUMNS], style: { head: [], border: [] } });
  const all: Record<string, Counts> = {};
  for (const name of modules) {
    all[`${name}/toCrm`] = emptyCounts();
    if (findModule(name)?.twoWay) all[`${name}/toIvvy`] = emptyCounts();
  }
  Object.assign(all, counts);
  const keys = Object.keys(all).sort((a, b) => rowOrder(a) - rowOrder(b) || a.localeCompare(b));
  for (const key of keys) {
    const [module, direction] = key.split('/');
    const c = all[key]!;
    // Runs recorded before refusals were counted have no such count.
    table.push([module ?? key, directionLabel(module ?? key, direction), ...COLUMNS.map((k) => String(c[k] ?? 0))]);
  }
  if (keys.length === 0) table.push([{ colSpan: 2 + COLUMNS.length, content: 'nothing to do' }]);
  return table.toString();
}

export function runSummaryText(summary: RunSummary): string {
  const seconds = ((summary.finishedAt - summary.startedAt) / 1000).toFixed(1);
  const lines = [
    `Run #${summary.runId}${summary.dryRun ? ' (dry run: nothing written)' : ''}: ${summary.status} in ${seconds} s`,
    countsTable(summary.counts, summary.modules),
  ];
  if (summary.failure) lines.push(`Stopped (${summary.failureReason ?? 'stopped'}): ${summary.failure}`);
  if (!summary.dryRun && summary.waitingForRetry > 0) {
    lines.push(`${summary.waitingForRetry} record(s) still waiting for a retry (marquee sync status lists them; every run retries them all)`);
  }
  const records = summary.errors.filter((x) => x.reason === undefined);
  const recordErrors = summary.errorCount - (summary.errors.length - records.length);
  if (recordErrors > 0) {
    lines.push(`${recordErrors} record error(s)${recordErrors > records.length ? `, first ${records.length}` : ''}:`);
    for (const e of records.slice(0, 20)) lines.push(`  ${errorLine(e)}`);
    if (records.length > 20) lines.push(`  … see marquee sync status --json`);
  }
  if (summary.refusalCount > 0) {
    lines.push(`${summary.refusalCount} value(s) refused and left out (the rest of each record was written; sent again when the value changes):`);
    for (const r of summary.refusals.slice(0, 20)) lines.push(`  ${refusalLine(r)}`);
    if (summary.refusalCount > 20) lines.push(`  … see marquee sync status`);
  }
  return `${lines.join('\n')}\n`;
}

/** One record's error; the error that stopped a run is shown as "Stopped" instead. */
function errorLine(e: RecordError): string {
  return `${e.module} ${directionLabel(e.module, e.direction)} ${e.recordId}: ${e.message}`;
}

/**
 * What `sync watch` prints after a run: the summary when the run wrote, deleted, refused or
 * failed something, or when its outcome differs from the last one printed; nothing for a
 * run that found nothing to do, so a quiet watch stays quiet.
 */
export function watchReporter(): (summary: RunSummary) => string | null {
  let last: string | null = null;
  return (summary) => {
    const did = Object.values(summary.counts).some((c) => c.created + c.updated + c.deleted + c.conflicts + c.errors + (c.refused ?? 0) > 0);
    const outcome = `${summary.status}|${summary.failure ?? ''}|${summary.waitingForRetry}`;
    const changed = outcome !== last;
    last = outcome;
    return did || changed ? runSummaryText(summary) : null;
  };
}

const shown = (value: FieldValue): string => (value === null ? '(empty)' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify([...value]));

/** One refused value: where, which field, what, and the target's reason. */
export function refusalLine(r: RefusalReport): string {
  const into = r.direction === 'toCrm' ? 'CRM' : 'iVvy';
  const from = r.direction === 'toCrm' ? 'iVvy' : 'CRM';
  const target = r.targetId !== null ? ` → ${into} ${r.targetId}` : '';
  return `${r.module} ${from} ${r.recordId}${target}: ${r.field} ${shown(r.value)} refused by the ${into}: ${r.message}`;
}

const time = (ms: number | null) => (ms === null ? '-' : formatTimestamp(ms));

export function statusText(input: {
  profile: string;
  cursors: Cursor[];
  runs: RunRecord[];
  links: Record<string, Record<string, number>>;
  retries: number;
  refusals: StoredRefusal[];
  refusalCount: number;
  conflicts: ConflictEntry[];
}): string {
  const out: string[] = [`Profile: ${input.profile}`, '', 'Cursors'];
  const cursors = new Table({ head: ['module', 'side', 'watermark', 'window in progress', 'last reconciliation'], style: { head: [], border: [] } });
  for (const c of input.cursors) {
    const reconciles = findModule(c.module)?.reconcile !== false;
    cursors.push([
      c.module,
      c.side,
      time(c.watermarkAt),
      c.window ? `from ${time(c.window.fromAt)} (resumable)` : '-',
      c.side !== 'ivvy' ? '' : reconciles ? time(c.reconciledAt) : 'not needed',
    ]);
  }
  if (input.cursors.length === 0) cursors.push([{ colSpan: 5, content: 'no run yet' }]);
  out.push(cursors.toString(), '', 'Pairs');
  const pairs = new Table({ head: ['module', 'active', 'in flight', 'deleted in iVvy', 'deleted in CRM'], style: { head: [], border: [] } });
  for (const [module, counts] of Object.entries(input.links)) {
    pairs.push([module, counts.active ?? 0, counts.pending ?? 0, counts['deleted-ivvy'] ?? 0, counts['deleted-crm'] ?? 0].map(String));
  }
  out.push(pairs.toString(), '', `Records waiting for a retry: ${input.retries}${input.retries > 0 ? ' (every run retries them all)' : ''}`);
  out.push('', `Values refused and left out (sent again when they change): ${input.refusalCount}`);
  for (const r of input.refusals.slice(0, 50)) out.push(`  ${refusalLine(r)}`);
  if (input.refusalCount > 50) out.push(`  … ${input.refusalCount - 50} more: marquee sync status --json`);
  // The latest run first, with its own errors: what is wrong now. Earlier runs follow as
  // history, so an old failure is never read as the current state.
  const [latest, ...earlier] = input.runs;
  out.push('', 'Latest run');
  if (!latest) {
    out.push('  no run yet');
  } else {
    out.push(
      `  #${latest.id}${latest.dryRun ? ' (dry run)' : ''} ${latest.status}, ${latest.trigger}, started ${time(latest.startedAt)}, finished ${time(latest.finishedAt)}, modules ${latest.modules.join(', ')}`,
    );
    const stop = latest.errors.find((e) => e.reason !== undefined);
    if (stop) out.push(`  Stopped (${stop.reason}): ${stop.message}`);
    const records = latest.errors.filter((e) => e.reason === undefined);
    const recordErrors = latest.errorCount - (stop ? 1 : 0);
    out.push(`  Errors: ${recordErrors}${recordErrors > records.length ? ` (first ${records.length} kept)` : ''}`);
    for (const e of records.slice(0, 20)) out.push(`    ${errorLine(e)}`);
    if (records.length > 20) out.push(`    … marquee sync status --json lists them all`);
  }
  out.push('', 'Earlier runs');
  const runs = new Table({ head: ['run', 'status', 'trigger', 'started', 'finished', 'modules', 'errors'], style: { head: [], border: [] } });
  for (const r of earlier) {
    runs.push([
      `#${r.id}${r.dryRun ? ' (dry)' : ''}`,
      r.status,
      r.trigger,
      time(r.startedAt),
      time(r.finishedAt),
      r.modules.join(', '),
      String(r.errorCount),
    ]);
  }
  if (earlier.length === 0) runs.push([{ colSpan: 7, content: 'none' }]);
  out.push(runs.toString());
  if (input.conflicts.length > 0) {
    out.push('', 'Recent conflicts');
    for (const c of input.conflicts) {
      out.push(`  ${time(c.createdAt)} ${c.module} iVvy ${c.ivvyId} / CRM ${c.crmId}: ${c.winner} won (${c.fields.join(', ')})`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** What a run is doing, in words. */
export function phaseLabel(e: ProgressEvent): string {
  switch (e.phase) {
    case 'recover':
      return 'finishing creates an interrupted run left';
    case 'retry':
      return `retrying failed records (${e.side === 'crm' ? 'CRM' : 'iVvy'})`;
    case 'changes':
      return e.side === 'crm' ? 'CRM changes → iVvy' : `iVvy changes → CRM ${CRM_RECORDS[findModule(e.module)?.kind ?? 'contact']}`;
    case 'reconcile':
      return 'looking for deletions';
    case 'done':
      return 'done';
  }
}

/** A progress bar on a terminal; nothing when the output is not one. */
export function progressBar(stream: NodeJS.WriteStream): { onProgress: (e: ProgressEvent) => void; stop: () => void } {
  if (!stream.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: ' {bar} {stage}: {records} of {total} records', barsize: 24, stream, hideCursor: true, clearOnComplete: true },
    { barCompleteChar: '█', barIncompleteChar: '░', format: '' },
  );
  let started = false;
  // The current module's phases (per side): records read so far, and how many each expects
  // when its feed says. The bar is the module's records against that expectation.
  let module = '';
  const phases = new Map<string, { processed: number; total: number }>();
  return {
    onProgress(e) {
      if (e.module !== module) {
        module = e.module;
        phases.clear();
      }
      if (e.phase !== 'done') phases.set(`${e.phase}/${e.side ?? ''}`, { processed: e.processed, total: Math.max(e.processed, e.total ?? e.processed) });
      const records = [...phases.values()].reduce((a, p) => a + p.processed, 0);
      const expected = [...phases.values()].reduce((a, p) => a + p.total, 0);
      const stage = `${e.module}: ${phaseLabel(e)}`;
      if (!started) {
        bar.start(Math.max(1, expected), 0, { stage, records });
        started = true;
      }
      bar.setTotal(Math.max(1, expected));
      bar.update(e.phase === 'done' ? Math.max(1, expected) : records, { stage, records });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
