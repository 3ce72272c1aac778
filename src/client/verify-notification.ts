/**
 * `verifyNotification(body, options)` for webhook receivers: checks that a POSTed notification
 * really comes from the Marquee (or iVvy-compatible) server it claims to, the way SNS receivers
 * do — the envelope's SNS signature against the certificate at SigningCertURL, and the inner
 * Message's own signature against the public key at SigningPublicKeyPath — and returns the
 * parsed message. Certificates are only fetched from origins the caller trusts.
 */
import {
  algorithmOf,
  envelopeStringToSign,
  innerStringToSign,
  verifyText,
  type SignatureVersion,
} from '../protocol/sns-signature.js';

export interface VerifyNotificationOptions {
  /** Origins (`https://marquee.example.com`) whose SigningCertURL and public key may be fetched. */
  trustedOrigins?: readonly string[];
  /** The server's certificate (PEM), instead of fetching SigningCertURL. */
  certificate?: string;
  /** The inner message's public key (PEM); by default fetched from SigningPublicKeyPath, or the certificate's key. */
  publicKey?: string;
  /** Check the inner Message's Signature too (default true). */
  verifyMessageSignature?: boolean;
  fetch?: typeof fetch;
}

export interface NotificationMessage {
  TxnId: string;
  Region: string;
  Timestamp: number | string;
  AccountId: string;
  Subject: string;
  /** JSON text; see `body` for it parsed. */
  Body: string;
  SourceType: number;
  SourceInfo: string | null;
  Signature: string;
  SigningPublicKeyPath: string;
}

export interface VerifiedNotification {
  type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  messageId: string;
  topicArn: string;
  envelope: Record<string, string>;
  /** Present for notifications. */
  message?: NotificationMessage;
  subject?: string;
  body?: unknown;
  /** Present for SubscriptionConfirmation: visit it to confirm. */
  subscribeUrl?: string;
}

export class NotificationVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotificationVerificationError';
  }
}

const REQUIRED = ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL'];
const TYPES = new Set(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']);

const fetched = new Map<string, Promise<string>>();

function fail(message: string): never {
  throw new NotificationVerificationError(message);
}

function trustedUrl(target: string, options: VerifyNotificationOptions): URL {
  const url = URL.canParse(target) ? new URL(target) : fail(`'${target}' is not a URL`);
  const origins = (options.trustedOrigins ?? []).map((o) => new URL(o).origin);
  if (!origins.includes(url.origin)) fail(`${url.origin} is not a trusted notification origin`);
  return url;
}

function download(url: URL, options: VerifyNotificationOptions): Promise<string> {
  const key = url.toString();
  let pending = fetched.get(key);
  if (!pending) {
    const get = options.fetch ?? fetch;
    pending = get(key, { signal: AbortSignal.timeout(10_000) }).then(async (response) => {
      if (!response.ok) fail(`${key} answered HTTP ${response.status}`);
      return response.text();
    });
    pending.catch(() => fetched.delete(key));
    fetched.set(key, pending);
  }
  return pending;
}

function parseBody(body: string | Uint8Array | object): Record<string, unknown> {
  if (typeof body === 'object' && !(body instanceof Uint8Array)) return body as Record<string, unknown>;
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  return fail('The body is not a JSON object');
}

export async function verifyNotification(
  body: string | Uint8Array | object,
  options: VerifyNotificationOptions = {},
): Promise<VerifiedNotification> {
  const envelope = parseBody(body);
  for (const name of REQUIRED) {
    if (typeof envelope[name] !== 'string') fail(`The message has no ${name}`);
  }
  const type = envelope.Type as string;
  if (!TYPES.has(type)) fail(`Unknown message type '${type}'`);
  const version = envelope.SignatureVersion as string;
  if (version !== '1' && version !== '2') fail(`Unsupported SignatureVersion '${version}'`);

  const certificate = options.certificate ?? (await download(trustedUrl(envelope.SigningCertURL as string, options), options));
  const signed = envelopeStringToSign(envelope);
  if (!verifyText(signed, envelope.Signature as string, certificate, algorithmOf(version as SignatureVersion))) {
    fail('The envelope signature is invalid');
  }

  const result: VerifiedNotification = {
    type: type as VerifiedNotification['type'],
    messageId: envelope.MessageId as string,
    topicArn: envelope.TopicArn as string,
    envelope: envelope as Record<string, string>,
  };
  if (type !== 'Notification') {
    if (typeof envelope.SubscribeURL === 'string') result.subscribeUrl = envelope.SubscribeURL;
    return result;
  }

  let message: NotificationMessage;
  try {
    message = JSON.parse(envelope.Message as string) as NotificationMessage;
  } catch {
    return fail('The Message is not JSON');
  }
  if (options.verifyMessageSignature ?? true) {
    if (typeof message.Signature !== 'string') fail('The Message has no Signature');
    let publicKey = options.publicKey;
    if (!publicKey && options.trustedOrigins && typeof message.SigningPublicKeyPath === 'string') {
      const base = new URL(envelope.SigningCertURL as string);
      publicKey = await download(trustedUrl(new URL(message.SigningPublicKeyPath, base.origin).toString(), options), options);
    }
    const fields = { ...message } as unknown as Record<string, unknown>;
    if (!verifyText(innerStringToSign(fields), message.Signature, publicKey ?? certificate, 'RSA-SHA256')) {
      fail('The Message signature is invalid');
    }
  }
  result.message = message;
  result.subject = message.Subject;
  try {
    result.body = JSON.parse(message.Body) as unknown;
  } catch {
    result.body = message.Body;
  }
  return result;
}
