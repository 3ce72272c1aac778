/**
 * Campaigns as HubSpot marketing events (marketing/v3/marketing-events). An event is filed
 * under an external account id (config `eventsExternalAccountId`) with the iVvy event id as
 * its external event id: that pair is its pairing key. Creates are upserts by that key, so a
 * create repeated after a killed run finds the event it made. Reads are by object id (the
 * CRM id the engine keeps); there is no batch read and no change search, so the (rarely
 * used) change feed walks the list and keeps what was updated since the cursor.
 *
 * Mapping (canonical → marketing event): name → eventName, type → eventType, startAt →
 * startDateTime, endAt → endDateTime, url → eventUrl; eventOrganizer is the configured
 * organizer.
 */
import type { CrmEntity } from '../../connector.js';
import { canonicalValue } from '../../fingerprint.js';
import { instantText } from '../../ivvy/related.js';
import type { Canonical, ChangePage, CreateInput, FieldValue, SideRecord, UpdateInput, WriteResult } from '../../types.js';
import { HubSpotError, hubspotCall, removeOneByOne, type HubSpotPacing } from './calls.js';

interface MarketingEvent {
  objectId?: string;
  id?: string;
  eventName?: string;
  eventType?: string;
  startDateTime?: Date | string;
  endDateTime?: Date | string;
  eventUrl?: string;
  externalEventId?: string;
  externalAccountId?: string;
  updatedAt?: Date | string;
  createdAt?: Date | string;
}

/** What the SDK offers (client.marketing.events.basicApi). */
export interface MarketingEventApis {
  getAll(after?: string, limit?: number): Promise<{ results: MarketingEvent[]; paging?: { next?: { after: string } } }>;
  getByObjectId(objectId: string): Promise<MarketingEvent>;
  getDetails(externalEventId: string, externalAccountId: string): Promise<MarketingEvent>;
  upsert(externalEventId: string, input: Record<string, unknown>): Promise<MarketingEvent>;
  updateByObjectId(objectId: string, input: Record<string, unknown>): Promise<MarketingEvent>;
  archiveByObjectId(objectId: string): Promise<void>;
}

export const CAMPAIGN_FIELDS = ['name', 'type', 'startAt', 'endAt', 'url'] as const;

const LIST_PAGE = 100;

