/**
 * The IWS request signature (creating-the-request/signing-the-request.md), shared by the
 * server's verifier and the SDK so the two can never drift apart.
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { formatTimestamp } from './timestamp.js';

export const API_VERSION = '1.0';
export const SUPPORTED_VERSIONS: readonly string[] = [API_VERSION];
export const AUTH_SCHEME = 'IWS';
export const AUTH_HEADER = 'x-api-authorization';
export const IVVY_DATE_HEADER = 'IVVY-Date';

export interface SignedParts {
  method: string;
  /** Value of the Content-MD5 header (hex MD5 of the body). */
  contentMd5: string;
  /** Value of the Content-Type header exactly as sent, parameters included. */
  contentType: string;
  /** Value of the Date header; empty when IVVY-Date carries the time. */
  date: string;
  /** Path and query string exactly as they appear in the request line. */
  requestUri: string;
  apiVersion: string;
  /** Every request header whose name starts with `ivvy` (case-insensitive), as name/value. */
  ivvyHeaders: ReadonlyArray<readonly [string, string]>;
}

/**
 * One-shot hashing (crypto.hash, Node 20.12+) creates no Hash object. Verifying a signed request
 * with createHash and createHmac objects cost about a third of a signed ping in the server
 * (docs/performance.md); older Node versions fall back to them.
 */
type OneShot = (algorithm: string, data: string | Uint8Array, encoding: 'hex' | 'buffer') => string | Buffer;
const oneShot = (crypto as unknown as { hash?: OneShot }).hash;

function digest(algorithm: 'md5' | 'sha1', data: string | Uint8Array, encoding: 'hex'): string;
function digest(algorithm: 'md5' | 'sha1', data: string | Uint8Array, encoding: 'buffer'): Buffer;
function digest(algorithm: 'md5' | 'sha1', data: string | Uint8Array, encoding: 'hex' | 'buffer'): string | Buffer {
  if (oneShot) return oneShot(algorithm, data, encoding);
  const hash = createHash(algorithm).update(data);
  return encoding === 'hex' ? hash.digest('hex') : hash.digest();
}

export function md5Hex(body: string | Uint8Array): string {
  return digest('md5', body, 'hex');
}

