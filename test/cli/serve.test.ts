import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { request } from 'node:http';
import { createClient } from '../../src/client/index.js';
import { signRequest } from '../../src/protocol/signing.js';
import { spawnCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'marquee-serve-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `marquee serve` and resolves once it has printed its URL and demo credentials. */
function serve(args: string[]) {
  const child = spawnCli(['serve', '--port', '0', '--database', `sqlite:${join(dir, 'm.db')}`, ...args], {
    MARQUEE_MASTER_KEY_FILE: join(dir, 'master.key'),
  });
  let out = '';
  const ready = new Promise<{ url: string; key: string; secret: string }>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /serving the iVvy API v1\.0 at (\S+) +\(POST \S+\/api\/1\.0\/\{namespace\}/.exec(out)?.[1];
      const key = /API key:\s+(\w+)/.exec(out)?.[1];
      const secret = /API secret:\s+(\w+)/.exec(out)?.[1];
      if (url && key && secret && out.includes('Try it:')) resolve({ url, key, secret });
    });
    child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => out };
}

it('marquee serve seeds a demo account on first start, prints working credentials, and stops cleanly on SIGTERM', async () => {
  const first = serve([]);
  const creds = await first.ready;
  assert.match(first.output(), /created and seeded now/);
  assert.match(first.output(), /npx marquee call test ping --url /);
  // stdout holds the banner only: log lines go to stderr.
  assert.doesNotMatch(first.output(), /^\{"level"/m);
  assert.doesNotMatch(creds.url, /\/api\/1\.0/);
  const client = createClient({ ...creds, retries: 0 });
  assert.match((await client.test.ping({})).ack, /UTC$/);

  // A request whose body is still arriving when SIGTERM lands must be answered, not dropped.
  const body = JSON.stringify({ padding: 'x'.repeat(64 * 1024) });
  const signed = signRequest({ key: creds.key, secret: creds.secret, namespace: 'test', action: 'ping', body });
  const url = new URL(creds.url);
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: 'POST', path: signed.requestUri, headers: { ...signed.headers, 'Content-Length': String(Buffer.byteLength(body)) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 1000));
    setTimeout(() => {
      first.child.kill('SIGTERM');
      setTimeout(() => req.end(body.slice(1000)), 300);
    }, 200);
  });
  const reply = await answered;
  assert.equal(reply.status, 200, reply.text);
  assert.equal(await first.exited, 0);

  // The second start reuses the demo account and prints the same credentials.
  const second = serve([]);
  const again = await second.ready;
  assert.doesNotMatch(second.output(), /created and seeded now/);
  assert.deepEqual(again.key, creds.key);
  assert.deepEqual(again.secret, creds.secret);
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0);
});

it('marquee serve --strict refuses unknown parameters with the iVvy envelope naming them', async () => {
  const strict = serve(['--strict']);
  const creds = await strict.ready;
  assert.match(strict.output(), /Strict parameters: unknown parameters are refused/);
  const client = createClient({ ...creds, retries: 0 });
  const refused = await client.raw('contact', 'getContactList', { perpage: 2 });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body, {
    errorCode: 400,
    message: "'params' does not validate",
    specificCode: 23016,
    additionalMessages: ["'perpage' is not a parameter of contact.getContactList (did you mean 'perPage'?)"],
  });
  assert.equal((await client.raw('contact', 'getContactList', { perPage: 2 })).status, 200);
  strict.child.kill('SIGTERM');
  assert.equal(await strict.exited, 0);
});
