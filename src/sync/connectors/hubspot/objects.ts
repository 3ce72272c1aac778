/**
 * HubSpot CRM v3 objects — contacts, companies, deals, email engagements — as CRM entities.
 * Changes are read with the search endpoint (last-modified date at or after the cursor,
 * oldest first), one date slice per page: each page is a new query starting at the last
 * modified date seen, which neither skips records that move while the walk goes on nor meets
 * search's cap of 10,000 results per query. Writes use the batch endpoints (100 per call) and
 * fall back to single calls to isolate an input HubSpot rejects.
 *
 * A spec maps canonical fields onto properties: one property each (through a codec when the
 * values differ, e.g. a deal stage or a date), several fields in one property (an email's
 * headers), and fields holding the CRM ids of associated records (a deal's contact, a
 * contact's companies), read and written through the v4 associations API. The iVvy id is
 * kept in a property of its own (created if missing).
 *
 * Phone numbers are written in E.164 (phone.ts). A value HubSpot refuses (400
 * VALIDATION_ERROR naming the property: INVALID_EMAIL, an invalid phone number …) is left
 * out and reported, and the rest of the record is written (connectors/refusals.ts).
 */
import type { CrmEntity, EntityKind, EntityOptions } from '../../connector.js';
import { canonicalValue } from '../../fingerprint.js';
import { normalisePhone } from '../../phone.js';
import type { Canonical, ChangePage, CreateInput, FieldRefusal, FieldValue, SideRecord, UpdateInput, WriteResult } from '../../types.js';
import { writeDroppingRefused, type RefusalHint } from '../refusals.js';
import { HubSpotError, hubspotCall, removeOneByOne, type HubSpotPacing, type RemoveOutcome } from './calls.js';

/** What the SDK offers for every object type (client.crm.contacts, .deals, .objects.emails …). */
export interface ObjectApis {
  basicApi: {
    getPage(limit?: number, after?: string, properties?: string[], propertiesWithHistory?: string[], associations?: string[], archived?: boolean): Promise<{
      results: HubSpotObject[];
      paging?: { next?: { after: string } };
    }>;
    update(id: string, input: { properties: Record<string, string> }): Promise<HubSpotObject>;
    create(input: { properties: Record<string, string>; associations?: AssociationInput[] }): Promise<HubSpotObject>;
    /** GDPR permanent delete; contacts only. */
    purge?(input: { objectId: string }): Promise<void>;
  };
  batchApi: {
    create(input: { inputs: Array<{ properties: Record<string, string>; associations?: AssociationInput[] }> }): Promise<BatchAnswer>;
    update(input: { inputs: Array<{ id: string; properties: Record<string, string> }> }): Promise<BatchAnswer>;
    read(input: { inputs: Array<{ id: string }>; properties: string[]; propertiesWithHistory: string[] }, archived?: boolean): Promise<BatchAnswer>;
    archive(input: { inputs: Array<{ id: string }> }): Promise<void>;
  };
  searchApi: {
    doSearch(request: unknown): Promise<{ total: number; results: HubSpotObject[]; paging?: { next?: { after: string } } }>;
  };
}

/** The v4 associations batch API (client.crm.associations.v4.batchApi). */
export interface AssociationApis {
  getPage(from: string, to: string, input: { inputs: Array<{ id: string }> }): Promise<{
    results: Array<{ _from: { id: string }; to: Array<{ toObjectId: string | number }> }>;
  }>;
  create(from: string, to: string, input: { inputs: Array<{ _from: { id: string }; to: { id: string }; types: AssociationType[] }> }): Promise<unknown>;
  archive(from: string, to: string, input: { inputs: Array<{ _from: { id: string }; to: Array<{ id: string }> }> }): Promise<void>;
}

interface AssociationType {
  associationCategory: 'HUBSPOT_DEFINED';
  associationTypeId: number;
}

interface AssociationInput {
  to: { id: string };
  types: AssociationType[];
}

