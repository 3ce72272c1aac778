/**
 * A local HTTP test double of the HubSpot CRM v3 endpoints the sync connector uses, written
 * from HubSpot's public API documentation: objects (contacts, companies) basic, batch and
 * search endpoints, properties, GDPR delete; bearer-token auth; the error body
 * (`status`, `message`, `correlationId`, `category`); paging with `paging.next.after`; the
 * rate-limit headers (`X-HubSpot-RateLimit-*`) and 429 answers of the rolling ten-second
 * limit; the search endpoints' own per-second limit (without those headers) and their cap of
 * 10,000 results per query (a page past it is refused with 400).
 *
 * Tests drive it directly as well: `edit` changes a record as a CRM user would, `failNext`
 * makes the next requests answer an error (with a Retry-After when asked).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type ObjectType = 'contacts' | 'companies';

export interface StoredObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export interface DoubleOptions {
  token?: string;
  /** Requests allowed per rolling ten seconds (0: unlimited). */
  tenSecondLimit?: number;
  /** Search requests allowed per second (HubSpot documents a handful). */
  searchPerSecond?: number;
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
  at: number;
}

const MODIFIED: Record<ObjectType, string> = { contacts: 'lastmodifieddate', companies: 'hs_lastmodifieddate' };
const DEFAULT_PROPERTIES: Record<ObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'createdate', 'lastmodifieddate', 'hs_object_id'],
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};
const BUILT_IN: Record<ObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company', 'website', 'createdate', 'lastmodifieddate', 'hs_object_id'],
  companies: ['name', 'domain', 'phone', 'website', 'address', 'address2', 'city', 'state', 'zip', 'country', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};
export const SEARCH_CAP = 10_000;
const SEARCH_MAX_LIMIT = 200;
const BATCH_MAX = 100;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly category: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface HubSpotDouble {
  url: string;
  token: string;
  objects(type: ObjectType, includeArchived?: boolean): StoredObject[];
  insert(type: ObjectType, properties: Record<string, string>, at?: number): StoredObject;
  /** Changes a record as a user of the CRM would (its modified date moves). */
  edit(type: ObjectType, id: string, properties: Record<string, string | null>, at?: number): StoredObject;
  archive(type: ObjectType, id: string): void;
  failNext(count: number, status: number, options?: { retryAfterSeconds?: number; path?: RegExp }): void;
  log: RequestLog[];
  properties(type: ObjectType): string[];
  setLimits(limits: { tenSecondLimit?: number; searchPerSecond?: number }): void;
  close(): Promise<void>;
}

