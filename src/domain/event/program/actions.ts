/** getSessionList, getSpeakerList, getSponsorshipList: an event's programme and sponsors. */
import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import { formatOptionalTimestamp, formatTimestamp } from '../../../protocol/timestamp.js';
import { defineAction } from '../../../registry/define-action.js';
import { collection, id, type CollectionParams } from '../../../registry/params.js';
import { fetchPage, type FilterSpec, type Page } from '../../../storage/collection.js';
import type { Database } from '../../../storage/schema.js';
import type { Scope } from '../../../storage/scope.js';
import { EventErrors, eventNotFound } from '../errors.js';
import { eventExists } from '../events/store.js';
import type { EventSessionsTable } from '../tables.js';
import { sessionListResult, speakerListResult, sponsorListResult, type SessionItem } from './schemas.js';

type SessionRow = Selectable<EventSessionsTable>;

async function linkedIds(
  store: Scope,
  table: 'event_session_speakers' | 'event_session_tickets',
  sessionIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (sessionIds.length === 0) return out;
  const rows =
    table === 'event_session_speakers'
      ? await store
          .selectFrom('event_session_speakers')
          .select(['session_id', 'speaker_id as ref'])
          .where('session_id', 'in', [...sessionIds])
          .orderBy('speaker_id')
          .execute()
      : await store
          .selectFrom('event_session_tickets')
          .select(['session_id', 'ticket_id as ref'])
          .where('session_id', 'in', [...sessionIds])
          .orderBy('ticket_id')
          .execute();
  for (const r of rows) {
    const list = out.get(r.session_id);
    if (list) list.push(r.ref);
    else out.set(r.session_id, [r.ref]);
  }
  return out;
}

function sessionOf(row: SessionRow, speakers: Map<number, number[]>, tickets: Map<number, number[]>): SessionItem {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    startDate: formatTimestamp(Number(row.start_at)),
    endDate: formatTimestamp(Number(row.end_at)),
    description: row.description,
    roomId: row.room_id,
    isOptional: row.is_optional === 1,
    maxCapacity: row.max_capacity,
    costAmount: Math.round(Number(row.cost_cents)) / 100,
    isTaxFree: row.is_tax_free === 1,
    autoCloseDate: formatOptionalTimestamp(row.auto_close_at === null ? null : Number(row.auto_close_at)),
    setupTime: row.setup_minutes,
    breakdownTime: row.breakdown_minutes,
    speakers: speakers.get(row.id) ?? [],
    showInAgenda: row.show_in_agenda === 1,
    showTime: row.show_time === 1,
    onlyForCertainTickets: row.only_for_certain_tickets === 1,
    tickets: row.only_for_certain_tickets === 1 ? (tickets.get(row.id) ?? []) : [],
    notes: row.notes,
    setupNotes: row.setup_notes,
    createdDate: formatTimestamp(Number(row.created_at)),
    modifiedDate: formatTimestamp(Number(row.modified_at)),
    allowGuests: row.allow_guests === 1,
  };
}

type ProgramTable = 'event_sessions' | 'event_speakers' | 'event_sponsors';

/** One page of an event's sessions, speakers or sponsors, in id order. */
function pageOfEvent<T extends ProgramTable>(
  store: Scope,
  table: T,
  eventId: number,
  filters: FilterSpec,
  params: CollectionParams,
): Promise<Page<Selectable<Database[T]>>> {
  return fetchPage<Selectable<Database[T]>>({
    dialect: store.dialect,
    from: store.selectFrom(table),
    filters,
    params,
    idColumn: `${table}.id`,
    where: (eb) => eb(sql.ref<number>(`${table}.event_id`), '=', eventId),
    select: (qb) => (qb as SelectQueryBuilder<Database, ProgramTable, {}>).selectAll(table),
  });
}

const SESSION_FILTERS: FilterSpec = {
  id: { column: 'event_sessions.id', type: 'integer' },
  name: { column: 'event_sessions.name', type: 'string' },
  startDate: { column: 'event_sessions.start_at', type: 'timestamp' },
  endDate: { column: 'event_sessions.end_at', type: 'timestamp' },
  roomId: { column: 'event_sessions.room_id', type: 'integer' },
  isOptional: { column: 'event_sessions.is_optional', type: 'boolean' },
  showInAgenda: { column: 'event_sessions.show_in_agenda', type: 'boolean' },
  createdDate: { column: 'event_sessions.created_at', type: 'timestamp' },
  modifiedDate: { column: 'event_sessions.modified_at', type: 'timestamp' },
};

