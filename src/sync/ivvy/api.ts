/**
 * The iVvy side goes through the SDK only (src/client/), so the engine works the same
 * against the real iVvy and against a Marquee server. This wrapper adds the sync's retry
 * policy: 429 and 5xx answers are retried with backoff, honouring Retry-After; creates are
 * retried only when the server refused them before doing any work.
 */
import { createClient, IvvyApiError, type MarqueeClient } from '../../client/index.js';
import type { ActionTypes } from '../../protocol/action-types.js';
import { isErrorEnvelope } from '../../protocol/errors.js';
import { parseRetryAfter, SideHttpError, withRetry, type RetryKind, type RetryPolicy } from '../retry.js';
import { networkFailure, SystemError, unreachable } from '../system-error.js';

/** What an iVvy action answers, as the SDK types it (protocol/action-types.ts). */
export type IvvyResult<N extends keyof ActionTypes, A extends keyof ActionTypes[N]> = ActionTypes[N][A] extends { result: infer R } ? R : never;

/** One item of a collection action's answer. */
export type IvvyItem<N extends keyof ActionTypes, A extends keyof ActionTypes[N]> =
  IvvyResult<N, A> extends { results: Array<infer I> } ? I : never;

export interface IvvyApi {
  readonly client: MarqueeClient;
  /** A call that may be repeated safely (reads, updates by id). */
  call<T>(namespace: string, action: string, params: unknown, kind?: RetryKind): Promise<T>;
  /** Number of HTTP requests sent so far (for run statistics and tests). */
  readonly requests: () => number;
  /** Requests sent so far per `namespace.action`. */
  readonly requestsByAction: () => Record<string, number>;
}

export interface IvvyApiOptions {
  url: string;
  key: string;
  secret: string;
  policy: RetryPolicy;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export function createIvvyApi(options: IvvyApiOptions): IvvyApi {
  // The SDK's own retries are off: the policy below decides, per kind of call.
  const client = createClient({ url: options.url, key: options.key, secret: options.secret, retries: 0 });
  let requests = 0;
  const byAction: Record<string, number> = {};
  const once = async <T>(namespace: string, action: string, params: unknown): Promise<T> => {
    requests++;
    byAction[`${namespace}.${action}`] = (byAction[`${namespace}.${action}`] ?? 0) + 1;
    const response = await client.raw(namespace, action, params);
    if (response.status === 200 && !isErrorEnvelope(response.body)) return response.body as T;
    const context = `${namespace}.${action}`;
    if (response.status === 429 || response.status >= 500) {
      const detail = isErrorEnvelope(response.body) ? response.body.message : `HTTP ${response.status}`;
      throw new SideHttpError(`iVvy ${context}: ${detail}`, response.status, parseRetryAfter(response.headers.get('retry-after')));
    }
    if (isErrorEnvelope(response.body)) throw new IvvyApiError(response.status, response.body, `iVvy ${context}`);
    throw new Error(`iVvy ${context}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
  };
  /** Failures no record can be blamed for, named for the user (system-error.ts). */
  const stopping = (error: unknown): unknown => {
    const why = networkFailure(error);
    if (why !== null) return unreachable('ivvy-unreachable', 'iVvy', options.url, why, 'check ivvy.url and that the server is up');
    // 401 is an authentication failure whatever the call (a wrong key, a wrong secret, a
    // clock too far off, a revoked key): no record can succeed after it.
    if (error instanceof IvvyApiError && error.status === 401) {
      return new SystemError(
        'ivvy-credentials',
        'iVvy',
        options.url,
        `iVvy at ${options.url} refused the API key and secret (${error.message.replace(/^iVvy [^:]*: /, '')}): check ivvy.key and ivvy.secret, and that this machine's clock is right`,
      );
    }
    return error;
  };

  return {
    client,
    requests: () => requests,
    requestsByAction: () => ({ ...byAction }),
    call: <T>(namespace: string, action: string, params: unknown, kind: RetryKind = 'idempotent') =>
      withRetry(() => once<T>(namespace, action, params), kind, options.policy, options.onRetry ? { onRetry: options.onRetry } : {}).catch(
        (error: unknown) => {
          throw stopping(error);
        },
      ),
  };
}
