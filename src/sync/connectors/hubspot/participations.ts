/**
 * Campaign members as HubSpot marketing event participations. A member is a contact's state
 * in a marketing event — registered, attended or cancelled — recorded with
 * `POST /marketing/v3/marketing-events/{objectId}/attendance/{register|attend|cancel}/create`
 * and read back from the participations breakdown of the event
 * (`GET /marketing/v3/marketing-events/participations/{marketingEventId}/breakdown`).
 * HubSpot has no participation id of its own to write to: the member's CRM id is
 * `<marketing event objectId>:<contact id>`. Recording a state twice is harmless, so a create
 * repeated after a killed run needs no recovery. A member with no state (invited, undecided)
 * exists as long as its marketing event does; HubSpot has no way to remove a state, so a
 * member whose state goes away is recorded as cancelled.
 *
 * Canonical fields held: campaign, contact (the ids in the member id), participation
 * (registered, attended, cancelled; HubSpot's NO_SHOW reads as no-show) and participatedAt
 * (the interaction time HubSpot keeps as occurredAt).
 */
import type { CrmEntity } from '../../connector.js';
import { instantText } from '../../ivvy/related.js';
import type { ChangePage, CreateInput, FieldValue, SideRecord, UpdateInput, WriteResult } from '../../types.js';
import { HubSpotError, hubspotCall, type HubSpotPacing } from './calls.js';

interface Breakdown {
  id: string;
  createdAt?: Date | string;
  associations: { contact: { contactId: string }; marketingEvent: { marketingEventId: string } };
  properties: { attendanceState: string; occurredAt: number };
}

/** What the SDK offers (client.marketing.events …). */
export interface ParticipationApis {
  record(objectId: string, state: 'register' | 'attend' | 'cancel', input: { inputs: Array<{ vid: number; interactionDateTime: number; properties?: Record<string, string> }> }): Promise<{
    results?: Array<{ vid: number }>;
    errors?: Array<{ message?: string }>;
  }>;
  breakdown(marketingEventId: number, contactIdentifier?: string, state?: string, limit?: number, after?: string): Promise<{
    results: Breakdown[];
    paging?: { next?: { after: string } };
  }>;
  eventExists(objectId: string): Promise<boolean>;
  eventIds(after?: string): Promise<{ ids: string[]; after: string | null }>;
}

export const MEMBER_FIELDS = ['campaign', 'contact', 'participation', 'participatedAt'] as const;

const STATE_PATH = { registered: 'register', attended: 'attend', cancelled: 'cancel' } as const;
const STATE_READ: Readonly<Record<string, string>> = { REGISTERED: 'registered', ATTENDED: 'attended', CANCELLED: 'cancelled', NO_SHOW: 'no-show' };
const PAGE = 100;
/** HubSpot takes up to this many contacts per attendance call. */
const RECORD_BATCH = 100;

export const participationId = (eventObjectId: string, contactId: string): string => `${eventObjectId}:${contactId}`;

function split(id: string): { event: string; contact: string } | null {
  const at = id.indexOf(':');
  if (at <= 0 || at === id.length - 1) return null;
  return { event: id.slice(0, at), contact: id.slice(at + 1) };
}