function ms(value: Date | string | undefined): number | null {
  if (value === undefined || value === null) return null;
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

const dateOf = (value: FieldValue | undefined): Date | undefined => (typeof value === 'string' ? new Date(value) : undefined);

export function openMarketingEvents(apis: MarketingEventApis, pacing: HubSpotPacing, settings: { externalAccountId: string; organizer: string }): CrmEntity {
  const call = <T>(what: string, fn: () => Promise<T>, kind: 'create' | 'idempotent' = 'idempotent') =>
    hubspotCall(pacing, `marketing events ${what}`, fn, { kind });

  const toRecord = (e: MarketingEvent): SideRecord => {
    const fields: Record<string, FieldValue> = {
      name: canonicalValue('name', e.eventName ?? null),
      type: canonicalValue('type', e.eventType ?? null),
      startAt: instantText(ms(e.startDateTime)),
      endAt: instantText(ms(e.endDateTime)),
      url: canonicalValue('url', e.eventUrl ?? null),
    };
    const ours = e.externalAccountId === undefined || e.externalAccountId === settings.externalAccountId;
    return {
      id: String(e.objectId ?? e.id),
      modifiedAt: ms(e.updatedAt) ?? ms(e.createdAt) ?? 0,
      fields,
      pairedId: ours && e.externalEventId ? String(e.externalEventId) : null,
    };
  };

  /** The event's values for the given canonical fields. */
  const values = (fields: Canonical): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if ('name' in fields) out.eventName = fields.name ?? '';
    if ('type' in fields) out.eventType = fields.type ?? '';
    if ('startAt' in fields) out.startDateTime = dateOf(fields.startAt);
    if ('endAt' in fields) out.endDateTime = dateOf(fields.endAt);
    if ('url' in fields) out.eventUrl = fields.url ?? '';
    return out;
  };

  const getOne = async (id: string): Promise<MarketingEvent | null> => {
    try {
      return await call('read', () => apis.getByObjectId(id));
    } catch (error) {
      if (error instanceof HubSpotError && error.status === 404) return null;
      throw error;
    }
  };

  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

  return {
    kind: 'campaign',
    fields: CAMPAIGN_FIELDS,

    async listChanges(since: number, resume: string | null): Promise<ChangePage> {
      const page = await call('list', () => apis.getAll(resume ?? undefined, LIST_PAGE));
      const records = page.results.map(toRecord).filter((r) => r.modifiedAt >= since);
      return { records, next: page.paging?.next?.after ?? null };
    },

    async get(ids) {
      const out: SideRecord[] = [];
      for (const id of ids) {
        const e = await getOne(id);
        if (e) out.push(toRecord(e));
      }
      return out;
    },

    async *listIds() {
      for (let after: string | undefined; ; ) {
        const page = await call('list', () => apis.getAll(after, LIST_PAGE));
        if (page.results.length > 0) yield page.results.map((e) => String(e.objectId ?? e.id));
        after = page.paging?.next?.after;
        if (!after) return;
      }
    },

    async findBySourceIds(sourceIds) {
      const found = new Map<string, string>();
      for (const sourceId of sourceIds) {
        try {
          const e = await call('read by external id', () => apis.getDetails(sourceId, settings.externalAccountId));
          found.set(sourceId, String(e.objectId ?? e.id));
        } catch (error) {
          if (!(error instanceof HubSpotError && error.status === 404)) throw error;
        }
      }
      return found;
    },

    async create(inputs: readonly CreateInput[]): Promise<WriteResult[]> {
      const out: WriteResult[] = [];
      for (const input of inputs) {
        if (typeof input.fields.name !== 'string') {
          out.push({ ok: false, sourceId: input.sourceId, id: null, error: 'HubSpot marketing events need a name' });
          continue;
        }
        try {
          // An upsert by the external id: repeating it (after a killed run) changes nothing.
          const answer = await call('upsert', () =>
            apis.upsert(input.sourceId, {
              externalAccountId: settings.externalAccountId,
              externalEventId: input.sourceId,
              eventOrganizer: settings.organizer,
              customProperties: [],
              ...values(input.fields),
            }),
          );
          const id = String(answer.objectId ?? answer.id);
          const read = (await getOne(id)) ?? answer;
          const r = toRecord({ ...read, objectId: id });
          out.push({ ok: true, sourceId: input.sourceId, id, fields: r.fields, modifiedAt: r.modifiedAt });
        } catch (error) {
          if (!(error instanceof HubSpotError)) throw error;
          out.push({ ok: false, sourceId: input.sourceId, id: null, error: message(error) });
        }
      }
      return out;
    },

    async update(inputs: readonly UpdateInput[]): Promise<WriteResult[]> {
      const out: WriteResult[] = [];
      for (const input of inputs) {
        try {
          const answer = await call('update', () => apis.updateByObjectId(input.id, { customProperties: [], ...values(input.fields) }));
          const r = toRecord({ ...answer, objectId: input.id });
          out.push({ ok: true, sourceId: input.sourceId, id: input.id, fields: r.fields, modifiedAt: r.modifiedAt });
        } catch (error) {
          if (!(error instanceof HubSpotError)) throw error;
          out.push({ ok: false, sourceId: input.sourceId, id: input.id, error: message(error) });
        }
      }
      return out;
    },

    async remove(ids) {
      // Marketing events have one delete; archive and delete are the same thing.
      return removeOneByOne(ids, (id) => call('delete', () => apis.archiveByObjectId(id)));
    },
  };
}
