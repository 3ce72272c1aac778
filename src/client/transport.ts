/**
 * Sends one signed call, with the signing code the server verifies with. Retries requests
 * the server refused before doing any work (429, 502–504, connection refused), honouring
 * Retry-After and backing off exponentially; every attempt is signed afresh.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { signRequest } from '../protocol/signing.js';

export interface TransportOptions {
  /** Base URL, e.g. http://127.0.0.1:8787 or https://api.ap-southeast-2.ivvy.com */
  url: string;
  key: string;
  secret: string;
  apiVersion?: string;
  /** Sign with the standard Date header instead of IVVY-Date. */
  useDateHeader?: boolean;
  /** Attempts after the first for retryable failures (default 3). */
  retries?: number;
  /** First backoff delay in ms (default 250), doubled per attempt, capped at 30 s. */
  backoffMs?: number;
  /** Per-request timeout in ms (default 60 s). */
  timeoutMs?: number;
  /** Clock used to date requests (tests use it to send stale requests). */
  now?: () => Date;
  /** The fetch to send with (default: the global one), e.g. one with a proxy or a custom agent. */
  fetch?: (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<Response>;
}

export interface RawResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const RETRYABLE_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function retryDelay(attempt: number, base: number, retryAfter: string | null): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const exp = Math.min(30_000, base * 2 ** attempt);
  return exp / 2 + Math.random() * (exp / 2);
}

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code;
}

/**
 * The server's base URL, whether it was given as `https://host` or as the API's own address
 * `https://host/api/1.0/` (what iVvy's docs call the platform address).
 */
export function apiRoot(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/api\/\d+(\.\d+)*$/, '');
}

export async function sendSigned(
  options: TransportOptions,
  namespace: string,
  action: string,
  params: unknown,
): Promise<RawResponse> {
  const body = params === undefined ? '' : JSON.stringify(params);
  const retries = options.retries ?? 3;
  const base = options.backoffMs ?? 250;
  const root = apiRoot(options.url);
  for (let attempt = 0; ; attempt++) {
    const signed = signRequest({
      key: options.key,
      secret: options.secret,
      namespace,
      action,
      body,
      ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
      ...(options.useDateHeader ? { useDateHeader: true } : {}),
      ...(options.now ? { now: options.now() } : {}),
    });
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(root + signed.requestUri, {
        method: 'POST',
        headers: signed.headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      const code = errorCode(error);
      if (attempt < retries && code !== undefined && RETRYABLE_ERRORS.has(code)) {
        await sleep(retryDelay(attempt, base, null));
        continue;
      }
      throw error;
    }
    if (attempt < retries && RETRYABLE_STATUS.has(response.status)) {
      await response.arrayBuffer();
      await sleep(retryDelay(attempt, base, response.headers.get('retry-after')));
      continue;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's HTML error page, say): hand the text back as it is.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }
}
