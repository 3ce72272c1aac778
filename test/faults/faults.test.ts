import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, afterEach, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createApiKey } from '../../src/auth/keys.js';
import { createClient, IvvyApiError } from '../../src/client/index.js';
import { describeEachDatabase } from '../support/suite.js';
import { faultRoutesApp, operator } from './operator-app.js';

const logLines: Array<Record<string, unknown>> = [];
const capture = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
);

describeEachDatabase(
  'fault injection',
  ({ server }) => {
    let ops: FastifyInstance;
    before(async () => {
      ops = await faultRoutesApp(server().runtime);
    });
    after(() => ops.close());
    afterEach(async () => {
      assert.equal((await operator(ops, 'DELETE')).status, 200);
    });
    const addRule = async (rule: Record<string, unknown>): Promise<number> => {
      const answer = await operator(ops, 'POST', '', rule);
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      return (answer.body.rule as { id: number }).id;
    };
    const ping = () => server().client.raw('test', 'ping', {});

    it('answers a 5xx with the documented envelope before dispatch: a faulted write leaves no row, and is logged and counted', async () => {
      const ruleId = await addRule({ kind: 'error', key: server().key, namespace: 'contact', action: 'addOrUpdateContact' });
      const contact = { firstName: 'Faulted', lastName: 'Write', email: 'faulted.write@example.com' };
      const answer = await server().client.raw('contact', 'addOrUpdateContact', contact);
      assert.equal(answer.status, 500);
      const body = answer.body as { additionalMessages: string[] };
      assert.deepEqual({ ...body, additionalMessages: undefined }, {
        errorCode: 500,
        message: 'Internal Server Error',
        specificCode: 23018,
        additionalMessages: undefined,
      });
      const requestId = answer.headers.get('x-request-id');
      assert.deepEqual(body.additionalMessages, [`Request id: ${requestId}`]);
      assert.equal(answer.headers.get('x-marquee-fault'), String(ruleId));
      const rows = await server().store().selectFrom('contacts').select('id').where('first_name', '=', 'Faulted').execute();
      assert.deepEqual(rows, [], 'nothing was written');

      const line = logLines.find((l) => l.reqId === requestId);
      assert.deepEqual(line?.fault, { rule: ruleId, kind: 'error', namespace: 'contact', action: 'addOrUpdateContact', status: 500 });
      const metrics = await (await fetch(`${server().url}/metrics`)).text();
      assert.match(metrics, /^marquee_faults_injected_total\{kind="error",namespace="contact",action="addOrUpdateContact"\} 1$/m);

      await operator(ops, 'DELETE', `?id=${ruleId}`);
      assert.equal((await server().client.raw('contact', 'addOrUpdateContact', contact)).status, 200, 'cleared: the write goes through');
    });

    it('answers other 5xx statuses with their own message, and leaves other actions alone', async () => {
      await addRule({ kind: 'error', status: 503, namespace: 'test', action: 'ping' });
      const answer = await ping();
      assert.equal(answer.status, 503);
      assert.equal((answer.body as { message: string }).message, 'Service Unavailable');
      await assert.rejects(server().client.test.ping({}), (error: unknown) => error instanceof IvvyApiError && error.status === 503 && error.specificCode === 23018);
      assert.equal((await server().client.raw('account', 'getUserList', {})).status, 200);
    });

    it('answers the documented 429 with Retry-After, which the SDK waits out before retrying', async () => {
      await addRule({ kind: 'rate-limit', retryAfter: 7, namespace: 'test' });
      const refused = await ping();
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '7');
      assert.deepEqual(refused.body, { errorCode: 429, message: 'Too Many Requests', specificCode: 23014 });
      await operator(ops, 'DELETE');

      await addRule({ kind: 'rate-limit', retryAfter: 1, times: 1 });
      const patient = createClient({ url: server().url, key: server().key, secret: server().secret, retries: 2 });
      const started = Date.now();
      const { ack } = await patient.test.ping({});
      assert.match(ack, /UTC$/);
      assert.ok(Date.now() - started >= 1000, `waited the second Retry-After asked for (${Date.now() - started} ms)`);
    });

    it('adds latency to the real answer', async () => {
      await addRule({ kind: 'latency', durationMs: 300, namespace: 'test', action: 'ping' });
      const started = Date.now();
      assert.equal((await ping()).status, 200);
      assert.ok(Date.now() - started >= 290, 'delayed');
      const other = Date.now();
      assert.equal((await server().client.raw('account', 'getUserList', {})).status, 200);
      assert.ok(Date.now() - other < 290, 'another action is not');
    });

    it('drops the connection without an answer', async () => {
      await addRule({ kind: 'drop', namespace: 'test', action: 'ping' });
      await assert.rejects(ping(), (error: Error & { cause?: { code?: string } }) => {
        assert.match(`${error.cause?.code}`, /UND_ERR_SOCKET|ECONNRESET/);
        return true;
      });
    });

    it('holds a timed-out call until the client gives up, and drops it after the rule duration', async () => {
      await addRule({ kind: 'timeout', durationMs: 400, namespace: 'test', action: 'ping' });
      const impatient = createClient({ url: server().url, key: server().key, secret: server().secret, retries: 0, timeoutMs: 150 });
      await assert.rejects(impatient.raw('test', 'ping', {}), { name: 'TimeoutError' });
      const started = Date.now();
      await assert.rejects(ping(), (error: Error & { cause?: { code?: string } }) => {
        assert.match(`${error.cause?.code}`, /UND_ERR_SOCKET|ECONNRESET/);
        return true;
      });
      assert.ok(Date.now() - started >= 390, 'held for the rule duration first');
    });

    it('fires on every Nth matching call', async () => {
      await addRule({ kind: 'error', every: 3, namespace: 'test' });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await ping()).status);
      assert.deepEqual(statuses, [200, 200, 500, 200, 200, 500]);
    });

    it('fires on a seeded percentage of calls, the same calls for the same seed', async () => {
      const pattern = async () => {
        await addRule({ kind: 'error', percent: 40, seed: 1234, namespace: 'test' });
        const faulted: number[] = [];
        for (let i = 1; i <= 20; i++) if ((await ping()).status === 500) faulted.push(i);
        await operator(ops, 'DELETE');
        return faulted;
      };
      const first = await pattern();
      assert.ok(first.length >= 3 && first.length <= 15, `about 40% of 20 calls faulted (${first.length})`);
      assert.deepEqual(await pattern(), first, 'a new rule with the same seed faults the same calls');
      await addRule({ kind: 'error', percent: 40, seed: 99, namespace: 'test' });
      const other: number[] = [];
      for (let i = 1; i <= 20; i++) if ((await ping()).status === 500) other.push(i);
      assert.notDeepEqual(other, first, 'another seed, other calls');
    });

    it('matches per key, per account and for everyone', async () => {
      const sameAccount = await createApiKey(server().runtime.storage.db, server().runtime.secrets, { accountId: server().accountId, userId: null });
      const sibling = createClient({ url: server().url, key: sameAccount.key, secret: sameAccount.secret, retries: 0 });
      const stranger = await server().newAccount();
      const statuses = async () =>
        Promise.all([ping(), sibling.raw('test', 'ping', {}), stranger.client.raw('test', 'ping', {})]).then((all) => all.map((a) => a.status));

      const keyRule = await addRule({ kind: 'error', key: server().key });
      assert.deepEqual(await statuses(), [500, 200, 200], 'one key');
      await operator(ops, 'DELETE', `?id=${keyRule}`);
      await addRule({ kind: 'error', accountId: server().accountId });
      assert.deepEqual(await statuses(), [500, 500, 200], "every key of the account");
      await operator(ops, 'DELETE', `?account=${server().accountId}`);
      await addRule({ kind: 'error', namespace: 'test' });
      assert.deepEqual(await statuses(), [500, 500, 500], 'everyone');
      assert.equal((await stranger.client.raw('account', 'getUserList', {})).status, 200, 'another namespace');
    });

    it('sees rules written by another process (the CLI) within about a second', async () => {
      assert.equal((await ping()).status, 200);
      const { faultsAdd } = await import('../../src/cli/commands/faults.js');
      await faultsAdd(server().runtime.storage.db, 'error', { key: server().key, action: 'test.ping' });
      const started = Date.now();
      while ((await ping()).status === 200) {
        assert.ok(Date.now() - started < 2500, 'the rule applied within the refresh interval');
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(Date.now() - started <= 1500, `applied after ${Date.now() - started} ms`);
    });
  },
  {},
  { log: capture },
);

