/**
 * Contacts and companies as HubSpot CRM v3 objects. Changes are read with the search endpoint
 * (last-modified date at or after the cursor, oldest first), one date slice per page: each
 * page is a new query starting at the last modified date seen, which neither skips records
 * that move while the walk goes on nor meets search's cap of 10,000 results per query.
 * Writes use the batch endpoints (100 per call) and fall back to single calls to isolate an
 * input HubSpot rejects.
 *
 * Mapping (canonical → property): contacts firstName→firstname, lastName→lastname,
 * email→email, phone→phone, groups→the groups property (names joined by ";"); companies
 * name→name, phone→phone, website→website, address.line1→address, address.line2→address2,
 * address.city→city, address.state→state, address.postalCode→zip, address.country→country;
 * `custom:<p>`→property p. The iVvy id is kept in a property of its own (created if missing).
 */
import type { CrmEntity, EntityOptions } from '../../connector.js';
import { canonicalValue } from '../../fingerprint.js';
import type { Canonical, ChangePage, CreateInput, FieldValue, SideRecord, UpdateInput, WriteResult } from '../../types.js';
import { HubSpotError, hubspotCall, type HubSpotPacing } from './calls.js';

/** What the SDK offers for contacts and companies alike (client.crm.contacts / .companies). */
export interface ObjectApis {
  basicApi: {
    getPage(limit?: number, after?: string, properties?: string[], propertiesWithHistory?: string[], associations?: string[], archived?: boolean): Promise<{
      results: HubSpotObject[];
      paging?: { next?: { after: string } };
    }>;
    update(id: string, input: { properties: Record<string, string> }): Promise<HubSpotObject>;
    create(input: { properties: Record<string, string>; associations?: unknown[] }): Promise<HubSpotObject>;
    /** GDPR permanent delete; contacts only. */
    purge?(input: { objectId: string }): Promise<void>;
  };
  batchApi: {
    create(input: { inputs: Array<{ properties: Record<string, string>; associations?: unknown[] }> }): Promise<BatchAnswer>;
    update(input: { inputs: Array<{ id: string; properties: Record<string, string> }> }): Promise<BatchAnswer>;
    read(input: { inputs: Array<{ id: string }>; properties: string[]; propertiesWithHistory: string[] }, archived?: boolean): Promise<BatchAnswer>;
    archive(input: { inputs: Array<{ id: string }> }): Promise<void>;
  };
  searchApi: {
    doSearch(request: unknown): Promise<{ total: number; results: HubSpotObject[]; paging?: { next?: { after: string } } }>;
  };
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

export interface ObjectSpec {
  kind: 'contact' | 'company';
  objectType: 'contacts' | 'companies';
  modifiedProperty: string;
  /** canonical → HubSpot property */
  properties: Readonly<Record<string, string>>;
  ivvyIdProperty: string;
  groupsProperty: string | null;
}

/** HubSpot refuses search requests that page past this many results. */
export const SEARCH_RESULT_CAP = 10_000;
const SEARCH_PAGE = 100;
const BATCH = 100;

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

export function openObjects(apis: ObjectApis, spec: ObjectSpec, options: EntityOptions, pacing: HubSpotPacing): CrmEntity {
  const map: Record<string, string> = { ...spec.properties };
  for (const c of options.customFields) map[`custom:${c}`] = c;
  if (options.groups && spec.groupsProperty) map.groups = spec.groupsProperty;
  const fields = Object.keys(map);
  const properties = [...new Set([...Object.values(map), spec.ivvyIdProperty, spec.modifiedProperty])];

  const toRecord = (o: HubSpotObject): SideRecord => {
    const out: Record<string, FieldValue> = {};
    for (const [canonical, prop] of Object.entries(map)) {
      const raw = o.properties[prop] ?? null;
      out[canonical] = canonical === 'groups' ? canonicalValue(canonical, raw === null ? null : raw.split(';')) : canonicalValue(canonical, raw);
    }
    const modifiedAt = time(o.properties[spec.modifiedProperty]) ?? time(o.updatedAt) ?? 0;
    const key = o.properties[spec.ivvyIdProperty];
    return { id: String(o.id), modifiedAt, fields: out, pairedId: key === null || key === undefined || key === '' ? null : String(key) };
  };

  /** Property values; an empty value clears the property on update and is left out on create. */
  const toProperties = (values: Canonical, sourceId: string | null, creating = false): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [canonical, value] of Object.entries(values)) {
      const prop = map[canonical];
      if (!prop) continue;
      if ((value === null || value === undefined) && creating) continue;
      out[prop] = value === null || value === undefined ? '' : typeof value === 'string' ? value : [...value].sort().join(';');
    }
    if (sourceId !== null) out[spec.ivvyIdProperty] = sourceId;
    return out;
  };

  const call = <T>(what: string, fn: () => Promise<T>, opts: Parameters<typeof hubspotCall>[3] = {}) =>
    hubspotCall(pacing, `${spec.objectType} ${what}`, fn, opts);

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
      const records = page.results.map(toRecord);
      const after = page.paging?.next?.after ?? null;
      if (after === null) return { records, next: null };
      // Each page starts a new query at the last modification time seen (inclusive: the
      // records sharing it are read again and recognised). Paging with `after` would skip
      // records, because a record updated during the walk — by this very sync, writing its
      // pairing key — leaves its place for the end of the list; and it would meet the
      // search endpoints' cap of 10,000 results per query.
      const last = records.length > 0 ? records[records.length - 1]!.modifiedAt : position.from;
      if (last > position.from) return { records, next: JSON.stringify({ from: last, after: null } satisfies SearchPosition) };
      // A whole page shares one modification time: page within it.
      if (Number(after) + SEARCH_PAGE > SEARCH_RESULT_CAP) {
        throw new Error(
          `HubSpot ${spec.objectType}: more than ${SEARCH_RESULT_CAP} records share the modification time ${new Date(last).toISOString()}; the search endpoint cannot page through them`,
        );
      }
      return { records, next: JSON.stringify({ from: position.from, after } satisfies SearchPosition) };
    },

    async get(ids) {
      const out: SideRecord[] = [];
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        const answer = await call('batch read', () =>
          apis.batchApi.read({ inputs: chunk.map((id) => ({ id })), properties, propertiesWithHistory: [] }, false),
        );
        out.push(...answer.results.filter((o) => !o.archived).map(toRecord));
      }
      return out;
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
      return batched<CreateInput, WriteResult>(
        inputs,
        async (chunk) => {
          const answer = await call('batch create', () => apis.batchApi.create({ inputs: chunk.map((c) => ({ properties: toProperties(c.fields, c.sourceId, true), associations: [] })) }), {
            kind: 'create',
          });
          // Batch results are not in input order: the iVvy id property tells them apart.
          const bySource = new Map(answer.results.map((o) => [String(o.properties[spec.ivvyIdProperty] ?? ''), o]));
          const failure = answer.errors?.map((e) => e.message).join('; ') || 'not created';
          return chunk.map((c): WriteResult => {
            const o = bySource.get(c.sourceId);
            if (!o) return { ok: false, sourceId: c.sourceId, id: null, error: `HubSpot ${spec.objectType} batch create: ${failure}` };
            const r = toRecord(o);
            return { ok: true, sourceId: c.sourceId, id: r.id, fields: r.fields, modifiedAt: r.modifiedAt };
          });
        },
        async (c) => {
          const o = await call('create', () => apis.basicApi.create({ properties: toProperties(c.fields, c.sourceId, true), associations: [] }), { kind: 'create' });
          const r = toRecord(o);
          return { ok: true, sourceId: c.sourceId, id: r.id, fields: r.fields, modifiedAt: r.modifiedAt };
        },
        (c, error) => ({ ok: false, sourceId: c.sourceId, id: null, error }),
      );
    },

    async update(inputs: readonly UpdateInput[]): Promise<WriteResult[]> {
      return batched<UpdateInput, WriteResult>(
        inputs,
        async (chunk) => {
          const answer = await call('batch update', () =>
            apis.batchApi.update({ inputs: chunk.map((u) => ({ id: u.id, properties: toProperties(u.fields, u.sourceId) })) }),
          );
          const byId = new Map(answer.results.map((o) => [String(o.id), o]));
          const failure = answer.errors?.map((e) => e.message).join('; ') || 'not updated';
          return chunk.map((u): WriteResult => {
            const o = byId.get(u.id);
            if (!o) return { ok: false, sourceId: u.sourceId, id: u.id, error: `HubSpot ${spec.objectType} batch update: ${failure}` };
            const r = toRecord(o);
            return { ok: true, sourceId: u.sourceId, id: u.id, fields: r.fields, modifiedAt: r.modifiedAt };
          });
        },
        async (u) => {
          const o = await call('update', () => apis.basicApi.update(u.id, { properties: toProperties(u.fields, u.sourceId) }));
          const r = toRecord(o);
          return { ok: true, sourceId: u.sourceId, id: u.id, fields: r.fields, modifiedAt: r.modifiedAt };
        },
        (u, error) => ({ ok: false, sourceId: u.sourceId, id: u.id, error }),
      );
    },

    async remove(ids, policy) {
      const out: Array<{ id: string; ok: boolean; error?: string }> = [];
      const purge = apis.basicApi.purge?.bind(apis.basicApi);
      if (policy === 'delete' && purge) {
        // Permanent deletion (contacts only); archiving is HubSpot's restorable delete.
        for (const id of ids) {
          try {
            await call('purge', () => purge({ objectId: id }));
            out.push({ id, ok: true });
          } catch (error) {
            if (error instanceof HubSpotError && error.status === 404) out.push({ id, ok: true });
            else if (error instanceof HubSpotError) out.push({ id, ok: false, error: error.message });
            else throw error;
          }
        }
        return out;
      }
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        await call('batch archive', () => apis.batchApi.archive({ inputs: chunk.map((id) => ({ id })) }));
        out.push(...chunk.map((id) => ({ id, ok: true })));
      }
      return out;
    },
  };
}
