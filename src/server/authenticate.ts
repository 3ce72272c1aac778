/**
 * Verifies an IWS-signed request (creating-the-request/*): authorization header, time window,
 * key, body MD5 and HMAC-SHA1 signature, then the revoked flag. Pure apart from the key
 * lookup, so the same checks can be tested without a server.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiKeyRecord } from '../auth/keys.js';
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
}

export interface Authenticated {
  key: string;
  accountId: number;
  userId: number | null;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function requestTime(headers: IncomingHttpHeaders): { instant: number; dateForSigning: string } {
  const ivvyDate = header(headers, 'ivvy-date');
  if (ivvyDate !== undefined) {
    const instant = parseTimestamp(ivvyDate);
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

export async function authenticate(
  request: SignedHttpRequest,
  lookup: (key: string) => Promise<ApiKeyRecord | null>,
  now: number = Date.now(),
): Promise<Authenticated> {
  const auth = parseAuthorization(header(request.headers, 'x-api-authorization'));
  if (!auth) {
    throw unauthorized(Codes.authorizationMissing, 'The X-Api-Authorization header must be "IWS key:signature"');
  }
  const time = requestTime(request.headers);
  if (Math.abs(now - time.instant) > MAX_CLOCK_SKEW_MS) throw unauthorized(Codes.stale, 'Request is stale');

  const record = await lookup(auth.key);
  if (!record) throw unauthorized(Codes.unknownKey, 'Unknown API key');

  const bodyMd5 = md5Hex(request.body);
  const sentMd5 = header(request.headers, 'content-md5');
  if (sentMd5 !== undefined && sentMd5.trim().toLowerCase() !== bodyMd5) {
    throw unauthorized(Codes.contentMd5Mismatch, 'Content-MD5 does not match the request body');
  }
  const ivvyHeaders = Object.entries(request.headers)
    .filter(([name, value]) => name.toLowerCase().startsWith('ivvy') && value !== undefined)
    .map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value as string)] as const);
  const expected = hmacSha1Hex(
    record.secret,
    stringToSign({
      method: request.method,
      contentMd5: sentMd5?.trim() ?? bodyMd5,
      contentType: header(request.headers, 'content-type') ?? '',
      date: time.dateForSigning,
      requestUri: request.url,
      apiVersion: request.apiVersion,
      ivvyHeaders,
    }),
  );
  if (!signaturesMatch(expected, auth.signature)) throw unauthorized(Codes.signatureMismatch, 'Signature does not match');
  if (record.revoked) throw new ApiError(463, Codes.keyRevoked, 'Key Revoked');
  return { key: record.key, accountId: record.accountId, userId: record.userId };
}
