/** getSessionList, getSpeakerList, getSponsorshipList: an event's programme and sponsors, in id order. */
import { ApiError } from '../../../protocol/errors.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, id } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { EventErrors, eventNotFound } from '../errors.js';
import { eventExists } from '../events/store.js';
import { sessionResult, speakerResult, sponsorResult } from './schemas.js';
import { sessionItems, speakerOf, sponsorOf } from './shapes.js';

export const getSessionList = defineListAction({
  namespace: 'event',
  action: 'getSessionList',
  params: { ...collection, eventId: id() },
  filters: {
    id: { column: 'event_sessions.id', type: 'integer' },
    name: { column: 'event_sessions.name', type: 'string' },
    startDate: { column: 'event_sessions.start_at', type: 'timestamp' },
    endDate: { column: 'event_sessions.end_at', type: 'timestamp' },
    roomId: { column: 'event_sessions.room_id', type: 'integer' },
    isOptional: { column: 'event_sessions.is_optional', type: 'boolean' },
    showInAgenda: { column: 'event_sessions.show_in_agenda', type: 'boolean' },
    createdDate: { column: 'event_sessions.created_at', type: 'timestamp' },
    modifiedDate: { column: 'event_sessions.modified_at', type: 'timestamp' },
  },
  item: sessionResult,
  rows: async (ctx, { eventId }) => {
    if (!(await eventExists(ctx.store, eventId))) throw eventNotFound(EventErrors.sessionEvent, 'Event does not exist');
    return {
      from: ctx.store.selectFrom('event_sessions'),
      idColumn: 'event_sessions.id',
      where: (eb) => eb('event_sessions.event_id', '=', eventId),
      select: (qb) => qb.selectAll('event_sessions'),
    };
  },
  items: (rows, ctx) => sessionItems(ctx.store, rows),
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

/** get-speaker-list.md: 24124 when the event does not include speakers (getEvent's includeSpeakers). */
export const getSpeakerList = defineListAction({
  namespace: 'event',
  action: 'getSpeakerList',
  params: { ...collection, event: id() },
  filters: {
    id: { column: 'event_speakers.id', type: 'integer' },
    fullName: { column: 'event_speakers.full_name', type: 'string' },
    organisation: { column: 'event_speakers.organisation', type: 'string' },
    position: { column: 'event_speakers.position', type: 'string' },
  },
  item: speakerResult,
  rows: async (ctx, { event }) => {
    await eventWith(ctx.store, event, 'include_speakers', EventErrors.speakerEvent, EventErrors.speakerNone, 'Event does not have speakers');
    return {
      from: ctx.store.selectFrom('event_speakers'),
      idColumn: 'event_speakers.id',
      where: (eb) => eb('event_speakers.event_id', '=', event),
      select: (qb) => qb.selectAll('event_speakers'),
    };
  },
  items: (rows) => rows.map(speakerOf),
});

/** get-sponsorship-list.md: 24094 when the event does not include sponsors (getEvent's includeSponsors). */
export const getSponsorshipList = defineListAction({
  namespace: 'event',
  action: 'getSponsorshipList',
  params: { ...collection, event: id() },
  filters: {
    id: { column: 'event_sponsors.id', type: 'integer' },
    name: { column: 'event_sponsors.name', type: 'string' },
    level: { column: 'event_sponsors.level', type: 'integer' },
    customLevelId: { column: 'event_sponsors.custom_level_id', type: 'integer' },
  },
  item: sponsorResult,
  rows: async (ctx, { event }) => {
    await eventWith(ctx.store, event, 'include_sponsors', EventErrors.sponsorshipEvent, EventErrors.sponsorshipNone, 'Event does not have sponsors');
    return {
      from: ctx.store.selectFrom('event_sponsors'),
      idColumn: 'event_sponsors.id',
      where: (eb) => eb('event_sponsors.event_id', '=', event),
      select: (qb) => qb.selectAll('event_sponsors'),
    };
  },
  items: (rows) => rows.map(sponsorOf),
});