/** `name=value` pairs of the IVVY-* headers, names without `-`/`_`, sorted, joined with `&`. */
export function canonicalIvvyHeaders(headers: ReadonlyArray<readonly [string, string]>): string {
  // Nearly every request carries one IVVY header (IVVY-Date): nothing to sort.
  if (headers.length === 1) {
    const [name, value] = headers[0] as readonly [string, string];
    return `${name.replace(/[-_]/g, '').toLowerCase()}=${value}`;
  }
  return headers
    .map(([name, value]) => [name.replace(/[-_]/g, '').toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function stringToSign(parts: SignedParts): string {
  return (
    parts.method +
    parts.contentMd5 +
    parts.contentType +
    parts.date +
    parts.requestUri +
    parts.apiVersion +
    canonicalIvvyHeaders(parts.ivvyHeaders)
  ).toLowerCase();
}

/**
 * A key's HMAC pads (RFC 2104), kept for the secrets in use. With an ASCII key (iVvy secrets
 * are hex) every inner-pad byte is below 0x80, so the pad is also kept as a string that can be
 * prefixed to the text to sign; `outer` has room after the pad for the inner digest.
 */
interface Pads {
  innerText: string | null;
  inner: Buffer;
  outer: Buffer;
}

const pads = new Map<string, Pads>();
const SHA1_BLOCK = 64;
const SHA1_SIZE = 20;

function padsOf(secret: string): Pads {
  let found = pads.get(secret);
  if (!found) {
    let key: Buffer = Buffer.from(secret, 'utf8');
    if (key.length > SHA1_BLOCK) key = digest('sha1', key, 'buffer');
    const inner = Buffer.alloc(SHA1_BLOCK, 0x36);
    const outer = Buffer.alloc(SHA1_BLOCK + SHA1_SIZE, 0);
    outer.fill(0x5c, 0, SHA1_BLOCK);
    for (let i = 0; i < key.length; i++) {
      inner[i] = (inner[i] as number) ^ (key[i] as number);
      outer[i] = (outer[i] as number) ^ (key[i] as number);
    }
    found = { innerText: inner.every((b) => b < 0x80) ? inner.toString('latin1') : null, inner, outer };
    if (pads.size >= 10_000) pads.clear();
    pads.set(secret, found);
  }
  return found;
}

/** HMAC-SHA1 (RFC 2104) as hex: H(K ⊕ opad ‖ H(K ⊕ ipad ‖ text)), with one-shot hashes. */
export function hmacSha1Hex(secret: string, text: string): string {
  const { innerText, inner, outer } = padsOf(secret);
  const innerHash =
    innerText !== null
      ? digest('sha1', innerText + text, 'buffer')
      : digest('sha1', Buffer.concat([inner, Buffer.from(text, 'utf8')]), 'buffer');
  // Single-threaded and synchronous: the key's buffer can hold the inner digest for this call.
  innerHash.copy(outer, SHA1_BLOCK);
  return digest('sha1', outer, 'hex');
}

/** Constant-time comparison of two hex signatures (case-insensitive, as hex is). */
export function signaturesMatch(expected: string, provided: string): boolean {
  if (expected.length !== provided.length) return false;
  // Every character is compared whatever the outcome (no early exit), with ASCII letters
  // folded to lower case, which is all case-insensitive hex needs.
  let difference = 0;
  for (let i = 0; i < expected.length; i++) {
    difference |= (expected.charCodeAt(i) | 0x20) ^ (provided.charCodeAt(i) | 0x20);
  }
  return difference === 0;
}

/** Extracts key and signature from `IWS key:signature`; null when malformed. */
export function parseAuthorization(value: string | undefined): { key: string; signature: string } | null {
  if (!value) return null;
  const m = /^\s*IWS\s+([^:\s]+):([0-9a-fA-F]{40})\s*$/.exec(value);
  if (!m) return null;
  return { key: m[1] as string, signature: m[2] as string };
}

export interface SignOptions {
  key: string;
  secret: string;
  namespace: string;
  action: string;
  body: string;
  apiVersion?: string;
  contentType?: string;
  /** Time to sign; defaults to now. */
  now?: Date;
  /** Use the standard Date header instead of IVVY-Date. */
  useDateHeader?: boolean;
}

export interface SignedRequest {
  requestUri: string;
  headers: Record<string, string>;
}

/** Builds the headers of a signed request, the way iVvy's own SDKs do. */
export function signRequest(opts: SignOptions): SignedRequest {
  const apiVersion = opts.apiVersion ?? API_VERSION;
  const contentType = opts.contentType ?? 'application/json';
  const requestUri = `/api/${apiVersion}/${opts.namespace}?action=${encodeURIComponent(opts.action)}`;
  const now = opts.now ?? new Date();
  const contentMd5 = md5Hex(opts.body);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-MD5': contentMd5,
    'X-Api-Version': apiVersion,
  };
  let date = '';
  const ivvy: Array<[string, string]> = [];
  if (opts.useDateHeader) {
    date = now.toUTCString();
    headers['Date'] = date;
  } else {
    const ivvyDate = formatTimestamp(now, false);
    headers[IVVY_DATE_HEADER] = ivvyDate;
    ivvy.push([IVVY_DATE_HEADER, ivvyDate]);
  }
  const signature = hmacSha1Hex(
    opts.secret,
    stringToSign({ method: 'POST', contentMd5, contentType, date, requestUri, apiVersion, ivvyHeaders: ivvy }),
  );
  headers['X-Api-Authorization'] = `${AUTH_SCHEME} ${opts.key}:${signature}`;
  return { requestUri, headers };
}
