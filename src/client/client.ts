/**
 * The Marquee/iVvy SDK: `createClient({url, key, secret})`, then
 * `client.contact.getContact({id})` (typed from the registry) or `client.call(ns, action, params)`.
 * It works against the real iVvy API as well as a Marquee server.
 */
import { isErrorEnvelope } from '../protocol/errors.js';
import type { ActionTypes } from '../protocol/action-types.js';
import { CATALOGUE } from '../protocol/catalogue.js';
import { batchHelpers, type BatchHelpers } from './batch.js';
import { IvvyApiError } from './errors.js';
import { sendSigned, type RawResponse, type TransportOptions } from './transport.js';

export type ClientOptions = TransportOptions;

/** One typed method per implemented action (protocol/action-types.ts, generated from the registry). */
type NamespaceMethods = {
  [N in keyof ActionTypes]: {
    [A in keyof ActionTypes[N]]: ActionTypes[N][A] extends { params: infer P; result: infer R }
      ? (params: P) => Promise<R>
      : never;
  };
};

export interface Collection<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

export interface BaseClient {
  readonly options: Readonly<ClientOptions>;
  /** Sends a call and returns status and body without interpreting them. */
  raw(namespace: string, action: string, params?: unknown): Promise<RawResponse>;
  /** Sends a call; resolves with the result or rejects with IvvyApiError. */
  call<T = unknown>(namespace: string, action: string, params?: unknown): Promise<T>;
  /** Iterates a collection action page by page (start/perPage), yielding each item. */
  paginate<T = unknown>(
    namespace: string,
    action: string,
    params?: Record<string, unknown>,
    perPage?: number,
  ): AsyncGenerator<T, void, undefined>;
}

export type MarqueeClient = BaseClient & NamespaceMethods & { batch: BatchHelpers };

export function createClient(options: ClientOptions): MarqueeClient {
  const base: BaseClient = {
    options,
    raw: (namespace, action, params) => sendSigned(options, namespace, action, params ?? {}),
    async call<T>(namespace: string, action: string, params?: unknown): Promise<T> {
      const response = await sendSigned(options, namespace, action, params ?? {});
      if (response.status !== 200 || isErrorEnvelope(response.body)) {
        if (isErrorEnvelope(response.body)) throw new IvvyApiError(response.status, response.body, `${namespace}.${action}`);
        throw new Error(`${namespace}.${action}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
      }
      return response.body as T;
    },
    async *paginate<T>(namespace: string, action: string, params: Record<string, unknown> = {}, perPage = 100) {
      for (let start = 0; ; ) {
        const page = await base.call<Collection<T>>(namespace, action, { ...params, start, perPage });
        yield* page.results;
        start += page.results.length;
        if (page.results.length === 0 || start >= page.meta.totalResults) return;
      }
    },
  };
  const client: Record<string, unknown> = { ...base };
  for (const entry of CATALOGUE) {
    const ns = (client[entry.namespace] ??= {}) as Record<string, unknown>;
    ns[entry.action] = (params?: unknown) => base.call(entry.namespace, entry.action, params);
  }
  Object.assign(client.batch as object, batchHelpers(base.call));
  return client as unknown as MarqueeClient;
}