const OPERATOR_TOKEN = 'fault-rules-operator-token';

describeEachDatabase('fault rules over the operator endpoint', ({ server }) => {
  let ops: FastifyInstance;
  before(async () => {
    ops = await faultRoutesApp(server().runtime);
  });
  after(() => ops.close());

  it("is served under the operator token by the server, and a change applies to the server's next call", async () => {
    const faults = (method: string, token?: string, body?: unknown) =>
      fetch(`${server().url}/_marquee/operator/faults`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const rule = { kind: 'error', status: 502, key: server().key, namespace: 'test', action: 'ping' };
    assert.equal((await faults('POST', undefined, rule)).status, 401);
    assert.equal((await faults('POST', 'wrong', rule)).status, 403);
    assert.deepEqual((await operator(ops, 'GET')).body, { rules: [] }, 'refused: nothing stored');
    assert.equal((await server().client.raw('test', 'ping', {})).status, 200);
    const added = await faults('POST', OPERATOR_TOKEN, rule);
    assert.equal(added.status, 201);
    assert.equal((await server().client.raw('test', 'ping', {})).status, 502, 'at once, not after the refresh interval');
    assert.deepEqual(await (await faults('DELETE', OPERATOR_TOKEN)).json(), { cleared: 1 });
    assert.equal((await server().client.raw('test', 'ping', {})).status, 200);
  });

  it('adds, lists and clears rules, filtered by key or account', async () => {
    const other = await server().newAccount();
    const added = await operator(ops, 'POST', '', { kind: 'timeout', key: server().key, namespace: 'contact', note: 'slow contacts' });
    assert.equal(added.status, 201);
    assert.deepEqual({ ...(added.body.rule as object), id: 0, createdAt: 0 }, {
      id: 0,
      accountId: server().accountId,
      key: server().key,
      namespace: 'contact',
      action: null,
      kind: 'timeout',
      durationMs: 30000,
      status: null,
      retryAfter: null,
      every: 1,
      percent: null,
      seed: null,
      times: null,
      note: 'slow contacts',
      createdAt: 0,
      description: 'timeout (held 30000 ms, then dropped), every call',
    });
    await operator(ops, 'POST', '', { kind: 'rate-limit', accountId: other.accountId, every: 2 });
    await operator(ops, 'POST', '', { kind: 'latency', durationMs: 20 });
    const kinds = async (query = '') => ((await operator(ops, 'GET', query)).body.rules as Array<{ kind: string }>).map((r) => r.kind);
    assert.deepEqual(await kinds(), ['timeout', 'rate-limit', 'latency']);
    assert.deepEqual(await kinds(`?key=${server().key}`), ['timeout']);
    assert.deepEqual(await kinds(`?account=${other.accountId}`), ['rate-limit']);
    assert.deepEqual((await operator(ops, 'DELETE', `?account=${other.accountId}`)).body, { cleared: 1 });
    assert.deepEqual((await operator(ops, 'DELETE')).body, { cleared: 2 });
    assert.deepEqual(await kinds(), []);
  });

  it('marquee faults add, list and clear (the command functions, in process)', async () => {
    const { faultsAdd, faultsClear, faultsList } = await import('../../src/cli/commands/faults.js');
    const db = server().runtime.storage.db;
    const key = server().key;
    const account = server().accountId;
    const first = await faultsAdd(db, 'latency', { ms: 250, action: 'test.ping', key, note: 'slow ping' });
    const id = Number(/^added fault rule (\d+): latency \+250 ms, every call, for key (\S+), on test\.ping\n$/.exec(first)?.[1]);
    assert.ok(id > 0, first);
    assert.match(await faultsAdd(db, 'error', { status: 503, every: 3, account, namespace: 'contact' }), new RegExp(`error 503, every 3rd call, for account ${account}, on contact\\.\\*\\n$`));
    assert.match(await faultsAdd(db, 'rate-limit', { percent: 12.5, seed: 5, retryAfter: 2, times: 4 }), /429 Retry-After 2, 12\.5% of calls \(seed 5\), at most 4 times, for every key, on every action\n$/);
    await assert.rejects(faultsAdd(db, 'error', { status: 404 }), /^Error: 'status' does not validate: /);
    await assert.rejects(faultsAdd(db, 'latency', {}), /'durationMs' is required/);
    await assert.rejects(faultsAdd(db, 'explode', {}), /'kind' does not validate/);
    await assert.rejects(faultsAdd(db, 'drop', { key: 'nope' }), /'key' does not validate: No API key nope/);

    const table = (await faultsList(db, {})).trimEnd().split('\n');
    assert.match(table[0]!, /^id\s+applies to\s+calls\s+fault\s+note$/);
    assert.equal(table.length, 4);
    assert.match(table[1]!, new RegExp(`^${id}\\s+key ${key}\\s+test\\.ping\\s+latency \\+250 ms, every call\\s+slow ping$`));
    const mine = JSON.parse(await faultsList(db, { account, json: true })) as Array<{ kind: string }>;
    assert.deepEqual(mine.map((r) => r.kind), ['latency', 'error'], "the account's rules include its keys'");

    assert.equal(await faultsClear(db, { id }), 'cleared 1 fault rule\n');
    assert.equal(await faultsClear(db, { json: true }), '{"cleared":2}\n');
    assert.equal(await faultsList(db, {}), 'no fault rules\n');
  });

  it('refuses bad rules and filters with the error envelope, storing nothing', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ kind: 'explode' }, 23016, "'kind' does not validate"],
      [{}, 23017, "'kind' is required"],
      [{ kind: 'latency' }, 23017, "'durationMs' is required"],
      [{ kind: 'latency', durationMs: 120_000 }, 23016, "'durationMs' does not validate"],
      [{ kind: 'error', status: 404 }, 23016, "'status' does not validate"],
      [{ kind: 'error', action: 'getContact' }, 23017, "'namespace' is required"],
      [{ kind: 'error', namespace: 'contact', action: 'getContactz' }, 23016, "'action' does not validate"],
      [{ kind: 'error', every: 2, percent: 10 }, 23016, "'percent' does not validate"],
      [{ kind: 'drop', retryAfter: 3 }, 23016, "'retryAfter' does not validate"],
      [{ kind: 'drop', key: 'no-such-key' }, 23016, "'key' does not validate"],
      [{ kind: 'drop', accountId: 999_999 }, 23016, "'accountId' does not validate"],
      [{ kind: 'drop', extra: 1 }, 23016, "'params' does not validate"],
    ];
    for (const [rule, specificCode, message] of cases) {
      const answer = await operator(ops, 'POST', '', rule);
      assert.equal(answer.status, 400, JSON.stringify(rule));
      assert.equal(answer.body.specificCode, specificCode, JSON.stringify(rule));
      assert.equal(answer.body.message, message, JSON.stringify(rule));
    }
    const other = await server().newAccount();
    const mismatch = await operator(ops, 'POST', '', { kind: 'drop', key: server().key, accountId: other.accountId });
    assert.deepEqual(mismatch.body.additionalMessages, [`The key ${server().key} belongs to another account than ${other.accountId}`]);
    const notJson = await ops.inject({ method: 'POST', url: '/_marquee/operator/faults', payload: '{kind', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.statusCode, 400);
    assert.equal(notJson.json().specificCode, 23012);
    const badFilter = await operator(ops, 'DELETE', '?id=abc');
    assert.equal(badFilter.status, 400);
    assert.equal(badFilter.body.message, "'id' does not validate");
    assert.deepEqual((await operator(ops, 'GET')).body, { rules: [] });
  });
}, { operatorToken: OPERATOR_TOKEN });
