/** addOrUpdateEvent, getEvent, getEventList. */
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import { SECOND } from '../../../protocol/timestamp.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, bool, id, int, number, text, timestamp } from '../../../registry/params.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { EVENT_STATUSES } from '../codes.js';
import { eventNotFound } from '../errors.js';
import { caseless, count, timezone } from '../params.js';
import { addOrUpdateEventResult, eventListItemResult, eventResult } from './schemas.js';
import { eventListItems, eventsFrom, loadEventDetails, selectEventRow } from './shapes.js';
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
 * before) and status (an array of codes), plus every scalar field of the result with the
 * generic modifiers. orderBy=startDate orders by start, then id as every list does.
 */
export const getEventList = defineListAction({
  namespace: 'event',
  action: 'getEventList',
  params: {
    ...collection,
    includeVenueDetails: bool().optional(),
    includeTicketDetails: bool().optional(),
    includeInformationDetails: bool().optional(),
    includeHomepageContent: bool().optional(),
    orderBy: caseless(['startDate']).optional(),
    orderDir: caseless(['asc', 'desc']).optional(),
  },
  filters: {
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
      where: (eb, value) => (typeof value === 'number' ? eb('events.start_at', '>=', value) : sql<SqlBool>`1 = 0`),
    },
    beforeDate: {
      type: 'timestamp',
      where: (eb, value) => (typeof value === 'number' ? eb('events.end_at', '<', value + SECOND) : sql<SqlBool>`1 = 0`),
    },
    status: { codes: EVENT_STATUSES, whereIn: (eb, codes) => eb('events.status', 'in', codes) },
  },
  item: eventListItemResult,
  rows: (ctx, params) => ({
    from: eventsFrom(ctx.store),
    idColumn: 'events.id',
    select: (qb) => {
      const selected = selectEventRow(qb);
      return params.orderBy === 'startDate' ? selected.orderBy('events.start_at', params.orderDir ?? 'asc') : selected;
    },
  }),
  items: (rows, ctx, params) =>
    eventListItems(ctx.store, rows, ctx.publicUrl, {
      venue: params.includeVenueDetails === true,
      tickets: params.includeTicketDetails === true,
      information: params.includeInformationDetails === true,
      homepage: params.includeHomepageContent === true,
    }),
});
