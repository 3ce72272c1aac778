/**
 * A JSON-RPC client for a Tryton server (trytond 6): `common.db.login` opens a session, sent
 * after that as `Authorization: Session base64(login:user:session)`; model methods are
 * `model.<name>.<method>` with the context as the last parameter. Datetimes travel as
 * `{"__class__": "datetime", …}` objects in UTC. A lost session is reopened once; 429 and
 * 5xx are retried by the sync's retry policy.
 */
import { parseRetryAfter, SideHttpError, withRetry, type RetryKind, type RetryPolicy } from '../../retry.js';
import type { RateLimiter } from '../../rate-limiter.js';
import { excerpt, networkFailure, SystemError, unreachable } from '../../system-error.js';

export interface TrytonOptions {
  url: string;
  database: string;
  username: string;
  password: string;
  policy: RetryPolicy;
  limiter: RateLimiter;
  timeoutMs?: number;
}

export interface TrytonDateTime {
  __class__: 'datetime';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

/** A Tryton error answer (UserError, AccessError, …): the record's fault, not retryable. */
export class TrytonError extends Error {
  constructor(
    message: string,
    readonly kind: string,
    /** Tryton's own message (a UserError's text), without the call it answered. */
    readonly detail: string = message,
  ) {
    super(message);
    this.name = 'TrytonError';
  }
}

export function toTrytonDateTime(ms: number): TrytonDateTime {
  const d = new Date(ms);
  return {
    __class__: 'datetime',
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    microsecond: d.getUTCMilliseconds() * 1000,
  };
}

export function fromTrytonDateTime(value: unknown): number | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Partial<TrytonDateTime>;
  if (v.__class__ !== 'datetime' || v.year === undefined) return null;
  return Date.UTC(v.year, (v.month ?? 1) - 1, v.day ?? 1, v.hour ?? 0, v.minute ?? 0, v.second ?? 0, Math.floor((v.microsecond ?? 0) / 1000));
}

export interface TrytonRpc {
  call<T>(method: string, params: unknown[], kind?: RetryKind): Promise<T>;
  /** `model.<model>.<method>` with the (empty) context appended. */
  model<T>(model: string, method: string, params: unknown[], kind?: RetryKind): Promise<T>;
  requests(): number;
}

export function createTrytonRpc(options: TrytonOptions): TrytonRpc {
  const endpoint = `${options.url.replace(/\/+$/, '')}/${encodeURIComponent(options.database)}/`;
  let authorization: string | null = null;
  let requests = 0;
  let nextId = 1;

  const post = async (body: unknown, auth: string | null): Promise<{ status: number; json: unknown; headers: Headers }> => {
    await options.limiter.take();
    requests++;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, json, headers: response.headers };
  };

  const login = async (): Promise<string> => {
    const res = await post({ id: nextId++, method: 'common.db.login', params: [options.username, { password: options.password }] }, null);
    const result = (res.json as { result?: [number, string]; error?: unknown } | null)?.result;
    if (res.status !== 200 || !Array.isArray(result)) {
      if (res.status === 429 || res.status >= 500) throw new SideHttpError(`Tryton login: HTTP ${res.status}`, res.status, parseRetryAfter(res.headers.get('retry-after')));
      const error = (res.json as { error?: unknown } | null)?.error;
      const said = excerpt(Array.isArray(error) ? error[0] : (error ?? res.json));
      if (res.status === 200 && /doesn't exist|does not exist/i.test(said)) {
        throw new SystemError(
          'crm-database',
          'Tryton',
          options.url,
          `Tryton at ${options.url} has no database '${options.database}' (${said}): check crm.tryton.database, or create it (scripts/tryton/setup.sh makes 'tryton')`,
        );
      }
      if (res.status === 401 || res.status === 403 || res.status === 200) {
        throw new SystemError(
          'crm-login',
          'Tryton',
          options.url,
          `Tryton at ${options.url} refused the login of user '${options.username}' to database '${options.database}' (HTTP ${res.status}): check crm.tryton.username and crm.tryton.password`,
        );
      }
      throw new TrytonError(`Tryton login as ${options.username} to ${options.database} failed: HTTP ${res.status} ${said}`, 'LoginError');
    }
    const token = Buffer.from(`${options.username}:${result[0]}:${result[1]}`).toString('base64');
    return `Session ${token}`;
  };

  const once = async <T>(method: string, params: unknown[], relogged = false): Promise<T> => {
    authorization ??= await login();
    const res = await post({ id: nextId++, method, params }, authorization);
    if (res.status === 401 || res.status === 403) {
      authorization = null;
      if (!relogged) return once<T>(method, params, true);
    }
    if (res.status === 429 || res.status >= 500) {
      throw new SideHttpError(`Tryton ${method}: HTTP ${res.status}`, res.status, parseRetryAfter(res.headers.get('retry-after')));
    }
    const body = res.json as { result?: T; error?: unknown } | null;
    if (res.status !== 200 || body === null || typeof body !== 'object') {
      throw new Error(`Tryton ${method}: HTTP ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
    }
    if (body.error !== undefined && body.error !== null) {
      const error = body.error as [string, unknown] | string;
      const kind = Array.isArray(error) ? String(error[0]) : 'Error';
      const detail = Array.isArray(error) ? (Array.isArray(error[1]) ? String(error[1][0]) : String(error[1])) : String(error);
      throw new TrytonError(`Tryton ${method}: ${kind}: ${detail}`, kind, detail);
    }
    return body.result as T;
  };

  /** Failures no record can be blamed for, named for the user (system-error.ts). */
  const stopping = (error: unknown, method: string): unknown => {
    const why = networkFailure(error);
    if (why !== null) return unreachable('crm-unreachable', 'Tryton', options.url, why, 'check crm.tryton.url and that trytond is running (scripts/tryton/serve.sh)');
    if (error instanceof SideHttpError && error.status >= 500) {
      return new SystemError('crm-unavailable', 'Tryton', options.url, `Tryton at ${options.url} kept answering HTTP ${error.status} to ${method}: check the server's log and that it is up`);
    }
    return error;
  };

  const rpc: TrytonRpc = {
    call: <T>(method: string, params: unknown[], kind: RetryKind = 'idempotent') =>
      withRetry(() => once<T>(method, params), kind, options.policy).catch((error: unknown) => {
        throw stopping(error, method);
      }),
    model: <T>(model: string, method: string, params: unknown[], kind: RetryKind = 'idempotent') =>
      rpc.call<T>(`model.${model}.${method}`, [...params, {}], kind),
    requests: () => requests,
  };
  return rpc;
}
