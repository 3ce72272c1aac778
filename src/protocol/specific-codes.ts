/**
 * Specific codes raised by the protocol layer. 23005, 23016 and 23017 are documented by
 * iVvy; the others are Marquee's own picks from the same block for conditions the docs name
 * without a code (see docs/compatibility.md). Per-action codes live with their actions.
 */
import { ApiError } from './errors.js';

export const Codes = {
  authorizationMissing: 23001,
  unknownKey: 23002,
  signatureMismatch: 23003,
  contentMd5Mismatch: 23004,
  stale: 23005,
  dateMissing: 23006,
  keyRevoked: 23007,
  methodNotAllowed: 23008,
  unknownNamespace: 23009,
  unknownAction: 23010,
  notImplemented: 23011,
  malformedJson: 23012,
  bodyTooLarge: 23013,
  rateLimited: 23014,
  unsupportedVersion: 23015,
  doesNotValidate: 23016,
  required: 23017,
  internal: 23018,
  forbidden: 23019,
  unsupportedContentType: 23020,
  malformedUrl: 23021,
} as const;

export const unauthorized = (specificCode: number, message: string): ApiError =>
  new ApiError(401, specificCode, message);

export const doesNotValidate = (name: string, messages: string[]): ApiError =>
  new ApiError(400, Codes.doesNotValidate, `'${name}' does not validate`, messages);

export const isRequired = (name: string): ApiError => new ApiError(400, Codes.required, `'${name}' is required`);

export const notImplemented = (namespace: string, action: string): ApiError =>
  new ApiError(501, Codes.notImplemented, `The action '${namespace}.${action}' is not implemented yet`);

export const forbidden = (message = 'Not Allowed'): ApiError => new ApiError(403, Codes.forbidden, message);

export const internalError = (requestId: string): ApiError =>
  new ApiError(500, Codes.internal, 'Internal Server Error', [`Request id: ${requestId}`]);
