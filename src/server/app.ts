/**
 * Builds the Fastify application: the RPC route, operational endpoints, raw-body handling
 * (signatures cover the exact bytes) and the mapping of every failure to the error envelope.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { ApiError } from '../protocol/errors.js';
import { Codes, internalError } from '../protocol/specific-codes.js';
import type { Runtime } from '../runtime.js';
import type { RoutePlugin } from './route-plugin.js';
import { createMetrics } from './metrics.js';
import { cacheSizes } from '../storage/cache-sizes.js';
import { createAuthThrottle } from './auth-throttle.js';
import { createRateLimiter } from './rate-limit.js';
import { sendError } from './reply.js';
import { isMultipartUpload, registerMultipartUploads } from './multipart.js';
import { API_PREFIX, createRpcHandler } from './rpc-handler.js';
import { registerOperator } from './operator/index.js';

function answerInternalError(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(internalError(randomUUID()).toEnvelope());
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
}

export async function buildApp(runtime: Runtime, plugins: readonly RoutePlugin[] = []): Promise<FastifyInstance> {
  const metrics = createMetrics(() => cacheSizes(runtime.storage.db));
  const limiter = createRateLimiter(runtime.config.rateLimitPerSecond, runtime.config.rateLimitBurst);
  const throttle = createAuthThrottle(runtime.config.authFailuresPerSecond, runtime.config.authFailureBurst);
  const rpc = createRpcHandler(runtime, limiter, metrics, throttle);
  // Typed as the plain instance: the pino logger we pass is a FastifyBaseLogger at runtime.
  const app: FastifyInstance = Fastify({
    loggerInstance: runtime.log,
    bodyLimit: runtime.config.bodyLimit,
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
    // Per-request log lines only at debug level: at API rates they would dominate the logs.
    logController: new LogController({
      disableRequestLogging: runtime.config.logLevel !== 'debug' && runtime.config.logLevel !== 'trace',
    }),
    return503OnClosing: true,
    // A URL Fastify cannot decode gets the same envelope as one the RPC handler cannot.
    frameworkErrors: (error, _request, reply) => {
      if (error.code === 'FST_ERR_BAD_URL') {
        return sendError(reply, new ApiError(400, Codes.malformedUrl, 'The request URL is not correctly percent-encoded'));
      }
      return sendError(reply, new ApiError(400, Codes.malformedJson, 'Bad Request', [error.message]));
    },
    // API calls go straight to the RPC handler (multipart uploads through Fastify: multipart.ts); everything else is Fastify's.
    serverFactory: (fastifyHandler) => {
      const { headersTimeoutMs, requestTimeoutMs, maxConnections } = runtime.config;
      const server = createServer({ headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs }, (req, res) => {
        // The last resort: whatever a request makes throw synchronously is answered 500 and
        // logged, never left to end the process (the handlers catch their own async failures).
        try {
          if (req.url?.startsWith(API_PREFIX) && !isMultipartUpload(req)) rpc(req, res);
          else fastifyHandler(req, res);
        } catch (error) {
          runtime.log.error({ err: error, url: req.url }, 'request handler threw');
          answerInternalError(res);
        }
      });
      // Keep idle connections open longer than clients do (undici: 4 s), so the client closes
      // first: a server-side close racing a client's next request surfaces as ECONNRESET.
      server.keepAliveTimeout = 72_000;
      server.maxConnections = maxConnections;
      return server;
    },
  }) as unknown as FastifyInstance;
  app.addHook('preClose', async () => rpc.markClosing());

  // Signatures cover the exact body bytes, so no parser may touch them before verification.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return sendError(reply, error);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(
        reply,
        new ApiError(413, Codes.bodyTooLarge, `The request body exceeds the limit of ${runtime.config.bodyLimit} bytes`),
      );
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, new ApiError(400, Codes.malformedJson, 'Bad Request', [error.message]));
    }
    request.log.error({ err: error, requestId: request.id }, 'request failed');
    return sendError(reply, internalError(request.id));
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new ApiError(404, Codes.unknownNamespace, `No API endpoint at ${request.method} ${request.url.split('?')[0]}`)),
  );


  await registerMultipartUploads(app, rpc, runtime.config.uploadMaxBytes);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await runtime.storage.ping();
      return { status: 'ready' };
    } catch (error) {
      runtime.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  await registerOperator(app, runtime);
  for (const plugin of plugins) await plugin(app, runtime);
  return app;
}
