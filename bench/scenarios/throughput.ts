/**
 * Throughput, side by side in one run: Marquee answering signed calls on SQLite (and on
 * PostgreSQL when a dataset is given), and json-server serving the same contacts. Every case
 * runs at each connection count and is judged against the bare node:http ceiling measured
 * right before it, on the same core, with the same load generator, so drift during a run
 * never flatters or punishes a case. Servers run alone on the server core; the load generator
 * (wrk, or autocannon where wrk is missing) on the load core.
 */
import type { Dataset, DatabaseKind } from '../datasets/datasets.js';
import { HEAVY } from '../datasets/heavy.js';
import type { Child } from '../lib/child.js';
import { backendPids } from '../lib/postgres-backends.js';
import { LIST_FILTER, PAGE, READS, heavyIds, heavyPools, poolInputs, throughputPools, type HeavyCase, type MarqueeCase, type Pool } from '../lib/pools.js';
import { signed, type Credentials } from '../lib/signed.js';
import { runLoad, type Generator, type MeasuredLoad, type PreparedRequest } from '../load/run-load.js';
import { startCeiling, startJsonServer, startMarquee, type ServerOptions } from './servers.js';

export interface ThroughputOptions extends ServerOptions {
  /** Each case runs once per connection count, in this order. */
  connections: number[];
  generator: Generator;
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
}

export type CaseId = MarqueeCase | HeavyCase | 'jsonServerById' | 'jsonServerPage';

export interface CaseResult {
  id: CaseId;
  label: string;
  server: 'Marquee' | 'json-server';
  /** The database behind Marquee; json-server keeps its file in memory. */
  database: DatabaseKind | null;
  connections: number;
  /** What one request does. */
  request: string;
  result: MeasuredLoad;
  /** The node:http ceiling measured right before this case. */
  ceiling: MeasuredLoad;
}

export interface ThroughputResults {
  datasets: Array<{ kind: DatabaseKind; contacts: number; heavy?: number }>;
  generator: Generator;
  connections: number[];
  seconds: number;
  warmupSeconds: number;
  cases: CaseResult[];
}

export { LIST_FILTER, PAGE };

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
async function expectOk(url: string, request: PreparedRequest | undefined, check: (body: unknown) => boolean, what: string) {
  if (!request) throw new Error(`${what}: empty request pool`);
  const { status, body } = await call(url, request);
  if (status !== 200 || !check(body)) {
    throw new Error(`${what}: unexpected answer before the load (HTTP ${status}): ${JSON.stringify(body).slice(0, 300)}`);
  }
}

async function withServer<T>(start: () => Promise<Child>, fn: (child: Child) => Promise<T>): Promise<T> {
  const child = await start();
  try {
    return await fn(child);
  } finally {
    await child.stop();
  }
}

const first = (pool: Pool) => {
  const p = pool();
  return p.requests?.[0] ?? p.perConnection?.[0]?.[0];
};

interface Case {
  id: CaseId;
  label: string;
  request: string;
  pool: Pool;
  check: (body: unknown) => boolean;
}

function marqueeCases(pools: ReturnType<typeof throughputPools>, readIds: readonly number[], total: number): Case[] {
  const hasId = (id: number | undefined) => (b: unknown) => (b as { id?: unknown }).id === id;
  const page = (b: unknown) => (b as { results?: unknown[] }).results?.length === PAGE;
  return [
    { id: 'ping', label: 'test.ping', request: 'signed, verified test.ping', pool: pools.ping, check: (b) => typeof (b as { ack?: unknown }).ack === 'string' },
    {
      id: 'getContact',
      label: 'contact.getContact',
      request: `one contact by id, full documented shape (${readIds.length.toLocaleString('en-US')} ids in turn, the 200 with the most relations among them)`,
      pool: pools.getContact,
      check: hasId(readIds[0]),
    },
    { id: 'getContactList', label: 'contact.getContactList', request: `filter status = 1, first page of ${PAGE}`, pool: pools.getContactList, check: page },
    {
      id: 'getContactListDeep',
      label: 'contact.getContactList (deep)',
      request: `pages of ${PAGE} from 40% to 90% of ${total.toLocaleString('en-US')} contacts, each once per cycle`,
      pool: pools.getContactListDeep,
      check: page,
    },
    {
      id: 'addOrUpdateContact',
      label: 'contact.addOrUpdateContact',
      request: 'update by id (a new phone number each time), change recorded',
      pool: pools.addOrUpdateContact,
      check: () => true,
    },
  ];
}

function heavyCases(pools: ReturnType<typeof heavyPools>, ids: readonly number[]): Case[] {
  const hasId = (b: unknown) => (b as { id?: unknown }).id === ids[0];
  const page = (b: unknown) => (b as { results?: unknown[] }).results?.length === PAGE;
  const shape = `${HEAVY.invitations} invitations, ${HEAVY.registrations} paid registrations, ${HEAVY.companies} companies, ${HEAVY.customFields} custom fields`;
  return [
    {
      id: 'getContactHeavy',
      label: 'contact.getContact (heavy)',
      request: `one contact by id, ${Math.min(READS, ids.length).toLocaleString('en-US')} ids in turn, each with ${shape}`,
      pool: pools.getContactHeavy,
      check: hasId,
    },
    {
      id: 'getContactListHeavy',
      label: 'contact.getContactList (heavy)',
      request: `every page of ${PAGE} of the ${ids.length.toLocaleString('en-US')} heavy contacts, scattered`,
      pool: pools.getContactListHeavy,
      check: page,
    },
  ];
}