export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt?: Date | string;
  updatedAt?: Date | string;
  archived?: boolean;
}

interface BatchAnswer {
  results: HubSpotObject[];
  errors?: Array<{ message?: string; context?: Record<string, string[]> }>;
}

/** Converts between a canonical value and a property value. */
export interface Codec {
  /** The property value to send ('' clears it). */
  write(value: FieldValue): string;
  read(raw: string | null): FieldValue;
}

/** Several canonical fields kept in one property (an email's `hs_email_headers`). */
export interface Composite {
  property: string;
  fields: readonly string[];
  write(values: Canonical): string;
  read(raw: string | null): Record<string, FieldValue>;
}

/** A canonical field holding the CRM ids of associated records. */
export interface AssociationField {
  field: string;
  toObjectType: 'contacts' | 'companies';
  /** The HUBSPOT_DEFINED association type from this object type to that one. */
  typeId: number;
  /** A list of ids (a contact's companies), or one id (a deal's contact). */
  many: boolean;
}

export interface ObjectSpec {
  kind: EntityKind;
  objectType: 'contacts' | 'companies' | 'deals' | 'emails';
  modifiedProperty: string;
  /** canonical → HubSpot property */
  properties: Readonly<Record<string, string>>;
  codecs?: Readonly<Record<string, Codec>>;
  composites?: readonly Composite[];
  associations?: readonly AssociationField[];
  /** Properties every created record gets (a deal's pipeline, an email's direction). */
  fixed?: Readonly<Record<string, string>>;
  ivvyIdProperty: string;
  groupsProperty: string | null;
}

/** Validation errors that say the mapping is wrong rather than a value. */
const MAPPING_ERRORS = new Set(['PROPERTY_DOESNT_EXIST', 'READ_ONLY_VALUE']);
/** HubSpot's phone number properties (validated as E.164 when the account turns that on). */
const PHONE_PROPERTIES = new Set(['phone', 'mobilephone', 'fax']);

/** HubSpot refuses search requests that page past this many results. */
export const SEARCH_RESULT_CAP = 10_000;
const SEARCH_PAGE = 100;
const BATCH = 100;
/** Membership values the CRM cannot hold (a company iVvy has that is not paired). */
const UNPAIRED = 'ivvy:';

interface SearchPosition {
  /** Start of the current date slice (epoch ms, inclusive). */
  from: number;
  after: string | null;
}

