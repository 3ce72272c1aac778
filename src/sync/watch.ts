/**
 * `marquee sync watch`: a run every interval (the backstop that catches everything), and,
 * with a webhook configured, iVvy notifications for near-real-time changes. The receiver
 * subscribes the enabled modules' endpoints (contactsEndpoint, companiesEndpoint,
 * eventsEndpoint), confirms
 * the subscription, verifies every message's signature, and then: a change subject queues a
 * run of its module (coalesced over a short delay); a delete subject applies the module's
 * delete policy to that record at once. Polling stays on, so a lost notification costs at
 * most one interval.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Logger } from 'pino';
import { verifyNotification, type VerifyNotificationOptions } from '../client/verify-notification.js';
import { createTally } from './engine/context.js';
import { applyIvvyDeletions } from './engine/reconcile.js';
import { openModule, runSync, selectModules, type RunSummary, type SyncEnvironment } from './engine/run.js';
import { findModule } from './modules/index.js';
import { SyncBusyError } from './store/runs.js';
import { SystemError } from './system-error.js';

export interface WatchOptions {
  intervalMs: number;
  webhook?: { listen: string; publicUrl: string; trustedOrigins: readonly string[] } | undefined;
  /** Wait this long after a notification before running, to coalesce bursts. */
  debounceMs?: number;
  signal: AbortSignal;
  onRun?: (summary: RunSummary) => void;
  log: Logger;
}

