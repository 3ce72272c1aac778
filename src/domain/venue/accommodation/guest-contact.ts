/**
 * venue.updateBookingRoomReservationGuestContact (update-booking-room-reservation-guest-contact.md):
 * the contact details of a venue guest, named by its guestContactId (`id`), else by first name,
 * last name and email. Only contacts that are some venue's guest are guest contacts (24421
 * otherwise); an anonymised one cannot be updated (24425). The contact changes through the
 * contact namespace's rules, and every reservation showing the guest records
 * BookingRoomReservationUpdated, where the announcement tells clients to follow guests.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { email, id, string, text } from '../../../registry/params.js';
import { upsertContact } from '../../contact/contacts/upsert.js';
import { GUEST_CONTACT_CODES as C, guardAccommodationWrite } from './errors.js';
import { reservationItem } from './reservation-shapes.js';
import type { ReservationItem } from './schemas.js';
import { findReservation } from './store.js';

const params = z.object({
  id: id().optional(),
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  phone: string(50).optional(),
  email: email().optional(),
});
type Params = z.output<typeof params>;

const invalid = (...reasons: string[]) => new ApiError(400, C.invalid, 'The request contains invalid data', reasons);
const notFound = () => new ApiError(404, C.notFound, 'Could not find contact');

async function guestContact(ctx: ActionContext, p: Params) {
  if (p.id === undefined && (p.firstName === undefined || p.lastName === undefined || p.email === undefined)) {
    throw new ApiError(400, C.noIdentity, 'contact id or identity must be there');
  }
  for (const name of ['firstName', 'lastName', 'phone', 'email'] as const) if (p[name] === undefined) throw invalid(`${name}: *Value is required and can't be empty*`);
  const guestContacts = ctx.store
    .selectFrom('contacts')
    .select(['contacts.id', 'contacts.is_anonymised'])
    .where((eb) => eb.exists(eb.selectFrom('venue_guests').select('venue_guests.id').whereRef('venue_guests.contact_id', '=', 'contacts.id')));
  const contact =
    p.id !== undefined
      ? await guestContacts.where('contacts.id', '=', p.id).executeTakeFirst()
      : await guestContacts
          .where(sql`lower(contacts.email)`, '=', sql`lower(${p.email!.trim()})`)
          .where(sql`lower(contacts.first_name)`, '=', sql`lower(${p.firstName!.trim()})`)
          .where(sql`lower(contacts.last_name)`, '=', sql`lower(${p.lastName!.trim()})`)
          .where('contacts.is_anonymised', '=', 0)
          .orderBy('contacts.id')
          .executeTakeFirst();
  if (!contact) throw notFound();
  if (contact.is_anonymised === 1) throw new ApiError(400, C.anonymised, 'The request contains invalid data', ['id: The guest contact is anonymised and cannot be updated']);

  const reservationIds = await affectedReservations(ctx, contact.id);
  const before = new Map<number, ReservationItem>();
  for (const rid of reservationIds) before.set(rid, await reservationItem(ctx.store, rid));
  await upsertContact(ctx, { id: contact.id, firstName: p.firstName!, lastName: p.lastName!, email: p.email!, phone: p.phone! });
  for (const rid of reservationIds) {
    const after = await reservationItem(ctx.store, rid);
    if (JSON.stringify(after) !== JSON.stringify(before.get(rid))) await ctx.recordChange('BookingRoomReservationUpdated', { data: after, previousData: before.get(rid) });
  }
  return { success: true as const, id: contact.id };
}

/** The reservations that show a guest of the contact: as main guest, a room's guest or an additional guest. */
async function affectedReservations(ctx: ActionContext, contactId: number): Promise<number[]> {
  const guests = (await ctx.store.selectFrom('venue_guests').select('id').where('contact_id', '=', contactId).execute()).map((g) => g.id);
  const [main, rooms, extras] = await Promise.all([
    ctx.store.selectFrom('booking_room_reservations').select('id').where('main_guest_id', 'in', guests).execute(),
    ctx.store.selectFrom('booking_reserved_rooms').select('reservation_id as id').where('guest_id', 'in', guests).execute(),
    ctx.store
      .selectFrom('booking_reserved_room_guests')
      .innerJoin('booking_reserved_rooms', 'booking_reserved_rooms.id', 'booking_reserved_room_guests.reserved_room_id')
      .select('booking_reserved_rooms.reservation_id as id')
      .where('booking_reserved_room_guests.guest_id', 'in', guests)
      .execute(),
  ]);
  const ids = [...new Set([...main, ...rooms, ...extras].map((r) => r.id))].sort((a, b) => a - b);
  const out: number[] = [];
  for (const rid of ids) if (await findReservation(ctx.store, rid)) out.push(rid);
  return out;
}

export const updateBookingRoomReservationGuestContact = defineAction({
  namespace: 'venue',
  action: 'updateBookingRoomReservationGuestContact',
  kind: 'write',
  params,
  result: z.strictObject({ success: z.literal(true), id: z.number().int() }),
  handler: (ctx, p) => guardAccommodationWrite(ctx, C.failed, () => guestContact(ctx, p)),
});
