/**
 * Throughput, side by side in one run: the node:http ceiling, Marquee answering signed calls,
 * and json-server serving the same contacts. Each server runs alone on the server core while
 * autocannon drives it from the load core: a warm-up, then the measured run.
 */
import type { Dataset } from '../datasets/datasets.js';
import { sampleContactIds } from '../datasets/sample.js';
import type { Child } from '../lib/child.js';
import { signed, type Credentials } from '../lib/signed.js';
import { runLoad, type LoadSpec, type MeasuredLoad, type PreparedRequest } from '../load/run-load.js';
import { startCeiling, startJsonServer, startMarquee, type ServerOptions } from './servers.js';

export interface ThroughputOptions extends ServerOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}

export type CaseId =
  | 'ceiling'
  | 'ping'
  | 'getContact'
  | 'getContactList'
  | 'addOrUpdateContact'
  | 'jsonServerById'
  | 'jsonServerPage'
  | 'ceilingAgain';

export interface CaseResult {
  id: CaseId;
  label: string;
  server: 'node:http' | 'Marquee' | 'json-server';
  /** What one request does. */
  request: string;
  result: MeasuredLoad;
}

export interface ThroughputResults {
  dataset: { kind: string; contacts: number };
  connections: number;
  seconds: number;
  warmupSeconds: number;
  cases: CaseResult[];
}

/** The filter and page the list cases use, on both Marquee and json-server. */
export const LIST_FILTER = { status: 1 } as const;
export const PAGE = 100;

async function call(url: string, request: PreparedRequest): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url + request.path, {
    method: request.method ?? 'POST',
    headers: request.headers,
    ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : null };
}

/** One request answered as expected before the load starts: figures for errors would be meaningless. */
async function expectOk(url: string, request: PreparedRequest, check: (body: unknown) => boolean, what: string) {
  const { status, body } = await call(url, request);
  if (status !== 200 || !check(body)) {
    throw new Error(`${what}: unexpected answer before the load (HTTP ${status}): ${JSON.stringify(body).slice(0, 300)}`);
  }
}

async function withServer<T>(start: () => Promise<Child>, fn: (url: string, pid: number | undefined) => Promise<T>): Promise<T> {
  const child = await start();
  try {
    return await fn(child.ready.url as string, child.process.pid);
  } finally {
    await child.stop();
  }
}

function spec(options: ThroughputOptions, url: string, pools: Pick<LoadSpec, 'requests' | 'perConnection'>): LoadSpec {
  return { url, connections: options.connections, seconds: options.seconds, warmupSeconds: options.warmupSeconds, ...pools };
}

