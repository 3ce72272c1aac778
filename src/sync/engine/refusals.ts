/**
 * What the engine does with values a target refused (connectors/refusals.ts leaves them out
 * of the write and reports them): each is reported in the run (summary, `sync status`) and
 * kept with a hash of the value (store/refusals.ts). While the source still holds that value
 * the field is left out of later writes — it is sent again only once it changes — and the
 * target's lack of it is not taken for a deletion: the other system's value is not cleared
 * because the CRM could not hold it.
 */
import type { StoredRefusal } from '../store/refusals.js';
import { valueHash } from '../store/refusals.js';
import type { Canonical, Direction, FieldValue, RefusalReport, WriteResult } from '../types.js';
import type { ModuleRun } from './context.js';

export type StandingRefusals = ReadonlyMap<string, ReadonlyMap<string, StoredRefusal>>;

/** The standing refusals of these pairs, in both directions. */
export async function standingForPairs(
  run: ModuleRun,
  pairs: ReadonlyArray<{ ivvyId: string | null; crmId: string | null }>,
): Promise<{ toCrm: StandingRefusals; toIvvy: StandingRefusals }> {
  const name = run.module.name;
  const ivvyIds = pairs.map((p) => p.ivvyId).filter((id): id is string => id !== null);
  const crmIds = pairs.map((p) => p.crmId).filter((id): id is string => id !== null);
  return {
    toCrm: ivvyIds.length > 0 ? await run.state.refusals.forRecords(name, 'toCrm', ivvyIds) : new Map(),
    toIvvy: crmIds.length > 0 ? await run.state.refusals.forRecords(name, 'toIvvy', crmIds) : new Map(),
  };
}

/** Leaves out the values refused before and unchanged since. */
export function withoutRefused(fields: Canonical, refused: ReadonlyMap<string, StoredRefusal> | undefined): Canonical {
  if (!refused || refused.size === 0) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([f, v]) => refused.get(f)?.valueHash !== valueHash(v)));
}

/**
 * Leaves out of a write into one system the clearing of fields the other system refused: the
 * other system lacks the value because it could not hold it, not because a user removed it.
 */
export function withoutClearingRefused(fields: Canonical, refusedByOther: ReadonlyMap<string, StoredRefusal> | undefined): Canonical {
  if (!refusedByOther || refusedByOther.size === 0) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([f, v]) => !(v === null && refusedByOther.has(f))));
}

export interface SettledWrite {
  /** The record on the source side, and the one written. */
  sourceId: string;
  targetId: string;
  /** What was sent. */
  sent: Canonical;
  result: WriteResult;
}

const opposite = (d: Direction): Direction => (d === 'toCrm' ? 'toIvvy' : 'toCrm');

/**
 * After writes in one direction: reports and keeps the refused values, and forgets the
 * refusals the writes made obsolete — the fields written (accepted now), and in the other
 * direction those same fields of the target (its value just changed). `standing` holds the
 * refusals known before the writes (only those can need forgetting).
 */
export async function settleRefusals(
  run: ModuleRun,
  direction: Direction,
  writes: readonly SettledWrite[],
  standing: { toCrm: StandingRefusals; toIvvy: StandingRefusals },
): Promise<void> {
  const name = run.module.name;
  const now = run.now();
  const back = opposite(direction);
  const reports: RefusalReport[] = [];
  for (const w of writes) {
    if (!w.result.ok) continue;
    const targetId = w.result.id;
    const refused = w.result.refused ?? [];
    for (const r of refused) {
      reports.push({ module: name, direction, recordId: w.sourceId, targetId, field: r.field, value: (w.sent[r.field] ?? null) as FieldValue, message: r.message });
    }
    const written = Object.keys(w.sent).filter((f) => !refused.some((r) => r.field === f));
    const forward = standing[direction].get(w.sourceId);
    const obsolete = written.filter((f) => forward?.has(f));
    if (obsolete.length > 0) await run.state.refusals.clear(name, direction, w.sourceId, obsolete);
    const backward = standing[back].get(targetId);
    const replaced = written.filter((f) => backward?.has(f));
    if (replaced.length > 0) await run.state.refusals.clear(name, back, targetId, replaced);
  }
  for (const report of reports) run.tally.refused(report);
  if (reports.length > 0) await run.state.refusals.record(reports, run.runId, now);
}
