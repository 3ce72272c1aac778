/**
 * Retries for calls to either side: 429 and 5xx answers are retried with exponential backoff
 * and full jitter, and a `Retry-After` the server sent is honoured (it replaces the computed
 * delay). Which failures are retryable is decided by the caller's classifier, because a
 * create that timed out must not be blindly repeated while an update may.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
};

/** An HTTP failure of either side, with what a retry decision needs. */
export class SideHttpError extends Error {
  readonly status: number;
  /** Milliseconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | null;
  /** True when the server refused the request before doing any work (429, 503). */
  readonly refused: boolean;

  constructor(message: string, status: number, retryAfterMs: number | null) {
    super(message);
    this.name = 'SideHttpError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.refused = status === 429 || status === 503;
  }
}

/** Parses a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

export type RetryKind = 'idempotent' | 'create';

/** Whether a failure may be retried for a call of the given kind, and after how long at least. */
export function retryDecision(error: unknown, kind: RetryKind): { retry: boolean; afterMs: number | null } {
  if (error instanceof SideHttpError) {
    const retryable = kind === 'idempotent' ? error.status === 429 || error.status >= 500 : error.refused;
    return { retry: retryable, afterMs: error.retryAfterMs };
  }
  const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
  // The connection was refused or reset before a response: nothing was processed for a
  // refused connection; a reset may have been, so only idempotent calls retry it.
  if (code === 'ECONNREFUSED') return { retry: true, afterMs: null };
  if (kind === 'idempotent' && (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'ETIMEDOUT')) {
    return { retry: true, afterMs: null };
  }
  if (kind === 'idempotent' && error instanceof Error && error.name === 'TimeoutError') return { retry: true, afterMs: null };
  return { retry: false, afterMs: null };
}

export interface RetryHooks {
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  sleep?: (ms: number) => Promise<void>;
}

export async function withRetry<T>(
  fn: () => Promise<T>,
  kind: RetryKind,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const sleep = hooks.sleep ?? ((ms: number) => sleepFor(ms));
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const decision = retryDecision(error, kind);
      if (!decision.retry || attempt >= policy.retries) throw error;
      if (decision.afterMs !== null && decision.afterMs > policy.maxRetryAfterMs) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const backoff = Math.round(Math.random() * ceiling);
      const delayMs = decision.afterMs !== null ? Math.max(decision.afterMs, backoff / 4) : backoff;
      hooks.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs);
    }
  }
}
