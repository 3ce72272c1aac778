/** Webhook notifications (notifications/notifications.md): subscriptions, deliveries, signing key. */
import type { Generated } from 'kysely';

export type SubscriptionStatus = 'pending' | 'confirmed';
/**
 * 'failed' is the dead-letter list: given up after the retry window, kept until redelivered
 * (dead-letter.ts). The name predates the list and stays so stored rows and `--status failed` work.
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';
export const DEAD = 'failed' satisfies DeliveryStatus;
export type MessageType = 'SubscriptionConfirmation' | 'Notification';

export interface NotificationSubscriptionsTable {
  id: Generated<number>;
  account_id: number;
  /** One of outbox/subjects.ts ENDPOINTS. */
  endpoint: string;
  url: string;
  status: SubscriptionStatus;
  /** The SubscribeURL token. */
  token: string;
  /** Random suffix of the SubscriptionArn (and so of the UnsubscribeURL). */
  uuid: string;
  /** The key that subscribed: only it may unsubscribe through the API (result code 5). */
  api_key: string | null;
  created_at: number;
  confirmed_at: number | null;
  /** Next outbox position to hand over to this subscription (see storage/dialects/ (outbox)). */
  cursor_seq: number;
  cursor_id: number;
  lease_owner: string | null;
  lease_until: number | null;
}

/** The delivery queue and log: one row per message per subscription. */
export interface NotificationDeliveriesTable {
  id: Generated<number>;
  account_id: number;
  /** Null once the subscription is gone; the log row stays. */
  subscription_id: number | null;
  endpoint: string;
  url: string;
  type: MessageType;
  change_id: number | null;
  subject: string | null;
  /** SNS MessageId, the same on every attempt so receivers can de-duplicate. */
  message_id: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  first_attempt_at: number | null;
  last_attempt_at: number | null;
  delivered_at: number | null;
}

/** The server's signing key pair, shared by every process on the database. */
export interface NotificationKeysTable {
  name: string;
  /** PKCS#8 PEM sealed with the runtime's secret box. */
  private_key_box: string;
  public_key: string;
  certificate: string;
  created_at: number;
}

declare module '../storage/schema.js' {
  interface Database {
    notification_subscriptions: NotificationSubscriptionsTable;
    notification_deliveries: NotificationDeliveriesTable;
    notification_keys: NotificationKeysTable;
  }
}