export function openParticipations(apis: ParticipationApis, pacing: HubSpotPacing): CrmEntity {
  const call = <T>(what: string, fn: () => Promise<T>) => hubspotCall(pacing, `marketing event participations ${what}`, fn);

  /** Every participation of one event, by contact id (null: the event does not exist). */
  const participations = async (event: string): Promise<Map<string, Breakdown> | null> => {
    if (!/^\d+$/.test(event) || !(await call('event', () => apis.eventExists(event)))) return null;
    const out = new Map<string, Breakdown>();
    for (let after: string | undefined; ; ) {
      const page = await call('breakdown', () => apis.breakdown(Number(event), undefined, undefined, PAGE, after));
      for (const b of page.results) out.set(String(b.associations.contact.contactId), b);
      after = page.paging?.next?.after;
      if (!after) return out;
    }
  };

  const record = (event: string, contact: string, b: Breakdown | undefined): SideRecord => {
    const fields: Record<string, FieldValue> = {
      campaign: event,
      contact,
      participation: b ? (STATE_READ[b.properties.attendanceState] ?? null) : null,
      participatedAt: b ? instantText(b.properties.occurredAt) : null,
    };
    const created = b?.createdAt instanceof Date ? b.createdAt.getTime() : b?.createdAt ? Date.parse(b.createdAt) : 0;
    return { id: participationId(event, contact), modifiedAt: b?.properties.occurredAt ?? created ?? 0, fields, pairedId: null };
  };

  const get = async (ids: readonly string[]): Promise<SideRecord[]> => {
    const byEvent = new Map<string, Set<string>>();
    for (const id of ids) {
      const parts = split(id);
      if (!parts) continue;
      byEvent.set(parts.event, (byEvent.get(parts.event) ?? new Set()).add(parts.contact));
    }
    const out: SideRecord[] = [];
    for (const [event, contacts] of byEvent) {
      const found = await participations(event);
      if (found === null) continue;
      for (const contact of contacts) out.push(record(event, contact, found.get(contact)));
    }
    return out;
  };

  /** Records the wanted state of each member (grouped by event and state), then reads them back. */
  const write = async (inputs: Array<{ sourceId: string; id: string | null; event: string | null; contact: string | null; state: FieldValue; at: FieldValue }>): Promise<WriteResult[]> => {
    const failed = new Map<string, string>();
    const groups = new Map<string, typeof inputs>();
    for (const input of inputs) {
      if (input.event === null || input.contact === null || !/^\d+$/.test(input.contact)) {
        failed.set(input.sourceId, `the member's ${input.event === null ? 'campaign (event)' : 'contact'} is not in HubSpot yet`);
        continue;
      }
      if (input.state === null) continue;
      const path = STATE_PATH[String(input.state) as keyof typeof STATE_PATH];
      if (!path) {
        failed.set(input.sourceId, `HubSpot has no participation state for '${String(input.state)}'`);
        continue;
      }
      const key = `${input.event}\u0000${path}`;
      groups.set(key, [...(groups.get(key) ?? []), input]);
    }
    for (const [key, members] of groups) {
      const [event, path] = key.split('\u0000') as [string, 'register' | 'attend' | 'cancel'];
      for (let i = 0; i < members.length; i += RECORD_BATCH) {
        const chunk = members.slice(i, i + RECORD_BATCH);
        try {
          const answer = await call(`record ${path}`, () =>
            apis.record(event, path, {
              inputs: chunk.map((m) => ({
                vid: Number(m.contact),
                interactionDateTime: typeof m.at === 'string' ? Date.parse(m.at) : Date.now(),
                properties: {},
              })),
            }),
          );
          const done = new Set((answer.results ?? []).map((r) => String(r.vid)));
          const why = answer.errors?.map((e) => e.message).join('; ') || 'not recorded';
          for (const m of chunk) if (!done.has(m.contact!)) failed.set(m.sourceId, `HubSpot ${path}: ${why}`);
        } catch (error) {
          if (!(error instanceof HubSpotError)) throw error;
          for (const m of chunk) failed.set(m.sourceId, error.message);
        }
      }
    }
    const ids = inputs.filter((i) => !failed.has(i.sourceId)).map((i) => participationId(i.event!, i.contact!));
    const back = new Map((await get(ids)).map((r) => [r.id, r]));
    return inputs.map((input): WriteResult => {
      const failure = failed.get(input.sourceId);
      const id = input.event !== null && input.contact !== null ? participationId(input.event, input.contact) : input.id;
      const r = id !== null ? back.get(id) : undefined;
      if (failure !== undefined || !r) return { ok: false, sourceId: input.sourceId, id: input.id, error: failure ?? 'the marketing event no longer exists' };
      return { ok: true, sourceId: input.sourceId, id: r.id, fields: r.fields, modifiedAt: r.modifiedAt };
    });
  };

  const str = (v: FieldValue | undefined) => (typeof v === 'string' ? v : null);

  return {
    kind: 'campaignMember',
    fields: MEMBER_FIELDS,

    async listChanges(since: number, resume: string | null): Promise<ChangePage> {
      const page = await call('events', () => apis.eventIds(resume ?? undefined));
      const records: SideRecord[] = [];
      for (const event of page.ids) {
        const found = await participations(event);
        for (const [contact, b] of found ?? []) if (b.properties.occurredAt >= since) records.push(record(event, contact, b));
      }
      return { records, next: page.after };
    },

    get,

    async *listIds() {
      for (let after: string | undefined; ; ) {
        const page = await call('events', () => apis.eventIds(after));
        for (const event of page.ids) {
          const found = await participations(event);
          if (found && found.size > 0) yield [...found.keys()].map((c) => participationId(event, c));
        }
        if (!page.after) return;
        after = page.after;
      }
    },

    // Recording a state is idempotent: a create repeated after a killed run needs no lookup.
    findBySourceIds: async () => new Map(),

    create: (inputs: readonly CreateInput[]) =>
      write(
        inputs.map((i) => ({
          sourceId: i.sourceId,
          id: null,
          event: str(i.fields.campaign),
          contact: str(i.fields.contact),
          state: i.fields.participation ?? null,
          at: i.fields.participatedAt ?? null,
        })),
      ),

    update: (inputs: readonly UpdateInput[]) =>
      write(
        inputs.map((u) => {
          const parts = split(u.id);
          const wanted = 'participation' in u.fields ? (u.fields.participation ?? null) : (u.known?.participation ?? null);
          // A state cannot be taken back in HubSpot: the closest is a cancellation.
          const state = wanted === null && u.known?.participation ? 'cancelled' : wanted;
          return {
            sourceId: u.sourceId,
            id: u.id,
            event: parts?.event ?? null,
            contact: parts?.contact ?? null,
            state,
            at: 'participatedAt' in u.fields ? (u.fields.participatedAt ?? null) : (u.known?.participatedAt ?? null),
          };
        }),
      ),

    async remove(ids) {
      // Members of a deleted event: cancelled where the event still exists.
      const results = await write(
        ids.map((id) => {
          const parts = split(id);
          return { sourceId: id, id, event: parts?.event ?? null, contact: parts?.contact ?? null, state: 'cancelled', at: null };
        }),
      );
      return results.map((r) => ({ id: r.sourceId, ok: r.ok, ...(r.ok ? {} : { error: r.error }) }));
    },
  };
}
