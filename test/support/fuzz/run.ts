/**
 * The fuzzer behind `test/security/fuzz.test.ts` (a few thousand requests per database in
 * `npm test`) and `npm run fuzz` (as many as asked). Requests are generated from the
 * registry's parameter schemas with a seeded generator, so a failure is reproduced by its
 * seed. Every answer must be the documented envelope and never a 5xx (501 only for an action
 * Marquee does not implement yet), the server must outlive the run, a refused write must
 * leave stored data as it was, and batch jobs carrying fuzzed parameters must not fail with
 * a 5xx either.
 */
import { Faker, en } from '@faker-js/faker';
import type { MarqueeClient } from '../../../src/client/index.js';
import { findCatalogueEntry, CATALOGUE } from '../../../src/protocol/catalogue.js';
import { paramShape } from '../../../src/registry/param-shape.js';
import type { AnyAction } from '../../../src/registry/define-action.js';
import { rawHttp, type RawReply, type RawRequest } from '../raw-http.js';
import { signedRaw } from '../signed-raw.js';
import type { TestServer } from '../server.js';
import { dataFingerprint } from './fingerprint.js';
import { deeplyNested, hostileValue, valueFor, type ValueContext } from './values.js';

export interface FuzzOptions {
  server: TestServer;
  actions: readonly AnyAction[];
  /** Ids of rows the account holds (so that calls reach real records). */
  knownIds: readonly number[];
  count: number;
  seed: number;
  /** Called every `every` requests with the number done (progress for long runs). */
  onProgress?: (done: number) => void;
}

export interface FuzzFailure {
  request: string;
  status: number;
  problem: string;
  body: string;
}

export interface FuzzReport {
  requests: number;
  statuses: Record<number, number>;
  failures: FuzzFailure[];
  batches: number;
}

const FILTER_NAMES = [
  'id', 'email', 'firstName', 'lastName', 'modifiedDate', 'createdDate', 'fromModifiedDate', 'toModifiedDate',
  'contactId', 'companyId', 'eventId', 'venueId', 'venueGroupId', 'status', 'name', 'code', 'startDate', 'endDate',
  'businessName', 'phone', 'externalId', 'invoiceId', 'refType', 'refId', 'groupId', 'noteText', 'stageId',
  'typeId', 'userId', 'title', 'currency', 'isPrimary', 'priority', 'unknownFilter',
];

const ENVELOPE_KEYS = new Set(['errorCode', 'message', 'specificCode', 'additionalMessages']);

/** Why an answer breaks the contract, or null. */
function problemWith(reply: RawReply, notImplemented: boolean): string | null {
  if (reply.status >= 500 && !(reply.status === 501 && notImplemented)) return `HTTP ${reply.status}`;
  if (reply.json === undefined) return 'the answer is not JSON';
  if (reply.status === 200) return null;
  const body = reply.json as Record<string, unknown>;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the error is not an object';
  for (const key of Object.keys(body)) if (!ENVELOPE_KEYS.has(key)) return `unexpected envelope key '${key}'`;
  if (body.errorCode !== reply.status) return `errorCode ${String(body.errorCode)} differs from HTTP ${reply.status}`;
  if (typeof body.message !== 'string' || typeof body.specificCode !== 'number') return 'message or specificCode missing';
  if (body.additionalMessages !== undefined && !Array.isArray(body.additionalMessages)) return 'additionalMessages is not a list';
  return null;
}

interface Planned {
  request: RawRequest;
  label: string;
  /** A write that, when refused, must leave the data unchanged. */
  write: boolean;
  notImplemented: boolean;
  batch: boolean;
}

function describe(req: RawRequest): string {
  const body = req.body === undefined ? '' : Buffer.isBuffer(req.body) ? `<${req.body.length} bytes>` : req.body;
  return `${req.method ?? 'POST'} ${req.path.slice(0, 200)} ${body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body}`;
}

interface Keys {
  key: string;
  secret: string;
}

/**
 * One request. Batches run in another account: their jobs write in the background, and the
 * fuzzed account's data must only change when a request to it was accepted.
 */
