/**
 * The one route of the API: `POST /api/{version}/{namespace}?action={action}` with a signed
 * JSON body, served by a plain node:http handler placed in front of Fastify (see app.ts and
 * docs/decisions.md: Fastify's per-request machinery alone cost 43% of the node:http ceiling,
 * more than the whole budget the benchmarks allow). Fastify still owns the server, its
 * lifecycle and every other route.
 *
 * Everything here runs once per request, so it avoids per-request work that can be done
 * once: targets are parsed once per distinct URL, a cached key is verified without waiting,
 * the metrics are recorded as the response is queued, and responses are written in bursts
 * (response-batch.ts; docs/performance.md).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { ApiError } from '../protocol/errors.js';
import { serializeBody } from '../protocol/json-text.js';
import { SUPPORTED_VERSIONS } from '../protocol/signing.js';
import { bodyBytesProblem, unsafeTextPath } from '../protocol/json-guard.js';
import { Codes, doesNotValidate, internalError, isRequired } from '../protocol/specific-codes.js';
import { findCatalogueEntry } from '../protocol/catalogue.js';
import { dispatch } from '../registry/dispatch.js';
import type { UploadedFile } from '../registry/context.js';
import type { Runtime } from '../runtime.js';
import type { AuthThrottle } from './auth-throttle.js';
import { faultsOf } from './faults/index.js';
import { createFaultInjector, type FaultedCall } from './faults/inject.js';
import { preflight, verify, type Authenticated, type SignedForm } from './authenticate.js';
import type { Metrics } from './metrics.js';
import type { RateLimiter } from './rate-limit.js';
import { createResponseBatch } from './response-batch.js';

export const API_PREFIX = '/api/';

const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

/** The path of a URL for an error message: bounded, as sent (it is percent-encoded ASCII). */
function printablePath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

export interface RpcHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** After this, requests on kept-alive connections get 503 and the connection is closed. */
  markClosing(): void;
  /**
   * Serves a call whose body is a multipart form (server/multipart.ts) rather than JSON: `read`
   * consumes the request and may throw an ApiError; the rest (authentication, limits,
   * dispatch, the answer) is the same as for every call.
   */
  serveForm(req: IncomingMessage, res: ServerResponse, read: () => Promise<FormBody>): void;
}

/** A multipart call's body: what its signature covers, its text fields and its file. */
export interface FormBody {
  signed: SignedForm;
  params: Record<string, string>;
  upload: UploadedFile;
}

const EMPTY = Buffer.alloc(0);

interface Target {
  version: string;
  namespace: string;
  action: string;
  /** Metric labels: only catalogued names, so junk URLs cannot explode cardinality. */
  labelNamespace: string;
  labelAction: string;
  supported: boolean;
  /** Records an answer under the labels (metrics.ts). */
  observe: (status: number, seconds: number) => void;
}

/** One request in flight: what the response writer needs to label and time it. */
interface Exchange {
  readonly res: ServerResponse;
  readonly requestId: string;
  /** performance.now() when the request arrived. */
  readonly started: number;
  readonly target: Target | null;
  /** Set once an answer is queued: a request gets one answer, whatever fails after it. */
  answered: boolean;
}

/** A path that is not percent-encoded correctly: answered 400, whatever else it says. */
const MALFORMED = 'malformed';

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function parseTarget(url: string, metrics: Metrics): Target | null | typeof MALFORMED {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const parts = path.slice(API_PREFIX.length).split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  // URLSearchParams never throws: a malformed escape in the query stays as written.
  const action = (q === -1 ? null : new URLSearchParams(url.slice(q + 1)).get('action')) ?? '';
  const namespace = decode(parts[1]);
  const version = decode(parts[0]);
  if (namespace === null || version === null) return MALFORMED;
  const known = findCatalogueEntry(namespace, action) !== undefined;
  const labelNamespace = known ? namespace : 'unknown';
  const labelAction = known ? action : 'unknown';
  return {
    version,
    namespace,
    action,
    labelNamespace,
    labelAction,
    supported: SUPPORTED_VERSIONS.includes(version),
    observe: metrics.observer(labelNamespace, labelAction),
  };
}

