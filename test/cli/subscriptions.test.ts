import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { SubscriptionEntry } from '../../src/notify/subscription-admin.js';
import { confirmingSubscriber, startReceiver, type Receiver } from '../batch/fixtures/receiver.js';
import { until } from '../batch/fixtures/setup.js';
import { describeEachDatabase } from '../support/suite.js';
import { runCli } from './run-cli.js';

describeEachDatabase(
  'marquee subscriptions',
  ({ server }) => {
    let dead: Receiver;
    let healthy: Receiver;
    before(async () => {
      dead = await startReceiver({ fail: () => true });
      healthy = await startReceiver({ onRequest: confirmingSubscriber });
    });
    after(async () => {
      await dead.close();
      await healthy.close();
    });
    const env = () => ({ MARQUEE_MASTER_KEY: server().runtime.config.masterKey });
    const cli = (...args: string[]) => runCli(['subscriptions', ...args, '--database', server().database.url], env());
    const listJson = async (...args: string[]): Promise<SubscriptionEntry[]> => {
      const res = await cli('list', '--json', ...args);
      assert.equal(res.code, 0, res.stderr);
      return JSON.parse(res.stdout) as SubscriptionEntry[];
    };

    it('lists, resends and removes subscriptions whatever their state; a removed one stops retrying', async () => {
      const c = server().client;
      const deadUrl = `${dead.url}/contacts`;
      const goodUrl = `${healthy.url}/companies`;
      await c.call('account', 'subscribeToNotifications', { contactsEndpoint: deadUrl, companiesEndpoint: goodUrl });
      await dead.waitFor((all) => all.length >= 2);
      await until(
        async () => (await server().store().selectFrom('notification_subscriptions').select('status').where('url', '=', goodUrl).executeTakeFirst())?.status === 'confirmed',
        'the healthy subscription to be confirmed',
      );
      const other = await server().newAccount();
      await other.client.call('account', 'subscribeToNotifications', { eventsEndpoint: `${healthy.url}/other` });

      const mine = await listJson('--account', String(server().accountId));
      assert.deepEqual(mine.map((s) => [s.endpoint, s.url, s.status]), [
        ['companies', goodUrl, 'confirmed'],
        ['contacts', deadUrl, 'pending'],
      ]);
      const pending = mine.find((s) => s.url === deadUrl)!;
      assert.equal(pending.queued, 1, 'its confirmation, being retried');
      assert.equal(pending.apiKey, server().key);
      assert.match(pending.lastError ?? '', /HTTP 500/);
      assert.ok(pending.nextAttemptAt !== null);
      const all = await listJson();
      assert.ok(all.some((s) => s.accountId === other.accountId), 'without --account, every account');

      const human = await cli('list', '--account', String(server().accountId));
      assert.equal(human.code, 0, human.stderr);
      const lines = human.stdout.trimEnd().split('\n');
      assert.match(lines[0]!, /^id\s+account\s+endpoint\s+status\s+queued\s+dead\s+next attempt\s+url\s+last error$/);
      assert.match(lines[2]!, new RegExp(`^${pending.id}\\s+${server().accountId}\\s+contacts\\s+pending\\s+1\\s+0\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\s+\\S+/contacts\\s+HTTP 500`));

      // Resend: the confirmation is made due now with a fresh retry window.
      await server().runtime.storage.db
        .updateTable('notification_deliveries')
        .set({ next_attempt_at: Date.now() + 3_600_000 })
        .where('subscription_id', '=', pending.id)
        .where('status', '=', 'pending')
        .execute();
      const before = dead.received.length;
      const resent = await cli('resend', String(pending.id), '--json');
      assert.equal(resent.code, 0, resent.stderr);
      const { queued } = JSON.parse(resent.stdout) as { queued: Array<{ type: string; attempts: number; nextAttemptAt: number }> };
      assert.equal(queued.length, 1);
      assert.equal(queued[0]!.type, 'SubscriptionConfirmation');
      assert.equal(queued[0]!.attempts, 0, 'a fresh retry window');
      assert.ok(queued[0]!.nextAttemptAt <= Date.now(), 'due now');
      await dead.waitFor((all) => all.length > before);
      const confirmed = mine.find((s) => s.url === goodUrl)!;
      const again = await cli('resend', String(pending.id));
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, new RegExp(`^confirmation of subscription ${pending.id} \\(account ${server().accountId}, contacts, pending\\) to \\S+ queued, due now`));
      const nothing = await cli('resend', String(confirmed.id));
      assert.equal(nothing.code, 0, nothing.stderr);
      assert.match(nothing.stdout, /has no dead notifications: nothing to resend/);

      // Remove the pending one: nothing is attempted any more.
      const removed = await cli('remove', String(pending.id));
      assert.equal(removed.code, 0, removed.stderr);
      assert.match(removed.stdout, new RegExp(`^removed subscription ${pending.id} .*; 1 queued message\\(s\\) cancelled$`, 'm'));
      const atRemoval = dead.received.length;
      assert.ok(!(await listJson()).some((s) => s.id === pending.id));
      const rows = await server().runtime.storage.db.selectFrom('notification_deliveries').select('status').where('url', '=', deadUrl).execute();
      assert.ok(rows.length > 0 && rows.every((r) => r.status === 'cancelled'), JSON.stringify(rows));
      await new Promise((r) => setTimeout(r, 1000));
      assert.ok(dead.received.length <= atRemoval + 1, `${dead.received.length - atRemoval} attempts after removal`);

      // A confirmed subscription can be removed the same way.
      const gone = await cli('remove', String(confirmed.id), '--json');
      assert.equal(gone.code, 0, gone.stderr);
      assert.equal((JSON.parse(gone.stdout) as SubscriptionEntry).url, goodUrl);
    });

    it('fails with exit code 1 and a clear message for an unknown id', async () => {
      for (const command of ['remove', 'resend']) {
        const res = await cli(command, '999999');
        assert.equal(res.code, 1);
        assert.match(res.stderr, /^marquee: No subscription 999999$/m);
        assert.doesNotMatch(res.stderr, /\n\s+at /);
      }
      const bad = await cli('remove', 'abc');
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /'abc' is not a non-negative whole number/);
    });
  },
  { workers: { pollMs: 50, retryBaseMs: 100, retryMaxMs: 200 } },
);
