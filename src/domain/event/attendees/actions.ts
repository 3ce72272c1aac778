/** getAttendee, getAttendeeList. */
import { z } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, id } from '../../../registry/params.js';
import { EventErrors, eventNotFound } from '../errors.js';
import { eventExists } from '../events/store.js';
import { attendeeListItemResult, attendeeResult } from './schemas.js';
import { attendeeListItems, attendeesFrom, loadAttendeeDetails, selectAttendeeRow } from './shapes.js';

export const getAttendee = defineAction({
  namespace: 'event',
  action: 'getAttendee',
  kind: 'read',
  params: z.object({ id: id(), eventId: id().optional() }),
  result: attendeeResult,
  async handler(ctx, params) {
    if (params.eventId !== undefined && !(await eventExists(ctx.store, params.eventId))) throw eventNotFound(EventErrors.attendeeEvent);
    const owner = await ctx.store.selectFrom('event_attendees').select('event_id').where('id', '=', params.id).executeTakeFirst();
    if (!owner) throw new ApiError(404, EventErrors.attendeeNotFound, 'Attendee not found');
    if (params.eventId !== undefined && owner.event_id !== params.eventId) {
      throw new ApiError(400, EventErrors.attendeeInvalid, 'Invalid Attendee Id', [
        `Attendee ${params.id} does not belong to event ${params.eventId}`,
      ]);
    }
    return (await loadAttendeeDetails(ctx.store, [params.id], ctx.publicUrl)).get(params.id)!;
  },
});

/** get-attendee-list.md: "No filters available"; any filter key is refused as unknown. */
export const getAttendeeList = defineListAction({
  namespace: 'event',
  action: 'getAttendeeList',
  params: { ...collection, eventId: id() },
  filters: {},
  item: attendeeListItemResult,
  rows: async (ctx, params) => {
    if (!(await eventExists(ctx.store, params.eventId))) throw eventNotFound(EventErrors.attendeeListEvent);
    return {
      from: attendeesFrom(ctx.store),
      idColumn: 'event_attendees.id',
      where: (eb) => eb('event_attendees.event_id', '=', params.eventId),
      select: selectAttendeeRow,
    };
  },
  items: (rows, ctx) => attendeeListItems(ctx.store, rows, ctx.publicUrl),
});
