/**
 * Check-ins: an attendee attended the event, or one of its sessions. Each moves the attendee's
 * modifiedDate and records EventAttendeeUpdated. Attendees of cancelled registrations cannot
 * check in.
 */
import { RegistrationStatus } from '../codes.js';
import type { EventWriteContext } from '../context.js';
import { loadAttendeeDetails } from './shapes.js';

async function checkIn(ctx: EventWriteContext, attendeeId: number, write: () => Promise<boolean>): Promise<boolean> {
  const attendee = await ctx.store
    .selectFrom('event_attendees')
    .innerJoin('event_registrations', 'event_registrations.id', 'event_attendees.registration_id')
    .select(['event_attendees.id', 'event_registrations.status'])
    .where('event_attendees.id', '=', attendeeId)
    .executeTakeFirst();
  if (!attendee || attendee.status === RegistrationStatus.cancelled) return false;
  const before = (await loadAttendeeDetails(ctx.store, [attendeeId], ctx.publicUrl)).get(attendeeId)!;
  if (!(await write())) return false;
  await ctx.store.updateTable('event_attendees').set({ modified_at: ctx.now }).where('id', '=', attendeeId).execute();
  const after = (await loadAttendeeDetails(ctx.store, [attendeeId], ctx.publicUrl)).get(attendeeId)!;
  await ctx.recordChange('EventAttendeeUpdated', { data: after, previousData: before });
  return true;
}

/** Marks the attendee as having attended the event at `at` (first check-in wins). */
export function markAttended(ctx: EventWriteContext, attendeeId: number, at: number = ctx.now): Promise<boolean> {
  return checkIn(ctx, attendeeId, async () => {
    const result = await ctx.store
      .updateTable('event_attendees')
      .set({ has_attended: 1, attended_at: at })
      .where('id', '=', attendeeId)
      .where('has_attended', '=', 0)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  });
}

/** Marks the attendee as having attended one of the event's sessions (reserved or walk-in). */
export function markSessionAttended(ctx: EventWriteContext, attendeeId: number, sessionId: number, at: number = ctx.now): Promise<boolean> {
  return checkIn(ctx, attendeeId, async () => {
    const session = await ctx.store
      .selectFrom('event_sessions')
      .innerJoin('event_attendees', 'event_attendees.event_id', 'event_sessions.event_id')
      .select('event_sessions.id')
      .where('event_sessions.id', '=', sessionId)
      .where('event_attendees.id', '=', attendeeId)
      .executeTakeFirst();
    if (!session) return false;
    const existing = await ctx.store
      .selectFrom('event_attendee_sessions')
      .select(['has_attended'])
      .where('attendee_id', '=', attendeeId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (existing?.has_attended === 1) return false;
    if (existing) {
      await ctx.store
        .updateTable('event_attendee_sessions')
        .set({ has_attended: 1, attended_at: at })
        .where('attendee_id', '=', attendeeId)
        .where('session_id', '=', sessionId)
        .execute();
    } else {
      await ctx.store
        .insertInto('event_attendee_sessions', { attendee_id: attendeeId, session_id: sessionId, is_reserved: 0, has_attended: 1, attended_at: at })
        .execute();
    }
    return true;
  });
}
