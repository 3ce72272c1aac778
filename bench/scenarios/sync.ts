/**
 * CRM sync at volume (issue 18): 10,000 contacts and 2,000 companies from a Marquee on SQLite
 * into an empty CRM — a real Tryton (scripts/tryton/) and the HubSpot test double within
 * HubSpot's default allowance (100 requests per 10 seconds, a few searches per second) —
 * then a run with no changes, then 100 changes on each side.
 *
 *   node --import tsx bench/scenarios/sync.ts [--contacts N] [--companies N] [--only tryton|hubspot] [--settle S]
 *
 * (--settle: seconds between the initial and the no-change run, default 1.5; at least the
 * overlap of 1 s the bench configures.)
 *
 * Marquee runs compiled in a child process (as `npm start` runs it); the sync engine and the
 * HubSpot double run in this process, as `marquee sync run` would beside a remote HubSpot.
 * Every run must end `succeeded` with the expected counts, or the case fails.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createAccount } from '../../src/auth/accounts.js';
import { createApiKey } from '../../src/auth/keys.js';
import { createClient, type MarqueeClient } from '../../src/client/index.js';
import { loadConfig } from '../../src/config.js';
import { createRuntime } from '../../src/runtime.js';
import { runSync, type RunSummary } from '../../src/sync/engine/run.js';
import { syncConfigSchema } from '../../src/sync/config.js';
import { openSync } from '../../src/sync/environment.js';
import { createTrytonDatabase, stopTryton } from '../../test/sync/support/tryton.js';
import { startHubSpotDouble } from '../../test/doubles/hubspot/server.js';
import { buildMarquee } from '../lib/build.js';
import { machineInfo, planPinning } from '../lib/machine.js';
import { ROOT } from '../lib/paths.js';
import { startMarquee } from './servers.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '10000' },
    companies: { type: 'string', default: '2000' },
    only: { type: 'string' },
    /** Seconds between the initial run and the no-change run. */
    settle: { type: 'string', default: '1.5' },
  },
});
const CONTACTS = Number(values.contacts);
const COMPANIES = Number(values.companies);
const CHANGES = 100;
const log = (line: string) => process.stderr.write(`${line}\n`);
const dataDir = join(ROOT, 'node_modules', '.cache', 'marquee-bench-sync');
mkdirSync(dataDir, { recursive: true });

/** Targets of issue 18, in seconds. */
const TARGETS = { initial: { tryton: 60, hubspot: 180 }, noChange: 2, changes: 5 };

/** A valid Sydney landline, written as people type it (normalised to E.164 by the sync). */
const phone = (i: number) => `(02) 9${String(100 + (i % 900)).padStart(3, '0')} ${String(1000 + (i % 9000)).padStart(4, '0')}`;

