/**
 * Public routes of the notification service, served by Marquee itself in place of SNS:
 * the SubscribeURL and UnsubscribeURL (`/notifications/sns?Action=…`, answering with SNS's
 * XML documents), the signing certificate at SigningCertURL and the public key at
 * SigningPublicKeyPath.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { accountExists } from '../auth/accounts.js';
// XML needs the same five entities as HTML: one escaper for every document Marquee renders.
import { escapeHtml as xml } from '../mail/html.js';
import type { RoutePlugin } from '../server/route-plugin.js';
import { signingKey } from './signing-key.js';
import { confirmSubscription, unsubscribeByArn } from './subscriptions.js';
import { certificateFileName, NOTIFY_PATH, SNS_ACTION_PATH } from './topics.js';

const SNS_XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

function snsError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .type('text/xml')
    .send(
      `<ErrorResponse xmlns="${SNS_XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code>` +
        `<Message>${xml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
    );
}

function snsResult(reply: FastifyReply, action: string, inner: string): FastifyReply {
  const result = inner ? `<${action}Result>${inner}</${action}Result>` : '';
  return reply
    .type('text/xml')
    .send(
      `<${action}Response xmlns="${SNS_XMLNS}">${result}` +
        `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
    );
}

type Query = Record<string, string | string[] | undefined>;
const one = (query: Query, name: string): string | undefined => {
  const value = query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export const notificationRoutes: RoutePlugin = (app, runtime) => {
  const { storage } = runtime;

  app.get<{ Querystring: Query }>(SNS_ACTION_PATH, async (request, reply) => {
    const action = one(request.query, 'Action');
    if (action === 'ConfirmSubscription') {
      const topic = one(request.query, 'TopicArn');
      const token = one(request.query, 'Token');
      if (!topic || !token) return snsError(reply, 400, 'InvalidParameter', 'TopicArn and Token are required');
      const arn = await storage.db
        .transaction()
        .execute((trx) => confirmSubscription(trx, storage.dialect, topic, token, Date.now()));
      if (!arn) return snsError(reply, 404, 'NotFound', 'No subscription matches this topic and token');
      runtime.log.info({ subscriptionArn: arn }, 'notification subscription confirmed');
      return snsResult(reply, 'ConfirmSubscription', `<SubscriptionArn>${xml(arn)}</SubscriptionArn>`);
    }
    if (action === 'Unsubscribe') {
      const arn = one(request.query, 'SubscriptionArn');
      if (!arn) return snsError(reply, 400, 'InvalidParameter', 'SubscriptionArn is required');
      const removed = await storage.db.transaction().execute((trx) => unsubscribeByArn(trx, arn));
      if (!removed) return snsError(reply, 404, 'NotFound', 'No such subscription');
      runtime.log.info({ subscriptionArn: arn }, 'notification subscription removed');
      return snsResult(reply, 'Unsubscribe', '');
    }
    return snsError(reply, 400, 'InvalidAction', 'Action must be ConfirmSubscription or Unsubscribe');
  });

  app.get<{ Params: { file: string } }>(`${NOTIFY_PATH}/:file`, async (request, reply) => {
    const key = await signingKey(storage, runtime.secrets);
    if (request.params.file !== certificateFileName(key)) return reply.code(404).type('text/plain').send('Not Found');
    return reply.type('application/x-pem-file').header('cache-control', 'public, max-age=86400').send(key.certificatePem);
  });

  app.get<{ Params: { accountId: string; keyId: string } }>(
    `${NOTIFY_PATH}/accounts/:accountId/:keyId/notifcert.txt`,
    async (request, reply) => {
      const key = await signingKey(storage, runtime.secrets);
      const accountId = Number(request.params.accountId);
      const known =
        request.params.keyId === String(key.keyId) &&
        Number.isSafeInteger(accountId) &&
        accountId > 0 &&
        (await accountExists(storage.db, accountId));
      if (!known) return reply.code(404).type('text/plain').send('Not Found');
      return reply.type('text/plain').header('cache-control', 'public, max-age=86400').send(key.publicKeyPem);
    },
  );
};
