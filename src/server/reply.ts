import type { FastifyReply } from 'fastify';
import type { ApiError } from '../protocol/errors.js';

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.errorCode).type('application/json').send(error.toEnvelope());
}
