/**
 * Crash safety under load: a dozen clients write contacts to a server process; the process is
 * SIGKILLed in the middle of that load, twice, and restarted on the same database each time.
 * Then:
 * - every write the server acknowledged (200 with an id) is in the database and in the API;
 * - every committed write (acknowledged or cut off by the kill) has exactly one outbox change
 *   and one queued notification, and the confirmed subscriber received it: delivery is
 *   at-least-once (a message sent but not recorded before the kill is sent again, with the
 *   same MessageId, so receivers de-duplicate on it), so nothing may be lost, and with one
 *   message in flight per subscription a kill causes at most one resend;
 * - notifications arrive in outbox order (the order the notification reader hands changes
 *   over: id on SQLite, (transaction id, id) on PostgreSQL; storage/dialects/ (outbox)), which
 *   keeps every client's acknowledged writes in the order it made them.
 *
 * A batch killed midway (no job lost, no completed write job run twice) is covered by
 * test/batch/crash.test.ts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { IvvyApiError } from '../../src/client/index.js';
import { txnIdOf } from '../../src/notify/envelope.js';
import { dialectOf } from '../../src/storage/dialects/index.js';
import { startChildServer, type ChildServer } from '../support/child-server.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { confirmingSubscriber, startReceiver, type Receiver } from '../batch/fixtures/receiver.js';
import { prepareSharedDatabase, until, type SharedDatabase } from '../batch/fixtures/setup.js';

const CLIENTS = 12;
const KILLS = 2;
/** Acknowledged writes a server takes before it is killed (the load keeps going meanwhile). */
const ACKS_BEFORE_KILL = 60;

interface Attempt {
  marker: string;
  client: number;
  round: number;
  seq: number;
  outcome: 'pending' | 'acked' | 'refused' | 'cut';
  id?: number;
  /** Why an unanswered call failed (ECONNRESET, UND_ERR_SOCKET, ECONNREFUSED…). */
  error?: string;
}

interface Notification {
  MessageId: string;
  TxnId: string;
  marker: string;
}

