import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runCli, spawnCli } from './run-cli.js';

/** Runs the CLI and closes our end of its stdout after `closeAfterBytes` bytes (0: at once), as `| head` does. */
function runIntoClosedPipe(args: string[], closeAfterBytes: number): Promise<{ code: number | null; signal: string | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args);
    let read = 0;
    let stderr = '';
    if (closeAfterBytes === 0) child.stdout.destroy();
    else {
      child.stdout.on('data', (c: Buffer) => {
        read += c.length;
        if (read >= closeAfterBytes) child.stdout.destroy();
      });
    }
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, read }));
  });
}

describe('output into a closed pipe (marquee … | head -1)', () => {
  it('ends quietly with exit code 0 when the reader goes away mid-output', async () => {
    // `actions --json` is hundreds of kilobytes, far more than a pipe holds: writes hit EPIPE.
    const res = await runIntoClosedPipe(['actions', '--json'], 1);
    assert.ok(res.read > 0 && res.read < 300_000, `read ${res.read} bytes before closing`);
    assert.equal(res.signal, null);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stderr, '', 'no EPIPE stack trace');
  });

  it('ends quietly when the reader is gone before the first line', async () => {
    const res = await runIntoClosedPipe(['actions'], 0);
    assert.equal(res.code, 0, res.stderr);
    assert.doesNotMatch(res.stderr, /EPIPE|Error|\n\s+at /);
  });
});

describe('network failures name the URL, the cause and the fix', () => {
  let http: Server;
  let httpPort = 0;
  let closedPort = 0;
  before(async () => {
    http = createServer((_req, res) => res.end('plain http here'));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    httpPort = (http.address() as AddressInfo).port;
    // A port that was just free and is closed again: nothing listens there.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
  });
  after(() => new Promise((r) => http.close(r)));

  const call = (url: string) => runCli(['call', 'test', 'ping', '--url', url, '--key', 'k', '--secret', 's']);
  const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at |TypeError|fetch failed$/m);

  it('connection refused', async () => {
    const res = await call(`http://127.0.0.1:${closedPort}`);
    assert.equal(res.code, 1);
    assert.equal(res.stdout, '');
    assert.ok(res.stderr.includes(`http://127.0.0.1:${closedPort}/api/1.0/test?action=ping`), res.stderr);
    assert.match(res.stderr, /connection refused/);
    assert.match(res.stderr, /Is Marquee running there \(marquee serve\), and is the port right\?/);
    noStack(res.stderr);
  });

  it('unknown host', async () => {
    const res = await call('http://marquee-test.invalid:8787');
    assert.equal(res.code, 1);
    assert.ok(res.stderr.includes('http://marquee-test.invalid:8787/api/1.0/test?action=ping'), res.stderr);
    assert.match(res.stderr, /marquee-test\.invalid\S* does not resolve/);
    assert.match(res.stderr, /Check the spelling of --url/);
    noStack(res.stderr);
  });

  it('https against a plain http server', async () => {
    const res = await call(`https://127.0.0.1:${httpPort}`);
    assert.equal(res.code, 1);
    assert.ok(res.stderr.includes(`https://127.0.0.1:${httpPort}/api/1.0/test?action=ping`), res.stderr);
    assert.match(res.stderr, /TLS handshake failed/);
    assert.ok(res.stderr.includes(`try http://127.0.0.1:${httpPort}`), res.stderr);
    noStack(res.stderr);
  });
});