export async function runThroughput(
  options: ThroughputOptions,
  sqlite: Dataset,
  postgres: Dataset | null,
  heavy: Dataset | null = null,
): Promise<ThroughputResults> {
  if (!sqlite.jsonServerFile) throw new Error('the throughput dataset needs its json-server export');
  const cases: CaseResult[] = [];
  const ceilingChild = await startCeiling(options);
  const ceilingUrl = ceilingChild.ready.url as string;

  const measure = async (c: Omit<CaseResult, 'result' | 'ceiling'>, url: string, pid: number | undefined, pool: Pool, helperPids?: () => Promise<number[]>) => {
    const load = (target: string, p: Pool) => ({ url: target, connections: c.connections, seconds: options.seconds, warmupSeconds: options.warmupSeconds, ...p() });
    const ceiling = await runLoad(options.pinning, load(ceilingUrl, ping(sqlite)), {
      generator: options.generator,
      serverPid: ceilingChild.process.pid,
    });
    const result = await runLoad(options.pinning, load(url, pool), { generator: options.generator, ...(pid !== undefined ? { serverPid: pid } : {}), ...(helperPids ? { helperPids } : {}) });
    cases.push({ ...c, result, ceiling });
    const cpu = result.serverCpuMicros === null ? '?' : result.serverCpuMicros.toFixed(0);
    const helper = result.helperCpuMicros === null ? '' : ` (PostgreSQL ${result.helperCpuMicros.toFixed(0)})`;
    options.log(
      `  ${c.label}${c.database ? ` on ${c.database}` : ''}, ${c.connections} connections: ${Math.round(result.requestsPerSecond)} req/s ` +
        `(${((100 * result.requestsPerSecond) / ceiling.requestsPerSecond).toFixed(1)}% of ${Math.round(ceiling.requestsPerSecond)}), ` +
        `p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, server ${cpu} µs CPU per request${helper}, ` +
        `load generator at ${Math.round(result.loadCpuShare * 100)}% of its core`,
    );
  };

  try {
    await expectOk(ceilingUrl, first(ping(sqlite)), (b) => typeof b === 'object' && b !== null, 'ceiling');
    for (const dataset of [sqlite, ...(postgres ? [postgres] : [])]) {
      const credentials: Credentials = { key: dataset.key, secret: dataset.secret };
      const inputs = await poolInputs(dataset, Math.max(...options.connections));
      const helpers = dataset.kind === 'postgres' ? () => backendPids(dataset.url) : undefined;
      options.log(`Marquee on ${dataset.kind}, ${dataset.contacts.toLocaleString('en-US')} contacts`);
      await withServer(
        () => startMarquee(options, dataset),
        async (child) => {
          const url = child.ready.url as string;
          for (const connections of options.connections) {
            const pools = throughputPools(credentials, { ...inputs, connections });
            for (const c of marqueeCases(pools, inputs.readIds, dataset.contacts)) {
              await expectOk(url, first(c.pool), c.check, c.label);
              await measure(
                { id: c.id, label: c.label, server: 'Marquee', database: dataset.kind, connections, request: c.request },
                url,
                child.process.pid,
                c.pool,
                helpers,
              );
            }
          }
        },
      );
    }

    if (heavy) {
      const ids = await heavyIds(heavy);
      options.log(`Marquee on ${heavy.kind}, ${heavy.contacts.toLocaleString('en-US')} contacts, ${ids.length.toLocaleString('en-US')} of them with heavy records`);
      await withServer(
        () => startMarquee(options, heavy),
        async (child) => {
          const url = child.ready.url as string;
          for (const connections of options.connections) {
            for (const c of heavyCases(heavyPools({ key: heavy.key, secret: heavy.secret }, ids), ids)) {
              await expectOk(url, first(c.pool), c.check, c.label);
              await measure({ id: c.id, label: c.label, server: 'Marquee', database: heavy.kind, connections, request: c.request }, url, child.process.pid, c.pool);
            }
          }
        },
      );
    }

    options.log('json-server 0.17 with the same contacts');
    const readIds = (await poolInputs(sqlite, 1)).readIds;
    await withServer(
      () => startJsonServer(options, sqlite.jsonServerFile!),
      async (child) => {
        const url = child.ready.url as string;
        const byId: Pool = () => ({ requests: readIds.map((id) => ({ method: 'GET', path: `/contacts/${id}`, headers: {} })) });
        const page: Pool = () => ({ requests: [{ method: 'GET', path: `/contacts?status=1&_start=0&_limit=${PAGE}`, headers: {} }] });
        await expectOk(url, first(byId), (b) => (b as { id?: unknown }).id === readIds[0], 'json-server by id');
        await expectOk(url, first(page), (b) => Array.isArray(b) && b.length === PAGE, 'json-server page');
        for (const connections of options.connections) {
          const base = { server: 'json-server', database: null, connections } as const;
          await measure({ ...base, id: 'jsonServerById', label: 'json-server GET /contacts/:id', request: 'the same contacts by id' }, url, child.process.pid, byId);
          await measure({ ...base, id: 'jsonServerPage', label: 'json-server GET /contacts?status=1', request: `the same filter, first page of ${PAGE}` }, url, child.process.pid, page);
        }
      },
    );
  } finally {
    await ceilingChild.stop();
  }

  return {
    datasets: [sqlite, ...(postgres ? [postgres] : []), ...(heavy ? [heavy] : [])].map((d) => ({ kind: d.kind, contacts: d.contacts, ...(d.heavy > 0 ? { heavy: d.heavy } : {}) })),
    generator: options.generator,
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    cases,
  };
}

/** The ceiling's pool: signed pings (it reads and parses the body as Marquee would). */
function ping(dataset: Dataset): Pool {
  return () => ({ requests: Array.from({ length: 32 }, () => signed({ key: dataset.key, secret: dataset.secret }, 'test', 'ping', {})) });
}
