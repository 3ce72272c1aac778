/** addOrUpdateEvent, getEvent, getEventList. */
import { sql } from 'kysely';
import { z } from 'zod';
import { SECOND } from '../../../protocol/timestamp.js';
import { defineAction } from '../../../registry/define-action.js';
import { bool, collection, id, int, number, text, timestamp } from '../../../registry/params.js';
import { fetchPage, type FilterSpec } from '../../../storage/collection.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { EVENT_STATUSES } from '../codes.js';
import { eventNotFound } from '../errors.js';
import { codeList, takeFilter } from '../filters.js';
import { caseless, count, timezone } from '../params.js';
import { addOrUpdateEventResult, eventListResult, eventResult } from './schemas.js';
import { eventListItems, eventsFrom, loadEventDetails, selectEventRow, type EventRow } from './shapes.js';
import { upsertEvent } from './store.js';

const nonNegative = () => number().refine((n) => n >= 0, { message: 'Value must be 0 or greater' });

export const addOrUpdateEvent = defineAction({
  namespace: 'event',
  action: 'addOrUpdateEvent',
  kind: 'write',
  params: z.object({
    id: id().optional(),
    // Marquee accounts have no business units, so it is never required; accepted and ignored.
    businessUnitId: id().optional(),
    eventType: int().optional(),
    title: text(140).optional(),
    timezone: timezone().optional(),
    startDateTime: timestamp().optional(),
    endDateTime: timestamp().optional(),
    capacity: count().optional(),
    budget: nonNegative().nullable().optional(),
    costCenterId: id().nullable().optional(),
    primaryContactUserId: id().nullable().optional(),
  }),
  result: addOrUpdateEventResult,
  async handler(ctx, params) {
    const saved = await upsertEvent(ctx, {
      id: params.id,
      eventType: params.eventType,
      title: params.title,
      timezone: params.timezone,
      startDateTime: params.startDateTime,
      endDateTime: params.endDateTime,
      capacity: params.capacity,
      budgetCents: params.budget === undefined || params.budget === null ? params.budget : Math.round(params.budget * 100),
      costCenterId: params.costCenterId,
      primaryContactUserId: params.primaryContactUserId,
    });
    return { success: true, id: saved.id, code: saved.code };
  },
});

export const getEvent = defineAction({
  namespace: 'event',
  action: 'getEvent',
  kind: 'read',
  params: z.object({ id: id() }),
  result: eventResult,
  async handler(ctx, params) {
    const event = (await loadEventDetails(ctx.store, [params.id], ctx.publicUrl)).get(params.id);
    if (!event) throw eventNotFound();
    return event;
  },
});

/**
 * The documented afterDate / beforeDate (inclusive: events starting at or after, ending at or
 * before) and status (an array, applied outside fetchPage), plus every scalar field of the
 * result with the generic modifiers.
 */
const EVENT_FILTERS: FilterSpec = {
  id: { column: 'events.id', type: 'integer' },
  code: { column: 'events.code', type: 'string' },
  eventType: { column: 'events.event_type', type: 'integer' },
  title: { column: 'events.title', type: 'string' },
  domainName: { column: 'events.domain_name', type: 'string' },
  startDateTime: { column: 'events.start_at', type: 'timestamp' },
  endDateTime: { column: 'events.end_at', type: 'timestamp' },
  currentStatus: { column: 'events.status', type: 'integer' },
  modifiedDate: { column: 'events.modified_at', type: 'timestamp' },
  ...modifiedDateFilters('events.modified_at'),
  afterDate: {
    type: 'timestamp',
    where: (eb, value) => (typeof value === 'number' ? eb('events.start_at', '>=', value) : sql<boolean>`1 = 0`),
  },
  beforeDate: {
    type: 'timestamp',
    where: (eb, value) => (typeof value === 'number' ? eb('events.end_at', '<', value + SECOND) : sql<boolean>`1 = 0`),
  },
};

export const getEventList = defineAction({
  namespace: 'event',
  action: 'getEventList',
  kind: 'read',
  params: z.object({
    ...collection,
    includeVenueDetails: bool().optional(),
    includeTicketDetails: bool().optional(),
    includeInformationDetails: bool().optional(),
    includeHomepageContent: bool().optional(),
    orderBy: caseless(['startDate']).optional(),
    orderDir: caseless(['asc', 'desc']).optional(),
  }),
  result: eventListResult,
  async handler(ctx, params) {
    const { params: rest, value: status } = takeFilter(params, 'status');
    const statuses = status === undefined ? undefined : codeList('status', status, EVENT_STATUSES);
    const byStart = params.orderBy === 'startDate';
    const page = await fetchPage<EventRow>({
      dialect: ctx.store.dialect,
      from: eventsFrom(ctx.store),
      filters: EVENT_FILTERS,
      params: rest,
      idColumn: 'events.id',
      ...(statuses ? { where: (eb) => (statuses.length === 0 ? sql<boolean>`1 = 0` : eb('events.status', 'in', statuses)) } : {}),
      select: (qb) => {
        const selected = selectEventRow(qb);
        return byStart ? selected.orderBy('events.start_at', params.orderDir ?? 'asc') : selected;
      },
    });
    const results = await eventListItems(ctx.store, page.rows, ctx.publicUrl, {
      venue: params.includeVenueDetails === true,
      tickets: params.includeTicketDetails === true,
      information: params.includeInformationDetails === true,
      homepage: params.includeHomepageContent === true,
    });
    return { meta: page.meta, results };
  },
});
