/**
 * In-process timings of the pieces of a request, without HTTP: signature checks, dispatch of
 * each throughput case, response serialisation. Each is run sequentially many times on a kept
 * dataset, pinned to one core; on a machine busy with other work these figures stay far
 * steadier than requests per second, which makes them the quick check between code changes.
 *
 *   node --import tsx bench/tools/micro.ts [contacts] [iterations] [cases,…]
 */
import { prepareDataset } from '../datasets/datasets.js';
import { sampleContactIds } from '../datasets/sample.js';
import { DEFAULT_DATA_DIR } from '../lib/paths.js';
import { signed } from '../lib/signed.js';
import { loadConfig } from '../../src/config.js';
import { createRuntime } from '../../src/runtime.js';
import { dispatch } from '../../src/registry/dispatch.js';
import { serializeBody } from '../../src/protocol/json-text.js';
import { preflight, verify } from '../../src/server/authenticate.js';

const contacts = Number(process.argv[2] ?? 100_000);
const iterations = Number(process.argv[3] ?? 20_000);
const wanted = new Set((process.argv[4] ?? 'auth,ping,getContact,getContactList,addOrUpdateContact').split(','));
const log = (line: string) => process.stderr.write(`${line}\n`);
const dataset = await prepareDataset('sqlite', contacts, { dataDir: DEFAULT_DATA_DIR, postgresUrl: '', fresh: false, log });
const ids = await sampleContactIds(dataset, 2000, 7);
const runtime = await createRuntime(
  loadConfig({ databaseUrl: dataset.url, masterKey: dataset.masterKey, seed: false, logLevel: 'warn', rateLimitPerSecond: 0, validateResults: false }, {}),
);
const record = await runtime.keys.find(dataset.key);
if (!record) throw new Error('bench key missing');
const caller = { accountId: record.accountId, userId: record.userId, apiKey: record.key, via: 'http' as const, requestId: 'micro' };

async function time(name: string, fn: (i: number) => unknown): Promise<void> {
  if (!wanted.has(name)) return;
  for (let i = 0; i < Math.min(2000, iterations); i++) await fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn(i);
  const micros = Number(process.hrtime.bigint() - started) / 1e3 / iterations;
  process.stdout.write(`${name.padEnd(22)} ${micros.toFixed(2).padStart(8)} µs\n`);
}

const call = (namespace: string, action: string, params: unknown) => dispatch(runtime, { namespace, action, params, caller });
const check = async (namespace: string, action: string, params: unknown) => {
  const result = await call(namespace, action, params);
  if (!result.ok) throw new Error(`${namespace}.${action}: ${JSON.stringify(result.body)}`);
  return result;
};

const request = signed({ key: dataset.key, secret: dataset.secret }, 'contact', 'getContact', { id: ids[0] });
const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
const body = Buffer.from(request.body ?? '');
await time('auth', () => {
  const checked = preflight(headers);
  return verify({ method: 'POST', url: request.path, headers, body, apiVersion: '1.0' }, checked, runtime.keys.cached(checked.key) ?? null);
});
await time('ping', () => check('test', 'ping', {}));
await time('getContact', (i) => check('contact', 'getContact', { id: ids[i % 1000] }));
// Ten calls in flight at once, as ten connections give the server (time per call).
await time('getContact10', (i) =>
  Promise.all(Array.from({ length: 10 }, (_, k) => check('contact', 'getContact', { id: ids[(i * 10 + k) % 1000] }))).then(() => undefined),
);
const one = await check('contact', 'getContact', { id: ids[0] });
await time('serialize getContact', () => serializeBody(one.body));
await time('getContactList', () => check('contact', 'getContactList', { filter: { status: 1 }, start: 0, perPage: 100 }));
await time('getContactList0', () => check('contact', 'getContactList', { start: 0, perPage: 100 }));
await time('getContactList50', () => check('contact', 'getContactList', { start: Math.floor(contacts / 2), perPage: 100 }));
const list = await check('contact', 'getContactList', { filter: { status: 1 }, start: 0, perPage: 100 });
await time('serialize list', () => serializeBody(list.body));
const writeIds = ids.slice(0, 2000);
await time('addOrUpdateContact', (i) => check('contact', 'addOrUpdateContact', { id: writeIds[i % 2000], phone: `06${i % 4000 < 2000 ? 0 : 1}${writeIds[i % 2000]}` }));
await runtime.close();
