/** Everything one module's part of a run works with. */
import type { Logger } from 'pino';
import type { CrmEntity } from '../connector.js';
import type { MergePolicy } from '../merge.js';
import type { IvvySide, ModuleSettings, SyncModule } from '../module.js';
import type { SyncState } from '../store/index.js';
import { emptyCounts, type Counts, type Direction, type RecordError, type RefusalReport, type Side } from '../types.js';

export interface ProgressEvent {
  module: string;
  phase: 'recover' | 'retry' | 'changes' | 'reconcile' | 'done';
  side: Side | null;
  /** Records read so far in this phase. */
  processed: number;
  /** Records the phase expects to read in all, when known. */
  total?: number;
}

export interface RunTally {
  counts: Map<string, Counts>;
  errors: RecordError[];
  errorCount: number;
  add(module: string, direction: Direction, key: keyof Counts, n?: number): void;
  error(module: string, direction: Direction, recordId: string, message: string, reason?: string): void;
  /** Fields the target refused in this run (the rest of each record was written). */
  refusals: RefusalReport[];
  refusalCount: number;
  refused(report: RefusalReport): void;
  snapshot(): Record<string, Counts>;
}

export function createTally(maxErrors = 200): RunTally {
  const tally: RunTally = {
    counts: new Map(),
    errors: [],
    errorCount: 0,
    add(module, direction, key, n = 1) {
      const id = `${module}/${direction}`;
      let c = tally.counts.get(id);
      if (!c) tally.counts.set(id, (c = emptyCounts()));
      c[key] += n;
    },
    error(module, direction, recordId, message, reason) {
      tally.add(module, direction, 'errors');
      tally.errorCount++;
      if (tally.errors.length < maxErrors) tally.errors.push({ module, direction, recordId, message, ...(reason !== undefined ? { reason } : {}) });
    },
    refusals: [],
    refusalCount: 0,
    refused(report) {
      tally.add(report.module, report.direction, 'refused');
      tally.refusalCount++;
      if (tally.refusals.length < maxErrors) tally.refusals.push(report);
    },
    snapshot: () => Object.fromEntries(tally.counts),
  };
  return tally;
}

export interface ModuleRun {
  module: SyncModule;
  settings: ModuleSettings;
  ivvy: IvvySide;
  crm: CrmEntity;
  /** Canonical fields both sides hold: the only ones synced. */
  fields: readonly string[];
  policy: MergePolicy;
  state: SyncState;
  runId: number;
  dryRun: boolean;
  /** Walk from the beginning rather than from the cursors (RunOptions.full). */
  full: boolean;
  overlapMs: number;
  tally: RunTally;
  log: Logger;
  now: () => number;
  progress: (event: ProgressEvent) => void;
  /** Called after every applied page (heartbeat of the run record). */
  checkpoint: () => Promise<void>;
  /** Keys `side:id@modifiedAt` already handled in this run. */
  seen: Set<string>;
}
