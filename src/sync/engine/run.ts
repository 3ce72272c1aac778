/**
 * One sync run: takes the profile's run lock (a `running` run record), then for every
 * selected module in dependency order: finishes creates a killed run left in flight, retries
 * failed records, walks iVvy's changes into the CRM, walks the CRM's changes into iVvy
 * (two-way modules), and looks for deletions when a reconciliation is due. Every run is
 * recorded with its counts and errors, whatever happens.
 */
import type { Logger } from 'pino';
import type { Connector } from '../connector.js';
import type { ModuleSettings, SyncModule } from '../module.js';
import type { IvvyApi } from '../ivvy/api.js';
import type { IvvyWriter } from '../ivvy/writes.js';
import { MODULES } from '../modules/index.js';
import type { SyncState } from '../store/index.js';
import type { RunRecord, RunStatus } from '../store/runs.js';
import type { Counts, RecordError, RefusalReport } from '../types.js';
import type { ConflictPolicy } from '../merge.js';
import { createTally, type ModuleRun, type ProgressEvent, type RunTally } from './context.js';
import { walkChanges, retryFailed } from './pass.js';
import { recoverIntents } from './recover.js';
import { reconcile } from './reconcile.js';
import { SystemError } from '../system-error.js';

export interface SyncEnvironment {
  state: SyncState;
  api: IvvyApi;
  writer: IvvyWriter;
  connector: Connector;
  log: Logger;
  settings: {
    pageSize: number;
    overlapMs: number;
    conflictPolicy: ConflictPolicy;
    reconcileEveryMs: number;
    maxDeleteRatio: number;
    /** Region of phone numbers written without a country code (config `sync.defaultRegion`). */
    defaultRegion?: string;
    modules: Readonly<Record<string, ModuleSettings>>;
  };
  now?: () => number;
}

export interface RunOptions {
  /** Only these modules (default: every enabled one). */
  modules?: readonly string[];
  dryRun?: boolean;
  trigger?: string;
  /** `auto`: when due; `force`: now; `skip`: not in this run. */
  reconcile?: 'auto' | 'force' | 'skip';
  /**
   * Walk every record from the beginning instead of from the cursors (records whose fields
   * are unchanged are skipped): after changing what a module syncs, e.g. the registration
   * statuses, so that records not modified since are brought in line.
   */
  full?: boolean;
  onProgress?: (event: ProgressEvent) => void;
}

export interface RunSummary {
  runId: number;
  status: RunStatus;
  dryRun: boolean;
  modules: string[];
  counts: Record<string, Counts>;
  errors: RecordError[];
  errorCount: number;
  /** Fields the target refused in this run; the rest of each record was written. */
  refusals: RefusalReport[];
  refusalCount: number;
  startedAt: number;
  finishedAt: number;
  /** Set when the run stopped early. */
  failure: string | null;
  /** Why it stopped, as a name (system-error.ts FailureReason); null when it did not. */
  failureReason: string | null;
  /** Records of the run's modules still waiting for a retry when it ended. */
  waitingForRetry: number;
}

/**
 * Modules to run, in dependency order; an unknown or disabled name is an error, and so is an
 * enabled module whose dependencies are disabled (it refers to their pairs: attendees need
 * the CRM's campaigns and contacts). A dependency need not run in the same run: `--module
 * attendees` uses the pairs earlier runs made.
 */
export function selectModules(env: SyncEnvironment, names?: readonly string[]): SyncModule[] {
  const wanted = names && names.length > 0 ? new Set(names) : null;
  if (wanted) {
    for (const n of wanted) {
      const known = MODULES.find((m) => m.name === n);
      if (!known) throw new Error(`Unknown module '${n}' (modules: ${MODULES.map((m) => m.name).join(', ')})`);
      if (!env.settings.modules[n]?.enabled) throw new Error(`Module '${n}' is disabled in the configuration`);
    }
  }
  const selected = MODULES.filter((m) => env.settings.modules[m.name]?.enabled && (!wanted || wanted.has(m.name)));
  for (const m of selected) {
    const missing = m.dependsOn.filter((d) => !env.settings.modules[d]?.enabled);
    if (missing.length > 0) {
      throw new Error(`Module '${m.name}' refers to records of ${missing.map((d) => `'${d}'`).join(' and ')}: enable ${missing.length > 1 ? 'them' : 'it'} too`);
    }
  }
  return selected;
}

