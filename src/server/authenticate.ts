/**
 * Verifies an IWS-signed request (creating-the-request/*): authorization header, time window,
 * key, body MD5 and HMAC-SHA1 signature, then the revoked flag. Pure apart from the key
 * lookup, so the same checks can be tested without a server.
 *
 * The checks are split around the key lookup (`preflight` before it, `verify` after) so the
 * HTTP handler can run them synchronously when the key is already cached; `authenticate`
 * runs the three in order.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKeyRecord } from '../auth/keys.js';
import type { KeyKind } from '../storage/schema.js';
import { ApiError } from '../protocol/errors.js';
import { md5Hex, parseAuthorization, signaturesMatch, hmacSha1Hex, stringToSign } from '../protocol/signing.js';
import { Codes, unauthorized } from '../protocol/specific-codes.js';
import { parseTimestamp } from '../protocol/timestamp.js';

/** Requests more than this far from server time, in either direction, are stale. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SignedHttpRequest {
  method: string;
  /** Path and query exactly as in the request line. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  apiVersion: string;
  /** Set for a multipart upload, whose signature covers its fields and file, not its bytes. */
  form?: SignedForm;
}

/**
 * What a multipart/form-data upload is signed over (upload-booking-document.md's example):
 * `POST` + MD5 of the text fields as a JSON object + MD5 of the file (also sent as Content-MD5)
 * + `multipart/form-data` + URI + version + IVVY headers. The form's bytes are not signed: the
 * client cannot know the boundary curl picks.
 */
export interface SignedForm {
  /** MD5 (hex) of the uploaded file: what Content-MD5 must match. */
  fileMd5: string;
  /** MD5 (hex) of the text fields as `{"name":"value",…}` in the order they were sent. */
  fieldsMd5: string;
}

/** The media type a multipart upload signs: the page's example signs it without the boundary. */
const FORM_TYPE = 'multipart/form-data';

export interface Authenticated {
  key: string;
  accountId: number;
  userId: number | null;
  keyKind: KeyKind;
}

/** What the checks before the key lookup established. */
export interface Preflight {
  key: string;
  signature: string;
  /** The Date header's text (it is signed); empty when IVVY-Date carries the time. */
  dateForSigning: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

// Clients sign many requests within the same second; parse each IVVY-Date text once.
let lastIvvyDate = '';
let lastIvvyInstant: number | null = null;

function ivvyInstant(text: string): number | null {
  if (text !== lastIvvyDate) {
    lastIvvyInstant = parseTimestamp(text);
    lastIvvyDate = text;
  }
  return lastIvvyInstant;
}

function requestTime(headers: IncomingHttpHeaders): { instant: number; dateForSigning: string } {
  const ivvyDate = header(headers, 'ivvy-date');
  if (ivvyDate !== undefined) {
    const instant = ivvyInstant(ivvyDate);
    if (instant === null) throw unauthorized(Codes.dateMissing, 'The IVVY-Date header is not an iVvy timestamp (yyyy-mm-dd HH:mm:ss)');
    return { instant, dateForSigning: '' };
  }
  const date = header(headers, 'date');
  if (date === undefined) throw unauthorized(Codes.dateMissing, 'A Date or IVVY-Date header is required');
  // The reference shows both `Tue, 03 Apr 2012 …` and `Tue, 03 Apr, 2012 …`; accept either.
  const instant = Date.parse(date.replace(/^(\w{3}, \d{1,2} \w{3}),/, '$1'));
  if (Number.isNaN(instant)) throw unauthorized(Codes.dateMissing, 'The Date header is not a valid HTTP date');
  return { instant, dateForSigning: date };
}

/** The checks that need no key: the authorization header and the time window. */
export function preflight(headers: IncomingHttpHeaders, now: number = Date.now()): Preflight {
  const auth = parseAuthorization(header(headers, 'x-api-authorization'));
  if (!auth) {
    throw unauthorized(Codes.authorizationMissing, 'The X-Api-Authorization header must be "IWS key:signature"');
  }
  const time = requestTime(headers);
  if (Math.abs(now - time.instant) > MAX_CLOCK_SKEW_MS) throw unauthorized(Codes.stale, 'Request is stale');
  return { key: auth.key, signature: auth.signature, dateForSigning: time.dateForSigning };
}

/** The checks that need the key's record: body MD5, signature, revoked flag. */
export function verify(request: SignedHttpRequest, checked: Preflight, record: ApiKeyRecord | null): Authenticated {
  if (!record) throw unauthorized(Codes.unknownKey, 'Unknown API key');
  const headers = request.headers;
  const form = request.form;
  const bodyMd5 = form ? form.fileMd5 : md5Hex(request.body);
  const sentMd5 = header(headers, 'content-md5');
  if (sentMd5 !== undefined && sentMd5.trim().toLowerCase() !== bodyMd5) {
    throw unauthorized(Codes.contentMd5Mismatch, 'Content-MD5 does not match the request body');
  }
  const ivvyHeaders: Array<readonly [string, string]> = [];
  for (const name in headers) {
    // Node lowercases header names.
    if (!name.startsWith('ivvy')) continue;
    const value = headers[name];
    if (value !== undefined) ivvyHeaders.push([name, Array.isArray(value) ? value.join(',') : value]);
  }
  const parts = {
    method: request.method,
    contentMd5: form ? form.fieldsMd5 + bodyMd5 : (sentMd5?.trim() ?? bodyMd5),
    contentType: header(headers, 'content-type') ?? '',
    date: checked.dateForSigning,
    requestUri: request.url,
    apiVersion: request.apiVersion,
    ivvyHeaders,
  };
  // An upload may sign the bare media type (the page's example) or the header as sent.
  const matches =
    signaturesMatch(hmacSha1Hex(record.secret, stringToSign(parts)), checked.signature) ||
    (form !== undefined && signaturesMatch(hmacSha1Hex(record.secret, stringToSign({ ...parts, contentType: FORM_TYPE })), checked.signature));
  if (!matches) throw unauthorized(Codes.signatureMismatch, 'Signature does not match');
  if (record.revoked) throw new ApiError(463, Codes.keyRevoked, 'Key Revoked');
  return { key: record.key, accountId: record.accountId, userId: record.userId, keyKind: record.kind };
}

export async function authenticate(
  request: SignedHttpRequest,
  lookup: (key: string) => Promise<ApiKeyRecord | null>,
  now: number = Date.now(),
): Promise<Authenticated> {
  const checked = preflight(request.headers, now);
  return verify(request, checked, await lookup(checked.key));
}
