/** Builds a signed request by hand, with every part overridable to break one thing at a time. */
import { formatTimestamp } from '../../src/protocol/timestamp.js';
import { hmacSha1Hex, md5Hex, stringToSign } from '../../src/protocol/signing.js';
import type { RawRequest } from './raw-http.js';

export interface SignedRawOptions {
  key: string;
  secret: string;
  namespace?: string;
  action?: string;
  path?: string;
  body?: string | Buffer;
  contentType?: string;
  /** `ivvy` signs with IVVY-Date (the SDKs' way), `date` with the standard Date header. */
  dateMode?: 'ivvy' | 'date';
  now?: Date;
  /** Replaces the Content-MD5 header (the signature still covers this value). */
  contentMd5?: string | null;
  extraIvvyHeaders?: Record<string, string>;
  signatureOverride?: string;
  method?: string;
}

export function signedRaw(o: SignedRawOptions): RawRequest {
  const body = o.body ?? '{}';
  const path = o.path ?? `/api/1.0/${o.namespace ?? 'test'}?action=${o.action ?? 'ping'}`;
  const contentType = o.contentType ?? 'application/json';
  const now = o.now ?? new Date();
  const md5 = o.contentMd5 === undefined ? md5Hex(body) : o.contentMd5;
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (md5 !== null) headers['Content-MD5'] = md5;
  const ivvy: Array<[string, string]> = Object.entries(o.extraIvvyHeaders ?? {});
  let date = '';
  if ((o.dateMode ?? 'ivvy') === 'ivvy') {
    ivvy.push(['IVVY-Date', formatTimestamp(now, false)]);
  } else {
    date = now.toUTCString();
    headers.Date = date;
  }
  for (const [name, value] of ivvy) headers[name] = value;
  const signature =
    o.signatureOverride ??
    hmacSha1Hex(
      o.secret,
      stringToSign({
        method: o.method ?? 'POST',
        contentMd5: md5 ?? md5Hex(body),
        contentType,
        date,
        requestUri: path,
        apiVersion: '1.0',
        ivvyHeaders: ivvy,
      }),
    );
  headers['X-Api-Authorization'] = `IWS ${o.key}:${signature}`;
  return { method: o.method ?? 'POST', path, headers, body };
}
