import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';

import MessageValidator from 'sns-validator';
import { verifyNotification } from '../../src/client/index.js';
import { notificationEnvelope, type SnsEnvelope } from '../../src/notify/envelope.js';
import { signingKey } from '../../src/notify/signing-key.js';
import { signingCertUrl } from '../../src/notify/topics.js';
import { fixtureRegistry } from '../batch/fixtures/actions.js';
import { startReceiver, type Receiver } from '../batch/fixtures/receiver.js';
import { until } from '../batch/fixtures/setup.js';
import { describeEachDatabase } from '../support/suite.js';
import { httpsFetch, startTlsProxy, type TlsProxy } from './fixtures/tls-proxy.js';

function validate(validator: MessageValidator, message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    validator.validate(message as Record<string, unknown>, (error) => (error ? reject(error) : resolve()));
  });
}

describeEachDatabase(
  'SNS compatibility',
  ({ server }) => {
    let proxy: TlsProxy;
    let receiver: Receiver;
    // The published AWS validator, told to trust Marquee's host instead of sns.*.amazonaws.com.
    const validator = () => new MessageValidator(/^127\.0\.0\.1:\d+$/);
    before(async () => {
      proxy = await startTlsProxy(server().url);
      // Marquee behind TLS: every URL it advertises is on the https front.
      (server().runtime as { publicUrl: string }).publicUrl = proxy.url;
      receiver = await startReceiver();
    });
    after(async () => {
      await receiver.close();
      await proxy.close();
    });

    const received = (type: string) =>
      receiver.accepted().map((r) => JSON.parse(r.body) as SnsEnvelope).filter((e) => e.Type === type);

    it('a standard SNS message validator accepts Marquee’s confirmation and notification (SignatureVersion 1)', async () => {
      const c = server().client;
      await c.call('account', 'subscribeToNotifications', { contactsEndpoint: receiver.url });
      const confirmation = await until(async () => received('SubscriptionConfirmation')[0], 'the confirmation');
      assert.ok(confirmation.SigningCertURL.startsWith(`${proxy.url}/notifications/SimpleNotificationService-`));
      await validate(validator(), confirmation);
      assert.equal((await httpsFetch(confirmation.SubscribeURL!)).status, 200);

      await c.call('fixture', 'record', { marker: 'validated' });
      const note = await until(async () => received('Notification')[0], 'the notification');
      assert.equal(note.SignatureVersion, '1');
      await validate(validator(), note);
      await verifyNotification(note, { trustedOrigins: [proxy.url], fetch: httpsFetch as typeof fetch });

      await assert.rejects(validate(validator(), { ...note, Message: note.Message.replace('validated', 'tampered') }), /signature is invalid/);
      await assert.rejects(validate(new MessageValidator(), note), /invalid domain/, 'the default (AWS-only) host pattern refuses it');
    });

    it('signs SignatureVersion 2 (SHA256withRSA) the way validators check it', async () => {
      const note = received('Notification')[0]!;
      const key = await signingKey(server().runtime.storage, server().runtime.secrets);
      const change = await server().store().selectFrom('changes').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      const v2 = notificationEnvelope(
        {
          messageId: note.MessageId,
          topicArn: note.TopicArn,
          unsubscribeUrl: note.UnsubscribeURL!,
          change: {
            id: change.id,
            accountId: change.account_id,
            region: 'marquee',
            subject: change.subject,
            body: change.body,
            sourceType: change.source_type,
            sourceInfo: change.source_info,
            createdAt: change.created_at,
          },
        },
        { key, publicUrl: proxy.url, certUrl: signingCertUrl(proxy.url, key), version: '2' },
      );
      assert.equal(v2.SignatureVersion, '2');
      assert.equal(v2.Message, note.Message, 'the inner message does not depend on the envelope version');
      assert.notEqual(v2.Signature, note.Signature);
      await validate(validator(), v2);
      await verifyNotification(v2, { trustedOrigins: [proxy.url], fetch: httpsFetch as typeof fetch });
      await assert.rejects(validate(validator(), { ...v2, SignatureVersion: '1' }), /signature is invalid/);
    });
  },
  { workers: { pollMs: 50 } },
  { registry: fixtureRegistry() },
);
