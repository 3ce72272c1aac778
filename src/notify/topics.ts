/**
 * Names and URLs of Marquee's SNS look-alike: topic and subscription ARNs shaped like iVvy's
 * (`arn:aws:sns:<region>:<account>:iVvy_Account_<id>_Notif<Endpoint>`, so code that splits
 * them keeps working), and the public URLs Marquee itself serves for confirming, unsubscribing
 * and fetching the signing certificate and public key.
 */
import type { Endpoint } from '../outbox/subjects.js';
import type { SigningKey } from './signing-key.js';

/** Base path of the public notification routes (notify/routes.ts). */
export const NOTIFY_PATH = '/notifications';
export const SNS_ACTION_PATH = `${NOTIFY_PATH}/sns`;

const capitalised = (endpoint: Endpoint): string => endpoint[0]!.toUpperCase() + endpoint.slice(1);

export function topicArn(region: string, accountId: number, endpoint: Endpoint): string {
  return `arn:aws:sns:${region}:${accountId}:iVvy_Account_${accountId}_Notif${capitalised(endpoint)}`;
}

export function subscriptionArn(topic: string, uuid: string): string {
  return `${topic}:${uuid}`;
}

/** The uuid at the end of a SubscriptionArn, or null when it is not one of ours. */
export function uuidOfSubscriptionArn(arn: string): string | null {
  const m = /:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(arn);
  return m ? (m[1] as string) : null;
}

export function subscribeUrl(publicUrl: string, topic: string, token: string): string {
  const q = new URLSearchParams({ Action: 'ConfirmSubscription', TopicArn: topic, Token: token });
  return `${publicUrl}${SNS_ACTION_PATH}?${q.toString()}`;
}

export function unsubscribeUrl(publicUrl: string, subscription: string): string {
  const q = new URLSearchParams({ Action: 'Unsubscribe', SubscriptionArn: subscription });
  return `${publicUrl}${SNS_ACTION_PATH}?${q.toString()}`;
}

export function certificateFileName(key: Pick<SigningKey, 'fingerprint'>): string {
  return `SimpleNotificationService-${key.fingerprint}.pem`;
}

export function signingCertUrl(publicUrl: string, key: Pick<SigningKey, 'fingerprint'>): string {
  return `${publicUrl}${NOTIFY_PATH}/${certificateFileName(key)}`;
}

/**
 * A path on Marquee's public URL, like iVvy's `/accounts/14/1537854341/notifcert.txt`; it keeps
 * the public URL's own path prefix (a reverse proxy mounting Marquee under /ivvy, say), so a
 * receiver resolves it against the SigningCertURL's origin.
 */
export function signingPublicKeyPath(publicUrl: string, accountId: number, key: Pick<SigningKey, 'keyId'>): string {
  const prefix = new URL(publicUrl).pathname.replace(/\/+$/, '');
  return `${prefix}${NOTIFY_PATH}/accounts/${accountId}/${key.keyId}/notifcert.txt`;
}
