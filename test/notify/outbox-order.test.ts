import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import pg from 'pg';
import { PG_ADMIN_URL } from '../support/databases.js';
import { fixtureRegistry } from '../batch/fixtures/actions.js';
import { confirmingSubscriber, startReceiver, type Receiver } from '../batch/fixtures/receiver.js';
import { until } from '../batch/fixtures/setup.js';
import { describeEachDatabase } from '../support/suite.js';

describeEachDatabase(
  'outbox order',
  ({ server, kind }) => {
    let receiver: Receiver;
    before(async () => {
      receiver = await startReceiver({
        onRequest: confirmingSubscriber,
      });
      await server().client.call('account', 'subscribeToNotifications', { contactsEndpoint: receiver.url });
      await until(
        async () => (await server().store().selectFrom('notification_subscriptions').select('status').executeTakeFirst())?.status === 'confirmed',
        'confirmation',
      );
    });
    after(async () => receiver.close());

    const deliveredMarkers = () =>
      receiver
        .accepted()
        .map((r) => JSON.parse(r.body) as { Type: string; Message: string })
        .filter((e) => e.Type === 'Notification')
        .map((e) => (JSON.parse((JSON.parse(e.Message) as { Body: string }).Body) as { data: { marker: string } }).data.marker);

    it('delivers a change whose transaction commits after a later-numbered one', { skip: kind === 'sqlite' && 'SQLite has a single writer' }, async () => {
      const writer = new pg.Client({ connectionString: server().runtime.config.databaseUrl });
      await writer.connect();
      try {
        await writer.query('begin');
        const early = await writer.query<{ id: string }>(
          `insert into changes (account_id, endpoint, subject, body, source_type, created_at)
           values ($1, 'contacts', 'ContactAdded', $2, 0, $3) returning id`,
          [server().accountId, JSON.stringify({ data: { marker: 'early-id-late-commit' } }), Date.now()],
        );
        await server().client.call('fixture', 'record', { marker: 'late-id-early-commit' });
        const late = await server().store().selectFrom('changes').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
        assert.ok(late.id > Number(early.rows[0]!.id), 'ids were handed out in insert order');
        // While the early transaction is open, the reader must not move past it.
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(deliveredMarkers().includes('late-id-early-commit'), false);
        await writer.query('commit');
      } finally {
        await writer.end();
      }
      await until(async () => deliveredMarkers().includes('late-id-early-commit'), 'both changes');
      const markers = deliveredMarkers();
      assert.ok(markers.includes('early-id-late-commit'), 'the late commit was not skipped');
      assert.ok(markers.indexOf('early-id-late-commit') < markers.indexOf('late-id-early-commit'));
    });

    it('is not held back by a long transaction in another database', { skip: kind === 'sqlite' && 'PostgreSQL only' }, async () => {
      const elsewhere = new pg.Client({ connectionString: PG_ADMIN_URL });
      await elsewhere.connect();
      try {
        await elsewhere.query('begin');
        await elsewhere.query('select pg_current_xact_id()');
        await server().client.call('fixture', 'record', { marker: 'despite-elsewhere' });
        await until(async () => deliveredMarkers().includes('despite-elsewhere'), 'delivery while another database has an open writer', 10_000);
      } finally {
        await elsewhere.query('rollback').catch(() => undefined);
        await elsewhere.end();
      }
    });

    it('delivers changes in commit order', async () => {
      for (let i = 0; i < 10; i++) await server().client.call('fixture', 'record', { marker: `ordered-${i}` });
      await until(async () => deliveredMarkers().includes('ordered-9'), 'the ordered changes');
      const ordered = deliveredMarkers().filter((m) => m.startsWith('ordered-'));
      assert.deepEqual(ordered, Array.from({ length: 10 }, (_, i) => `ordered-${i}`));
    });
  },
  { workers: { pollMs: 50, retryBaseMs: 100 } },
  { registry: fixtureRegistry() },
);
