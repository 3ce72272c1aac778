/**
 * Download links of stored files (the `file.url` of documents and BEOs). iVvy hands out
 * pre-signed URLs that expire (`urlExpiry`); Marquee does the same without a server-wide
 * secret: a link names the file and an expiry and carries an HMAC-SHA256 of both, keyed by the
 * file's own random 256-bit key (booking_files.link_key). The link is the credential, so it
 * cannot be guessed, it stops working at its expiry, and any server of a fleet can check it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatTimestamp } from '../../../protocol/timestamp.js';

export const BOOKING_FILE_PATH = '/venue/booking-files';

/** How long a link handed out in a response works (iVvy's pre-signed URLs last days). */
export const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const newLinkKey = (): string => randomBytes(32).toString('hex');

const signature = (linkKey: string, fileId: number, expires: number): string =>
  createHmac('sha256', Buffer.from(linkKey, 'hex')).update(`${fileId}.${expires}`).digest('base64url');

export interface FileLink {
  url: string;
  urlExpiry: string;
}

/** A link to the file valid until `now + LINK_LIFETIME_MS` (whole seconds, as urlExpiry shows). */
export function fileLink(publicUrl: string, file: { id: number; link_key: string }, now: number): FileLink {
  const expires = Math.floor((now + LINK_LIFETIME_MS) / 1000);
  return {
    url: `${publicUrl}${BOOKING_FILE_PATH}/${file.id}?expires=${expires}&signature=${signature(file.link_key, file.id, expires)}`,
    urlExpiry: formatTimestamp(new Date(expires * 1000)),
  };
}

/** Whether a link's expiry and signature are the ones handed out for the file, and not expired. */
export function linkIsValid(file: { id: number; link_key: string }, expires: number, given: string, now: number): boolean {
  if (!Number.isSafeInteger(expires) || expires * 1000 <= now) return false;
  const expected = Buffer.from(signature(file.link_key, file.id, expires));
  const provided = Buffer.from(given);
  return expected.length === provided.length && timingSafeEqual(expected, provided);
}
