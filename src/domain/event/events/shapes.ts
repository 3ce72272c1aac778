/**
 * Event rows -> the documented JSON. Loaders take a batch of events and issue one query per
 * relation (tags, registration counts, tickets, information) for the whole batch.
 */
import type { Selectable } from 'kysely';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { ACTIVE_REGISTRATION_STATUSES, RegistrationStatus } from '../codes.js';
import type { EventsTable } from '../tables.js';
import { websiteUrl } from '../urls.js';
import type { EventDetail, EventListItem, TicketItem } from './schemas.js';

export type EventRow = Selectable<EventsTable> & {
  contact_first_name: string | null;
  contact_last_name: string | null;
  contact_email: string | null;
};

/** The scoped events with their primary contact user (if any), before selection. */
export function eventsFrom(store: Scope) {
  return store.selectFrom('events').leftJoin('users', 'users.id', 'events.primary_contact_user_id');
}

export function selectEventRow(qb: ReturnType<typeof eventsFrom>) {
  return qb
    .selectAll('events')
    .select(['users.first_name as contact_first_name', 'users.last_name as contact_last_name', 'users.email as contact_email']);
}

export async function loadEventRows(store: Scope, ids: readonly number[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return selectEventRow(eventsFrom(store)).where('events.id', 'in', [...new Set(ids)]).orderBy('events.id').execute();
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

async function loadTags(store: Scope, eventIds: readonly number[]): Promise<Map<number, Array<{ id: number; name: string }>>> {
  if (eventIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('event_tag_links')
    .innerJoin('event_tags', 'event_tags.id', 'event_tag_links.tag_id')
    .select(['event_tag_links.event_id', 'event_tags.id', 'event_tags.name'])
    .where('event_tag_links.event_id', 'in', [...eventIds])
    .orderBy('event_tags.id')
    .execute();
  const out = new Map<number, Array<{ id: number; name: string }>>();
  for (const [eventId, list] of groupBy(rows, (r) => r.event_id)) out.set(eventId, list.map((r) => ({ id: r.id, name: r.name })));
  return out;
}

/**
 * numRegistered: registrations that are completed or awaiting payment. In-progress ones are
 * not registered yet and cancelled ones no longer are (docs/compatibility.md, Events).
 */
async function countRegistered(store: Scope, eventIds: readonly number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('event_registrations')
    .select((eb) => ['event_registrations.event_id', eb.fn.countAll<number>().as('n')])
    .where('event_registrations.event_id', 'in', [...eventIds])
    .where('event_registrations.status', 'in', [RegistrationStatus.completed, RegistrationStatus.paymentRequired])
    .groupBy('event_registrations.event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

/** Attendees holding places (for capacity), per event. */
export async function countPlacesTaken(store: Scope, eventIds: readonly number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('event_attendees')
    .innerJoin('event_registrations', 'event_registrations.id', 'event_attendees.registration_id')
    .select((eb) => ['event_attendees.event_id', eb.fn.countAll<number>().as('n')])
    .where('event_attendees.event_id', 'in', [...eventIds])
    .where('event_registrations.status', 'in', [...ACTIVE_REGISTRATION_STATUSES])
    .groupBy('event_attendees.event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

const contactName = (row: EventRow): string =>
  row.contact_first_name === null ? '' : `${row.contact_first_name} ${row.contact_last_name ?? ''}`.trim();

function eventDetail(row: EventRow, tags: Map<number, Array<{ id: number; name: string }>>, registered: Map<number, number>, publicUrl: string): EventDetail {
  return {
    id: row.id,
    code: row.code,
    eventType: row.event_type,
    title: row.title,
    timezone: row.timezone,
    capacity: row.capacity,
    domainName: row.domain_name,
    startDateTime: formatTimestamp(Number(row.start_at)),
    endDateTime: formatTimestamp(Number(row.end_at)),
    numRegistered: registered.get(row.id) ?? 0,
    currentStatus: row.status,
    contactName: contactName(row),
    contactEmail: row.contact_email ?? '',
    websiteUrl: websiteUrl(publicUrl, row.code),
    websiteTemplateBannerImageUrl: row.banner_image_url ?? '',
    eventTags: tags.get(row.id) ?? [],
    appTitle: row.app_title,
    twitter: row.twitter,
    appBanner: row.app_banner,
    map: row.map,
    includeSpeakers: row.include_speakers === 1,
    displaySpeakers: row.display_speakers === 1,
    includeSponsors: row.include_sponsors === 1,
    displaySponsors: row.display_sponsors === 1,
    includeBooths: row.include_booths === 1,
    displayExhibitors: row.display_exhibitors === 1,
    includeAbstracts: row.include_abstracts === 1,
    displayAbstracts: row.display_abstracts === 1,
    useMultipleSessions: row.use_multiple_sessions === 1,
    includeHotels: row.include_hotels === 1,
    includeTravel: row.include_travel === 1,
    includeMembership: row.include_membership === 1,
  };
}

/** getEvent's shape for each of `ids` that exists in the account. */
export async function loadEventDetails(store: Scope, ids: readonly number[], publicUrl: string): Promise<Map<number, EventDetail>> {
  const rows = await loadEventRows(store, ids);
  const eventIds = rows.map((r) => r.id);
  const [tags, registered] = await Promise.all([loadTags(store, eventIds), countRegistered(store, eventIds)]);
  return new Map(rows.map((row) => [row.id, eventDetail(row, tags, registered, publicUrl)]));
}

export interface ListIncludes {
  venue?: boolean;
  tickets?: boolean;
  information?: boolean;
  homepage?: boolean;
}

/** Each event's tickets with their subscription groups, in display order. */
export async function loadTickets(store: Scope, eventIds: readonly number[]): Promise<Map<number, TicketItem[]>> {
  if (eventIds.length === 0) return new Map();
  const tickets = await store
    .selectFrom('event_tickets')
    .selectAll('event_tickets')
    .where('event_tickets.event_id', 'in', [...eventIds])
    .orderBy('event_tickets.event_id')
    .orderBy('event_tickets.sort_order')
    .orderBy('event_tickets.id')
    .execute();
  const groups =
    tickets.length === 0
      ? []
      : await store
          .selectFrom('event_ticket_groups')
          .innerJoin('subscription_groups', 'subscription_groups.id', 'event_ticket_groups.group_id')
          .select(['event_ticket_groups.ticket_id', 'subscription_groups.id', 'subscription_groups.name', 'subscription_groups.tag_colour'])
          .where('event_ticket_groups.ticket_id', 'in', tickets.map((t) => t.id))
          .orderBy('subscription_groups.id')
          .execute();
  const groupsBy = groupBy(groups, (g) => g.ticket_id);
  const out = new Map<number, TicketItem[]>();
  for (const [eventId, list] of groupBy(tickets, (t) => t.event_id)) {
    out.set(
      eventId,
      list.map((t) => ({
        id: t.id,
        title: t.title,
        capacity: t.capacity,
        description: t.description,
        amount: Number(t.amount_cents) / 100,
        isTaxFree: t.is_tax_free === 1,
        subscriptionGroups: (groupsBy.get(t.id) ?? []).map((g) => ({ id: g.id, groupName: g.name, tagColour: g.tag_colour })),
      })),
    );
  }
  return out;
}

async function loadInformation(store: Scope, eventIds: readonly number[]) {
  if (eventIds.length === 0) return new Map<number, EventListItem['information']>();
  const rows = await store
    .selectFrom('event_information')
    .selectAll('event_information')
    .where('event_information.event_id', 'in', [...eventIds])
    .orderBy('event_information.sort_order')
    .orderBy('event_information.id')
    .execute();
  return new Map(
    [...groupBy(rows, (r) => r.event_id)].map(([eventId, list]) => [
      eventId,
      list.map((r) => ({ description: r.description, information: r.information, fileUrl: r.file_url, sortOrder: r.sort_order })),
    ]),
  );
}

/** getEventList's items for a page of rows; optional parts only when asked for. */
export async function eventListItems(
  store: Scope,
  rows: readonly EventRow[],
  publicUrl: string,
  include: ListIncludes,
): Promise<EventListItem[]> {
  const ids = rows.map((r) => r.id);
  const [tags, registered, tickets, information] = await Promise.all([
    loadTags(store, ids),
    countRegistered(store, ids),
    include.tickets ? loadTickets(store, ids) : undefined,
    include.information ? loadInformation(store, ids) : undefined,
  ]);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    eventType: row.event_type,
    title: row.title,
    domainName: row.domain_name,
    startDateTime: formatTimestamp(Number(row.start_at)),
    endDateTime: formatTimestamp(Number(row.end_at)),
    numRegistered: registered.get(row.id) ?? 0,
    currentStatus: row.status,
    contactEmail: row.contact_email ?? '',
    websiteUrl: websiteUrl(publicUrl, row.code),
    websiteTemplateBannerImageUrl: row.banner_image_url ?? '',
    ...(include.venue
      ? {
          venue:
            row.venue_name === null
              ? null
              : { name: row.venue_name, description: row.venue_description, address: row.venue_address, imageUrl: row.venue_image_url },
        }
      : {}),
    ...(tickets ? { tickets: tickets.get(row.id) ?? [] } : {}),
    ...(information ? { information: information.get(row.id) ?? [] } : {}),
    ...(include.homepage ? { homepageContent: row.homepage_content } : {}),
    eventTags: tags.get(row.id) ?? [],
    modifiedDate: formatTimestamp(Number(row.modified_at)),
  }));
}
