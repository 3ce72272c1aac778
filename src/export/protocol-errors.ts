/**
 * The errors every implemented action can answer, from the protocol layer's tables
 * (protocol/specific-codes.ts for the codes, protocol/errors.ts for the statuses), grouped by
 * HTTP status as the exports describe them. Codes that only a URL which is not an implemented
 * action can get (unknown namespace or action, 501, another version, a GET) are left out with
 * the reason, so that every protocol code is accounted for one way or the other
 * (test/export/protocol-errors.test.ts).
 */
import { z } from 'zod';
import { HTTP_MESSAGES } from '../protocol/errors.js';
import { Codes } from '../protocol/specific-codes.js';

type CodeName = keyof typeof Codes;

export interface ErrorCase {
  readonly code: CodeName;
  /** What the client did (or what happened) for this code to come back. */
  readonly meaning: string;
}

export interface StatusErrors {
  readonly status: number;
  readonly cases: readonly ErrorCase[];
  /** The status carries a Retry-After header. */
  readonly retryAfter?: boolean;
}

/**
 * By status, in the order the server checks (docs/compatibility.md, Order of checks).
 * `required` is answered only by actions with a required parameter (see errorsOf).
 */
export const PROTOCOL_ERRORS: readonly StatusErrors[] = [
  {
    status: 400,
    cases: [
      { code: 'malformedUrl', meaning: 'the URL is not correctly percent-encoded' },
      { code: 'malformedJson', meaning: 'the body is not valid JSON (or is too deeply nested)' },
      { code: 'doesNotValidate', meaning: 'a parameter does not validate; additionalMessages says why' },
      { code: 'required', meaning: 'a required parameter is missing' },
    ],
  },
  {
    status: 401,
    cases: [
      { code: 'authorizationMissing', meaning: 'X-Api-Authorization is missing or not `IWS key:signature`' },
      { code: 'unknownKey', meaning: 'the API key is unknown' },
      { code: 'signatureMismatch', meaning: 'the signature does not match the request' },
      { code: 'contentMd5Mismatch', meaning: 'Content-MD5 does not match the body' },
      { code: 'stale', meaning: 'Date / IVVY-Date is more than 5 minutes from server time' },
      { code: 'dateMissing', meaning: 'neither a valid Date nor a valid IVVY-Date header' },
    ],
  },
  { status: 403, cases: [{ code: 'forbidden', meaning: 'the key may not call this action (partner keys call only the partner namespace, and only they do)' }] },
  { status: 413, cases: [{ code: 'bodyTooLarge', meaning: 'the body exceeds the size limit' }] },
  {
    status: 429,
    retryAfter: true,
    cases: [{ code: 'rateLimited', meaning: "the key's rate limit, or too many failed authentications, was exceeded" }],
  },
  { status: 463, cases: [{ code: 'keyRevoked', meaning: 'the key is revoked' }] },
  { status: 500, cases: [{ code: 'internal', meaning: 'an unexpected server error; additionalMessages has the request id' }] },
  { status: 503, cases: [{ code: 'internal', meaning: 'the server is shutting down' }] },
];

/** Protocol codes no request to an implemented action's own URL can get, and why. */
export const NOT_FOR_AN_ACTION: Readonly<Partial<Record<CodeName, string>>> = {
  methodNotAllowed: 'the operations are POST; another method gets 405',
  unknownNamespace: 'a path that is not an endpoint',
  unknownAction: 'an action the namespace does not have',
  notImplemented: 'the exports list implemented actions only',
  unsupportedVersion: 'the exports describe version 1.0',
  unsupportedContentType: 'not raised by the server: the body is parsed as JSON whatever its type',
};

/** The protocol errors of one action: `required` only when it has a required parameter. */
export function errorsOf(hasRequiredParameter: boolean): readonly StatusErrors[] {
  return PROTOCOL_ERRORS.map((s) => ({ ...s, cases: s.cases.filter((c) => c.code !== 'required' || hasRequiredParameter) }));
}

export const statusMessage = (status: number): string => HTTP_MESSAGES[status] ?? (status === 503 ? 'Service Unavailable' : 'Error');

/** The envelope of interpreting-the-response/exceptions.md, as the server writes it (protocol/errors.ts). */
export const errorEnvelope = z
  .strictObject({
    errorCode: z.number().int().describe('The HTTP status'),
    message: z.string(),
    specificCode: z.number().int().describe('Narrows the error down; quote it in bug reports'),
    additionalMessages: z.array(z.string()).optional().describe('Validator messages, the request id of a 500, …'),
  })
  .describe('The iVvy error envelope');

/** The envelope narrowed to one status and the specific codes it can carry there. */
export function envelopeFor(errors: StatusErrors) {
  const codes = [...new Set(errors.cases.map((c) => Codes[c.code]))];
  return errorEnvelope.extend({ errorCode: z.literal(errors.status), specificCode: z.literal(codes) });
}
