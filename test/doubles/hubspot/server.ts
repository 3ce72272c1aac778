/**
 * A local HTTP test double of the HubSpot endpoints the sync connector uses, written from
 * HubSpot's public API documentation: CRM v3 objects (contacts, companies, deals, emails)
 * basic, batch and search endpoints with inline associations on create, properties and
 * property groups, GDPR delete; v4 associations (batch read, create, archive); marketing
 * events (upsert by external id, read by object id or external id, list, update, delete),
 * attendance state changes by contact id and the participations breakdown; bearer-token
 * auth; the error body (`status`, `message`, `correlationId`, `category`); paging with
 * `paging.next.after`; the rate-limit headers (`X-HubSpot-RateLimit-*`) and 429 answers of
 * the rolling ten-second limit (with a Retry-After: the seconds until the window has room);
 * the search endpoints' own per-second limit (without those headers) and their cap of 10,000
 * results per query (a page past it is refused with 400).
 *
 * Where the documentation is silent the double picks the plain behaviour and says so:
 * a contact's `associatedcompanyid` (its primary company, read only since associations moved
 * to their own API) follows its first company association, and changing it moves the
 * contact's modification date; other association changes do not touch either record.
 *
 * Values are validated as HubSpot does for the API: an email address must be well formed
 * with a top-level domain of letters (HubSpot checks the IANA list, which the double does
 * not carry) and no quotes in its local part — 400 VALIDATION_ERROR, `INVALID_EMAIL`; with
 * `phoneValidation` (HubSpot's per-property setting, off by default there too) phone number
 * properties take only valid E.164 numbers — `INVALID_PHONE_NUMBER` (the code is the
 * double's: HubSpot documents the rule, not the code).
 *
 * Tests drive it directly as well: `edit` changes a record as a CRM user would, `failNext`
 * makes the next requests answer an error (with a Retry-After when asked).
 */
import { randomUUID } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createAssociationStore } from './associations.js';
import { batchAnswer, batchInputs, HttpError, readJson, send } from './http.js';
import { createMarketingEvents, type Participation, type StoredEvent } from './marketing-events.js';

export type ObjectType = 'contacts' | 'companies' | 'deals' | 'emails';
const OBJECT_TYPES: readonly ObjectType[] = ['contacts', 'companies', 'deals', 'emails'];
/** HubSpot's object type ids, accepted wherever a name is. */
const TYPE_IDS: Readonly<Record<string, ObjectType>> = { '0-1': 'contacts', '0-2': 'companies', '0-3': 'deals', '0-49': 'emails' };

export interface StoredObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export type { Participation, StoredEvent };

export interface DoubleOptions {
  token?: string;
  /** Requests allowed per rolling ten seconds (0: unlimited). */
  tenSecondLimit?: number;
  /** Search requests allowed per second (HubSpot documents a handful). */
  searchPerSecond?: number;
  /** Phone number properties accept only valid E.164 numbers (HubSpot's phone validation). */
  phoneValidation?: boolean;
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
  at: number;
}