function plan(f: Faker, server: TestServer, batchKeys: Keys, partnerKeys: Keys, actions: readonly AnyAction[], ctx: ValueContext): Planned {
  const sign = (path: string, body: string | Buffer, keys: Keys = server) => signedRaw({ key: keys.key, secret: keys.secret, path, body });
  const roll = f.number.int({ min: 0, max: 99 });

  // 80%: a real action with generated parameters.
  if (roll < 80) {
    const def = f.helpers.arrayElement([...actions]);
    const params = valueFor(paramShape(def.params), ctx);
    const path = `/api/1.0/${def.namespace}?action=${def.action}`;
    const body = JSON.stringify(params ?? {});
    const batch = def.namespace === 'batch';
    return {
      // Partner actions are signed with a partner key, so that they reach their handlers.
      request: sign(path, body, batch ? batchKeys : def.namespace === 'partner' ? partnerKeys : server),
      label: `${def.namespace}.${def.action}`,
      write: def.kind === 'write' && !batch,
      notImplemented: false,
      batch: batch && def.action === 'run',
    };
  }
  // 6%: a batch of jobs with generated parameters (their answers are checked after the run).
  if (roll < 86) {
    const jobs = Array.from({ length: f.number.int({ min: 1, max: 4 }) }, () => {
      const def = f.helpers.arrayElement([...actions]);
      return { namespace: def.namespace, action: def.action, params: valueFor(paramShape(def.params), ctx) };
    });
    return { request: sign('/api/1.0/batch?action=run', JSON.stringify({ jobs }), batchKeys), label: 'batch.run', write: false, notImplemented: false, batch: true };
  }
  // 4%: a catalogued action Marquee may not implement yet.
  if (roll < 90) {
    const entry = f.helpers.arrayElement([...CATALOGUE]);
    const implemented = actions.some((a) => a.namespace === entry.namespace && a.action === entry.action);
    return {
      request: sign(`/api/1.0/${entry.namespace}?action=${entry.action}`, JSON.stringify(valueFor({ kind: 'any' }, ctx) ?? {})),
      label: `${entry.namespace}.${entry.action}`,
      write: true,
      notImplemented: !implemented,
      batch: false,
    };
  }
  // 10%: broken requests: bodies, URLs, methods and headers.
  const broken = f.helpers.arrayElement<() => { request: RawRequest; label: string }>([
    () => ({ request: sign('/api/1.0/contact?action=getContactList', deeplyNested(f.number.int({ min: 33, max: 6_000 }), 'filter')), label: 'deep filter' }),
    () => ({ request: sign('/api/1.0/batch?action=run', deeplyNested(f.number.int({ min: 33, max: 6_000 }), 'batch'), batchKeys), label: 'deep batch' }),
    () => ({ request: sign('/api/1.0/contact?action=addOrUpdateContact', deeplyNested(5_000, 'params')), label: 'deep params' }),
    () => ({ request: sign('/api/1.0/contact?action=addOrUpdateContact', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), label: 'invalid UTF-8' }),
    () => ({ request: sign('/api/1.0/contact?action=getContact', f.helpers.arrayElement(['', '{', 'null', '"x"', '1', '[1]', '{"id":}', '\u0000'])), label: 'odd JSON' }),
    () => ({ request: sign(f.helpers.arrayElement(['/api/1.0/%E0%A4%A?action=ping', '/api/%ZZ/test?action=ping', '/api/1.0/%?action=ping', '/api/1.0/%C3?action=ping', '/api/1.0/test?action=%ZZ', '/api/1.0/test/extra?action=ping', '/api/9.9/test?action=ping', `/api/1.0/test?action=${'p'.repeat(5_000)}`, '/api/1.0/test?action=ping&action=x', '/api//?action=']), '{}'), label: 'odd URL' }),
    () => ({ request: { method: f.helpers.arrayElement(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']), path: f.helpers.arrayElement(['/api/1.0/test?action=ping', '/api/1.0/%E0%A4%A?action=ping', '/%ZZ', '/i/%C3', '/healthz?%ZZ']) }, label: 'odd method' }),
    () => ({ request: { ...sign('/api/1.0/test?action=ping', '{}'), headers: { 'X-Api-Authorization': f.helpers.arrayElement(['IWS', 'IWS :', `IWS ${server.key}:`, 'Basic abc', `IWS ${'k'.repeat(5_000)}:x`]), 'IVVY-Date': 'garbage' } }, label: 'odd auth' }),
    () => ({ request: sign('/api/1.0/contact?action=getContactList', JSON.stringify({ filter: { [`email__CONTAINS`]: '%'.repeat(f.number.int({ min: 1_001, max: 60_000 })) } })), label: 'long LIKE' }),
    () => ({ request: sign('/api/1.0/contact?action=addOrUpdateContact', JSON.stringify({ firstName: hostileValue(ctx), lastName: 'x', email: 'x@example.com' })), label: 'hostile contact' }),
  ])();
  return { ...broken, write: true, notImplemented: false, batch: false };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { server } = options;
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed);
  const ctx: ValueContext = { faker, ids: { known: options.knownIds }, hostility: 0.15, filterNames: FILTER_NAMES };
  const report: FuzzReport = { requests: 0, statuses: {}, failures: [], batches: 0 };
  const batchIds: string[] = [];
  const batchAccount = await server.newAccount();
  const partnerAccount = await server.newAccount({ keyKind: 'partner' });
  let before = await dataFingerprint(server);

  for (let i = 0; i < options.count; i++) {
    const planned = plan(faker, server, batchAccount, partnerAccount, options.actions, ctx);
    let reply: RawReply;
    try {
      reply = await rawHttp(server.url, planned.request);
    } catch (error) {
      report.failures.push({ request: describe(planned.request), status: 0, problem: `no answer: ${String(error)}`, body: '' });
      break;
    }
    report.requests++;
    report.statuses[reply.status] = (report.statuses[reply.status] ?? 0) + 1;
    const notImplemented = planned.notImplemented || isUnimplementedTarget(planned.request.path, options.actions);
    const problem = problemWith(reply, notImplemented);
    if (problem) report.failures.push({ request: `${planned.label}: ${describe(planned.request)}`, status: reply.status, problem, body: reply.text.slice(0, 500) });
    if (planned.batch && reply.status === 200) {
      const asyncId = (reply.json as { asyncId?: string }).asyncId;
      if (asyncId) batchIds.push(asyncId);
    }
    if (reply.status !== 200 && planned.write) {
      const after = await dataFingerprint(server);
      if (after !== before) {
        report.failures.push({ request: `${planned.label}: ${describe(planned.request)}`, status: reply.status, problem: 'a refused request changed stored data', body: reply.text.slice(0, 500) });
      }
      before = after;
    } else if (reply.status === 200 && planned.write) {
      before = await dataFingerprint(server);
    }
    if (options.onProgress && (i + 1) % 1000 === 0) options.onProgress(i + 1);
  }

  report.batches = batchIds.length;
  for (const asyncId of batchIds) {
    for (const failure of await batchFailures(batchAccount.client, asyncId)) report.failures.push(failure);
  }
  const health = await rawHttp(server.url, { method: 'GET', path: '/healthz' }).catch(() => null);
  if (health?.status !== 200) report.failures.push({ request: 'GET /healthz', status: health?.status ?? 0, problem: 'the server did not survive the run', body: '' });
  return report;
}

function isUnimplementedTarget(path: string, actions: readonly AnyAction[]): boolean {
  const match = /^\/api\/1\.0\/([^/?]+)\?action=([^&]+)$/.exec(path);
  if (!match) return false;
  const [, namespace, action] = match as unknown as [string, string, string];
  return findCatalogueEntry(namespace, action) !== undefined && !actions.some((a) => a.namespace === namespace && a.action === action);
}

/** Jobs of a fuzzed batch that answered 5xx: its jobs only name implemented actions. */
async function batchFailures(client: MarqueeClient, asyncId: string): Promise<FuzzFailure[]> {
  type Results = { results: Array<{ namespace: string; action: string; response: { errorCode?: number } | null }> };
  for (let attempt = 0; attempt < 400; attempt++) {
    const progress = await client.call<{ progress: number }>('batch', 'progress', { async: asyncId });
    if (progress.progress === 100) {
      const { results } = await client.call<Results>('batch', 'results', { async: asyncId });
      return results
        .filter((r) => (r.response?.errorCode ?? 0) >= 500)
        .map((r) => ({
          request: `batch ${asyncId}: ${r.namespace}.${r.action}`,
          status: r.response?.errorCode ?? 0,
          problem: 'a batch job failed with a 5xx',
          body: JSON.stringify(r.response).slice(0, 500),
        }));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [{ request: `batch ${asyncId}`, status: 0, problem: 'the batch did not finish', body: '' }];
}