async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('notification body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Applies iVvy deletions announced by notifications, under the profile's run lock. */
export async function applyNotifiedDeletions(env: SyncEnvironment, moduleName: string, ivvyIds: readonly string[]): Promise<RunSummary> {
  const module = findModule(moduleName);
  if (!module) throw new Error(`Unknown module ${moduleName}`);
  const now = env.now ?? Date.now;
  const record = await env.state.runs.start({ trigger: 'webhook', dryRun: false, modules: [moduleName] }, now());
  const tally = createTally();
  let failure: string | null = null;
  let failureReason: string | null = null;
  try {
    const run = await openModule(env, module, {
      runId: record.id,
      dryRun: false,
      tally,
      heartbeat: async () => undefined,
      options: {},
      now,
    });
    if (run) {
      const links = await env.state.links.bySideIds(moduleName, 'ivvy', ivvyIds);
      await applyIvvyDeletions(run, [...links.values()].filter((l) => l.status === 'active'));
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    failureReason = error instanceof SystemError ? error.reason : 'stopped';
    tally.error(moduleName, error instanceof SystemError && error.system === 'iVvy' ? 'toIvvy' : 'toCrm', '*', failure, failureReason);
  }
  const status = failure ? 'failed' : tally.errorCount > 0 ? 'partial' : 'succeeded';
  const finishedAt = now();
  await env.state.runs.finish(record.id, { status, counts: tally.snapshot(), errors: tally.errors, errorCount: tally.errorCount }, finishedAt);
  return {
    runId: record.id,
    status,
    dryRun: false,
    modules: [moduleName],
    counts: tally.snapshot(),
    errors: tally.errors,
    errorCount: tally.errorCount,
    refusals: tally.refusals,
    refusalCount: tally.refusalCount,
    startedAt: record.startedAt,
    finishedAt,
    failure,
    failureReason,
    waitingForRetry: 0,
  };
}

export async function watch(env: SyncEnvironment, options: WatchOptions): Promise<void> {
  const { log, signal } = options;
  const modules = selectModules(env);
  const pendingModules = new Set<string>();
  const pendingDeletes = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  const nudge = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => wake?.(), delay);
  };

  let server: Server | null = null;
  let subscribed: Record<string, string> | null = null;
  if (options.webhook) {
    const hook = options.webhook;
    const verifyOptions: VerifyNotificationOptions = { trustedOrigins: hook.trustedOrigins };
    server = createServer((req, res) => {
      void (async () => {
        if (req.method !== 'POST') {
          res.writeHead(405).end();
          return;
        }
        try {
          const verified = await verifyNotification(await readBody(req), verifyOptions);
          if (verified.type === 'SubscriptionConfirmation' && verified.subscribeUrl) {
            const confirm = await fetch(verified.subscribeUrl, { signal: AbortSignal.timeout(10_000) });
            log.info({ status: confirm.status, topic: verified.topicArn }, 'notification subscription confirmed');
          } else if (verified.type === 'Notification' && verified.subject) {
            for (const m of modules) {
              const hookSpec = m.webhook;
              if (!hookSpec) continue;
              if (hookSpec.changed.includes(verified.subject)) pendingModules.add(m.name);
              if (hookSpec.deleted?.subject === verified.subject) {
                const id = (verified.body as Record<string, unknown> | undefined)?.[hookSpec.deleted.idKey];
                if (id !== undefined && id !== null) {
                  const set = pendingDeletes.get(m.name) ?? new Set<string>();
                  set.add(String(id));
                  pendingDeletes.set(m.name, set);
                }
              }
            }
            nudge(options.debounceMs ?? 2_000);
          }
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
        } catch (error) {
          log.warn({ err: error }, 'notification refused');
          res.writeHead(400, { 'Content-Type': 'text/plain' }).end('refused');
        }
      })();
    });
    const at = hook.listen.lastIndexOf(':');
    const host = hook.listen.slice(0, at) || '0.0.0.0';
    const port = Number(hook.listen.slice(at + 1));
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, host, () => resolve());
    });
    const endpoints = Object.fromEntries(modules.flatMap((m) => (m.webhook ? [[m.webhook.endpoint, hook.publicUrl]] : [])));
    try {
      await env.api.call('account', 'subscribeToNotifications', endpoints);
    } catch (error) {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      throw error;
    }
    subscribed = endpoints;
    log.info({ endpoints: Object.keys(endpoints), url: hook.publicUrl }, 'subscribed to iVvy notifications');
  }

  try {
    let nextPoll = 0;
    while (!signal.aborted) {
      const now = Date.now();
      const deletes = [...pendingDeletes.entries()];
      pendingDeletes.clear();
      for (const [module, ids] of deletes) {
        try {
          options.onRun?.(await applyNotifiedDeletions(env, module, [...ids]));
        } catch (error) {
          if (!(error instanceof SyncBusyError)) throw error;
          const set = pendingDeletes.get(module) ?? new Set<string>();
          for (const id of ids) set.add(id);
          pendingDeletes.set(module, set);
        }
      }
      const poll = now >= nextPoll;
      const notified = [...pendingModules];
      if (poll || notified.length > 0) {
        pendingModules.clear();
        try {
          const summary = await runSync(env, {
            trigger: poll ? 'watch' : 'webhook',
            ...(poll ? {} : { modules: notified, reconcile: 'skip' as const }),
          });
          options.onRun?.(summary);
          if (poll) nextPoll = Date.now() + options.intervalMs;
        } catch (error) {
          if (!(error instanceof SyncBusyError)) throw error;
          log.info('another run is in progress; trying again shortly');
          for (const m of notified) pendingModules.add(m);
          nudge(5_000);
        }
      }
      if (signal.aborted) break;
      const wait = Math.max(0, nextPoll - Date.now());
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
        signal.addEventListener('abort', () => wake?.(), { once: true });
      });
      wake = null;
    }
  } finally {
    if (timer) clearTimeout(timer);
    // Nobody listens at the public URL once watch stops: iVvy would go on posting there.
    if (subscribed) {
      try {
        await env.api.call('account', 'unsubscribeFromNotifications', subscribed);
        log.info({ endpoints: Object.keys(subscribed) }, 'unsubscribed from iVvy notifications');
      } catch (error) {
        log.warn({ err: error }, 'could not unsubscribe from iVvy notifications; remove the subscription in iVvy');
      }
    }
    if (server) {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
  }
}