export const getSessionList = defineAction({
  namespace: 'event',
  action: 'getSessionList',
  kind: 'read',
  params: z.object({ ...collection, eventId: id() }),
  result: sessionListResult,
  async handler(ctx, params) {
    if (!(await eventExists(ctx.store, params.eventId))) throw eventNotFound(EventErrors.sessionEvent, 'Event does not exist');
    const page = await pageOfEvent(ctx.store, 'event_sessions', params.eventId, SESSION_FILTERS, params);
    const ids = page.rows.map((r) => r.id);
    const [speakers, tickets] = await Promise.all([
      linkedIds(ctx.store, 'event_session_speakers', ids),
      linkedIds(ctx.store, 'event_session_tickets', ids),
    ]);
    return { meta: page.meta, results: page.rows.map((r) => sessionOf(r, speakers, tickets)) };
  },
});

/** The event for a speaker or sponsor list, or the page's own errors. */
async function eventWith(
  store: Scope,
  eventId: number,
  flag: 'include_speakers' | 'include_sponsors',
  notFoundCode: number,
  noneCode: number,
  noneMessage: string,
): Promise<void> {
  const event = await store.selectFrom('events').select(['id', flag]).where('id', '=', eventId).executeTakeFirst();
  if (!event) throw eventNotFound(notFoundCode);
  if ((event as Record<string, unknown>)[flag] !== 1) throw new ApiError(404, noneCode, noneMessage);
}

const SPEAKER_FILTERS: FilterSpec = {
  id: { column: 'event_speakers.id', type: 'integer' },
  fullName: { column: 'event_speakers.full_name', type: 'string' },
  organisation: { column: 'event_speakers.organisation', type: 'string' },
  position: { column: 'event_speakers.position', type: 'string' },
};

/** get-speaker-list.md: 24124 when the event does not include speakers (getEvent's includeSpeakers). */
export const getSpeakerList = defineAction({
  namespace: 'event',
  action: 'getSpeakerList',
  kind: 'read',
  params: z.object({ ...collection, event: id() }),
  result: speakerListResult,
  async handler(ctx, params) {
    await eventWith(ctx.store, params.event, 'include_speakers', EventErrors.speakerEvent, EventErrors.speakerNone, 'Event does not have speakers');
    const page = await pageOfEvent(ctx.store, 'event_speakers', params.event, SPEAKER_FILTERS, params);
    return {
      meta: page.meta,
      results: page.rows.map((r) => ({
        id: String(r.id),
        fullName: r.full_name,
        organisation: r.organisation,
        position: r.position,
        profileDescription: r.profile_description,
        profileImageUrl: r.profile_image_url,
      })),
    };
  },
});

/** `44`, `44.5`-style amounts as the sponsor example shows them: whole units bare, else cents. */
const amountText = (cents: number): string => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

const SPONSOR_FILTERS: FilterSpec = {
  id: { column: 'event_sponsors.id', type: 'integer' },
  name: { column: 'event_sponsors.name', type: 'string' },
  level: { column: 'event_sponsors.level', type: 'integer' },
  customLevelId: { column: 'event_sponsors.custom_level_id', type: 'integer' },
};

/** get-sponsorship-list.md: 24094 when the event does not include sponsors (getEvent's includeSponsors). */
export const getSponsorshipList = defineAction({
  namespace: 'event',
  action: 'getSponsorshipList',
  kind: 'read',
  params: z.object({ ...collection, event: id() }),
  result: sponsorListResult,
  async handler(ctx, params) {
    await eventWith(ctx.store, params.event, 'include_sponsors', EventErrors.sponsorshipEvent, EventErrors.sponsorshipNone, 'Event does not have sponsors');
    const page = await pageOfEvent(ctx.store, 'event_sponsors', params.event, SPONSOR_FILTERS, params);
    return {
      meta: page.meta,
      results: page.rows.map((r) => ({
        id: String(r.id),
        name: r.name,
        description: r.description,
        websiteAddress: r.website_address,
        logoImageUrl: r.logo_image_url,
        level: String(r.level),
        customLevelId: r.custom_level_id === null ? null : String(r.custom_level_id),
        sponsorshipAmount: amountText(Number(r.amount_cents)),
        sponsorshipAmountPaid: amountText(Number(r.amount_paid_cents)),
      })),
    };
  },
});
