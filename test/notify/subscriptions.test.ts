import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import { createApiKey } from '../../src/auth/keys.js';
import { createSecretBox } from '../../src/auth/secret-box.js';
import { verifyNotification, type MarqueeClient } from '../../src/client/index.js';
import { txnIdOf } from '../../src/notify/envelope.js';
import { signingKey } from '../../src/notify/signing-key.js';
import { ENDPOINTS } from '../../src/outbox/subjects.js';
import { openStorage } from '../../src/storage/database.js';
import { startReceiver, type Receiver } from '../batch/fixtures/receiver.js';
import { fixtureRegistry } from '../batch/fixtures/actions.js';
import { until } from '../batch/fixtures/setup.js';
import { rawHttp } from '../support/raw-http.js';
import { expectApiError } from '../support/api-error.js';
import { describeEachDatabase } from '../support/suite.js';

type Envelope = Record<string, string>;


describeEachDatabase(
  'notification subscriptions',
  ({ server }) => {
    let receiver: Receiver;
    before(async () => {
      receiver = await startReceiver();
    });
    after(async () => receiver.close());

    const envelopes = (type: string): Envelope[] =>
      receiver.accepted().map((r) => JSON.parse(r.body) as Envelope).filter((e) => e.Type === type);
    const hook = (name: string) => `${receiver.url}/${name}`;

    it('is refused (403) to keys of a user who is not the primary user', async () => {
      const secondary = await server().newAccount({ withUser: 'secondary' });
      await expectApiError(secondary.client.call('account', 'subscribeToNotifications', { companiesEndpoint: hook('x') }), 403, 23019);
      await expectApiError(secondary.client.call('account', 'unsubscribeFromNotifications', { companiesEndpoint: hook('x') }), 403, 23019);
      const primary = await server().newAccount({ withUser: 'primary' });
      const answer = await primary.client.call<Record<string, unknown>>('account', 'subscribeToNotifications', {});
      assert.equal(answer.companiesSuccess, false);
    });

    it('validates the endpoint keys and URLs', async () => {
      const c = server().client;
      await expectApiError(c.call('account', 'subscribeToNotifications', { companiesEndpoint: 'not a url' }), 400, 23016);
      await expectApiError(c.call('account', 'subscribeToNotifications', { companiesEndpoint: 'mailto:a@b.c' }), 400, 23016);
      // Unknown keys are ignored, as everywhere: nothing is subscribed.
      const ignored = await c.call<Record<string, unknown>>('account', 'subscribeToNotifications', { companyEndpoint: hook('x') });
      assert.equal(ignored.companiesSuccess, false);
      assert.equal(await server().store().selectFrom('notification_subscriptions').select('id').executeTakeFirst(), undefined);
    });

    it('subscribes pending, sends an SNS SubscriptionConfirmation, and delivers only after the SubscribeURL is visited', async () => {
      const c = server().client;
      const answer = await c.call<Record<string, unknown>>('account', 'subscribeToNotifications', { contactsEndpoint: hook('contacts') });
      const expectedKeys = ENDPOINTS.flatMap((e) => [`${e}Success`, `${e}TopicId`]).sort();
      assert.deepEqual(Object.keys(answer).sort(), expectedKeys);
      assert.equal(answer.contactsSuccess, true);
      assert.match(String(answer.contactsTopicId), new RegExp(`^arn:aws:sns:marquee:${server().accountId}:iVvy_Account_${server().accountId}_NotifContacts$`));
      for (const e of ENDPOINTS.filter((x) => x !== 'contacts')) {
        assert.equal(answer[`${e}Success`], false);
        assert.equal(answer[`${e}TopicId`], null);
      }

      await receiver.waitFor(() => envelopes('SubscriptionConfirmation').length === 1);
      const confirmation = envelopes('SubscriptionConfirmation')[0]!;
      const raw = receiver.accepted().find((r) => r.body.includes('SubscriptionConfirmation'))!;
      assert.equal(raw.headers['x-amz-sns-message-type'], 'SubscriptionConfirmation');
      assert.equal(raw.headers['x-amz-sns-message-id'], confirmation.MessageId);
      assert.match(String(raw.headers['content-type']), /^text\/plain/);
      assert.deepEqual(Object.keys(confirmation), [
        'Type', 'MessageId', 'Token', 'TopicArn', 'Message', 'SubscribeURL', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL',
      ]);
      assert.equal(confirmation.TopicArn, answer.contactsTopicId);
      assert.match(confirmation.Message!, /To confirm the subscription, visit the SubscribeURL included in this message\./);
      assert.ok(confirmation.SubscribeURL!.startsWith(`${server().url}/notifications/sns?Action=ConfirmSubscription&`));
      assert.match(confirmation.Timestamp!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const verified = await verifyNotification(raw.body, { trustedOrigins: [server().url] });
      assert.equal(verified.type, 'SubscriptionConfirmation');
      assert.equal(verified.subscribeUrl, confirmation.SubscribeURL);

      // A change before confirmation is not delivered.
      await c.call('fixture', 'record', { marker: 'before-confirmation' });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(envelopes('Notification').length, 0);

      const visited = await fetch(confirmation.SubscribeURL!);
      assert.equal(visited.status, 200);
      const xml = await visited.text();
      assert.match(xml, /<ConfirmSubscriptionResponse[^>]*><ConfirmSubscriptionResult><SubscriptionArn>arn:aws:sns:[^<]+NotifContacts:[0-9a-f-]{36}<\/SubscriptionArn>/);
      assert.equal((await fetch(confirmation.SubscribeURL!.replace(/Token=[0-9a-f]+/, 'Token=abc'))).status, 404);

      await c.call('fixture', 'record', { marker: 'after-confirmation' });
      await receiver.waitFor(() => envelopes('Notification').length === 1);
      const note = receiver.accepted().find((r) => r.body.includes('"Type":"Notification"'))!;
      const envelope = JSON.parse(note.body) as Envelope;
      assert.deepEqual(Object.keys(envelope), [
        'Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL',
      ]);
      assert.equal(envelope.SignatureVersion, '1');
      assert.ok(envelope.UnsubscribeURL!.startsWith(`${server().url}/notifications/sns?Action=Unsubscribe&SubscriptionArn=`));
      assert.equal(note.headers['x-amz-sns-subscription-arn'], new URL(envelope.UnsubscribeURL!).searchParams.get('SubscriptionArn'));
      const message = JSON.parse(envelope.Message!) as Record<string, unknown>;
      assert.deepEqual(Object.keys(message), [
        'TxnId', 'Region', 'Timestamp', 'AccountId', 'Subject', 'Body', 'SourceType', 'SourceInfo', 'Signature', 'SigningPublicKeyPath',
      ]);
      const change = await server().store().selectFrom('changes').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.equal(message.TxnId, txnIdOf({ id: change.id, accountId: change.account_id, createdAt: change.created_at }));
      assert.match(String(message.TxnId), /^[0-9a-f]{32}$/);
      assert.equal(message.Region, 'marquee');
      assert.equal(message.Timestamp, Math.floor(change.created_at / 1000));
      assert.equal(message.AccountId, String(server().accountId));
      assert.equal(message.Subject, 'ContactAdded');
      assert.deepEqual(JSON.parse(String(message.Body)), { data: { marker: 'after-confirmation' } });
      assert.equal(message.SourceType, 1);
      assert.deepEqual(JSON.parse(String(message.SourceInfo)), { apiKey: server().key });

      const checked = await verifyNotification(note.body, { trustedOrigins: [server().url] });
      assert.equal(checked.subject, 'ContactAdded');
      assert.deepEqual(checked.body, { data: { marker: 'after-confirmation' } });
      await assert.rejects(verifyNotification(note.body, { trustedOrigins: ['https://elsewhere.example'] }), /not a trusted/);
      await assert.rejects(verifyNotification(note.body.replace('after-confirmation', 'after-confirmatioN'), { trustedOrigins: [server().url] }), /signature is invalid/);
      const forgedInner = JSON.stringify({ ...message, Subject: 'ContactDeleted' });
      const forged = { ...envelope, Message: forgedInner };
      await assert.rejects(verifyNotification(forged, { trustedOrigins: [server().url] }), /envelope signature is invalid/);
    });

    it('serves the signing certificate and public key at the advertised URLs, the same key for every process', async () => {
      const note = envelopes('Notification')[0]!;
      const cert = await fetch(note.SigningCertURL!);
      assert.equal(cert.status, 200);
      const pem = await cert.text();
      assert.match(pem, /^-----BEGIN CERTIFICATE-----/);
      const path = (JSON.parse(note.Message!) as { SigningPublicKeyPath: string }).SigningPublicKeyPath;
      assert.match(path, new RegExp(`^/notifications/accounts/${server().accountId}/\\d+/notifcert\\.txt$`));
      const publicKey = await fetch(new URL(path, server().url));
      assert.equal(publicKey.status, 200);
      assert.match(await publicKey.text(), /^-----BEGIN PUBLIC KEY-----/);
      assert.equal((await rawHttp(server().url, { method: 'GET', path: '/notifications/SimpleNotificationService-0000.pem' })).status, 404);
      assert.equal((await rawHttp(server().url, { method: 'GET', path: path.replace(/\/\d+\/notifcert/, '/1/notifcert') })).status, 404);

      // Another process on the same database signs with the same key.
      const runtime = server().runtime;
      const storage = await openStorage(runtime.config.databaseUrl);
      try {
        const box = createSecretBox(Buffer.from(runtime.config.masterKey!, 'hex'));
        const theirs = await signingKey(storage, box);
        assert.equal(theirs.certificatePem, pem);
      } finally {
        await storage.close();
      }
      const stored = await runtime.storage.db.selectFrom('notification_keys').selectAll().execute();
      assert.equal(stored.length, 1);
      assert.doesNotMatch(stored[0]!.private_key_box, /PRIVATE KEY/, 'the private key is sealed at rest');
    });

    it('unsubscribes with the documented result codes', async () => {
      const c: MarqueeClient = server().client;
      await c.call('account', 'subscribeToNotifications', { companiesEndpoint: hook('companies') });
      const otherKey = await createApiKey(server().runtime.storage.db, server().runtime.secrets, { accountId: server().accountId });
      const { createClient } = await import('../../src/client/index.js');
      const other = createClient({ url: server().url, key: otherKey.key, secret: otherKey.secret, retries: 0 });

      const byOther = await other.call<Record<string, number>>('account', 'unsubscribeFromNotifications', { contactsEndpoint: hook('contacts') });
      assert.equal(byOther.contactsResult, 5, 'only the subscribing key may unsubscribe');

      const answer = await c.call<Record<string, number>>('account', 'unsubscribeFromNotifications', {
        contactsEndpoint: hook('contacts'),
        companiesEndpoint: hook('companies'),
        crmEndpoint: hook('crm'),
      });
      // companies is still pending (never confirmed): it is removed all the same (iVvy answers 6).
      assert.deepEqual(answer, {
        companiesResult: 1,
        contactsResult: 1,
        crmResult: 4,
        paymentsResult: 2,
        venuesResult: 2,
        ariResult: 2,
        eventsResult: 2,
      });
      const again = await c.call<Record<string, number>>('account', 'unsubscribeFromNotifications', { contactsEndpoint: hook('contacts') });
      assert.equal(again.contactsResult, 4);

      const before = envelopes('Notification').length;
      await c.call('fixture', 'record', { marker: 'after-unsubscribe' });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(envelopes('Notification').length, before, 'nothing delivered after unsubscribing');
    });

    it('unsubscribes a pending subscription to a dead URL, which stops retrying its confirmation', async () => {
      const dead = await startReceiver({ fail: () => true });
      try {
        const c = server().client;
        const url = `${dead.url}/dead`;
        await c.call('account', 'subscribeToNotifications', { venuesEndpoint: url });
        await dead.waitFor((all) => all.length >= 2);
        const byOther = await server().newAccount();
        const foreign = await byOther.client.call<Record<string, number>>('account', 'unsubscribeFromNotifications', { venuesEndpoint: url });
        assert.equal(foreign.venuesResult, 4, 'another account has no such subscription');

        const answer = await c.call<Record<string, number>>('account', 'unsubscribeFromNotifications', { venuesEndpoint: url });
        assert.equal(answer.venuesResult, 1);
        const attemptsAtRemoval = dead.received.length;
        const left = await server().store().selectFrom('notification_subscriptions').select('id').where('url', '=', url).execute();
        assert.deepEqual(left, []);
        const deliveries = await server().store().selectFrom('notification_deliveries').select(['status', 'subscription_id']).where('url', '=', url).execute();
        assert.ok(deliveries.length > 0);
        assert.ok(deliveries.every((d) => d.status === 'cancelled'), JSON.stringify(deliveries));
        // Retries come every 100–200 ms here; a second later there must have been none (one
        // attempt already in flight at the removal may still land).
        await new Promise((r) => setTimeout(r, 1000));
        assert.ok(dead.received.length <= attemptsAtRemoval + 1, `${dead.received.length - attemptsAtRemoval} attempts after removal`);
        const again = await c.call<Record<string, number>>('account', 'unsubscribeFromNotifications', { venuesEndpoint: url });
        assert.equal(again.venuesResult, 4);
      } finally {
        await dead.close();
      }
    });

    it('removes a subscription through its UnsubscribeURL', async () => {
      const c = server().client;
      await c.call('account', 'subscribeToNotifications', { contactsEndpoint: hook('contacts-2') });
      const { token } = await server().store().selectFrom('notification_subscriptions').select('token').where('url', '=', hook('contacts-2')).executeTakeFirstOrThrow();
      const confirmation = await until(async () => envelopes('SubscriptionConfirmation').find((e) => e.Token === token), 'its confirmation');
      assert.equal((await fetch(confirmation.SubscribeURL!)).status, 200);
      await c.call('fixture', 'record', { marker: 'for-unsubscribe-url' });
      await receiver.waitFor((all) => all.some((r) => r.body.includes('for-unsubscribe-url')));
      const note = JSON.parse(receiver.accepted().find((r) => r.body.includes('for-unsubscribe-url'))!.body) as Envelope;
      const res = await fetch(note.UnsubscribeURL!);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<UnsubscribeResponse/);
      assert.equal((await fetch(note.UnsubscribeURL!)).status, 404);
      const left = await server().store().selectFrom('notification_subscriptions').select('id').where('url', '=', hook('contacts-2')).execute();
      assert.equal(left.length, 0);
    });
  },
  { workers: { pollMs: 50, retryBaseMs: 100, retryMaxMs: 200 } },
  { registry: fixtureRegistry() },
);