/** The socket-level code of a call that got no answer (undefined for an answer). */
function networkErrorCode(error: unknown): string | undefined {
  if (error instanceof IvvyApiError) return undefined;
  return (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
}

for (const kind of DATABASE_KINDS) {
  describe(`crash safety under concurrent writes [${kind}]`, () => {
    let shared: SharedDatabase;
    let receiver: Receiver;
    const children: ChildServer[] = [];
    before(async () => {
      shared = await prepareSharedDatabase(kind, {
        MARQUEE_RETRY_BASE_MS: '50',
        MARQUEE_RETRY_MAX_MS: '200',
        // Long enough that a busy machine never times a delivery out: any message sent twice
        // is then one that a kill caught between its POST and the record of its answer.
        MARQUEE_DELIVERY_TIMEOUT_MS: '10000',
      });
      receiver = await startReceiver({ onRequest: confirmingSubscriber });
    });
    after(async () => {
      for (const child of children) await child.kill();
      await receiver?.close();
      await shared?.close();
    });

    const startMs: number[] = [];
    async function startServer(): Promise<ChildServer> {
      const from = Date.now();
      const child = await startChildServer(shared.env);
      startMs.push(Date.now() - from);
      children.push(child);
      return child;
    }

    /** CLIENTS clients writing one contact after another until a call goes unanswered. */
    function load(url: string, round: number, prefix: string, attempts: Attempt[]): Promise<void> {
      const client = shared.clientFor(url);
      return Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let seq = 0; ; seq++) {
            const marker = `${prefix}-r${round}-c${c}-${seq}`;
            const attempt: Attempt = { marker, client: c, round, seq, outcome: 'pending' };
            attempts.push(attempt);
            let result: { id?: unknown };
            try {
              result = await client.call<{ id?: unknown }>('contact', 'addOrUpdateContact', {
                firstName: 'Crash',
                lastName: `Client ${c}`,
                email: `${marker}@example.com`,
                externalId: marker,
              });
            } catch (error) {
              // Unanswered (the connection reset or refused) ends this client's stream; an
              // answer that is an error would be a bug under load (a 500, a busy database).
              const code = networkErrorCode(error);
              attempt.outcome = code ? 'cut' : 'refused';
              attempt.error = code ?? (error instanceof Error ? error.message : String(error));
              return;
            }
            if (typeof result.id !== 'number') {
              attempt.outcome = 'refused';
              attempt.error = `answered ${JSON.stringify(result)}`;
              return;
            }
            attempt.outcome = 'acked';
            attempt.id = result.id;
          }
        }),
      ).then(() => undefined);
    }

    const notifications = (): Notification[] =>
      receiver
        .accepted()
        .map((r) => JSON.parse(r.body) as { Type: string; MessageId: string; Message: string })
        .filter((e) => e.Type === 'Notification')
        .map((e) => {
          const message = JSON.parse(e.Message) as { TxnId: string; Subject: string; Body: string };
          assert.equal(message.Subject, 'ContactAdded');
          const body = JSON.parse(message.Body) as { data: { externalId: string } };
          return { MessageId: e.MessageId, TxnId: message.TxnId, marker: body.data.externalId };
        });

    it(`keeps every acknowledged write and its notification through ${KILLS} SIGKILLs under load`, async (t) => {
      const started = Date.now();
      const db = shared.runtime.storage.db;
      const prefix = randomUUID().slice(0, 8);
      const attempts: Attempt[] = [];

      let server = await startServer();
      await shared.clientFor(server.url).call('account', 'subscribeToNotifications', { contactsEndpoint: receiver.url });
      await until(
        async () => (await db.selectFrom('notification_subscriptions').select('status').executeTakeFirst())?.status === 'confirmed',
        'the subscription to be confirmed',
      );

      const backlogAtKill: number[] = [];
      for (let round = 0; round < KILLS; round++) {
        const writing = load(server.url, round, prefix, attempts);
        const inRound = () => attempts.filter((a) => a.round === round);
        await until(async () => inRound().filter((a) => a.outcome === 'acked').length >= ACKS_BEFORE_KILL, `${ACKS_BEFORE_KILL} acknowledged writes`);
        await server.kill();
        const ackedAtKill = inRound().filter((a) => a.outcome === 'acked').length;
        backlogAtKill.push(attempts.filter((a) => a.outcome === 'acked').length - new Set(notifications().map((n) => n.TxnId)).size);
        await writing;

        const mine = inRound();
        const cut = mine.filter((a) => a.outcome === 'cut');
        assert.deepEqual(mine.filter((a) => a.outcome === 'refused'), [], 'no write was answered with an error');
        assert.ok(ackedAtKill >= ACKS_BEFORE_KILL, `round ${round}: writes were acknowledged before the kill`);
        // Each client stops at its first unanswered call; a reset (not a refused connection)
        // means that call was in flight when the process died: the kill landed under load.
        assert.equal(cut.length, CLIENTS, `round ${round}: every client ended on an unanswered call`);
        assert.ok(
          cut.some((a) => a.error !== 'ECONNREFUSED'),
          `round ${round}: some writes were in flight when the kill landed (${cut.map((a) => a.error).join(', ')})`,
        );
        t.diagnostic(
          `round ${round}: ${mine.length - cut.length} acknowledged, ${cut.length} cut off (${[...new Set(cut.map((a) => a.error))].join(', ')}), ` +
            `${backlogAtKill[round]} acknowledged writes not yet notified at the kill`,
        );
        server = await startServer();
      }
      // Deliveries trail the writes, so the kills also cut the delivery of queued notifications.
      assert.ok(backlogAtKill.some((n) => n > 0), `a kill landed with notifications outstanding (${backlogAtKill.join(', ')})`);

      const acked = attempts.filter((a) => a.outcome === 'acked');
      const byMarker = new Map(attempts.map((a) => [a.marker, a]));

      // (1) Every acknowledged write is in the database, under the id it was acknowledged with…
      const contacts = await db
        .selectFrom('contacts')
        .select(['id', 'external_id'])
        .where('account_id', '=', shared.accountId)
        .where('external_id', 'like', `${prefix}-%`)
        .execute();
      const stored = new Map(contacts.map((c) => [c.external_id!, c.id]));
      assert.equal(stored.size, contacts.length, 'no write was applied twice');
      assert.deepEqual(
        acked.filter((a) => stored.get(a.marker) !== a.id).map((a) => a.marker),
        [],
        'every acknowledged write is stored under its id',
      );
      for (const marker of stored.keys()) assert.ok(byMarker.has(marker), `${marker} was written by a client`);
      // …and served by the restarted server.
      const client = shared.clientFor(server.url);
      const listed = new Map<string, number>();
      for await (const contact of client.paginate<{ id: number; externalId: string | null }>('contact', 'getContactList')) {
        if (contact.externalId?.startsWith(`${prefix}-`)) listed.set(contact.externalId, contact.id);
      }
      assert.deepEqual(listed, stored, 'getContactList serves exactly the stored writes');
      const sample = acked.filter((_, i) => i % Math.ceil(acked.length / 10) === 0);
      for (const a of sample) {
        assert.equal((await client.call<{ externalId: string }>('contact', 'getContact', { id: a.id })).externalId, a.marker);
      }

      // (2) Each stored write committed with exactly one change, queued once for the subscriber.
      const position = dialectOf(shared.database.kind).outbox;
      const changes = await db
        .selectFrom('changes as c')
        .select(['c.id', 'c.account_id', 'c.created_at', 'c.subject', 'c.body'])
        .where('c.account_id', '=', shared.accountId)
        .where('c.endpoint', '=', 'contacts')
        .orderBy(position.seq('c'))
        .orderBy('c.id')
        .execute();
      const outbox = changes.map((c) => ({
        txnId: txnIdOf({ id: c.id, accountId: c.account_id, createdAt: c.created_at }),
        marker: (JSON.parse(c.body) as { data: { externalId: string } }).data.externalId,
        subject: c.subject,
      }));
      assert.ok(outbox.every((c) => c.subject === 'ContactAdded'));
      assert.deepEqual(outbox.map((c) => c.marker).sort(), [...stored.keys()].sort(), 'one change per stored write, none without one');

      // Every change reaches the subscriber (the last server delivers what the others left).
      const drainFrom = Date.now();
      const expected = outbox.map((c) => c.txnId);
      await until(
        async () => {
          const seen = new Set(notifications().map((n) => n.TxnId));
          return expected.every((id) => seen.has(id));
        },
        'every change to be notified',
        60_000,
      );
      const drainMs = Date.now() - drainFrom;
      const deliveries = await db
        .selectFrom('notification_deliveries')
        .select(['change_id', 'message_id', 'status'])
        .where('type', '=', 'Notification')
        .execute();
      assert.equal(deliveries.length, changes.length, 'one queued message per change');
      assert.equal(new Set(deliveries.map((d) => d.change_id)).size, changes.length);

      const received = notifications();
      const messageIds = new Map<string, Set<string>>();
      for (const n of received) messageIds.set(n.TxnId, (messageIds.get(n.TxnId) ?? new Set()).add(n.MessageId));
      assert.deepEqual(
        [...messageIds].filter(([, ids]) => ids.size !== 1).map(([txnId]) => txnId),
        [],
        'a change sent again carries the same MessageId',
      );
      assert.ok(received.every((n) => expected.includes(n.TxnId)), 'nothing was notified that is not in the outbox');
      const notifiedMarkers = new Set(received.map((n) => n.marker));
      assert.deepEqual(
        acked.filter((a) => !notifiedMarkers.has(a.marker)).map((a) => a.marker),
        [],
        'every acknowledged write was notified',
      );

      // (3) Order: first arrivals follow the outbox, so each client's writes arrive in its order.
      const firstSeen = [...new Set(received.map((n) => n.TxnId))];
      assert.deepEqual(firstSeen, expected, 'notifications arrive in outbox order');
      const arrival = new Map(received.map((n, i) => [n.marker, i] as const).reverse());
      for (let c = 0; c < CLIENTS; c++) {
        const order = acked.filter((a) => a.client === c).map((a) => arrival.get(a.marker)!);
        assert.deepEqual(order, [...order].sort((x, y) => x - y), `client ${c}'s writes arrive in the order it made them`);
      }

      // One subscription is delivered one message at a time, so a kill can catch at most one
      // message between its POST and the record of its answer: at most one resend per kill.
      const duplicates = received.length - firstSeen.length;
      assert.ok(duplicates <= KILLS, `${duplicates} notifications were sent again, more than one per kill`);
      t.diagnostic(
        `${acked.length} acknowledged of ${attempts.length} attempted, ${changes.length} committed; ` +
          `${received.length} notifications received, ${duplicates} sent again after a kill; ` +
          `${Date.now() - started} ms in all, ${drainMs} ms waiting for the last notifications, ` +
          `server starts ${startMs.join(' + ')} ms`,
      );
    });
  });
}