/** Clients call a handful of URLs over and over; parse each once (bounded, so junk cannot grow it). */
function targetCache(metrics: Metrics, limit = 1000): (url: string) => Target | null | typeof MALFORMED {
  const seen = new Map<string, Target | null | typeof MALFORMED>();
  return (url) => {
    let target = seen.get(url);
    if (target === undefined) {
      target = parseTarget(url, metrics);
      if (seen.size >= limit) seen.clear();
      seen.set(url, target);
    }
    return target;
  };
}

const UNSAFE_TEXT_MESSAGE = 'Text must not contain the NUL character (U+0000) or unpaired UTF-16 surrogates';

const tooManyFailures = () =>
  new ApiError(429, Codes.rateLimited, 'Too many failed authentication attempts from this address or for this key; retry later');

export function createRpcHandler(runtime: Runtime, limiter: RateLimiter, metrics: Metrics, throttle: AuthThrottle): RpcHandler {
  const log: Logger = runtime.log;
  const limit = runtime.config.bodyLimit;
  const targetOf = targetCache(metrics);
  let closing = false;
  const responses = createResponseBatch((error) => log.error({ err: error }, 'writing a response failed'));
  const faults = faultsOf(runtime);
  const injector = createFaultInjector(log, metrics);

  function send(x: Exchange, status: number, body: unknown, extra?: Record<string, string>): void {
    if (x.answered) return;
    x.answered = true;
    const text = serializeBody(body);
    const headers: Record<string, string | number> = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': typeof text === 'string' ? Buffer.byteLength(text) : text.length,
      'x-request-id': x.requestId,
    };
    if (extra) Object.assign(headers, extra);
    // A closing answer goes out before the caller tears the connection down.
    responses.send(x.res, status, headers, text, extra?.connection === 'close');
    const seconds = (performance.now() - x.started) / 1e3;
    if (x.target) x.target.observe(status, seconds);
    else metrics.observe('unknown', 'unknown', status, seconds);
  }

  function sendError(x: Exchange, error: ApiError, extra?: Record<string, string>): void {
    send(x, error.errorCode, error.toEnvelope(), extra);
  }

  async function handle(req: IncomingMessage, x: Exchange, target: Target, input: Buffer | (() => Promise<FormBody>)) {
    if (!target.supported) {
      if (typeof input === 'function') req.resume();
      return sendError(x, new ApiError(404, Codes.unsupportedVersion, `Unsupported API version '${target.version}'`));
    }
    const form = typeof input === 'function' ? await input() : null;
    const body = form ? EMPTY : (input as Buffer);
    const checked = preflight(req.headers);
    const address = req.socket.remoteAddress ?? '';
    const blocked = Math.max(throttle.wait(address), throttle.wait(checked.key));
    if (blocked > 0) return sendError(x, tooManyFailures(), { 'retry-after': String(blocked) });
    const record = runtime.keys.cached(checked.key) ?? (await runtime.keys.find(checked.key));
    let identity: Authenticated;
    try {
      identity = verify(
        { method: 'POST', url: req.url ?? '', headers: req.headers, body, apiVersion: target.version, ...(form ? { form: form.signed } : {}) },
        checked,
        record,
      );
    } catch (error) {
      if (error instanceof ApiError && error.errorCode === 401) {
        throttle.failed(address);
        // Unknown keys count against the address only, so random keys cannot grow the table.
        if (record) throttle.failed(checked.key);
      }
      throw error;
    }
    const wait = limiter.take(identity.key);
    if (wait > 0) return sendError(x, new ApiError(429, Codes.rateLimited, 'Too Many Requests'), { 'retry-after': String(wait) });
    // Fault rules (server/faults/) act here: per key, and before dispatch, so a faulted call writes nothing.
    const fault = faults.select(identity.key, identity.accountId, target.namespace, target.action);
    if (fault !== null && (await injector.apply(await fault, faultedCall(req, x, target)))) return;
    if (!target.action) return sendError(x, isRequired('action'));
    let params: unknown = form ? form.params : {};
    if (body.length > 0) {
      const problem = bodyBytesProblem(body);
      if (problem !== null) return sendError(x, new ApiError(400, Codes.malformedJson, problem));
      try {
        params = JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(x, new ApiError(400, Codes.malformedJson, 'The request body is not valid JSON'));
      }
      const unsafe = unsafeTextPath(body, params);
      if (unsafe !== null) return sendError(x, doesNotValidate(unsafe, [UNSAFE_TEXT_MESSAGE]));
    }
    const result = await dispatch(runtime, {
      namespace: target.namespace,
      action: target.action,
      params,
      caller: {
        accountId: identity.accountId,
        userId: identity.userId,
        apiKey: identity.key,
        via: 'http',
        requestId: x.requestId,
        keyKind: identity.keyKind,
        ...(form ? { upload: form.upload } : {}),
      },
    });
    send(x, result.status, result.body);
  }

  function faultedCall(req: IncomingMessage, x: Exchange, target: Target): FaultedCall {
    return {
      req,
      requestId: x.requestId,
      namespace: target.labelNamespace,
      action: target.labelAction,
      answer: (error, headers) => sendError(x, error, headers),
      abandon: () => {
        x.answered = true;
      },
    };
  }

  /** The checks every call passes before its body is read; null when already answered. */
  function begin(req: IncomingMessage, res: ServerResponse): { x: Exchange; target: Target } | null {
    const header = req.headers['x-request-id'];
    // Echoed in a response header: only printable ASCII may go back.
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    const parsed = targetOf(req.url ?? '');
    const target = parsed === MALFORMED ? null : parsed;
    const x: Exchange = { res, requestId, started: performance.now(), target, answered: false };
    if (log.isLevelEnabled('debug')) log.debug({ reqId: requestId, req: { method: req.method, url: req.url } }, 'incoming request');

    if (closing) {
      req.resume();
      sendError(x, new ApiError(503, Codes.internal, 'Service Unavailable: the server is shutting down'), { connection: 'close' });
      return null;
    }
    if (parsed === MALFORMED) {
      req.resume();
      sendError(x, new ApiError(400, Codes.malformedUrl, 'The request URL is not correctly percent-encoded'));
      return null;
    }
    if (req.method !== 'POST') {
      req.resume();
      sendError(x, new ApiError(405, Codes.methodNotAllowed, 'Method Not Allowed: every API call is a POST'), { allow: 'POST' });
      return null;
    }
    if (target === null) {
      req.resume();
      sendError(x, new ApiError(404, Codes.unknownNamespace, `No API endpoint at ${printablePath(req.url ?? '')}`));
      return null;
    }
    return { x, target };
  }

  function fail(x: Exchange, error: unknown): void {
    if (error instanceof ApiError) return sendError(x, error, error.errorCode === 413 ? { connection: 'close' } : undefined);
    log.error({ err: error, reqId: x.requestId }, 'request failed');
    sendError(x, internalError(x.requestId));
  }

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    const started = begin(req, res);
    if (started === null) return;
    const { x, target } = started;
    const tooLarge = () =>
      sendError(x, new ApiError(413, Codes.bodyTooLarge, `The request body exceeds the limit of ${limit} bytes`), { connection: 'close' });
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
      handle(req, x, target, body).catch((error: unknown) => fail(x, error));
    });
  }) as RpcHandler;
  handler.markClosing = () => {
    closing = true;
    injector.release();
  };
  handler.serveForm = (req, res, read) => {
    const started = begin(req, res);
    if (started === null) return;
    handle(req, started.x, started.target, read).catch((error: unknown) => fail(started.x, error));
  };
  return handler;
}
