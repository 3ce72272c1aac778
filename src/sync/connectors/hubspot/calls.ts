/**
 * Every HubSpot call goes through `hubspotCall`: paced by the account's rolling 10-second
 * allowance (and, for search, by the search endpoints' own per-second limit), and retried on
 * 429 and 5xx by the sync's retry policy, waiting what the response asked for. The SDK's own
 * retry decorator is not used: it ignores Retry-After and cannot tell a create from a read.
 */
import { parseRetryAfter, SideHttpError, withRetry, type RetryKind, type RetryPolicy } from '../../retry.js';
import type { RateLimiter } from '../../rate-limiter.js';
import { networkFailure, SystemError, unreachable } from '../../system-error.js';

interface HubSpotApiException {
  code: number;
  body: unknown;
  headers: Record<string, string>;
}

function isApiException(error: unknown): error is HubSpotApiException {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'number' &&
    'headers' in error &&
    'body' in error
  );
}

function bodyOf(raw: unknown): { message?: string; policyName?: string; category?: string } {
  if (typeof raw === 'string') {
    try {
      return JSON.parse(raw) as { message?: string };
    } catch {
      return { message: raw };
    }
  }
  return (raw ?? {}) as { message?: string };
}

/** One property HubSpot refused, from a 400 VALIDATION_ERROR answer. */
export interface PropertyError {
  /** The property's name. */
  name: string;
  /** HubSpot's code: INVALID_EMAIL, INVALID_PHONE_NUMBER, INVALID_OPTION … */
  error: string;
  message: string;
}

/**
 * The properties a VALIDATION_ERROR names. HubSpot lists them as JSON inside the message:
 * `Property values were not valid: [{"isValid":false,"message":"Email address x is invalid",
 * "error":"INVALID_EMAIL","name":"email"}]`.
 */
export function propertyErrorsOf(message: string | undefined): PropertyError[] {
  const at = message?.indexOf('[') ?? -1;
  if (!message || at < 0 || !message.slice(0, at).includes('Property values were not valid')) return [];
  try {
    const list = JSON.parse(message.slice(at)) as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .filter((e): e is { name: string; error?: unknown; message?: unknown } => typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string')
      .map((e) => ({ name: e.name, error: String(e.error ?? 'INVALID'), message: String(e.message ?? '') }));
  } catch {
    return [];
  }
}

/** A non-retryable HubSpot answer (validation error, conflict, not found …). */
export class HubSpotError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly category: string | undefined,
    /** The properties a VALIDATION_ERROR refused (empty otherwise). */
    readonly propertyErrors: readonly PropertyError[] = [],
  ) {
    super(message);
    this.name = 'HubSpotError';
  }
}

export interface HubSpotPacing {
  general: RateLimiter;
  search: RateLimiter;
  policy: RetryPolicy;
  requests: { count: number };
  /** Where the API is, for the messages of failures that stop a run. */
  url?: string;
}

const DEFAULT_URL = 'https://api.hubapi.com';

/** Failures no record can be blamed for, named for the user (system-error.ts). */
function stopping(pacing: HubSpotPacing, error: unknown): unknown {
  const url = pacing.url ?? DEFAULT_URL;
  const why = networkFailure(error);
  if (why !== null) return unreachable('crm-unreachable', 'HubSpot', url, why, 'check crm.hubspot.basePath (when set) and this machine\'s connection');
  if (error instanceof HubSpotError && (error.status === 401 || (error.status === 403 && error.category === 'MISSING_SCOPES'))) {
    return new SystemError(
      'crm-credentials',
      'HubSpot',
      url,
      `HubSpot at ${url} refused the access token (${error.message}): check crm.hubspot.accessToken (a private app token with the CRM scopes: contacts, companies, deals, and marketing events when those modules are on)`,
    );
  }
  if (error instanceof SideHttpError && error.status >= 500) {
    return new SystemError('crm-unavailable', 'HubSpot', url, `HubSpot at ${url} kept failing (${error.message}): try again later`);
  }
  return error;
}

export async function hubspotCall<T>(
  pacing: HubSpotPacing,
  what: string,
  fn: () => Promise<T>,
  options: { kind?: RetryKind; search?: boolean } = {},
): Promise<T> {
  return withRetry(
    async () => {
      if (options.search) await pacing.search.take();
      await pacing.general.take();
      pacing.requests.count++;
      try {
        return await fn();
      } catch (error) {
        if (!isApiException(error)) throw error;
        const body = bodyOf(error.body);
        const message = `HubSpot ${what}: ${error.code} ${body.message ?? ''}`.trim();
        if (error.code === 429 || error.code >= 500) {
          const header = Object.entries(error.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
          let afterMs = parseRetryAfter(header);
          if (error.code === 429) {
            // Without a Retry-After, wait out the limit that was hit: the search endpoints'
            // one second, or a slice of the rolling ten seconds.
            afterMs ??= body.policyName === 'TEN_SECONDLY_ROLLING' ? 2_000 : 1_000;
            (options.search && body.policyName !== 'TEN_SECONDLY_ROLLING' ? pacing.search : pacing.general).pause(afterMs);
          }
          throw new SideHttpError(message, error.code, afterMs);
        }
        throw new HubSpotError(message, error.code, body.category, body.category === 'VALIDATION_ERROR' ? propertyErrorsOf(body.message) : []);
      }
    },
    options.kind ?? 'idempotent',
    pacing.policy,
  ).catch((error: unknown) => {
    throw stopping(pacing, error);
  });
}

export interface RemoveOutcome {
  id: string;
  ok: boolean;
  error?: string;
}

/**
 * Deletes records one call at a time. A record HubSpot no longer has (404) counts as removed;
 * any other HubSpot refusal is that record's failure and the rest go on.
 */
export async function removeOneByOne(ids: readonly string[], remove: (id: string) => Promise<unknown>): Promise<RemoveOutcome[]> {
  const out: RemoveOutcome[] = [];
  for (const id of ids) {
    try {
      await remove(id);
      out.push({ id, ok: true });
    } catch (error) {
      if (error instanceof HubSpotError && error.status === 404) out.push({ id, ok: true });
      else if (error instanceof HubSpotError) out.push({ id, ok: false, error: error.message });
      else throw error;
    }
  }
  return out;
}
