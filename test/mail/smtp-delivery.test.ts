import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createSmtpTransport } from '../../src/mail/transport.js';
import { createMailWorker, MAX_ATTEMPTS } from '../../src/mail/worker.js';
import { queueEmail } from '../../src/mail/queue.js';
import { describeEachDatabase } from '../support/suite.js';

interface Received {
  to: string;
  data: string;
}

/** A real SMTP server on a random port that can be told to refuse mail. */
function startSmtp(): Promise<{ port: number; received: Received[]; refuse: { on: boolean }; close(): Promise<void> }> {
  const received: Received[] = [];
  const refuse = { on: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (refuse.on) return callback(new Error('mailbox unavailable'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ port, received, refuse, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describeEachDatabase('email delivery over SMTP', ({ server }) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => {
    await smtp.close();
  });
  const settings = { delivers: true, from: 'Marquee <no-reply@marquee.local>' };

  it('queues in the transaction and delivers the HTML after commit', async () => {
    const worker = createMailWorker(server().runtime.storage, await createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`), server().runtime.log);
    const id = await server()
      .store()
      .transaction((tx) =>
        queueEmail(tx, settings, { to: 'ann@example.com', subject: 'Welcome', html: '<p>Hi <b>Ann</b></p>', type: 1001, refType: 1, contactId: 1 }, Date.now()),
      );
    const before = await server().store().selectFrom('email_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(before.status, 'queued');
    assert.equal(before.success, 0);
    assert.equal(await worker.drain(), 1);
    await worker.stop();
    assert.equal(smtp.received.length, 1);
    assert.equal(smtp.received[0]?.to, 'ann@example.com');
    assert.match(smtp.received[0]?.data ?? '', /Content-Type: text\/html/);
    const row = await server().store().selectFrom('email_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.equal(row.success, 1);
    assert.notEqual(row.sent_at, null);
  });

  it('retries refused mail with backoff and finally records the failure', async () => {
    smtp.refuse.on = true;
    const worker = createMailWorker(server().runtime.storage, await createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`), server().runtime.log);
    const id = await server()
      .store()
      .transaction((tx) => queueEmail(tx, settings, { to: 'nobody@example.com', subject: 'Bounce', html: '<p/>', type: 0, refType: 0 }, Date.now()));
    const db = server().runtime.storage.db;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.equal(await worker.drain(), 1, `attempt ${attempt}`);
      const row = await db.selectFrom('email_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.attempts, attempt);
      if (attempt < MAX_ATTEMPTS) {
        assert.equal(row.status, 'queued');
        assert.ok((row.next_attempt_at ?? 0) > Date.now(), 'backs off into the future');
        assert.equal(await worker.drain(), 0, 'not retried before its time');
        await db.updateTable('email_log').set({ next_attempt_at: Date.now() }).where('id', '=', id).execute();
      } else {
        assert.equal(row.status, 'failed');
        assert.equal(row.success, 0);
        assert.match(row.last_error ?? '', /mailbox unavailable/);
      }
    }
    await worker.stop();
    smtp.refuse.on = false;
  });
});