function time(value: Date | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const idList = (value: FieldValue | undefined): string[] =>
  (value === null || value === undefined ? [] : typeof value === 'string' ? [value] : [...value]).filter((v) => !v.startsWith(UNPAIRED));

export function openObjects(
  apis: ObjectApis,
  spec: ObjectSpec,
  options: EntityOptions,
  pacing: HubSpotPacing,
  associationApis?: AssociationApis,
): CrmEntity {
  const map: Record<string, string> = { ...spec.properties };
  for (const c of options.customFields) map[`custom:${c}`] = c;
  if (options.groups && spec.groupsProperty) map.groups = spec.groupsProperty;
  const associations = (spec.associations ?? []).filter((a) => a.field !== 'companies' || options.companies === true);
  if (associations.length > 0 && !associationApis) throw new Error(`HubSpot ${spec.objectType}: associations need the v4 associations API`);
  const composites = spec.composites ?? [];
  const fields = [...Object.keys(map), ...composites.flatMap((c) => c.fields), ...associations.map((a) => a.field)];
  const properties = [...new Set([...Object.values(map), ...composites.map((c) => c.property), spec.ivvyIdProperty, spec.modifiedProperty])];

  const readValue = (canonical: string, raw: string | null): FieldValue => {
    const codec = spec.codecs?.[canonical];
    if (codec) return codec.read(raw);
    if (canonical === 'groups') return canonicalValue(canonical, raw === null ? null : raw.split(';'));
    return canonicalValue(canonical, raw);
  };
  const writeValue = (canonical: string, value: FieldValue | undefined): string => {
    const codec = spec.codecs?.[canonical];
    if (codec) return codec.write(value ?? null);
    if (typeof value === 'string' && PHONE_PROPERTIES.has(map[canonical] ?? '')) return normalisePhone(value, options.defaultRegion);
    return value === null || value === undefined ? '' : typeof value === 'string' ? value : [...value].sort().join(';');
  };

  /** The canonical fields a refused property holds. */
  const fieldsOfProperty = (property: string): string[] => [
    ...Object.entries(map)
      .filter(([, p]) => p === property)
      .map(([f]) => f),
    ...composites.filter((c) => c.property === property).flatMap((c) => c.fields),
  ];
  /** A VALIDATION_ERROR naming properties refuses their values; anything else fails the record. */
  const refusal = (error: unknown): RefusalHint | null => {
    if (!(error instanceof HubSpotError) || error.status !== 400 || error.propertyErrors.length === 0) return null;
    // A property that does not exist or cannot be set is a mapping mistake, not a bad value.
    if (error.propertyErrors.some((e) => MAPPING_ERRORS.has(e.error))) return null;
    const byField = new Map<string, string>();
    const unknown: string[] = [];
    for (const e of error.propertyErrors) {
      const fields = fieldsOfProperty(e.name);
      if (fields.length === 0) unknown.push(e.name);
      for (const f of fields) byField.set(f, `${e.error}: ${e.message}`);
    }
    // A property the mapping does not write (the iVvy id property …) cannot be left out.
    return { fields: [...byField.keys(), ...unknown], message: (f) => byField.get(f) ?? error.message };
  };
  const droppable = (field: string) => associations.every((a) => a.field !== field);
  const withRefused = (result: WriteResult, refused: readonly FieldRefusal[]): WriteResult =>
    result.ok && refused.length > 0 ? { ...result, refused } : result;

  const toRecord = (o: HubSpotObject): SideRecord => {
    const out: Record<string, FieldValue> = {};
    for (const [canonical, prop] of Object.entries(map)) out[canonical] = readValue(canonical, o.properties[prop] ?? null);
    for (const c of composites) Object.assign(out, c.read(o.properties[c.property] ?? null));
    const modifiedAt = time(o.properties[spec.modifiedProperty]) ?? time(o.updatedAt) ?? 0;
    const key = o.properties[spec.ivvyIdProperty];
    return { id: String(o.id), modifiedAt, fields: out, pairedId: key === null || key === undefined || key === '' ? null : String(key) };
  };

  const call = <T>(what: string, fn: () => Promise<T>, opts: Parameters<typeof hubspotCall>[3] = {}) =>
    hubspotCall(pacing, `${spec.objectType} ${what}`, fn, opts);

  /** The associated ids of each object, per association field (one call per field and 100 objects). */
  const readAssociations = async (ids: readonly string[]): Promise<Map<string, Record<string, string[]>>> => {
    const out = new Map<string, Record<string, string[]>>(ids.map((id) => [id, {}]));
    for (const a of associations) {
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        const answer = await call(`associations to ${a.toObjectType}`, () =>
          associationApis!.getPage(spec.objectType, a.toObjectType, { inputs: chunk.map((id) => ({ id })) }),
        );
        for (const r of answer.results) {
          const entry = out.get(String(r._from.id));
          if (entry) entry[a.field] = [...new Set(r.to.map((t) => String(t.toObjectId)))];
        }
      }
    }
    return out;
  };

  /** Records of the objects, with their association fields. */
  const records = async (objects: readonly HubSpotObject[]): Promise<SideRecord[]> => {
    const base = objects.map(toRecord);
    if (associations.length === 0 || base.length === 0) return base;
    const linked = await readAssociations(base.map((r) => r.id));
    return base.map((r) => {
      const found = linked.get(r.id) ?? {};
      const extra: Record<string, FieldValue> = {};
      for (const a of associations) {
        const ids = found[a.field] ?? [];
        extra[a.field] = a.many ? canonicalValue(a.field, ids) : (ids[0] ?? null);
      }
      return { ...r, fields: { ...r.fields, ...extra } };
    });
  };

  /** Property values; an empty value clears the property on update and is left out on create. */
  const toProperties = (values: Canonical, sourceId: string | null, creating = false, known: Canonical | null = null): Record<string, string> => {
    const out: Record<string, string> = creating ? { ...spec.fixed } : {};
    for (const [canonical, value] of Object.entries(values)) {
      const prop = map[canonical];
      if (!prop) continue;
      if ((value === null || value === undefined) && creating) continue;
      out[prop] = writeValue(canonical, value);
    }
    for (const c of composites) {
      if (!c.fields.some((f) => f in values)) continue;
      const all: Record<string, FieldValue> = {};
      for (const f of c.fields) all[f] = f in values ? (values[f] ?? null) : (known?.[f] ?? null);
      out[c.property] = c.write(all);
    }
    if (sourceId !== null) out[spec.ivvyIdProperty] = sourceId;
    return out;
  };

  const associationInputs = (values: Canonical): AssociationInput[] =>
    associations.flatMap((a) =>
      idList(values[a.field]).map((id) => ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId: a.typeId }] })),
    );

  /** Makes the association fields of updated records what the inputs say. */
  const writeAssociations = async (inputs: readonly UpdateInput[]): Promise<void> => {
    for (const a of associations) {
      const touched = inputs.filter((u) => a.field in u.fields);
      if (touched.length === 0) continue;
      const current = await readAssociations(touched.map((u) => u.id));
      const add: Array<{ _from: { id: string }; to: { id: string }; types: AssociationType[] }> = [];
      const remove: Array<{ _from: { id: string }; to: Array<{ id: string }> }> = [];
      for (const u of touched) {
        const wanted = new Set(idList(u.fields[a.field]));
        const have = new Set(current.get(u.id)?.[a.field] ?? []);
        for (const id of wanted) {
          if (!have.has(id)) add.push({ _from: { id: u.id }, to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: a.typeId }] });
        }
        // A list field is the whole membership; a single field replaces only what the sync
        // put there, never an association a CRM user added.
        const stale = a.many ? [...have].filter((id) => !wanted.has(id)) : idList(u.known?.[a.field]).filter((id) => have.has(id) && !wanted.has(id));
        if (stale.length > 0) remove.push({ _from: { id: u.id }, to: stale.map((id) => ({ id })) });
      }
      for (let i = 0; i < add.length; i += BATCH) {
        const chunk = add.slice(i, i + BATCH);
        await call(`associate ${a.toObjectType}`, () => associationApis!.create(spec.objectType, a.toObjectType, { inputs: chunk }));
      }
      for (let i = 0; i < remove.length; i += BATCH) {
        const chunk = remove.slice(i, i + BATCH);
        await call(`dissociate ${a.toObjectType}`, () => associationApis!.archive(spec.objectType, a.toObjectType, { inputs: chunk }));
      }
    }
  };

  const search = (filters: unknown[], after: string | null, sorts: unknown[]) =>
    call(
      'search',
      () =>
        apis.searchApi.doSearch({
          filterGroups: [{ filters }],
          sorts,
          properties,
          limit: SEARCH_PAGE,
          ...(after !== null ? { after } : {}),
        }),
      { search: true },
    );

  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

  /** One call for the batch; on a rejected batch, one call per input to find the culprit. */
  const batched = async <I, R>(inputs: readonly I[], all: (chunk: I[]) => Promise<R[]>, one: (input: I) => Promise<R>, fail: (input: I, error: string) => R) => {
    const out: R[] = [];
    for (let i = 0; i < inputs.length; i += BATCH) {
      const chunk = inputs.slice(i, i + BATCH);
      try {
        out.push(...(await all(chunk)));
      } catch (error) {
        if (!(error instanceof HubSpotError)) throw error;
        for (const input of chunk) {
          try {
            out.push(await one(input));
          } catch (inner) {
            if (!(inner instanceof HubSpotError)) throw inner;
            out.push(fail(input, message(inner)));
          }
        }
      }
    }
    return out;
  };

  /** Write results from the objects HubSpot answered, read back with their associations. */
  const resultsOf = async <I extends { sourceId: string }>(
    chunk: readonly I[],
    objects: ReadonlyMap<I, HubSpotObject | undefined>,
    idOf: (input: I) => string | null,
    failure: string,
  ): Promise<WriteResult[]> => {
    const answered = chunk.map((input) => objects.get(input)).filter((o): o is HubSpotObject => o !== undefined);
    const read = new Map((await records(answered)).map((r) => [r.id, r]));
    return chunk.map((input): WriteResult => {
      const o = objects.get(input);
      const r = o ? read.get(String(o.id)) : undefined;
      if (!r) return { ok: false, sourceId: input.sourceId, id: idOf(input), error: failure };
      return { ok: true, sourceId: input.sourceId, id: r.id, fields: r.fields, modifiedAt: r.modifiedAt };
    });
  };

  return {
    kind: spec.kind,
    fields,

    async listChanges(since: number, resume: string | null): Promise<ChangePage> {
      const position: SearchPosition = resume ? (JSON.parse(resume) as SearchPosition) : { from: since, after: null };
      const page = await search(
        [{ propertyName: spec.modifiedProperty, operator: 'GTE', value: String(position.from) }],
        position.after,
        [{ propertyName: spec.modifiedProperty, direction: 'ASCENDING' }],
      );
      const found = await records(page.results);
      const after = page.paging?.next?.after ?? null;
      if (after === null) return { records: found, next: null, remaining: 0 };
      // The slice's total counts this page too (and the records re-read at its start).
      const remaining = Math.max(0, page.total - page.results.length);
      // Each page starts a new query at the last modification time seen (inclusive: the
      // records sharing it are read again and recognised). Paging with `after` would skip
      // records, because a record updated during the walk — by this very sync, writing its
      // pairing key — leaves its place for the end of the list; and it would meet the
      // search endpoints' cap of 10,000 results per query.
      const last = found.length > 0 ? found[found.length - 1]!.modifiedAt : position.from;
      if (last > position.from) return { records: found, next: JSON.stringify({ from: last, after: null } satisfies SearchPosition), remaining };
      // A whole page shares one modification time: page within it.
      if (Number(after) + SEARCH_PAGE > SEARCH_RESULT_CAP) {
        throw new Error(
          `HubSpot ${spec.objectType}: more than ${SEARCH_RESULT_CAP} records share the modification time ${new Date(last).toISOString()}; the search endpoint cannot page through them`,
        );
      }
      return { records: found, next: JSON.stringify({ from: position.from, after } satisfies SearchPosition), remaining };
    },

    async get(ids) {
      const objects: HubSpotObject[] = [];
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        const answer = await call('batch read', () =>
          apis.batchApi.read({ inputs: chunk.map((id) => ({ id })), properties, propertiesWithHistory: [] }, false),
        );
        objects.push(...answer.results.filter((o) => !o.archived));
      }
      return records(objects);
    },

    async *listIds() {
      for (let after: string | undefined; ; ) {
        const page = await call('list', () => apis.basicApi.getPage(100, after, ['hs_object_id'], undefined, undefined, false));
        if (page.results.length > 0) yield page.results.map((o) => String(o.id));
        after = page.paging?.next?.after;
        if (!after) return;
      }
    },

    async findBySourceIds(sourceIds) {
      const found = new Map<string, string>();
      for (let i = 0; i < sourceIds.length; i += SEARCH_PAGE) {
        const chunk = sourceIds.slice(i, i + SEARCH_PAGE);
        const page = await search([{ propertyName: spec.ivvyIdProperty, operator: 'IN', values: chunk }], null, []);
        for (const o of page.results) {
          const key = o.properties[spec.ivvyIdProperty];
          if (key) found.set(String(key), String(o.id));
        }
      }
      return found;
    },

    async create(inputs: readonly CreateInput[]): Promise<WriteResult[]> {
      const body = (c: CreateInput) => ({ properties: toProperties(c.fields, c.sourceId, true), associations: associationInputs(c.fields) });
      return batched<CreateInput, WriteResult>(
        inputs,
        async (chunk) => {
          const answer = await call('batch create', () => apis.batchApi.create({ inputs: chunk.map(body) }), { kind: 'create' });
          // Batch results are not in input order: the iVvy id property tells them apart.
          const bySource = new Map(answer.results.map((o) => [String(o.properties[spec.ivvyIdProperty] ?? ''), o]));
          const failure = `HubSpot ${spec.objectType} batch create: ${answer.errors?.map((e) => e.message).join('; ') || 'not created'}`;
          return resultsOf(chunk, new Map(chunk.map((c) => [c, bySource.get(c.sourceId)])), () => null, failure);
        },
        async (c) => {
          const outcome = await writeDroppingRefused(
            c.fields,
            (fields) => call('create', () => apis.basicApi.create(body({ ...c, fields })), { kind: 'create' }),
            { refusal, droppable },
          );
          if (!outcome.ok) throw outcome.error;
          return withRefused((await resultsOf([c], new Map([[c, outcome.value]]), () => null, 'not created'))[0]!, outcome.refused);
        },
        (c, error) => ({ ok: false, sourceId: c.sourceId, id: null, error }),
      );
    },

    async update(inputs: readonly UpdateInput[]): Promise<WriteResult[]> {
      // Associations are written before the records are read back, so the answer has them.
      const results = await batched<UpdateInput, WriteResult>(
        inputs,
        async (chunk) => {
          const answer = await call('batch update', () =>
            apis.batchApi.update({ inputs: chunk.map((u) => ({ id: u.id, properties: toProperties(u.fields, u.sourceId, false, u.known) })) }),
          );
          const byId = new Map(answer.results.map((o) => [String(o.id), o]));
          await writeAssociations(chunk.filter((u) => byId.has(u.id)));
          const failure = `HubSpot ${spec.objectType} batch update: ${answer.errors?.map((e) => e.message).join('; ') || 'not updated'}`;
          return resultsOf(chunk, new Map(chunk.map((u) => [u, byId.get(u.id)])), (u) => u.id, failure);
        },
        async (u) => {
          const outcome = await writeDroppingRefused(
            u.fields,
            (fields) => call('update', () => apis.basicApi.update(u.id, { properties: toProperties(fields, u.sourceId, false, u.known) })),
            { refusal, droppable },
          );
          if (!outcome.ok) throw outcome.error;
          await writeAssociations([u]);
          return withRefused((await resultsOf([u], new Map([[u, outcome.value]]), (x) => x.id, 'not updated'))[0]!, outcome.refused);
        },
        (u, error) => ({ ok: false, sourceId: u.sourceId, id: u.id, error }),
      );
      return results;
    },

    async remove(ids, policy) {
      const purge = apis.basicApi.purge?.bind(apis.basicApi);
      // Permanent deletion (contacts only); archiving is HubSpot's restorable delete.
      if (policy === 'delete' && purge) return removeOneByOne(ids, (id) => call('purge', () => purge({ objectId: id })));
      const out: RemoveOutcome[] = [];
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        await call('batch archive', () => apis.batchApi.archive({ inputs: chunk.map((id) => ({ id })) }));
        out.push(...chunk.map((id) => ({ id, ok: true })));
      }
      return out;
    },
  };
}
