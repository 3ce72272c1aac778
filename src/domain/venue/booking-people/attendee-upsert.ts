/**
 * venue.addOrUpdateBookingAttendee (add-or-update-booking-attendee.md). Without id or hash it
 * adds an attendee to the booking; with either it updates that attendee of the booking (id wins
 * when both are sent). firstName, lastName, phone and email are required when adding and may not
 * be blanked; menuItems, when sent, replace the attendee's menu items (attendee-menu-items.ts).
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, id, string } from '../../../registry/params.js';
import { requireVenue } from '../venues/store.js';
import { newAttendeeHash } from './attendee-hash.js';
import { checkMenuItems, replaceMenuItems } from './attendee-menu-items.js';
import { attendeeItems, findAttendee, type AttendeeRow } from './attendee-store.js';
import { recordBookingChildChange } from './changes.js';
import { ATTENDEE_CODES, attendeeBookingNotFound, attendeeNotFound, guardPeopleWrite, invalid, required } from './errors.js';
import { upsertResult } from './schemas.js';

const C = ATTENDEE_CODES;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const attendeeParams = z.object({
  id: id().optional(),
  hash: string(64).optional(),
  venueId: id(),
  bookingId: id(),
  // Optional here so that a missing one gets the page's own answer (24413), not a type error.
  firstName: string(255).optional(),
  lastName: string(255).optional(),
  phone: string(50).optional(),
  email: string(254).optional(),
  dietaryRequirement: string(2000).nullable().optional(),
  menuItems: array(z.object({ sessionId: id(), menuId: id(), inventoryId: id() }), 200).nullable().optional(),
});
type AttendeeParams = z.output<typeof attendeeParams>;

type Person = Pick<AttendeeRow, 'first_name' | 'last_name' | 'phone' | 'email'>;

/** The attendee's name, phone and email as they will be saved: given ones trimmed, none blank. */
function person(p: AttendeeParams, current: AttendeeRow | undefined): Person {
  const field = (param: 'firstName' | 'lastName' | 'phone' | 'email', stored: string | undefined): string => {
    const value = p[param]?.trim();
    if (value === undefined && stored !== undefined) return stored;
    if (!value) throw required(C, param);
    return value;
  };
  const saved = {
    first_name: field('firstName', current?.first_name),
    last_name: field('lastName', current?.last_name),
    phone: field('phone', current?.phone),
    email: field('email', current?.email),
  };
  if (!EMAIL.test(saved.email)) throw invalid(C, `email: '${saved.email}' is not a valid email address`);
  return saved;
}

async function target(ctx: ActionContext, p: AttendeeParams, bookingId: number): Promise<AttendeeRow | undefined> {
  const where = p.id !== undefined ? { id: p.id } : p.hash !== undefined && p.hash.trim() !== '' ? { hash: p.hash.trim() } : undefined;
  if (!where) return undefined;
  const row = await findAttendee(ctx.store, where);
  if (!row || row.booking_id !== bookingId) throw attendeeNotFound();
  return row;
}

async function upsertAttendee(ctx: ActionContext, p: AttendeeParams) {
  await requireVenue(ctx.store, p.venueId);
  const booking = await ctx.store.selectFrom('bookings').select(['id', 'venue_id']).where('id', '=', p.bookingId).executeTakeFirst();
  if (!booking || booking.venue_id !== p.venueId) throw attendeeBookingNotFound();
  const current = await target(ctx, p, booking.id);
  const columns = {
    ...person(p, current),
    dietary_requirement: p.dietaryRequirement !== undefined ? p.dietaryRequirement?.trim() || null : (current?.dietary_requirement ?? null),
  };
  const menuItems = p.menuItems != null ? await checkMenuItems(ctx.store, booking.id, p.menuItems) : undefined;
  const name = `${columns.first_name} ${columns.last_name}`;

  if (!current) {
    const row = await ctx.store
      .insertInto('booking_attendees', { venue_id: booking.venue_id, booking_id: booking.id, hash: newAttendeeHash(), ...columns, created_at: ctx.now, modified_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (menuItems) await replaceMenuItems(ctx.store, row.id, menuItems);
    await recordBookingChildChange(ctx, booking, `Attendee '${name}' (#${row.id}) added`);
    return { success: true as const, id: row.id };
  }

  const [before] = await attendeeItems(ctx.store, [current]);
  await ctx.store.updateTable('booking_attendees').set(columns).where('id', '=', current.id).execute();
  if (menuItems) await replaceMenuItems(ctx.store, current.id, menuItems);
  const [after] = await attendeeItems(ctx.store, [(await findAttendee(ctx.store, { id: current.id }))!]);
  // An update that changes nothing leaves the attendee, the booking and the changelog as they were.
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await ctx.store.updateTable('booking_attendees').set({ modified_at: ctx.now }).where('id', '=', current.id).execute();
    await recordBookingChildChange(ctx, booking, `Attendee '${name}' (#${current.id}) updated`);
  }
  return { success: true as const, id: current.id };
}

export const addOrUpdateBookingAttendee = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingAttendee',
  kind: 'write',
  params: attendeeParams,
  result: upsertResult,
  handler: (ctx, p) => guardPeopleWrite(ctx, C.failed, () => upsertAttendee(ctx, p)),
});
