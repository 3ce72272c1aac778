/**
 * The messages Marquee POSTs to subscribers, in the SNS HTTP format of notifications.md:
 * a `SubscriptionConfirmation` when a subscription is created and a `Notification` per change,
 * whose `Message` is the JSON text of iVvy's inner message (TxnId, Region, Timestamp,
 * AccountId, Subject, Body, SourceType, SourceInfo, Signature, SigningPublicKeyPath).
 * Everything here is deterministic given the stored rows, so a retried delivery carries the
 * same MessageId, Timestamp and Signature as the first attempt.
 */
import { createHash } from 'node:crypto';
import type { SigningKey } from './signing-key.js';
import { algorithmOf, envelopeStringToSign, innerStringToSign, signText, type SignatureVersion } from '../protocol/sns-signature.js';
import { signingPublicKeyPath } from './topics.js';

export interface SnsEnvelope {
  Type: 'SubscriptionConfirmation' | 'Notification';
  MessageId: string;
  Token?: string;
  TopicArn: string;
  Message: string;
  SubscribeURL?: string;
  Timestamp: string;
  SignatureVersion: SignatureVersion;
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL?: string;
}

export interface SigningContext {
  key: SigningKey;
  /** Marquee's public URL (for SigningPublicKeyPath). */
  publicUrl: string;
  certUrl: string;
  version: SignatureVersion;
}

function signEnvelope(fields: Omit<SnsEnvelope, 'SignatureVersion' | 'Signature' | 'SigningCertURL'>, ctx: SigningContext): SnsEnvelope {
  const signature = signText(envelopeStringToSign({ ...fields }), ctx.key.privateKey, algorithmOf(ctx.version));
  const { UnsubscribeURL, ...rest } = fields;
  return {
    ...rest,
    SignatureVersion: ctx.version,
    Signature: signature,
    SigningCertURL: ctx.certUrl,
    ...(UnsubscribeURL !== undefined ? { UnsubscribeURL } : {}),
  };
}

export function confirmationEnvelope(
  input: { messageId: string; topicArn: string; token: string; subscribeUrl: string; at: number },
  ctx: SigningContext,
): SnsEnvelope {
  return signEnvelope(
    {
      Type: 'SubscriptionConfirmation',
      MessageId: input.messageId,
      Token: input.token,
      TopicArn: input.topicArn,
      Message:
        `You have chosen to subscribe to the topic ${input.topicArn}.\n` +
        'To confirm the subscription, visit the SubscribeURL included in this message.',
      SubscribeURL: input.subscribeUrl,
      Timestamp: new Date(input.at).toISOString(),
    },
    ctx,
  );
}

/** A row of the outbox, as the notification needs it. */
export interface ChangeForMessage {
  id: number;
  accountId: number;
  region: string;
  subject: string;
  /** JSON text of the body. */
  body: string;
  sourceType: number;
  /** JSON text (e.g. {"apiKey":"…"}) or null. */
  sourceInfo: string | null;
  createdAt: number;
}

/** The change's transaction id: 32 hex characters like iVvy's, stable for the change. */
export function txnIdOf(change: Pick<ChangeForMessage, 'id' | 'accountId' | 'createdAt'>): string {
  return createHash('md5').update(`marquee-change:${change.accountId}:${change.id}:${change.createdAt}`).digest('hex');
}

/** iVvy's inner message, signed (SHA256withRSA over its fields, see sns-signature.ts). */
export function innerMessage(change: ChangeForMessage, ctx: Pick<SigningContext, 'key' | 'publicUrl'>): Record<string, unknown> {
  const fields = {
    TxnId: txnIdOf(change),
    Region: change.region,
    Timestamp: Math.floor(change.createdAt / 1000),
    AccountId: String(change.accountId),
    Subject: change.subject,
    Body: change.body,
    SourceType: change.sourceType,
    SourceInfo: change.sourceInfo,
  };
  return {
    ...fields,
    Signature: signText(innerStringToSign(fields), ctx.key.privateKey, 'RSA-SHA256'),
    SigningPublicKeyPath: signingPublicKeyPath(ctx.publicUrl, change.accountId, ctx.key),
  };
}

export function notificationEnvelope(
  input: { messageId: string; topicArn: string; unsubscribeUrl: string; change: ChangeForMessage },
  ctx: SigningContext,
): SnsEnvelope {
  return signEnvelope(
    {
      Type: 'Notification',
      MessageId: input.messageId,
      TopicArn: input.topicArn,
      Message: JSON.stringify(innerMessage(input.change, ctx)),
      Timestamp: new Date(input.change.createdAt).toISOString(),
      UnsubscribeURL: input.unsubscribeUrl,
    },
    ctx,
  );
}
