/**
 * Amazon SNS message signatures, as receivers verify them: the string to sign is a fixed list
 * of the message's fields, each as `Name\nValue\n`, in byte order of the names, skipping the
 * ones the message does not carry. SignatureVersion 1 signs it with SHA1withRSA, version 2
 * with SHA256withRSA (PKCS#1 v1.5), base64-encoded.
 *
 * iVvy's inner Message carries a signature of its own; its canonical form is undocumented, so
 * Marquee signs the inner fields the same way (SHA256withRSA) and documents it in
 * docs/compatibility.md. Shared by the server and the SDK's verifyNotification().
 */
import { createSign, createVerify, type KeyLike } from 'node:crypto';

export type SignatureVersion = '1' | '2';

const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

/** The fields of the inner Message that its own Signature covers. */
export const INNER_SIGNED_FIELDS = [
  'AccountId',
  'Body',
  'Region',
  'SourceInfo',
  'SourceType',
  'Subject',
  'Timestamp',
  'TxnId',
] as const;

function canonical(fields: readonly string[], message: Record<string, unknown>): string {
  let text = '';
  for (const name of fields) {
    const value = message[name];
    if (value === undefined || value === null) continue;
    text += `${name}\n${String(value)}\n`;
  }
  return text;
}

/** The string an SNS envelope's Signature covers. */
export function envelopeStringToSign(envelope: Record<string, unknown>): string {
  const type = envelope.Type;
  const fields = type === 'SubscriptionConfirmation' || type === 'UnsubscribeConfirmation' ? CONFIRMATION_FIELDS : NOTIFICATION_FIELDS;
  return canonical(fields, envelope);
}

/** The string the inner Message's Signature covers. */
export function innerStringToSign(message: Record<string, unknown>): string {
  return canonical(INNER_SIGNED_FIELDS, message);
}

export function algorithmOf(version: SignatureVersion): 'RSA-SHA1' | 'RSA-SHA256' {
  return version === '1' ? 'RSA-SHA1' : 'RSA-SHA256';
}

export function signText(text: string, privateKey: KeyLike, algorithm: 'RSA-SHA1' | 'RSA-SHA256'): string {
  return createSign(algorithm).update(text, 'utf8').sign(privateKey, 'base64');
}

/** `publicKey` may be a PEM public key or a PEM certificate. */
export function verifyText(
  text: string,
  signature: string,
  publicKey: KeyLike,
  algorithm: 'RSA-SHA1' | 'RSA-SHA256',
): boolean {
  try {
    return createVerify(algorithm).update(text, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}
