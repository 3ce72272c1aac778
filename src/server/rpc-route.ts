/**
 * The one route of the API: `POST /api/{version}/{namespace}?action={action}` with a signed
 * JSON body. Every namespace and action goes through here to `dispatch`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findApiKey } from '../auth/keys.js';
import { findCatalogueEntry } from '../registry/catalogue.js';
import { dispatch } from '../registry/dispatch.js';
import { ApiError } from '../protocol/errors.js';
import { SUPPORTED_VERSIONS } from '../protocol/signing.js';
import { Codes, isRequired } from '../protocol/specific-codes.js';
import type { Runtime } from '../runtime.js';
import { authenticate } from './authenticate.js';
import type { Metrics } from './metrics.js';
import type { RateLimiter } from './rate-limit.js';
import { sendError } from './reply.js';

interface RouteParams {
  version: string;
  namespace: string;
}

export function registerRpcRoute(app: FastifyInstance, runtime: Runtime, limiter: RateLimiter, metrics: Metrics): void {
  const lookup = (key: string) => findApiKey(runtime.storage.db, runtime.secrets, key);

  app.all<{ Params: RouteParams; Querystring: Record<string, string | string[] | undefined> }>(
    '/api/:version/:namespace',
    async (request, reply) => {
      const started = process.hrtime.bigint();
      const { version, namespace } = request.params;
      const actionParam = request.query.action;
      const action = typeof actionParam === 'string' ? actionParam : '';
      // Only catalogued names become metric labels, so junk URLs cannot explode cardinality.
      const known = findCatalogueEntry(namespace, action) !== undefined;
      const labels = known ? [namespace, action] : ['unknown', 'unknown'];
      reply.raw.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.observe(labels[0] as string, labels[1] as string, reply.statusCode, seconds);
      });
      await handle(request, reply, version, namespace, action);
    },
  );

  async function handle(
    request: FastifyRequest,
    reply: FastifyReply,
    version: string,
    namespace: string,
    action: string,
  ): Promise<FastifyReply> {
    if (request.method !== 'POST') {
      reply.header('allow', 'POST');
      return sendError(reply, new ApiError(405, Codes.methodNotAllowed, 'Method Not Allowed: every API call is a POST'));
    }
    if (!SUPPORTED_VERSIONS.includes(version)) {
      return sendError(reply, new ApiError(404, Codes.unsupportedVersion, `Unsupported API version '${version}'`));
    }
    const body = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
    const identity = await authenticate(
      { method: request.method, url: request.raw.url ?? request.url, headers: request.headers, body, apiVersion: version },
      lookup,
    );
    const wait = limiter.take(identity.key);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return sendError(reply, new ApiError(429, Codes.rateLimited, 'Too Many Requests'));
    }
    if (!action) return sendError(reply, isRequired('action'));

    let params: unknown = {};
    if (body.length > 0) {
      try {
        params = JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(reply, new ApiError(400, Codes.malformedJson, 'The request body is not valid JSON'));
      }
    }
    const result = await dispatch(runtime, {
      namespace,
      action,
      params,
      caller: { accountId: identity.accountId, userId: identity.userId, apiKey: identity.key, via: 'http', requestId: request.id },
    });
    return reply.code(result.status).type('application/json').send(result.body);
  }
}