const MODIFIED: Record<ObjectType, string> = {
  contacts: 'lastmodifieddate',
  companies: 'hs_lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  emails: 'hs_lastmodifieddate',
};
const CREATED: Record<ObjectType, string> = { contacts: 'createdate', companies: 'createdate', deals: 'createdate', emails: 'hs_createdate' };
const DEFAULT_PROPERTIES: Record<ObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'createdate', 'lastmodifieddate', 'hs_object_id'],
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  deals: ['dealname', 'amount', 'closedate', 'dealstage', 'pipeline', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  emails: ['hs_timestamp', 'hs_email_subject', 'hs_email_direction', 'hs_email_status', 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};
const BUILT_IN: Record<ObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company', 'website', 'associatedcompanyid', 'createdate', 'lastmodifieddate', 'hs_object_id'],
  companies: ['name', 'domain', 'phone', 'website', 'address', 'address2', 'city', 'state', 'zip', 'country', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  deals: ['dealname', 'amount', 'closedate', 'dealstage', 'pipeline', 'dealtype', 'description', 'hubspot_owner_id', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  emails: [
    'hs_timestamp',
    'hs_email_subject',
    'hs_email_html',
    'hs_email_text',
    'hs_email_direction',
    'hs_email_status',
    'hs_email_headers',
    'hubspot_owner_id',
    'hs_attachment_ids',
    'hs_createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
  ],
};
/** Properties the API refuses to set. */
const READ_ONLY = new Set(['hs_object_id', 'createdate', 'hs_createdate', 'lastmodifieddate', 'hs_lastmodifieddate', 'associatedcompanyid']);
/** Properties a create must carry (an email engagement needs its timestamp; a deal its name and stage). */
const REQUIRED: Record<ObjectType, string[]> = { contacts: [], companies: [], deals: ['dealname', 'dealstage'], emails: ['hs_timestamp'] };
const DEAL_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost'];
const EMAIL_DIRECTIONS = ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL'];
const EMAIL_STATUSES = ['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT'];
export const SEARCH_CAP = 10_000;
const SEARCH_MAX_LIMIT = 200;
/** Properties of the phone number type. */
const PHONE_PROPERTIES = new Set(['phone', 'mobilephone', 'fax']);

/** HubSpot's email rules for the API: RFC 5322 shape, no quoted local part, a TLD of letters. */
export function validEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l))) return false;
  return /^[A-Za-z]{2,63}$/.test(labels[labels.length - 1]!);
}

/** A valid number written in E.164, as HubSpot's phone validation wants it. */
export function validE164(value: string): boolean {
  if (!/^\+[1-9]\d{1,14}$/.test(value)) return false;
  return parsePhoneNumberFromString(value)?.isValid() === true;
}

export interface HubSpotDouble {
  url: string;
  token: string;
  objects(type: ObjectType, includeArchived?: boolean): StoredObject[];
  insert(type: ObjectType, properties: Record<string, string>, at?: number): StoredObject;
  /** Changes a record as a user of the CRM would (its modified date moves). */
  edit(type: ObjectType, id: string, properties: Record<string, string | null>, at?: number): StoredObject;
  archive(type: ObjectType, id: string): void;
  /** The ids of the records of type `to` associated with a record. */
  associated(from: ObjectType, id: string, to: ObjectType): string[];
  /** Associates two records as a CRM user would. */
  associate(from: ObjectType, id: string, to: ObjectType, toId: string): void;
  marketingEvents(): StoredEvent[];
  participations(marketingEventObjectId: string): Participation[];
  deleteMarketingEvent(objectId: string): void;
  failNext(count: number, status: number, options?: { retryAfterSeconds?: number; path?: RegExp }): void;
  log: RequestLog[];
  properties(type: ObjectType): string[];
  setLimits(limits: { tenSecondLimit?: number; searchPerSecond?: number; phoneValidation?: boolean }): void;
  close(): Promise<void>;
}

