/**
 * `marquee sync init | run | watch | status`: the CRM sync engine (src/sync/, docs/sync.md).
 * The configuration file defaults to ./marquee-sync.yaml (env MARQUEE_SYNC_CONFIG).
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { openSync } from '../../sync/environment.js';
import { printJson } from '../shared.js';

// The engine, connectors and report load when a sync command runs, not with every `marquee` call.
const engine = async () => {
  const [{ createLogger }, { loadSyncConfig }, { runSync }, { openSync }, { MODULES }, report, { watch }] = await Promise.all([
    import('../../runtime.js'),
    import('../../sync/config.js'),
    import('../../sync/engine/run.js'),
    import('../../sync/environment.js'),
    import('../../sync/modules/index.js'),
    import('../../sync/report.js'),
    import('../../sync/watch.js'),
  ]);
  return { createLogger, loadSyncConfig, runSync, openSync, MODULES, watch, ...report };
};

const DEFAULT_CONFIG = process.env.MARQUEE_SYNC_CONFIG ?? 'marquee-sync.yaml';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

async function withSync<T>(configPath: string, fn: (opened: Awaited<ReturnType<typeof openSync>>) => Promise<T>): Promise<T> {
  const { loadSyncConfig, openSync, createLogger } = await engine();
  const config = loadSyncConfig(configPath);
  const opened = await openSync(config, { log: createLogger(process.env.LOG_LEVEL ?? 'warn') });
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

export function registerSync(program: Command): void {
  const sync = program.command('sync').description('Two-way sync between iVvy (or Marquee) and a CRM (docs/sync.md)');

  sync
    .command('init')
    .description('Write a commented sync configuration file')
    .option('-c, --config <path>', 'file to write', DEFAULT_CONFIG)
    .option('--connector <name>', 'hubspot or tryton', 'hubspot')
    .option('--force', 'overwrite an existing file')
    .action(async (opts: { config: string; connector: string; force?: boolean }) => {
      const { configTemplate } = await import('../../sync/config-template.js');
      if (opts.connector !== 'hubspot' && opts.connector !== 'tryton') throw new Error(`--connector must be hubspot or tryton`);
      if (existsSync(opts.config) && !opts.force) throw new Error(`${opts.config} exists (use --force to overwrite it)`);
      writeFileSync(opts.config, configTemplate(opts.connector), { mode: 0o600 });
      process.stdout.write(`Wrote ${opts.config}. Fill in the endpoints and credentials, then: marquee sync run --dry-run\n`);
    });

  sync
    .command('run')
    .description('Run the sync once: progress, then a summary per module and direction')
    .option('-c, --config <path>', 'configuration file', DEFAULT_CONFIG)
    .option('-m, --module <name>', 'only this module (repeatable; `marquee sync status` lists them)', collect)
    .option('--dry-run', 'read both sides and report what would change, writing nothing')
    .option('--reconcile', 'look for deletions now, whenever the last reconciliation was')
    .option('--full', 'read every record again, not only changes (after changing what a module syncs)')
    .option('--json', 'print the run summary as JSON')
    .action(async (opts: { config: string; module?: string[]; dryRun?: boolean; reconcile?: boolean; full?: boolean; json?: boolean }) => {
      const { progressBar, runSync, runSummaryText } = await engine();
      await withSync(opts.config, async (opened) => {
        const bar = opts.json ? { onProgress: () => undefined, stop: () => undefined } : progressBar(process.stderr);
        let summary;
        try {
          summary = await runSync(opened.env, {
            ...(opts.module ? { modules: opts.module } : {}),
            dryRun: opts.dryRun ?? false,
            reconcile: opts.reconcile ? 'force' : 'auto',
            full: opts.full ?? false,
            onProgress: bar.onProgress,
          });
        } finally {
          bar.stop();
        }
        if (opts.json) printJson(summary);
        else process.stdout.write(runSummaryText(summary));
        if (summary.status !== 'succeeded') process.exitCode = 1;
      });
    });

  sync
    .command('watch')
    .description('Run continuously: every interval, and on iVvy notifications when a webhook is configured')
    .option('-c, --config <path>', 'configuration file', DEFAULT_CONFIG)
    .action(async (opts: { config: string }) => {
      const { watch, watchReporter } = await engine();
      await withSync(opts.config, async (opened) => {
        const controller = new AbortController();
        const stop = () => controller.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const hook = opened.config.watch.webhook;
        // Only runs that did something, or whose outcome changed, are printed.
        const report = watchReporter();
        process.stdout.write(
          `Watching: a run every ${opened.config.watch.intervalSeconds} s${hook ? `, and on notifications posted to ${hook.publicUrl}` : ''}. Ctrl-C stops.\n`,
        );
        await watch(opened.env, {
          intervalMs: opened.config.watch.intervalSeconds * 1000,
          webhook: hook
            ? { listen: hook.listen, publicUrl: hook.publicUrl, trustedOrigins: hook.trustedOrigins ?? [new URL(opened.config.ivvy.url).origin] }
            : undefined,
          signal: controller.signal,
          log: opened.env.log,
          onRun: (summary) => {
            const text = report(summary);
            if (text !== null) process.stdout.write(text);
          },
        });
      });
    });

  sync
    .command('status')
    .description('Show cursors, pairs, last runs, errors, values the CRM refused and recent conflicts')
    .option('-c, --config <path>', 'configuration file', DEFAULT_CONFIG)
    .option('--runs <n>', 'how many runs to list', '10')
    .option('--json', 'print JSON')
    .action(async (opts: { config: string; runs: string; json?: boolean }) => {
      const { MODULES, statusText } = await engine();
      await withSync(opts.config, async (opened) => {
        const state = opened.env.state;
        // Enabled modules, and disabled ones that still hold pairs from earlier runs.
        const links: Record<string, Record<string, number>> = {};
        for (const m of MODULES) {
          const counts = await state.links.count(m.name);
          if (opened.env.settings.modules[m.name]?.enabled || Object.keys(counts).length > 0) links[m.name] = counts;
        }
        const status = {
          profile: state.profile,
          cursors: await state.cursors.all(),
          runs: await state.runs.recent(Math.max(1, Number(opts.runs) || 10)),
          links,
          retries: await state.retries.count(),
          refusals: await state.refusals.list(200),
          refusalCount: await state.refusals.count(),
          conflicts: await state.conflicts.recent(10),
        };
        if (opts.json) printJson(status);
        else process.stdout.write(statusText(status));
      });
    });
}