export async function startHubSpotDouble(options: DoubleOptions = {}): Promise<HubSpotDouble> {
  const token = options.token ?? 'pat-test-token';
  let tenSecondLimit = options.tenSecondLimit ?? 0;
  let searchPerSecond = options.searchPerSecond ?? 5;
  const store: Record<ObjectType, Map<string, StoredObject>> = { contacts: new Map(), companies: new Map() };
  const customProperties: Record<ObjectType, Set<string>> = { contacts: new Set(), companies: new Set() };
  let nextId = 1000;
  let clock = 0;
  const general: number[] = [];
  const searches: number[] = [];
  const failures: Array<{ status: number; retryAfterSeconds?: number; path?: RegExp }> = [];
  const log: RequestLog[] = [];

  // Modification times strictly increase, as HubSpot's millisecond timestamps do in practice.
  const tick = (at?: number) => {
    clock = Math.max(clock + 1, at ?? Date.now());
    return clock;
  };

  const known = (type: ObjectType, name: string) => BUILT_IN[type].includes(name) || customProperties[type].has(name);

  const view = (type: ObjectType, o: StoredObject, wanted: string[] | null) => {
    const names = wanted && wanted.length > 0 ? wanted : DEFAULT_PROPERTIES[type];
    const properties: Record<string, string | null> = {};
    for (const n of names) {
      if (n === 'hs_object_id') properties[n] = o.id;
      else if (n === 'createdate') properties[n] = new Date(o.createdAt).toISOString();
      else if (n === MODIFIED[type]) properties[n] = new Date(o.updatedAt).toISOString();
      else if (known(type, n)) properties[n] = o.properties[n] ?? null;
    }
    return {
      id: o.id,
      properties,
      createdAt: new Date(o.createdAt).toISOString(),
      updatedAt: new Date(o.updatedAt).toISOString(),
      archived: o.archived,
    };
  };

  const checkProperties = (type: ObjectType, properties: Record<string, unknown>) => {
    for (const name of Object.keys(properties)) {
      if (!known(type, name) || name === 'hs_object_id' || name === 'createdate' || name === MODIFIED[type]) {
        throw new HttpError(400, `Property values were not valid: [{"isValid":false,"message":"Property \\"${name}\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"${name}"}]`, 'VALIDATION_ERROR');
      }
    }
  };

  const emailTaken = (email: string | null | undefined, except: string | null) => {
    if (!email) return null;
    for (const o of store.contacts.values()) {
      if (!o.archived && o.id !== except && (o.properties.email ?? '').toLowerCase() === email.toLowerCase()) return o.id;
    }
    return null;
  };

  const create = (type: ObjectType, properties: Record<string, string>, at?: number): StoredObject => {
    checkProperties(type, properties);
    if (type === 'contacts') {
      const existing = emailTaken(properties.email, null);
      if (existing) throw new HttpError(409, `Contact already exists. Existing ID: ${existing}`, 'CONFLICT');
    }
    const now = tick(at);
    const o: StoredObject = { id: String(nextId++), properties: { ...properties }, createdAt: now, updatedAt: now, archived: false };
    if (type === 'contacts' && o.properties.email) o.properties.email = o.properties.email.toLowerCase();
    store[type].set(o.id, o);
    return o;
  };

  const update = (type: ObjectType, id: string, properties: Record<string, string | null>, at?: number): StoredObject => {
    const o = store[type].get(id);
    if (!o || o.archived) throw new HttpError(404, `Object not found.  objectId are usually numeric.`, 'OBJECT_NOT_FOUND');
    checkProperties(type, properties);
    if (type === 'contacts' && properties.email) {
      const existing = emailTaken(properties.email, id);
      if (existing) throw new HttpError(409, `Contact already exists. Existing ID: ${existing}`, 'CONFLICT');
    }
    for (const [k, v] of Object.entries(properties)) {
      const value = v === '' ? null : v;
      o.properties[k] = type === 'contacts' && k === 'email' && value ? value.toLowerCase() : value;
    }
    o.updatedAt = tick(at);
    return o;
  };

  const objectType = (name: string | undefined): ObjectType => {
    if (name === 'contacts' || name === 'companies' || name === '0-1' || name === '0-2') {
      return name === '0-1' ? 'contacts' : name === '0-2' ? 'companies' : name;
    }
    throw new HttpError(400, `Unable to infer object type from: ${name}`, 'VALIDATION_ERROR');
  };

  const matches = (type: ObjectType, o: StoredObject, filter: { propertyName: string; operator: string; value?: string; values?: string[] }) => {
    const name = filter.propertyName;
    const raw =
      name === MODIFIED[type] ? String(o.updatedAt) : name === 'createdate' ? String(o.createdAt) : name === 'hs_object_id' ? o.id : (o.properties[name] ?? null);
    const numeric = name === MODIFIED[type] || name === 'createdate' || name === 'hs_object_id';
    const cmp = (v: string) => (numeric ? Number(raw) - Number(v) : (raw ?? '').localeCompare(v));
    switch (filter.operator) {
      case 'EQ':
        return raw !== null && cmp(filter.value ?? '') === 0;
      case 'NEQ':
        return raw === null || cmp(filter.value ?? '') !== 0;
      case 'GT':
        return raw !== null && cmp(filter.value ?? '') > 0;
      case 'GTE':
        return raw !== null && cmp(filter.value ?? '') >= 0;
      case 'LT':
        return raw !== null && cmp(filter.value ?? '') < 0;
      case 'LTE':
        return raw !== null && cmp(filter.value ?? '') <= 0;
      case 'IN':
        return raw !== null && (filter.values ?? []).includes(raw);
      case 'HAS_PROPERTY':
        return raw !== null && raw !== '';
      case 'NOT_HAS_PROPERTY':
        return raw === null || raw === '';
      default:
        throw new HttpError(400, `Invalid operator ${filter.operator}`, 'VALIDATION_ERROR');
    }
  };

  const rateLimit = (res: ServerResponse, isSearch: boolean) => {
    const now = Date.now();
    if (isSearch) {
      while (searches.length > 0 && searches[0]! <= now - 1000) searches.shift();
      if (searchPerSecond > 0 && searches.length >= searchPerSecond) {
        throw new HttpError(429, 'You have reached your secondly limit.', 'RATE_LIMITS', { errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
      }
      searches.push(now);
    }
    while (general.length > 0 && general[0]! <= now - 10_000) general.shift();
    if (tenSecondLimit > 0 && general.length >= tenSecondLimit) {
      throw new HttpError(429, 'You have reached your ten_secondly_rolling limit.', 'RATE_LIMITS', {
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
      });
    }
    general.push(now);
    // The search endpoints do not include the rate limit headers.
    if (!isSearch && tenSecondLimit > 0) {
      res.setHeader('X-HubSpot-RateLimit-Interval-Milliseconds', '10000');
      res.setHeader('X-HubSpot-RateLimit-Max', String(tenSecondLimit));
      res.setHeader('X-HubSpot-RateLimit-Remaining', String(Math.max(0, tenSecondLimit - general.length)));
      res.setHeader('X-HubSpot-RateLimit-Daily', '250000');
      res.setHeader('X-HubSpot-RateLimit-Daily-Remaining', '249000');
    }
  };

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' }).end(JSON.stringify(body));
  };

  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (text === '') return {};
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'Invalid input JSON on line 1', 'VALIDATION_ERROR');
    }
  };

  const batchInputs = (body: Record<string, unknown>) => {
    const inputs = body.inputs;
    if (!Array.isArray(inputs)) throw new HttpError(400, 'Invalid input JSON: inputs is required', 'VALIDATION_ERROR');
    if (inputs.length > BATCH_MAX) throw new HttpError(400, `Too many inputs: maximum is ${BATCH_MAX}`, 'VALIDATION_ERROR');
    return inputs as Array<Record<string, unknown>>;
  };

  const batchAnswer = (results: unknown[], errors: unknown[], startedAt: string) => ({
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}),
    startedAt,
    completedAt: new Date().toISOString(),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://double');
    const path = url.pathname;
    if (req.headers.authorization !== `Bearer ${token}`) {
      throw new HttpError(401, 'Authentication credentials not found.', 'INVALID_AUTHENTICATION');
    }
    const failure = failures.findIndex((f) => !f.path || f.path.test(path));
    if (failure >= 0) {
      const f = failures.splice(failure, 1)[0]!;
      if (f.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(f.retryAfterSeconds));
      throw new HttpError(f.status, f.status === 429 ? 'You have reached your ten_secondly_rolling limit.' : 'Internal error', f.status === 429 ? 'RATE_LIMITS' : 'INTERNAL_ERROR', {
        ...(f.status === 429 ? { policyName: 'TEN_SECONDLY_ROLLING', errorType: 'RATE_LIMIT' } : {}),
      });
    }
    const parts = path.split('/').filter(Boolean);
    const isSearch = parts[0] === 'crm' && parts[3] !== undefined && parts[4] === 'search';
    rateLimit(res, isSearch);

    // Properties: /crm/v3/properties/{objectType}[/{name}]
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'properties') {
      const type = objectType(parts[3]);
      if (req.method === 'GET' && parts[4]) {
        if (!known(type, parts[4])) throw new HttpError(404, `Unable to find property ${parts[4]}`, 'OBJECT_NOT_FOUND');
        return send(res, 200, { name: parts[4], label: parts[4], type: 'string', fieldType: 'text', groupName: 'contactinformation', hidden: false, options: [] });
      }
      if (req.method === 'POST' && !parts[4]) {
        const body = await readJson(req);
        const name = String(body.name ?? '');
        if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new HttpError(400, 'Property name is invalid', 'VALIDATION_ERROR');
        if (known(type, name)) throw new HttpError(409, `A property named '${name}' already exists.`, 'OBJECT_ALREADY_EXISTS');
        customProperties[type].add(name);
        return send(res, 201, { ...body, hidden: false, options: [], createdAt: new Date().toISOString() });
      }
    }

    if (parts[0] !== 'crm' || parts[1] !== 'v3' || parts[2] !== 'objects') {
      throw new HttpError(404, `No route for ${req.method} ${path}`, 'OBJECT_NOT_FOUND');
    }
    const type = objectType(parts[3]);
    const objects = store[type];
    const startedAt = new Date().toISOString();

    if (req.method === 'POST' && parts[4] === 'search') {
      const body = await readJson(req);
      const limit = Math.min(Number(body.limit ?? 10), SEARCH_MAX_LIMIT);
      const after = Number(body.after ?? 0);
      if (after + limit > SEARCH_CAP) {
        throw new HttpError(400, `There was a problem with the request.`, 'VALIDATION_ERROR', {
          context: { after: [`Paging past ${SEARCH_CAP} results is not supported`] },
        });
      }
      const groups = (body.filterGroups ?? []) as Array<{ filters: Array<{ propertyName: string; operator: string; value?: string; values?: string[] }> }>;
      let found = [...objects.values()].filter((o) => !o.archived);
      if (groups.length > 0) found = found.filter((o) => groups.some((g) => g.filters.every((f) => matches(type, o, f))));
      const sorts = (body.sorts ?? []) as Array<{ propertyName: string; direction?: string } | string>;
      const sort = sorts[0];
      const sortName = typeof sort === 'string' ? sort.replace(/^-/, '') : sort?.propertyName;
      const descending = typeof sort === 'string' ? sort.startsWith('-') : sort?.direction === 'DESCENDING';
      const key = (o: StoredObject) =>
        sortName === MODIFIED[type] ? o.updatedAt : sortName === 'createdate' ? o.createdAt : sortName && sortName !== 'hs_object_id' ? (o.properties[sortName] ?? '') : Number(o.id);
      found.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return (descending ? -c : c) || Number(a.id) - Number(b.id);
      });
      const page = found.slice(after, after + limit);
      const wanted = Array.isArray(body.properties) ? (body.properties as string[]) : null;
      const more = after + limit < found.length;
      return send(res, 200, {
        total: found.length,
        results: page.map((o) => view(type, o, wanted)),
        ...(more ? { paging: { next: { after: String(after + limit) } } } : {}),
      });
    }

    if (req.method === 'POST' && parts[4] === 'batch') {
      const body = await readJson(req);
      const inputs = batchInputs(body);
      switch (parts[5]) {
        case 'create': {
          // HubSpot validates the whole batch before creating any record.
          for (const i of inputs) checkProperties(type, (i.properties ?? {}) as Record<string, string>);
          const created = inputs.map((i) => create(type, (i.properties ?? {}) as Record<string, string>));
          // Results are not promised in input order.
          const results = created.map((o) => view(type, o, Object.keys(o.properties).concat(DEFAULT_PROPERTIES[type]))).reverse();
          return send(res, 201, batchAnswer(results, [], startedAt));
        }
        case 'update': {
          for (const i of inputs) {
            checkProperties(type, (i.properties ?? {}) as Record<string, string>);
            const o = objects.get(String(i.id));
            if (!o || o.archived) throw new HttpError(400, `Object ${String(i.id)} not found`, 'VALIDATION_ERROR');
          }
          const updated = inputs.map((i) => update(type, String(i.id), (i.properties ?? {}) as Record<string, string>));
          return send(res, 200, batchAnswer(updated.map((o) => view(type, o, Object.keys(o.properties).concat(DEFAULT_PROPERTIES[type]))), [], startedAt));
        }
        case 'read': {
          const wanted = Array.isArray(body.properties) ? (body.properties as string[]) : null;
          const includeArchived = url.searchParams.get('archived') === 'true';
          const results: unknown[] = [];
          const missing: string[] = [];
          for (const i of inputs) {
            const o = objects.get(String(i.id));
            if (o && o.archived === includeArchived) results.push(view(type, o, wanted));
            else missing.push(String(i.id));
          }
          const errors =
            missing.length > 0
              ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects, they may be deleted or not exist.', context: { ids: missing } }]
              : [];
          return send(res, errors.length > 0 ? 207 : 200, batchAnswer(results, errors, startedAt));
        }
        case 'archive': {
          for (const i of inputs) {
            const o = objects.get(String(i.id));
            if (o) o.archived = true;
          }
          return send(res, 204);
        }
      }
    }

    if (req.method === 'POST' && parts[4] === 'gdpr-delete' && type === 'contacts') {
      const body = await readJson(req);
      const id = String(body.objectId ?? '');
      if (!objects.has(id)) throw new HttpError(404, 'Object not found.', 'OBJECT_NOT_FOUND');
      objects.delete(id);
      return send(res, 204);
    }

    if (parts.length === 4) {
      if (req.method === 'GET') {
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100);
        const after = url.searchParams.get('after');
        const archived = url.searchParams.get('archived') === 'true';
        const wanted = url.searchParams.getAll('properties').flatMap((p) => p.split(','));
        const all = [...objects.values()].filter((o) => o.archived === archived).sort((a, b) => Number(a.id) - Number(b.id));
        const start = after === null ? 0 : all.findIndex((o) => Number(o.id) > Number(after));
        const page = start < 0 ? [] : all.slice(start, start + limit);
        const last = page[page.length - 1];
        const more = start >= 0 && start + limit < all.length;
        return send(res, 200, {
          results: page.map((o) => view(type, o, wanted)),
          ...(more && last ? { paging: { next: { after: last.id, link: `${path}?after=${last.id}` } } } : {}),
        });
      }
      if (req.method === 'POST') {
        const body = await readJson(req);
        const o = create(type, (body.properties ?? {}) as Record<string, string>);
        return send(res, 201, view(type, o, Object.keys(o.properties).concat(DEFAULT_PROPERTIES[type])));
      }
    }
    if (parts.length === 5) {
      const id = parts[4]!;
      if (req.method === 'PATCH') {
        const body = await readJson(req);
        const o = update(type, id, (body.properties ?? {}) as Record<string, string>);
        return send(res, 200, view(type, o, Object.keys(o.properties).concat(DEFAULT_PROPERTIES[type])));
      }
      if (req.method === 'GET') {
        const o = objects.get(id);
        if (!o || o.archived) throw new HttpError(404, 'Object not found.  objectId are usually numeric.', 'OBJECT_NOT_FOUND');
        return send(res, 200, view(type, o, url.searchParams.getAll('properties').flatMap((p) => p.split(','))));
      }
      if (req.method === 'DELETE') {
        const o = objects.get(id);
        if (o) o.archived = true;
        return send(res, 204);
      }
    }
    throw new HttpError(404, `No route for ${req.method} ${path}`, 'OBJECT_NOT_FOUND');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res)
      .catch((error: unknown) => {
        const e = error instanceof HttpError ? error : new HttpError(500, String(error), 'INTERNAL_ERROR');
        send(res, e.status, { status: 'error', message: e.message, correlationId: randomUUID(), category: e.category, ...e.extra });
      })
      .finally(() => log.push({ method: req.method ?? '', path: new URL(req.url ?? '/', 'http://d').pathname, status: res.statusCode, at: Date.now() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    log,
    objects: (type, includeArchived = false) => [...store[type].values()].filter((o) => includeArchived || !o.archived),
    insert: (type, properties, at) => {
      for (const k of Object.keys(properties)) if (!known(type, k)) customProperties[type].add(k);
      return create(type, properties, at);
    },
    edit: (type, id, properties, at) => update(type, id, properties, at),
    archive: (type, id) => {
      const o = store[type].get(id);
      if (o) o.archived = true;
    },
    failNext(count, status, opts = {}) {
      for (let i = 0; i < count; i++) failures.push({ status, ...opts });
    },
    properties: (type) => [...customProperties[type]],
    setLimits(limits) {
      if (limits.tenSecondLimit !== undefined) tenSecondLimit = limits.tenSecondLimit;
      if (limits.searchPerSecond !== undefined) searchPerSecond = limits.searchPerSecond;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