export async function runSync(env: SyncEnvironment, options: RunOptions = {}): Promise<RunSummary> {
  const now = env.now ?? Date.now;
  const modules = selectModules(env, options.modules);
  const dryRun = options.dryRun ?? false;
  const record: RunRecord = await env.state.runs.start(
    { trigger: options.trigger ?? 'cli', dryRun, modules: modules.map((m) => m.name) },
    now(),
  );
  const tally = createTally();
  const heartbeat = () =>
    env.state.runs.heartbeat(record.id, { counts: tally.snapshot(), errors: tally.errors, errorCount: tally.errorCount }, now());
  let failure: string | null = null;
  let failureReason: string | null = null;
  let current: SyncModule | undefined;
  try {
    for (const module of modules) {
      current = module;
      await runModule(env, module, { runId: record.id, dryRun, tally, heartbeat, options, now });
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    failureReason = error instanceof SystemError ? error.reason : 'stopped';
    // The run's record and summary carry the reason; the stack is for debugging only.
    env.log.debug({ err: error, runId: record.id }, 'sync run stopped');
    const direction = error instanceof SystemError && error.system === 'iVvy' ? 'toIvvy' : 'toCrm';
    tally.error(current?.name ?? '*', direction, '*', failure, failureReason);
  }
  // A record left waiting for a retry is not synced: the run did not succeed, whatever this
  // run's own errors were (a dry run writes nothing and leaves the queue as it was).
  const waitingForRetry = dryRun ? 0 : await env.state.retries.count(modules.map((m) => m.name));
  const status: RunStatus = failure !== null ? 'failed' : tally.errorCount > 0 || waitingForRetry > 0 ? 'partial' : 'succeeded';
  const finishedAt = now();
  await env.state.runs.finish(record.id, { status, counts: tally.snapshot(), errors: tally.errors, errorCount: tally.errorCount }, finishedAt);
  return {
    runId: record.id,
    status,
    dryRun,
    modules: modules.map((m) => m.name),
    counts: tally.snapshot(),
    errors: tally.errors,
    errorCount: tally.errorCount,
    refusals: tally.refusals,
    refusalCount: tally.refusalCount,
    startedAt: record.startedAt,
    finishedAt,
    failure,
    failureReason,
    waitingForRetry,
  };
}

interface RunScope {
  runId: number;
  dryRun: boolean;
  tally: RunTally;
  heartbeat: () => Promise<void>;
  options: RunOptions;
  now: () => number;
}

/** Builds the per-module context: both sides opened and the synced field set decided. */
export async function openModule(env: SyncEnvironment, module: SyncModule, scope: RunScope): Promise<ModuleRun | null> {
  const settings = env.settings.modules[module.name]!;
  const ivvy = await module.open({
    api: env.api,
    writer: env.writer,
    settings,
    pageSize: env.settings.pageSize,
    links: env.state.links,
    log: env.log,
  });
  const crm = await env.connector.entity(module.kind, {
    ...module.entityOptions(settings),
    readOnly: scope.dryRun,
    ...(env.settings.defaultRegion !== undefined ? { defaultRegion: env.settings.defaultRegion } : {}),
  });
  if (!crm) {
    scope.tally.error(module.name, 'toCrm', '*', `the ${env.connector.name} connector has no counterpart for ${module.kind} records`);
    return null;
  }
  const crmFields = new Set(crm.fields);
  const fields = ivvy.fields.filter((f) => crmFields.has(f));
  return {
    module,
    settings,
    ivvy,
    crm,
    fields,
    policy: { conflictPolicy: env.settings.conflictPolicy, fieldOwners: settings.fieldOwners, twoWay: module.twoWay },
    state: env.state,
    runId: scope.runId,
    dryRun: scope.dryRun,
    full: scope.options.full ?? false,
    overlapMs: env.settings.overlapMs,
    tally: scope.tally,
    log: env.log.child({ module: module.name }),
    now: scope.now,
    progress: scope.options.onProgress ?? (() => undefined),
    checkpoint: scope.heartbeat,
    seen: new Set(),
  };
}

async function runModule(env: SyncEnvironment, module: SyncModule, scope: RunScope): Promise<void> {
  const run = await openModule(env, module, scope);
  if (!run) return;
  await recoverIntents(run);
  await retryFailed(run, 'ivvy', env.settings.pageSize);
  await walkChanges(run, 'ivvy');
  if (module.twoWay) {
    await retryFailed(run, 'crm', env.settings.pageSize);
    await walkChanges(run, 'crm');
  }
  const mode = module.reconcile === false ? 'skip' : (scope.options.reconcile ?? 'auto');
  if (mode !== 'skip') {
    const cursor = await env.state.cursors.get(module.name, 'ivvy');
    const due = cursor.reconciledAt === null || scope.now() - cursor.reconciledAt >= env.settings.reconcileEveryMs;
    // The first run has nothing to reconcile against; it only starts the clock.
    if (mode === 'force' || (due && cursor.reconciledAt !== null)) {
      await reconcile(run, { maxDeleteRatio: env.settings.maxDeleteRatio });
    } else if (cursor.reconciledAt === null && !scope.dryRun) {
      await env.state.cursors.markReconciled(module.name, scope.now(), scope.now());
    }
  }
  run.progress({ module: module.name, phase: 'done', side: null, processed: 0 });
  await scope.heartbeat();
}