async function inParallel<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function call(client: MarqueeClient, namespace: string, action: string, params: unknown): Promise<Record<string, unknown>> {
  const res = await client.raw(namespace, action, params);
  if (res.status !== 200) throw new Error(`${namespace}.${action}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  return res.body as Record<string, unknown>;
}

/** An empty account with a key: the Marquee database every case starts from (a copy). */
async function buildTemplate(): Promise<{ file: string; masterKey: string; key: string; secret: string }> {
  const file = join(dataDir, 'template.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const masterKey = randomBytes(32).toString('hex');
  const runtime = await createRuntime(loadConfig({ databaseUrl: `sqlite:${file}`, masterKey, seed: false, logLevel: 'warn' }, {}));
  try {
    const { accountId } = await createAccount(runtime.storage.db, {
      name: 'Sync bench',
      primaryUser: { firstName: 'Bench', lastName: 'Owner', email: 'bench@marquee.local', isPrimary: true },
    });
    const key = await createApiKey(runtime.storage.db, runtime.secrets, { accountId, label: 'bench' });
    return { file, masterKey, key: key.key, secret: key.secret };
  } finally {
    await runtime.close();
  }
}

interface CaseResult {
  crm: 'tryton' | 'hubspot';
  initialS: number;
  firstNoChangeS: number;
  noChangeS: number;
  changesS: number;
  crmRequests: number;
  ivvyRequests: number;
}

const seconds = (ms: number) => Math.round(ms / 10) / 100;

function check(summary: RunSummary, what: string, expect: Record<string, Partial<Record<'created' | 'updated', number>>>): void {
  const problems: string[] = [];
  if (summary.status !== 'succeeded') problems.push(`status ${summary.status}${summary.failure ? ` (${summary.failure})` : ''}`);
  for (const [key, counts] of Object.entries(expect)) {
    for (const [k, n] of Object.entries(counts)) {
      const got = summary.counts[key]?.[k as 'created' | 'updated'] ?? 0;
      if (got !== n) problems.push(`${key} ${k} ${got}, expected ${n}`);
    }
  }
  if (problems.length > 0) throw new Error(`${what}: ${problems.join('; ')}; first errors: ${JSON.stringify(summary.errors.slice(0, 3))}`);
}

async function runCase(crm: 'tryton' | 'hubspot', template: Awaited<ReturnType<typeof buildTemplate>>, buildDir: string): Promise<CaseResult> {
  const tag = `${crm}-${process.pid}`;
  const dbFile = join(dataDir, `${tag}.db`);
  const stateFile = join(dataDir, `${tag}-state.db`);
  for (const f of [dbFile, stateFile]) for (const suffix of ['', '-wal', '-shm']) rmSync(`${f}${suffix}`, { force: true });
  copyFileSync(template.file, dbFile);
  const pinning = planPinning();
  const marquee = await startMarquee({ pinning, buildDir, profileDir: null }, { url: `sqlite:${dbFile}`, masterKey: template.masterKey } as never);
  const url = String(marquee.ready.url);
  const client = createClient({ url, key: template.key, secret: template.secret });
  const tryton = crm === 'tryton' ? await createTrytonDatabase() : null;
  const hub = crm === 'hubspot' ? await startHubSpotDouble({ tenSecondLimit: 100, searchPerSecond: 5 }) : null;
  try {
    const started = Date.now();
    const companyIds: number[] = [];
    await inParallel(
      Array.from({ length: COMPANIES }, (_, i) => i),
      16,
      async (i) => {
        const body = await call(client, 'contact', 'addOrUpdateCompany', {
          businessName: `Bench Company ${i}`,
          phone: phone(i),
          email: `office${i}@company${i}.example.com`,
          website: `https://company${i}.example.com`,
        });
        companyIds.push(Number(body.id));
      },
    );
    await inParallel(
      Array.from({ length: CONTACTS }, (_, i) => i),
      16,
      async (i) => {
        await call(client, 'contact', 'addOrUpdateContact', { firstName: `First${i}`, lastName: `Last${i}`, email: `person${i}@bench.example.com`, phone: phone(i + 7) });
      },
    );
    log(`${crm}: ${CONTACTS.toLocaleString('en-US')} contacts and ${COMPANIES.toLocaleString('en-US')} companies added to Marquee in ${seconds(Date.now() - started)} s`);

    const config = syncConfigSchema.parse({
      profile: 'bench',
      ivvy: { url, key: template.key, secret: template.secret },
      database: `sqlite:${stateFile}`,
      crm: tryton
        ? { connector: 'tryton', tryton: { url: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password, requestsPerSecond: 1000 } }
        : { connector: 'hubspot', hubspot: { accessToken: hub!.token, basePath: hub!.url, requestsPerTenSeconds: 100, searchRequestsPerSecond: 4 } },
      // A short overlap, so that the no-change run after the initial one reads what changed
      // since, not the last two minutes (the default overlap re-reads those on purpose).
      sync: { defaultRegion: 'AU', overlapSeconds: 1 },
      modules: { companies: { enabled: true }, contacts: { enabled: true } },
    });
    const opened = await openSync(config, { log: pino({ level: 'warn' }) });
    try {
      const ivvyBefore = opened.env.api.requests();
      let t = Date.now();
      const initial = await runSync(opened.env, { reconcile: 'skip' });
      const initialMs = Date.now() - t;
      check(initial, 'initial sync', { 'companies/toCrm': { created: COMPANIES }, 'contacts/toCrm': { created: CONTACTS } });
      log(`${crm}: initial sync ${seconds(initialMs)} s`);

      await new Promise((resolve) => setTimeout(resolve, Number(values.settle) * 1000));
      t = Date.now();
      const quiet = await runSync(opened.env, { reconcile: 'skip' });
      const noChangeMs = Date.now() - t;
      const unchanged = { 'companies/toCrm': { created: 0, updated: 0 }, 'contacts/toCrm': { created: 0, updated: 0 }, 'contacts/toIvvy': { updated: 0 } };
      check(quiet, 'no-change run', unchanged);
      log(`${crm}: first no-change run ${seconds(noChangeMs)} s`);
      // The first run after the initial one re-reads what the initial run wrote within the
      // overlap before its cursors (and skips it); from then on a run reads only changes.
      t = Date.now();
      check(await runSync(opened.env, { reconcile: 'skip' }), 'second no-change run', unchanged);
      const steadyMs = Date.now() - t;
      log(`${crm}: no-change run ${seconds(steadyMs)} s`);

      // 100 contacts edited in iVvy, 100 others in the CRM.
      const links = await opened.env.state.links.bySideIds('contacts', 'ivvy', Array.from({ length: 2 * CHANGES }, (_, i) => String(i + 1)));
      const pairs = [...links.values()];
      await inParallel(pairs.slice(0, CHANGES), 8, async (link) => {
        await call(client, 'contact', 'addOrUpdateContact', { id: Number(link.ivvyId), firstName: `Changed${link.ivvyId}` });
      });
      const crmIds = pairs.slice(CHANGES, 2 * CHANGES).map((l) => l.crmId!);
      if (tryton) {
        const { createTrytonRpc } = await import('../../src/sync/connectors/tryton/rpc.js');
        const { createRateLimiter } = await import('../../src/sync/rate-limiter.js');
        const { DEFAULT_RETRY_POLICY } = await import('../../src/sync/retry.js');
        const rpc = createTrytonRpc({ ...tryton, policy: DEFAULT_RETRY_POLICY, limiter: createRateLimiter(0, 1000) });
        await rpc.model('party.party', 'write', crmIds.flatMap((id) => [[Number(id)], { name: `Edited In-Crm${id}` }]));
      } else {
        for (const id of crmIds) hub!.edit('contacts', id, { firstname: `Edited${id}` });
      }
      await new Promise((resolve) => setTimeout(resolve, 1100));
      t = Date.now();
      const changed = await runSync(opened.env, { reconcile: 'skip' });
      const changesMs = Date.now() - t;
      check(changed, '100 changes on each side', { 'contacts/toCrm': { updated: CHANGES }, 'contacts/toIvvy': { updated: CHANGES } });
      log(`${crm}: 100 changes on each side ${seconds(changesMs)} s`);
      const crmRequests = tryton ? 0 : hub!.log.length;
      return { crm, initialS: seconds(initialMs), firstNoChangeS: seconds(noChangeMs), noChangeS: seconds(steadyMs), changesS: seconds(changesMs), crmRequests, ivvyRequests: opened.env.api.requests() - ivvyBefore };
    } finally {
      await opened.close();
    }
  } finally {
    await hub?.close();
    await tryton?.drop();
    await marquee.stop();
    for (const f of [dbFile, stateFile]) for (const suffix of ['', '-wal', '-shm']) rmSync(`${f}${suffix}`, { force: true });
  }
}

