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

/**
 * One typed method per implemented action (protocol/action-types.ts, generated from the
 * registry); a list action's method also has `all(params?, perPage?)`, its auto-paging iterator.
 */
type NamespaceMethods = {
  [N in keyof ActionTypes]: {
    [A in keyof ActionTypes[N]]: ActionTypes[N][A] extends { params: infer P; result: infer R }
      ? A extends ListActionOf<N>
        ? ((params: P) => Promise<R>) & { all(...args: PaginateArgs<PageParamsOf<N, A>>): AsyncGenerator<ListItemOf<N, A>, void, undefined> }
        : (params: P) => Promise<R>
      : never;
  };
};

export interface Collection<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

/** The actions of a namespace whose result is a collection (`{meta, results}`): the ones `paginate` pages through. */
export type ListActionOf<N extends keyof ActionTypes> = {
  [A in keyof ActionTypes[N]]: ActionTypes[N][A] extends { result: { meta: unknown; results: Array<unknown> } } ? A : never;
}[keyof ActionTypes[N]] &
  string;

/** One item of a list action's `results`. */
export type ListItemOf<N extends keyof ActionTypes, A extends ListActionOf<N>> = ActionTypes[N][A] extends {
  result: { results: Array<infer I> };
}
  ? I
  : never;

/** A list action's parameters without the paging ones, which `paginate` sets. */
export type PageParamsOf<N extends keyof ActionTypes, A extends ListActionOf<N>> = ActionTypes[N][A] extends { params: infer P }
  ? Omit<P, 'start' | 'perPage'>
  : never;

/** Parameters may be left out only when the action requires none. */
type PaginateArgs<P> = object extends P ? [params?: P, perPage?: number] : [params: P, perPage?: number];

export interface BaseClient {
  readonly options: Readonly<ClientOptions>;
  /** Sends a call and returns status and body without interpreting them. */
  raw(namespace: string, action: string, params?: unknown): Promise<RawResponse>;
  /** Sends a call; resolves with the result or rejects with IvvyApiError. */
  call<T = unknown>(namespace: string, action: string, params?: unknown): Promise<T>;
  /**
   * Iterates a collection action page by page (start/perPage, 100 a page by default), yielding
   * each item: typed for the implemented list actions (`paginate('contact', 'getContactList')`
   * yields contacts), or as `T` for any other name.
   */
  paginate<N extends keyof ActionTypes, A extends ListActionOf<N>>(
    namespace: N,
    action: A,
    ...args: PaginateArgs<PageParamsOf<N, A>>
  ): AsyncGenerator<ListItemOf<N, A>, void, undefined>;
  paginate<T = unknown>(
    namespace: string,
    action: string,
    params?: Record<string, unknown>,
    perPage?: number,
  ): AsyncGenerator<T, void, undefined>;
}

export type MarqueeClient = BaseClient & NamespaceMethods & { batch: BatchHelpers };

export function createClient(options: ClientOptions): MarqueeClient {
  async function* paginate(namespace: string, action: string, params: object = {}, perPage = 100) {
    for (let start = 0; ; ) {
      const page = await base.call<Collection<unknown>>(namespace, action, { ...params, start, perPage });
      yield* page.results;
      start += page.results.length;
      if (page.results.length === 0 || start >= page.meta.totalResults) return;
    }
  }
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
    // One implementation behind both signatures: the typed one only narrows what it yields.
    paginate: paginate as BaseClient['paginate'],
  };
  const client: Record<string, unknown> = { ...base };
  for (const entry of CATALOGUE) {
    const ns = (client[entry.namespace] ??= {}) as Record<string, unknown>;
    const method = (params?: unknown) => base.call(entry.namespace, entry.action, params);
    // Only reads can be collections; the types show `all` on the list actions among them.
    if (entry.kind === 'read') {
      Object.assign(method, { all: (params?: object, perPage?: number) => paginate(entry.namespace, entry.action, params, perPage) });
    }
    ns[entry.action] = method;
  }
  Object.assign(client.batch as object, batchHelpers(base.call));
  return client as unknown as MarqueeClient;
}