export async function runThroughput(options: ThroughputOptions, dataset: Dataset): Promise<ThroughputResults> {
  if (!dataset.jsonServerFile) throw new Error('the throughput dataset needs its json-server export');
  const credentials: Credentials = { key: dataset.key, secret: dataset.secret };
  const ids = await sampleContactIds(dataset, Math.max(2000, options.connections * 200), 7);
  const readIds = ids.slice(0, 1000);
  const cases: CaseResult[] = [];
  const measure = async (c: Omit<CaseResult, 'result'>, pid: number | undefined, load: () => LoadSpec) => {
    options.log(`  ${c.label}…`);
    const result = await runLoad(options.pinning, load(), pid);
    cases.push({ ...c, result });
    options.log(
      `  ${c.label}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms` +
        `, server ${result.serverCpuMicros?.toFixed(0) ?? '?'} µs CPU per request, load generator at ${Math.round(result.loadCpuShare * 100)}% of its core`,
    );
  };
  const ping = () => signed(credentials, 'test', 'ping', {});

  options.log('ceiling: bare node:http');
  await withServer(
    () => startCeiling(options),
    async (url, pid) => {
      await expectOk(url, ping(), (b) => typeof b === 'object' && b !== null, 'ceiling');
      await measure(
        { id: 'ceiling', label: 'node:http ceiling', server: 'node:http', request: 'signed test.ping request, fixed ~1 KB JSON answer' },
        pid,
        () => spec(options, url, { requests: Array.from({ length: 32 }, ping) }),
      );
    },
  );

  options.log(`Marquee on ${dataset.kind}, ${dataset.contacts.toLocaleString('en-US')} contacts`);
  await withServer(
    () => startMarquee(options, dataset),
    async (url, pid) => {
      await expectOk(url, ping(), (b) => typeof (b as { ack?: unknown }).ack === 'string', 'test.ping');
      await measure(
        { id: 'ping', label: 'test.ping', server: 'Marquee', request: 'signed, verified test.ping' },
        pid,
        () => spec(options, url, { requests: Array.from({ length: 32 }, ping) }),
      );

      const getContact = (id: number) => signed(credentials, 'contact', 'getContact', { id });
      await expectOk(url, getContact(readIds[0]!), (b) => (b as { id?: unknown }).id === readIds[0], 'getContact');
      await measure(
        { id: 'getContact', label: 'contact.getContact', server: 'Marquee', request: 'one contact by id, full documented shape (1,000 ids in turn)' },
        pid,
        () => spec(options, url, { requests: readIds.map(getContact) }),
      );

      const list = () => signed(credentials, 'contact', 'getContactList', { filter: LIST_FILTER, start: 0, perPage: PAGE });
      await expectOk(url, list(), (b) => (b as { results?: unknown[] }).results?.length === PAGE, 'getContactList');
      await measure(
        { id: 'getContactList', label: 'contact.getContactList', server: 'Marquee', request: `filter status = 1, first page of ${PAGE}` },
        pid,
        () => spec(options, url, { requests: [list()] }),
      );

      // Each connection updates its own 200 contacts, alternating two phone numbers, so every
      // request really changes a contact (an unchanged write records nothing and is cheaper).
      const writeIds = ids.slice(0, options.connections * 200);
      const update = (id: number, round: number) =>
        signed(credentials, 'contact', 'addOrUpdateContact', { id, phone: `04${round}${String(id).padStart(7, '0')}` });
      await expectOk(url, update(writeIds[0]!, 2), (b) => (b as { id?: unknown }).id === writeIds[0], 'addOrUpdateContact');
      await measure(
        {
          id: 'addOrUpdateContact',
          label: 'contact.addOrUpdateContact',
          server: 'Marquee',
          request: 'update by id (a new phone number each time), change recorded',
        },
        pid,
        () =>
          spec(options, url, {
            perConnection: Array.from({ length: options.connections }, (_, c) => {
              const mine = writeIds.slice(c * 200, (c + 1) * 200);
              return [0, 1].flatMap((round) => mine.map((id) => update(id, round)));
            }),
          }),
      );
    },
  );

  options.log('json-server 0.17 with the same contacts');
  await withServer(
    () => startJsonServer(options, dataset.jsonServerFile!),
    async (url, pid) => {
      const byId = (id: number): PreparedRequest => ({ method: 'GET', path: `/contacts/${id}`, headers: {} });
      const page: PreparedRequest = { method: 'GET', path: `/contacts?status=1&_start=0&_limit=${PAGE}`, headers: {} };
      await expectOk(url, byId(readIds[0]!), (b) => (b as { id?: unknown }).id === readIds[0], 'json-server by id');
      await expectOk(url, page, (b) => Array.isArray(b) && b.length === PAGE, 'json-server page');
      await measure(
        { id: 'jsonServerById', label: 'json-server GET /contacts/:id', server: 'json-server', request: 'the same contacts by id' },
        pid,
        () => spec(options, url, { requests: readIds.map(byId) }),
      );
      await measure(
        { id: 'jsonServerPage', label: 'json-server GET /contacts?status=1', server: 'json-server', request: `the same filter, first page of ${PAGE}` },
        pid,
        () => spec(options, url, { requests: [page] }),
      );
    },
  );

  options.log('ceiling again (drift check)');
  await withServer(
    () => startCeiling(options),
    async (url, pid) => {
      await measure(
        { id: 'ceilingAgain', label: 'node:http ceiling (again)', server: 'node:http', request: 'as the first ceiling run' },
        pid,
        () => spec(options, url, { requests: Array.from({ length: 32 }, ping) }),
      );
    },
  );

  return {
    dataset: { kind: dataset.kind, contacts: dataset.contacts },
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    cases,
  };
}
