import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createClient } from '../../src/client/index.js';
import { CATALOGUE } from '../../src/protocol/catalogue.js';
import { describeEachDatabase } from '../support/suite.js';
import { runCli } from './run-cli.js';

describeEachDatabase('marquee keys / call', ({ server }) => {
  const env = () => ({ MARQUEE_MASTER_KEY: server().runtime.config.masterKey });
  const db = () => ['--database', server().database.url];

  it('creates partner keys, which call the partner namespace only, and lists keys in a table with a header', async () => {
    const created = await runCli(['keys', 'create', '--partner', ...db(), '--json'], env());
    assert.equal(created.code, 0, created.stderr);
    const partner = JSON.parse(created.stdout) as { key: string; secret: string; kind: string };
    assert.equal(partner.kind, 'partner');
    const refused = await runCli(['call', 'contact', 'getContactList', '--url', server().url, '--key', partner.key, '--secret', partner.secret]);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout + refused.stderr, /403|partner namespace/);
    const listed = await runCli(['keys', 'list', ...db()], env());
    assert.equal(listed.code, 0, listed.stderr);
    const lines = listed.stdout.trim().split('\n');
    assert.match(lines[0]!, /^key\s+account\s+user\s+kind\s+state\s+created\s+label$/);
    assert.ok(lines.some((l) => l.includes(partner.key) && l.includes('partner')));
  });

  it('creates a key (and an account) as JSON that signs working calls, lists it, revokes it', async () => {
    const created = await runCli(['keys', 'create', ...db(), '--json'], env());
    assert.equal(created.code, 0, created.stderr);
    const key = JSON.parse(created.stdout) as { key: string; secret: string; accountId: number; userId: number | null; kind: string };
    assert.deepEqual(Object.keys(key).sort(), ['accountId', 'key', 'kind', 'secret', 'userId']);
    assert.equal(key.kind, 'account');
    assert.equal(key.userId, null);
    assert.notEqual(key.accountId, server().accountId);

    const ping = await runCli(['call', 'test', 'ping', '--url', server().url, '--key', key.key, '--secret', key.secret]);
    assert.equal(ping.code, 0, ping.stderr);
    assert.match((JSON.parse(ping.stdout) as { ack: string }).ack, /UTC$/);

    const listed = await runCli(['keys', 'list', ...db(), '--json'], env());
    assert.ok((JSON.parse(listed.stdout) as Array<{ key: string }>).some((k) => k.key === key.key));
    assert.ok(!listed.stdout.includes(key.secret), 'secrets are never listed');

    const revoked = await runCli(['keys', 'revoke', key.key, ...db()], env());
    assert.equal(revoked.code, 0, revoked.stderr);
    // The server had this key cached; revocations by another process reach it within ~1 s.
    const client = createClient({ url: server().url, key: key.key, secret: key.secret, retries: 0 });
    let status = 0;
    for (let i = 0; i < 30 && status !== 463; i++) {
      status = (await client.raw('test', 'ping', {})).status;
      if (status !== 463) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status, 463);
    const refused = await runCli(['call', 'test', 'ping', '--url', server().url, '--key', key.key, '--secret', key.secret]);
    assert.equal(refused.code, 1);
    assert.equal((JSON.parse(refused.stdout) as { errorCode: number }).errorCode, 463);
  });

  it('creates a key for an existing account and user, and refuses a user of another account', async () => {
    const ok = await runCli(
      ['keys', 'create', ...db(), '--account', String(server().accountId), '--user', String(server().primaryUserId), '--json'],
      env(),
    );
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as { userId: number }).userId, server().primaryUserId);
    const other = await server().newAccount({ withUser: 'secondary' });
    const bad = await runCli(['keys', 'create', ...db(), '--account', String(server().accountId), '--user', String(other.userId)], env());
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /does not belong/);
  });

  it('prints error envelopes and sets a failing exit code', async () => {
    const res = await runCli(['call', 'test', 'nosuch', '{}', '--url', server().url, '--key', server().key, '--secret', server().secret]);
    assert.equal(res.code, 1);
    assert.equal((JSON.parse(res.stdout) as { errorCode: number }).errorCode, 404);
    const badJson = await runCli(['call', 'test', 'ping', '{oops', '--url', server().url, '--key', server().key, '--secret', server().secret]);
    assert.equal(badJson.code, 1);
    assert.match(badJson.stderr, /are not JSON/);
  });
});

it('marquee actions lists every catalogued action, then per-namespace and total coverage', async () => {
  const res = await runCli(['actions']);
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.trim().split('\n');
  for (const e of CATALOGUE) {
    assert.ok(
      lines.some((l) => new RegExp(`^${e.namespace}\\.${e.action}\\s+(implemented|not implemented)$`).test(l)),
      `${e.namespace}.${e.action}`,
    );
  }
  assert.ok(lines.includes('test 1/1'));
  assert.match(lines.find((l) => l.startsWith('venue ')) ?? '', /^venue \d+\/84$/);
  assert.match(lines.at(-1) ?? '', /^all \d+\/155$/);
});
