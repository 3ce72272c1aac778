import assert from 'node:assert/strict';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createResponseBatch } from '../../src/server/response-batch.js';

/** Answers every request from `answer`, and returns the server's URL and a closer. */
async function serve(answer: (res: ServerResponse, n: number) => void): Promise<{ port: number; close: () => Promise<void> }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res, n++));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('response batch', () => {
  it('writes a queued answer after the current turn, not during it', async () => {
    const errors: unknown[] = [];
    const batch = createResponseBatch((e) => errors.push(e));
    const seenDuringTurn: boolean[] = [];
    const { port, close } = await serve((res) => {
      batch.send(res, 201, { 'content-type': 'application/json' }, '{"ok":true}');
      seenDuringTurn.push(res.headersSent);
    });
    try {
      const answer = await get(port);
      assert.deepEqual(answer, { status: 201, body: '{"ok":true}' });
      assert.deepEqual(seenDuringTurn, [false]);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  it('answers every request of a burst with its own answer', async () => {
    const batch = createResponseBatch((e) => assert.fail(String(e)));
    const { port, close } = await serve((res, n) => batch.send(res, 200, {}, Buffer.from(`answer ${n}`)));
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => get(port)));
      assert.deepEqual(answers.map((a) => a.body).sort(), Array.from({ length: 20 }, (_, n) => `answer ${n}`).sort());
    } finally {
      await close();
    }
  });

  it('writes an answer marked `now` at once, before the caller closes the connection', async () => {
    const batch = createResponseBatch((e) => assert.fail(String(e)));
    const { port, close } = await serve((res) => {
      batch.send(res, 413, { connection: 'close' }, 'too large', true);
      assert.equal(res.headersSent, true);
    });
    try {
      assert.deepEqual(await get(port), { status: 413, body: 'too large' });
    } finally {
      await close();
    }
  });

  it('skips an answer whose connection went away while it waited, and still writes the others', async () => {
    const errors: unknown[] = [];
    const batch = createResponseBatch((e) => errors.push(e));
    const { port, close } = await serve((res, n) => {
      batch.send(res, 200, {}, `answer ${n}`);
      if (n === 0) res.destroy();
    });
    try {
      await assert.rejects(get(port));
      assert.equal((await get(port)).body, 'answer 1');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
