/**
 * Results a user can trust (issue 18, item 5): a run that leaves records waiting for a retry
 * never says `succeeded`, and every waiting record is retried in the next run (not a first
 * page of them); a run that stops records why — the system, the URL, what to check — as a
 * named reason in its errors; each record is counted once per direction; `sync status` keeps
 * the latest run apart from history; `sync watch` prints only runs that did something.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { runSync, type RunSummary } from '../../src/sync/engine/run.js';
import type { OpenedSync } from '../../src/sync/environment.js';
import { createTrytonRpc } from '../../src/sync/connectors/tryton/rpc.js';
import { createRateLimiter } from '../../src/sync/rate-limiter.js';
import { statusText, watchReporter } from '../../src/sync/report.js';
import { SystemError } from '../../src/sync/system-error.js';
import { startHubSpotDouble, type HubSpotDouble } from '../doubles/hubspot/server.js';
import { describeEachDatabase } from '../support/suite.js';
import { openTestSync, syncConfig } from './support/harness.js';

const hubspot = (hub: HubSpotDouble, token = hub.token) => ({
  connector: 'hubspot',
  hubspot: { accessToken: token, basePath: hub.url, searchRequestsPerSecond: 100, requestsPerTenSeconds: 10_000 },
});

describeEachDatabase('sync: results a user can trust', ({ server }) => {
  let hub: HubSpotDouble;
  let opened: OpenedSync;
  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 100 });
    // Pages of two: five failing records span three pages of retries.
    opened = await openTestSync(server(), syncConfig(server(), hubspot(hub), { profile: 'trust', sync: { pageSize: 2 }, modules: { companies: { enabled: false } } }));
  });
  after(async () => {
    await opened?.close();
    await hub?.close();
  });

  it('retries every waiting record in one run, and never calls a run with records waiting a success', async () => {
    const bad = Array.from({ length: 5 }, (_, i) => hub.insert('contacts', { firstname: `Waiting${i}`, lastname: 'Crm' }).id);
    const first = await runSync(opened.env, { reconcile: 'skip' });
    assert.equal(first.status, 'partial');
    assert.equal(first.waitingForRetry, 5);

    // Completed in the CRM, with modified times older than the cursor: only retries find them.
    for (const id of bad) {
      hub.edit('contacts', id, { email: `${id}@example.com` });
      hub.objects('contacts').find((o) => o.id === id)!.updatedAt = 1;
    }
    const second = await runSync(opened.env, { reconcile: 'skip' });
    assert.equal(second.status, 'succeeded', JSON.stringify(second.errors));
    assert.equal(second.counts['contacts/toIvvy']?.created, 5, 'all five, across three pages of retries');
    assert.equal(second.waitingForRetry, 0);

  });

  it('counts each record once per direction, though the sync\'s own pairing-key writes move it', async () => {
    for (let i = 0; i < 5; i++) {
      await server().client.call('contact', 'addOrUpdateContact', { firstName: `Counted${i}`, lastName: 'Once', email: `counted${i}@example.com` });
    }
    const r = await runSync(opened.env, { reconcile: 'skip' });
    const forward = r.counts['contacts/toCrm']!;
    assert.equal(forward.created, 5);
    // Pages re-read their first record, by then moved by the pairing key written into iVvy:
    // it is the same record, counted once.
    const list = await server().client.call<{ meta: { totalResults: number } }>('contact', 'getContactList', { perPage: 1 });
    assert.ok(forward.created + forward.updated + forward.skipped <= list.meta.totalResults, JSON.stringify(forward));
    const back = r.counts['contacts/toIvvy']!;
    // Each HubSpot contact is read back once (the five new ones and the ones of earlier
    // tests are all in the CRM's change window): never more than there are contacts there.
    assert.ok(back.skipped + back.created + back.updated <= hub.objects('contacts').length, JSON.stringify(back));
  });

  it('names the reason, the system and its URL when a run stops, and keeps the stack out of the message', async () => {
    const wrongSecret = await openTestSync(
      server(),
      syncConfig(server(), hubspot(hub), { profile: 'trust-secret', ivvy: { secret: 'not-the-secret' }, modules: { companies: { enabled: false } } }),
    );
    const wrongToken = await openTestSync(server(), syncConfig(server(), hubspot(hub, 'wrong-token'), { profile: 'trust-token', modules: { companies: { enabled: false } } }));
    const closed = await new Promise<Server>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await openTestSync(
      server(),
      syncConfig(server(), hubspot(hub), { profile: 'trust-down', ivvy: { url: `http://127.0.0.1:${port}` }, sync: { retries: 0 }, modules: { companies: { enabled: false } } }),
    );
    try {
      const cases: Array<[OpenedSync, string, RegExp]> = [
        [wrongSecret, 'ivvy-credentials', new RegExp(`^iVvy at ${server().url} refused the API key and secret .*check ivvy.key and ivvy.secret`)],
        [wrongToken, 'crm-credentials', new RegExp(`^HubSpot at ${hub.url} refused the access token .*check crm.hubspot.accessToken`)],
        [down, 'ivvy-unreachable', new RegExp(`^iVvy at http://127.0.0.1:${port} could not be reached \\(connection refused\\): check ivvy.url`)],
      ];
      for (const [sync, reason, message] of cases) {
        const r: RunSummary = await runSync(sync.env, { reconcile: 'skip' });
        assert.equal(r.status, 'failed');
        assert.equal(r.failureReason, reason);
        assert.match(r.failure!, message);
        assert.equal(r.errorCount, 1);
        assert.equal(r.errors[0]!.reason, reason);
        const stored = (await sync.env.state.runs.recent(1))[0]!;
        assert.equal(stored.status, 'failed');
        assert.equal(stored.errors[0]!.reason, reason, 'the run record says why too');
        assert.match(statusText({ profile: 'p', cursors: [], runs: [stored], links: {}, retries: 0, refusals: [], refusalCount: 0, conflicts: [] }), new RegExp(`Stopped \\(${reason}\\)`));
      }
    } finally {
      await wrongSecret.close();
      await wrongToken.close();
      await down.close();
    }
  });
});

describe('sync: Tryton login failures, as trytond answers them', () => {
  let tryton: Server;
  let url: string;
  before(async () => {
    // trytond answers a wrong password with werkzeug's 401 HTML page, and an unknown database
    // with a JSON-RPC error naming the database file.
    tryton = createServer((req, res) => {
      if (req.url?.startsWith('/missing/')) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 1, error: ["Database '/srv/tryton/missing.sqlite' doesn't exist!", ''] }));
      } else {
        res.writeHead(401, { 'Content-Type': 'text/html' }).end('<!doctype html>\n<html lang=en>\n<title>401 Unauthorized</title>\n<h1>Unauthorized</h1>\n<p>The server could not verify that you are authorized</p>\n');
      }
    });
    await new Promise<void>((resolve) => tryton.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(tryton.address() as { port: number }).port}`;
  });
  after(() => new Promise<void>((resolve) => tryton.close(() => resolve())));

  const rpc = (database: string) =>
    createTrytonRpc({ url, database, username: 'admin', password: 'wrong', policy: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 }, limiter: createRateLimiter(0, 1) });

  it('says the password was refused, for which user and database, without the HTML page', async () => {
    const error = await rpc('tryton').model('party.party', 'search', [[]]).catch((e: unknown) => e);
    assert.ok(error instanceof SystemError);
    assert.equal(error.reason, 'crm-login');
    assert.equal(error.message, `Tryton at ${url} refused the login of user 'admin' to database 'tryton' (HTTP 401): check crm.tryton.username and crm.tryton.password`);
  });

  it('says the database does not exist and how to make it', async () => {
    const error = await rpc('missing').model('party.party', 'search', [[]]).catch((e: unknown) => e);
    assert.ok(error instanceof SystemError);
    assert.equal(error.reason, 'crm-database');
    assert.match(error.message, new RegExp(`^Tryton at ${url} has no database 'missing' \\(Database '/srv/tryton/missing.sqlite' doesn't exist!\\): check crm.tryton.database`));
  });
});

describe('sync: what status and watch print', () => {
  const run = (id: number, status: 'succeeded' | 'partial' | 'failed', errors: Array<{ message: string; reason?: string }>) => ({
    id,
    status,
    trigger: 'cli',
    dryRun: false,
    modules: ['contacts'],
    counts: {},
    errors: errors.map((e) => ({ module: 'contacts', direction: 'toCrm' as const, recordId: e.reason ? '*' : '7', ...e })),
    errorCount: errors.length,
    holder: 'h:1',
    startedAt: 1_000,
    heartbeatAt: 2_000,
    finishedAt: 2_000,
  });

  it('shows the latest run with its own errors, and earlier failures only as history', () => {
    const text = statusText({
      profile: 'p',
      cursors: [],
      runs: [run(3, 'succeeded', []), run(2, 'failed', [{ message: 'Tryton at http://t refused the login', reason: 'crm-login' }])],
      links: {},
      retries: 0,
      refusals: [],
      refusalCount: 0,
      conflicts: [],
    });
    const latest = text.slice(text.indexOf('Latest run'), text.indexOf('Earlier runs'));
    assert.match(latest, /#3 succeeded/);
    assert.match(latest, /Errors: 0/);
    assert.doesNotMatch(latest, /refused the login/, 'an old failure is not shown as the current state');
    assert.match(text.slice(text.indexOf('Earlier runs')), /#2 +│ failed/);
  });

  it('prints a watch run only when it did something or its outcome changed', () => {
    const report = watchReporter();
    const summary = (counts: Record<string, Partial<Record<string, number>>>, status: RunSummary['status'] = 'succeeded'): RunSummary => ({
      runId: 1,
      status,
      dryRun: false,
      modules: ['contacts'],
      counts: Object.fromEntries(
        Object.entries(counts).map(([k, c]) => [k, { created: 0, updated: 0, skipped: 0, conflicts: 0, deleted: 0, errors: 0, refused: 0, ...c }]),
      ),
      errors: [],
      errorCount: 0,
      refusals: [],
      refusalCount: 0,
      startedAt: 0,
      finishedAt: 1,
      failure: null,
      failureReason: null,
      waitingForRetry: 0,
    });
    assert.notEqual(report(summary({ 'contacts/toCrm': { skipped: 4 } })), null, 'the first run is shown');
    assert.equal(report(summary({ 'contacts/toCrm': { skipped: 4 } })), null, 'nothing changed: nothing printed');
    assert.match(report(summary({ 'contacts/toCrm': { updated: 1 } }))!, /succeeded/);
    assert.equal(report(summary({})), null);
    assert.match(report(summary({}, 'failed'))!, /failed/, 'a change of outcome is shown');
  });
});