const machine = machineInfo();
log(`sync bench: ${machine.cpuModel}, ${machine.cores} cores, load average ${machine.loadAverage.join(' ')}`);
const buildDir = buildMarquee(dataDir, log);
const template = await buildTemplate();
const results: CaseResult[] = [];
let failed = false;
try {
  for (const crm of ['tryton', 'hubspot'] as const) {
    if (values.only !== undefined && values.only !== crm) continue;
    try {
      results.push(await runCase(crm, template, buildDir));
    } catch (error) {
      failed = true;
      log(`${crm}: FAILED ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await stopTryton();
}

const after = machineInfo();
const verdict = (s: number, limit: number) => `${s} s (≤ ${limit} s) ${s <= limit ? 'PASS' : 'FAIL'}`;
process.stdout.write(
  `\nCRM sync volumes: ${CONTACTS.toLocaleString('en-US')} contacts + ${COMPANIES.toLocaleString('en-US')} companies, Marquee on SQLite; load average ${machine.loadAverage.join(' ')} before, ${after.loadAverage.join(' ')} after\n\n` +
    `| CRM | initial sync | first run after it (no changes) | no-change run | 100 changes on each side | iVvy requests |\n| --- | --- | --- | --- | --- | --- |\n` +
    results
      .map(
        (r) =>
          `| ${r.crm === 'tryton' ? 'Tryton (real, SQLite)' : 'HubSpot double, 100 req/10 s'} | ${verdict(r.initialS, TARGETS.initial[r.crm])} | ${r.firstNoChangeS} s | ${verdict(r.noChangeS, TARGETS.noChange)} | ${verdict(r.changesS, TARGETS.changes)} | ${r.ivvyRequests.toLocaleString('en-US')} |`,
      )
      .join('\n') +
    '\n',
);
if (failed) process.exitCode = 1;
