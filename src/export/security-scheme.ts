/**
 * The IWS signature as an OpenAPI security scheme. OpenAPI has no scheme for a request
 * signature, so it is an API key in X-Api-Authorization whose description says how to compute
 * it (creating-the-request/signing-the-request.md; protocol/signing.ts does it for the SDK).
 */
import { AUTH_SCHEME } from '../protocol/signing.js';

export const SECURITY_SCHEME_NAME = 'IWS';

export const SIGNING_DESCRIPTION = [
  `Every call is signed with the key's secret: \`X-Api-Authorization: ${AUTH_SCHEME} <key>:<signature>\`.`,
  '',
  '1. `Content-MD5`: the hex MD5 of the exact body bytes.',
  '2. `IVVY-Date`: the current UTC time as `yyyy-mm-dd HH:mm:ss` (or a standard `Date` header; requests more than 5 minutes from the server clock are refused).',
  '3. The string to sign is the concatenation, lower-cased, of: the method (`POST`), the Content-MD5 value, the Content-Type header as sent (`application/json`), the `Date` header (empty when IVVY-Date is used), the request URI (path and query as sent, e.g. `/api/1.0/contact?action=getContact`), the API version (`1.0`), and the `IVVY-*` headers as `name=value` (names without `-` or `_`, sorted, joined with `&`, e.g. `ivvydate=2026-01-01 09:00:00`).',
  '4. The signature is the hex HMAC-SHA1 of that string with the secret as key.',
  '',
  'The Postman collection from `marquee export postman` signs every request this way in its pre-request script.',
].join('\n');

export const SECURITY_SCHEME = {
  type: 'apiKey',
  in: 'header',
  name: 'X-Api-Authorization',
  description: SIGNING_DESCRIPTION,
} as const;
