export {
  createClient,
  type MarqueeClient,
  type ClientOptions,
  type Collection,
  type ListActionOf,
  type ListItemOf,
  type PageParamsOf,
} from './client.js';
export { IvvyApiError } from './errors.js';
export type { BatchJobInput, BatchResults, BatchResultItem, RunAndWaitOptions } from './batch.js';
export {
  verifyNotification,
  NotificationVerificationError,
  type VerifiedNotification,
  type VerifyNotificationOptions,
  type NotificationMessage,
} from './verify-notification.js';
export type { RawResponse } from './transport.js';
export { signRequest, stringToSign, md5Hex } from '../protocol/signing.js';
