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
import { emptyCounts, type Counts, type FieldValue, type RefusalReport } from './types.js';
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
  if (summary.failure) lines.push(`Stopped: ${summary.failure}`);
  if (summary.errorCount > 0) {
    lines.push(`${summary.errorCount} error(s)${summary.errorCount > summary.errors.length ? `, first ${summary.errors.length}` : ''}:`);
    for (const e of summary.errors.slice(0, 20)) lines.push(`  ${e.module} ${e.direction} ${e.recordId}: ${e.message}`);
    if (summary.errors.length > 20) lines.push(`  … see marquee sync status --json`);
  }
  if (summary.refusalCount > 0) {
    lines.push(`${summary.refusalCount} value(s) refused and left out (the rest of each record was written; sent again when the value changes):`);
    for (const r of summary.refusals.slice(0, 20)) lines.push(`  ${refusalLine(r)}`);
    if (summary.refusalCount > 20) lines.push(`  … see marquee sync status`);
  }
  return `${lines.join('\n')}\n`;
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
  out.push(pairs.toString(), '', `Records waiting for a retry: ${input.retries}`);
  out.push('', `Values refused and left out (sent again when they change): ${input.refusalCount}`);
  for (const r of input.refusals.slice(0, 50)) out.push(`  ${refusalLine(r)}`);
  if (input.refusalCount > 50) out.push(`  … ${input.refusalCount - 50} more: marquee sync status --json`);
  out.push('', 'Last runs');
  const runs = new Table({ head: ['run', 'status', 'trigger', 'started', 'finished', 'modules', 'errors'], style: { head: [], border: [] } });
  for (const r of input.runs) {
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
  if (input.runs.length === 0) runs.push([{ colSpan: 7, content: 'no run yet' }]);
  out.push(runs.toString());
  const lastErrors = input.runs.find((r) => r.errorCount > 0);
  if (lastErrors) {
    out.push('', `Errors of run #${lastErrors.id}:`);
    for (const e of lastErrors.errors.slice(0, 10)) out.push(`  ${e.module} ${e.direction} ${e.recordId}: ${e.message}`);
  }
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
    { format: ' {bar} {stage} {value} records', barsize: 24, stream, hideCursor: true, clearOnComplete: true },
    { barCompleteChar: '█', barIncompleteChar: '░', format: '' },
  );
  let started = false;
  let total = 0;
  return {
    onProgress(e) {
      const stage = `${e.module}: ${phaseLabel(e)}`;
      if (!started) {
        bar.start(1, 0, { stage });
        started = true;
      }
      // Change feeds do not say how long they are: the bar tracks records read so far.
      total = Math.max(total, e.processed + 1);
      bar.setTotal(total);
      bar.update(e.processed, { stage });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
