/**
 * The operator endpoint's one credential: `Authorization: Bearer <token>`, the token being
 * config `operatorToken` (MARQUEE_OPERATOR_TOKEN). Compared in constant time over SHA-256
 * digests, so neither the token's content nor its length shows in the timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../protocol/errors.js';
import { Codes } from '../../protocol/specific-codes.js';
import { sendError } from '../reply.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** The error for a request's Authorization header, or null when it carries the token. */
export function operatorAuthError(header: string | undefined, token: string): ApiError | null {
  const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
  if (!match) {
    return new ApiError(401, Codes.authorizationMissing, "The operator endpoint needs 'Authorization: Bearer <operator token>'");
  }
  if (!timingSafeEqual(digest(match[1]!), digest(token))) return new ApiError(403, Codes.forbidden, 'The operator token is not valid');
  return null;
}

/** An onRequest hook refusing every request without the token. */
export function requireOperatorToken(token: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const error = operatorAuthError(request.headers.authorization, token);
    if (error) {
      reply.header('www-authenticate', 'Bearer realm="marquee-operator"');
      await sendError(reply, error);
    }
  };
}
