/**
 * The one route of the API: `POST /api/{version}/{namespace}?action={action}` with a signed
 * JSON body, served by a plain node:http handler placed in front of Fastify (see app.ts and
 * docs/decisions.md: Fastify's per-request machinery alone cost 43% of the node:http ceiling,
 * more than the whole budget the benchmarks allow). Fastify still owns the server, its
 * lifecycle and every other route.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { ApiError } from '../protocol/errors.js';
import { SUPPORTED_VERSIONS } from '../protocol/signing.js';
import { Codes, internalError, isRequired } from '../protocol/specific-codes.js';
import { findCatalogueEntry } from '../registry/catalogue.js';
import { dispatch } from '../registry/dispatch.js';
import type { Runtime } from '../runtime.js';
import { authenticate } from './authenticate.js';
import type { Metrics } from './metrics.js';
import type { RateLimiter } from './rate-limit.js';

export const API_PREFIX = '/api/';

export interface RpcHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** After this, requests on kept-alive connections get 503 and the connection is closed. */
  markClosing(): void;
}

interface Target {
  version: string;
  namespace: string;
  action: string;
}

function parseTarget(url: string): Target | null {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const parts = path.slice(API_PREFIX.length).split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const action = q === -1 ? null : new URLSearchParams(url.slice(q + 1)).get('action');
  return { version: decodeURIComponent(parts[0]), namespace: decodeURIComponent(parts[1]), action: action ?? '' };
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string, extra?: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-request-id': requestId,
    ...extra,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: ApiError, requestId: string, extra?: Record<string, string>): void {
  send(res, error.errorCode, error.toEnvelope(), requestId, extra);
}

export function createRpcHandler(runtime: Runtime, limiter: RateLimiter, metrics: Metrics): RpcHandler {
  const log: Logger = runtime.log;
  const limit = runtime.config.bodyLimit;
  let closing = false;

  async function handle(req: IncomingMessage, res: ServerResponse, target: Target, body: Buffer, requestId: string) {
    if (!SUPPORTED_VERSIONS.includes(target.version)) {
      return sendError(res, new ApiError(404, Codes.unsupportedVersion, `Unsupported API version '${target.version}'`), requestId);
    }
    const identity = await authenticate(
      { method: 'POST', url: req.url ?? '', headers: req.headers, body, apiVersion: target.version },
      (key) => runtime.keys.find(key),
    );
    const wait = limiter.take(identity.key);
    if (wait > 0) {
      return sendError(res, new ApiError(429, Codes.rateLimited, 'Too Many Requests'), requestId, { 'retry-after': String(wait) });
    }
    if (!target.action) return sendError(res, isRequired('action'), requestId);
    let params: unknown = {};
    if (body.length > 0) {
      try {
        params = JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, new ApiError(400, Codes.malformedJson, 'The request body is not valid JSON'), requestId);
      }
    }
    const result = await dispatch(runtime, {
      namespace: target.namespace,
      action: target.action,
      params,
      caller: { accountId: identity.accountId, userId: identity.userId, apiKey: identity.key, via: 'http', requestId },
    });
    send(res, result.status, result.body, requestId);
  }

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && header.length > 0 && header.length <= 200 ? header : randomUUID();
    const target = parseTarget(req.url ?? '');
    // Only catalogued names become metric labels, so junk URLs cannot explode cardinality.
    const known = target !== null && findCatalogueEntry(target.namespace, target.action) !== undefined;
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observe(known ? target.namespace : 'unknown', known ? target.action : 'unknown', res.statusCode, seconds);
    });
    if (log.isLevelEnabled('debug')) log.debug({ reqId: requestId, req: { method: req.method, url: req.url } }, 'incoming request');

    if (closing) {
      req.resume();
      return sendError(res, new ApiError(503, Codes.internal, 'Service Unavailable: the server is shutting down'), requestId, { connection: 'close' });
    }
    if (req.method !== 'POST') {
      req.resume();
      return sendError(res, new ApiError(405, Codes.methodNotAllowed, 'Method Not Allowed: every API call is a POST'), requestId, { allow: 'POST' });
    }
    if (target === null) {
      req.resume();
      return sendError(res, new ApiError(404, Codes.unknownNamespace, `No API endpoint at ${(req.url ?? '').split('?')[0]}`), requestId);
    }
    const tooLarge = () =>
      sendError(
        res,
        new ApiError(413, Codes.bodyTooLarge, `The request body exceeds the limit of ${limit} bytes`),
        requestId,
        { connection: 'close' },
      );
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge();
      req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (chunk: Buffer) => {
      if (aborted) return;
      size += chunk.length;
      if (size > limit) {
        aborted = true;
        tooLarge();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      aborted = true;
    });
    req.on('end', () => {
      if (aborted) return;
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      handle(req, res, target, body, requestId).catch((error: unknown) => {
        if (error instanceof ApiError) return sendError(res, error, requestId);
        log.error({ err: error, reqId: requestId }, 'request failed');
        if (!res.headersSent) sendError(res, internalError(requestId), requestId);
      });
    });
  }) as RpcHandler;
  handler.markClosing = () => {
    closing = true;
  };
  return handler;
}