export async function startHubSpotDouble(options: DoubleOptions = {}): Promise<HubSpotDouble> {
  const token = options.token ?? 'pat-test-token';
  let tenSecondLimit = options.tenSecondLimit ?? 0;
  let searchPerSecond = options.searchPerSecond ?? 5;
  let phoneValidation = options.phoneValidation ?? false;
  const store = Object.fromEntries(OBJECT_TYPES.map((t) => [t, new Map<string, StoredObject>()])) as Record<ObjectType, Map<string, StoredObject>>;
  const customProperties = Object.fromEntries(OBJECT_TYPES.map((t) => [t, new Set<string>()])) as Record<ObjectType, Set<string>>;
  const propertyGroups = Object.fromEntries(OBJECT_TYPES.map((t) => [t, new Set<string>()])) as Record<ObjectType, Set<string>>;
  const associations = createAssociationStore();
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
      else if (n === CREATED[type]) properties[n] = new Date(o.createdAt).toISOString();
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
  const fullView = (type: ObjectType, o: StoredObject) => view(type, o, Object.keys(o.properties).concat(DEFAULT_PROPERTIES[type]));

  const invalid = (name: string, message: string, error = 'INVALID_OPTION') =>
    new HttpError(400, `Property values were not valid: ${JSON.stringify([{ isValid: false, message, error, name }])}`, 'VALIDATION_ERROR');

  const checkProperties = (type: ObjectType, properties: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(properties)) {
      if (!known(type, name) || READ_ONLY.has(name)) throw invalid(name, `Property "${name}" does not exist`, 'PROPERTY_DOESNT_EXIST');
      if (value === null || value === '') continue;
      const v = String(value);
      if (type === 'deals' && name === 'dealstage' && !DEAL_STAGES.includes(v)) throw invalid(name, `${v} was not one of the allowed options`);
      if (type === 'deals' && name === 'amount' && !Number.isFinite(Number(v))) throw invalid(name, `${v} is not a valid number`, 'INVALID_FLOAT');
      if ((name === 'closedate' || name === 'hs_timestamp') && Number.isNaN(/^\d+$/.test(v) ? Number(v) : Date.parse(v))) {
        throw invalid(name, `${v} is not a valid datetime`, 'INVALID_DATE');
      }
      if (name === 'hs_email_direction' && !EMAIL_DIRECTIONS.includes(v)) throw invalid(name, `${v} was not one of the allowed options`);
      if (name === 'hs_email_status' && !EMAIL_STATUSES.includes(v)) throw invalid(name, `${v} was not one of the allowed options`);
      if (type === 'contacts' && name === 'email' && !validEmail(v)) throw invalid(name, `Email address ${v} is invalid`, 'INVALID_EMAIL');
      if (phoneValidation && PHONE_PROPERTIES.has(name) && (type === 'contacts' || type === 'companies') && !validE164(v)) {
        throw invalid(name, `${v} is not a valid phone number`, 'INVALID_PHONE_NUMBER');
      }
    }
  };

  /** Datetime properties are kept the way HubSpot answers them: ISO text in UTC. */
  const normalise = (name: string, value: string | null): string | null => {
    if (value === null || value === '') return null;
    if (name === 'closedate' || name === 'hs_timestamp') return new Date(/^\d+$/.test(value) ? Number(value) : Date.parse(value)).toISOString();
    return value;
  };

  const emailTaken = (email: string | null | undefined, except: string | null) => {
    if (!email) return null;
    for (const o of store.contacts.values()) {
      if (!o.archived && o.id !== except && (o.properties.email ?? '').toLowerCase() === email.toLowerCase()) return o.id;
    }
    return null;
  };

  /** A contact's primary company follows its first company association. */
  const syncPrimaryCompany = (contactId: string) => {
    const contact = store.contacts.get(contactId);
    if (!contact) return;
    const first = associations.of('contacts', contactId, 'companies')[0]?.id ?? null;
    if ((contact.properties.associatedcompanyid ?? null) !== first) {
      contact.properties.associatedcompanyid = first;
      contact.updatedAt = tick();
    }
  };

  const associate = (from: ObjectType, fromId: string, to: ObjectType, toId: string, typeId: number) => {
    associations.check(from, to, typeId);
    const target = store[to].get(toId);
    if (!target || target.archived) throw new HttpError(400, `${to} ${toId} does not exist`, 'VALIDATION_ERROR');
    associations.add(from, fromId, to, toId, typeId);
    if (from === 'contacts' && to === 'companies') syncPrimaryCompany(fromId);
    if (from === 'companies' && to === 'contacts') syncPrimaryCompany(toId);
  };

  const dissociate = (from: ObjectType, fromId: string, to: ObjectType, toId: string) => {
    associations.remove(from, fromId, to, toId);
    if (from === 'contacts' && to === 'companies') syncPrimaryCompany(fromId);
    if (from === 'companies' && to === 'contacts') syncPrimaryCompany(toId);
  };

  /** The `associations` of a create: `[{to: {id}, types: [{associationCategory, associationTypeId}]}]`. */
  const checkAssociations = (type: ObjectType, list: unknown): Array<{ to: ObjectType; id: string; typeId: number }> => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw new HttpError(400, 'associations must be an array', 'VALIDATION_ERROR');
    return (list as Array<{ to?: { id?: unknown }; types?: Array<{ associationTypeId?: unknown }> }>).flatMap((a) => {
      const id = String(a.to?.id ?? '');
      return (a.types ?? []).map((t) => {
        const typeId = Number(t.associationTypeId);
        const to = OBJECT_TYPES.find((candidate) => {
          try {
            associations.check(type, candidate, typeId);
            return store[candidate].has(id);
          } catch {
            return false;
          }
        });
        if (!to) throw new HttpError(400, `Association type ${typeId} to ${id} is not valid for ${type}`, 'VALIDATION_ERROR');
        return { to, id, typeId };
      });
    });
  };

  const create = (type: ObjectType, properties: Record<string, string>, at?: number, links: Array<{ to: ObjectType; id: string; typeId: number }> = []): StoredObject => {
    checkProperties(type, properties);
    const missing = REQUIRED[type].filter((n) => !properties[n]);
    if (missing.length > 0) throw invalid(missing[0]!, `${missing[0]} is required`, 'REQUIRED_FIELD');
    if (type === 'contacts') {
      const existing = emailTaken(properties.email, null);
      if (existing) throw new HttpError(409, `Contact already exists. Existing ID: ${existing}`, 'CONFLICT');
    }
    const now = tick(at);
    const stored: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(properties)) stored[k] = normalise(k, v);
    if (type === 'deals' && !stored.pipeline) stored.pipeline = 'default';
    const o: StoredObject = { id: String(nextId++), properties: stored, createdAt: now, updatedAt: now, archived: false };
    if (type === 'contacts' && o.properties.email) o.properties.email = o.properties.email.toLowerCase();
    store[type].set(o.id, o);
    for (const l of links) associate(type, o.id, l.to, l.id, l.typeId);
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
      const value = normalise(k, v);
      o.properties[k] = type === 'contacts' && k === 'email' && value ? value.toLowerCase() : value;
    }
    o.updatedAt = tick(at);
    return o;
  };

  const objectType = (name: string | undefined): ObjectType => {
    if (name !== undefined && (OBJECT_TYPES as readonly string[]).includes(name)) return name as ObjectType;
    const byId = name !== undefined ? TYPE_IDS[name] : undefined;
    if (byId) return byId;
    throw new HttpError(400, `Unable to infer object type from: ${name}`, 'VALIDATION_ERROR');
  };

  const matches = (type: ObjectType, o: StoredObject, filter: { propertyName: string; operator: string; value?: string; values?: string[] }) => {
    const name = filter.propertyName;
    const raw =
      name === MODIFIED[type] ? String(o.updatedAt) : name === CREATED[type] ? String(o.createdAt) : name === 'hs_object_id' ? o.id : (o.properties[name] ?? null);
    const numeric = name === MODIFIED[type] || name === CREATED[type] || name === 'hs_object_id';
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
      // When the oldest request of the window leaves it, one more is allowed.
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((general[0]! + 10_000 - now) / 1000))));
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

  const marketing = createMarketingEvents({
    nextId: () => String(nextId++),
    tick: () => tick(),
    contact(id) {
      const c = store.contacts.get(id);
      return c && !c.archived ? { email: c.properties.email ?? null, firstname: c.properties.firstname ?? null, lastname: c.properties.lastname ?? null } : null;
    },
  });

  /** /crm/v3/properties/{objectType}[/{name}] and /crm/v3/properties/{objectType}/groups[/{name}] */
  const properties = async (req: IncomingMessage, res: ServerResponse, parts: string[]) => {
    const type = objectType(parts[3]);
    if (parts[4] === 'groups') {
      const name = parts[5];
      if (req.method === 'GET' && name) {
        if (!propertyGroups[type].has(name)) throw new HttpError(404, `Unable to find property group ${name}`, 'OBJECT_NOT_FOUND');
        return send(res, 200, { name, label: name, displayOrder: -1, archived: false });
      }
      if (req.method === 'POST' && !name) {
        const body = await readJson(req);
        const group = String(body.name ?? '');
        if (!/^[a-z][a-z0-9_]*$/.test(group) || typeof body.label !== 'string') throw new HttpError(400, 'Property group name or label is invalid', 'VALIDATION_ERROR');
        if (propertyGroups[type].has(group)) throw new HttpError(409, `A property group named '${group}' already exists.`, 'OBJECT_ALREADY_EXISTS');
        propertyGroups[type].add(group);
        return send(res, 201, { name: group, label: body.label, displayOrder: -1, archived: false });
      }
    }
    if (req.method === 'GET' && parts[4]) {
      if (!known(type, parts[4])) throw new HttpError(404, `Unable to find property ${parts[4]}`, 'OBJECT_NOT_FOUND');
      return send(res, 200, { name: parts[4], label: parts[4], type: 'string', fieldType: 'text', groupName: 'contactinformation', hidden: false, options: [] });
    }
    if (req.method === 'POST' && !parts[4]) {
      const body = await readJson(req);
      const name = String(body.name ?? '');
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new HttpError(400, 'Property name is invalid', 'VALIDATION_ERROR');
      const builtInGroups = ['contactinformation', 'companyinformation', 'dealinformation'];
      if (typeof body.groupName !== 'string' || !(builtInGroups.includes(body.groupName) || propertyGroups[type].has(body.groupName))) {
        throw new HttpError(400, `Property group ${String(body.groupName)} does not exist`, 'VALIDATION_ERROR');
      }
      if (known(type, name)) throw new HttpError(409, `A property named '${name}' already exists.`, 'OBJECT_ALREADY_EXISTS');
      customProperties[type].add(name);
      return send(res, 201, { ...body, hidden: false, options: [], createdAt: new Date().toISOString() });
    }
    throw new HttpError(404, `No route for ${req.method} /${parts.join('/')}`, 'OBJECT_NOT_FOUND');
  };

  /** /crm/v4/associations/{from}/{to}/batch/{read|create|archive|associate/default} */
  const associationsV4 = async (req: IncomingMessage, res: ServerResponse, parts: string[]) => {
    const from = objectType(parts[3]);
    const to = objectType(parts[4]);
    if (req.method !== 'POST' || parts[5] !== 'batch') throw new HttpError(404, `No route for ${req.method} /${parts.join('/')}`, 'OBJECT_NOT_FOUND');
    const body = await readJson(req);
    const inputs = batchInputs(body);
    const startedAt = new Date().toISOString();
    const action = parts.slice(6).join('/');
    if (action === 'read') {
      const results = inputs.flatMap((i) => {
        const id = String(i.id ?? '');
        const o = store[from].get(id);
        if (!o || o.archived) return [];
        const found = associations.of(from, id, to).filter((a) => store[to].get(a.id)?.archived === false);
        if (found.length === 0) return [];
        return [
          {
            from: { id },
            to: found.map((a) => ({
              toObjectId: Number(a.id),
              associationTypes: a.typeIds.map((typeId) => ({ category: 'HUBSPOT_DEFINED', typeId, label: typeId === 1 || typeId === 5 ? 'Primary' : null })),
            })),
          },
        ];
      });
      return send(res, 200, batchAnswer(results, [], startedAt));
    }
    if (action === 'create' || action === 'associate/default') {
      const pairs = inputs.map((i) => {
        const fromId = String((i.from as { id?: unknown } | undefined)?.id ?? '');
        const toId = String((i.to as { id?: unknown } | undefined)?.id ?? '');
        const source = store[from].get(fromId);
        if (!source || source.archived) throw new HttpError(400, `${from} ${fromId} does not exist`, 'VALIDATION_ERROR');
        const types = action === 'create' ? ((i.types ?? []) as Array<{ associationTypeId?: unknown }>).map((t) => Number(t.associationTypeId)) : [];
        if (action === 'create' && types.length === 0) throw new HttpError(400, 'types is required', 'VALIDATION_ERROR');
        return { fromId, toId, types };
      });
      for (const p of pairs) {
        const types = p.types.length > 0 ? p.types : [defaultType(from, to)];
        for (const t of types) associate(from, p.fromId, to, p.toId, t);
      }
      return send(
        res,
        200,
        batchAnswer(
          pairs.map((p) => ({ fromObjectTypeId: from, fromObjectId: Number(p.fromId), toObjectTypeId: to, toObjectId: Number(p.toId), labels: [] })),
          [],
          startedAt,
        ),
      );
    }
    if (action === 'archive') {
      for (const i of inputs) {
        const fromId = String((i.from as { id?: unknown } | undefined)?.id ?? '');
        for (const t of (i.to ?? []) as Array<{ id?: unknown }>) dissociate(from, fromId, to, String(t.id ?? ''));
      }
      return send(res, 204);
    }
    throw new HttpError(404, `No route for ${req.method} /${parts.join('/')}`, 'OBJECT_NOT_FOUND');
  };

  const defaultType = (from: ObjectType, to: ObjectType): number => {
    for (const candidate of [279, 280, 3, 4, 341, 342, 198, 197, 186, 185]) {
      try {
        associations.check(from, to, candidate);
        return candidate;
      } catch {
        // Not this pair of types.
      }
    }
    throw new HttpError(400, `No default association from ${from} to ${to}`, 'VALIDATION_ERROR');
  };

  /** /crm/v3/objects/{objectType}… */
  const objects = async (req: IncomingMessage, res: ServerResponse, parts: string[], url: URL) => {
    const type = objectType(parts[3]);
    const all = store[type];
    const startedAt = new Date().toISOString();
    const path = `/${parts.join('/')}`;

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
      let found = [...all.values()].filter((o) => !o.archived);
      if (groups.length > 0) found = found.filter((o) => groups.some((g) => g.filters.every((f) => matches(type, o, f))));
      const sorts = (body.sorts ?? []) as Array<{ propertyName: string; direction?: string } | string>;
      const sort = sorts[0];
      const sortName = typeof sort === 'string' ? sort.replace(/^-/, '') : sort?.propertyName;
      const descending = typeof sort === 'string' ? sort.startsWith('-') : sort?.direction === 'DESCENDING';
      const key = (o: StoredObject) =>
        sortName === MODIFIED[type] ? o.updatedAt : sortName === CREATED[type] ? o.createdAt : sortName && sortName !== 'hs_object_id' ? (o.properties[sortName] ?? '') : Number(o.id);
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
          const checked = inputs.map((i) => {
            const props = (i.properties ?? {}) as Record<string, string>;
            checkProperties(type, props);
            return { props, links: checkAssociations(type, i.associations) };
          });
          const created = checked.map((c) => create(type, c.props, undefined, c.links));
          // Results are not promised in input order.
          return send(res, 201, batchAnswer(created.map((o) => fullView(type, o)).reverse(), [], startedAt));
        }
        case 'update': {
          for (const i of inputs) {
            checkProperties(type, (i.properties ?? {}) as Record<string, string>);
            const o = all.get(String(i.id));
            if (!o || o.archived) throw new HttpError(400, `Object ${String(i.id)} not found`, 'VALIDATION_ERROR');
          }
          const updated = inputs.map((i) => update(type, String(i.id), (i.properties ?? {}) as Record<string, string>));
          return send(res, 200, batchAnswer(updated.map((o) => fullView(type, o)), [], startedAt));
        }
        case 'read': {
          const wanted = Array.isArray(body.properties) ? (body.properties as string[]) : null;
          const includeArchived = url.searchParams.get('archived') === 'true';
          const results: unknown[] = [];
          const missing: string[] = [];
          for (const i of inputs) {
            const o = all.get(String(i.id));
            if (o && o.archived === includeArchived) results.push(view(type, o, wanted));
            else missing.push(String(i.id));
          }
          const errors =
            missing.length > 0
              ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Could not get some ${type} objects, they may be deleted or not exist.`, context: { ids: missing } }]
              : [];
          return send(res, errors.length > 0 ? 207 : 200, batchAnswer(results, errors, startedAt));
        }
        case 'archive': {
          for (const i of inputs) {
            const o = all.get(String(i.id));
            if (o) o.archived = true;
          }
          return send(res, 204);
        }
      }
    }

    if (req.method === 'POST' && parts[4] === 'gdpr-delete' && type === 'contacts') {
      const body = await readJson(req);
      const id = String(body.objectId ?? '');
      if (!all.has(id)) throw new HttpError(404, 'Object not found.', 'OBJECT_NOT_FOUND');
      all.delete(id);
      return send(res, 204);
    }

    if (parts.length === 4) {
      if (req.method === 'GET') {
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100);
        const after = url.searchParams.get('after');
        const archived = url.searchParams.get('archived') === 'true';
        const wanted = url.searchParams.getAll('properties').flatMap((p) => p.split(','));
        const list = [...all.values()].filter((o) => o.archived === archived).sort((a, b) => Number(a.id) - Number(b.id));
        const start = after === null ? 0 : list.findIndex((o) => Number(o.id) > Number(after));
        const page = start < 0 ? [] : list.slice(start, start + limit);
        const last = page[page.length - 1];
        const more = start >= 0 && start + limit < list.length;
        return send(res, 200, {
          results: page.map((o) => view(type, o, wanted)),
          ...(more && last ? { paging: { next: { after: last.id, link: `${path}?after=${last.id}` } } } : {}),
        });
      }
      if (req.method === 'POST') {
        const body = await readJson(req);
        const props = (body.properties ?? {}) as Record<string, string>;
        checkProperties(type, props);
        const o = create(type, props, undefined, checkAssociations(type, body.associations));
        return send(res, 201, fullView(type, o));
      }
    }
    if (parts.length === 5) {
      const id = parts[4]!;
      if (req.method === 'PATCH') {
        const body = await readJson(req);
        const o = update(type, id, (body.properties ?? {}) as Record<string, string>);
        return send(res, 200, fullView(type, o));
      }
      if (req.method === 'GET') {
        const o = all.get(id);
        if (!o || o.archived) throw new HttpError(404, 'Object not found.  objectId are usually numeric.', 'OBJECT_NOT_FOUND');
        return send(res, 200, view(type, o, url.searchParams.getAll('properties').flatMap((p) => p.split(','))));
      }
      if (req.method === 'DELETE') {
        const o = all.get(id);
        if (o) o.archived = true;
        return send(res, 204);
      }
    }
    throw new HttpError(404, `No route for ${req.method} ${path}`, 'OBJECT_NOT_FOUND');
  };

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

    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'properties') return properties(req, res, parts);
    if (parts[0] === 'crm' && parts[1] === 'v4' && parts[2] === 'associations') return associationsV4(req, res, parts);
    if (parts[0] === 'crm' && parts[1] === 'v3' && parts[2] === 'objects') return objects(req, res, parts, url);
    if (parts[0] === 'marketing' && parts[1] === 'v3' && parts[2] === 'marketing-events' && (await marketing.handle(req, res, parts, url))) return;
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
    insert: (type, props, at) => {
      for (const k of Object.keys(props)) if (!known(type, k)) customProperties[type].add(k);
      return create(type, props, at);
    },
    edit: (type, id, props, at) => update(type, id, props, at),
    archive: (type, id) => {
      const o = store[type].get(id);
      if (o) o.archived = true;
    },
    associated: (from, id, to) => associations.of(from, id, to).filter((a) => store[to].get(a.id)?.archived === false).map((a) => a.id),
    associate: (from, id, to, toId) => associate(from, id, to, toId, defaultType(from, to)),
    marketingEvents: () => marketing.events(),
    participations: (objectId) => marketing.participations(objectId),
    deleteMarketingEvent: (objectId) => marketing.remove(objectId),
    failNext(count, status, opts = {}) {
      for (let i = 0; i < count; i++) failures.push({ status, ...opts });
    },
    properties: (type) => [...customProperties[type]],
    setLimits(limits) {
      if (limits.tenSecondLimit !== undefined) tenSecondLimit = limits.tenSecondLimit;
      if (limits.searchPerSecond !== undefined) searchPerSecond = limits.searchPerSecond;
      if (limits.phoneValidation !== undefined) phoneValidation = limits.phoneValidation;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
