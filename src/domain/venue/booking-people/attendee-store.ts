/** Reading attendees of the caller's account, and their shape on the attendee pages. */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import type { AttendeeItem } from './schemas.js';
import type { BookingAttendeesTable } from './tables.js';

export type AttendeeRow = Selectable<BookingAttendeesTable>;

export interface AttendeeMenuItem {
  sessionId: number;
  menuId: number;
  inventoryId: number;
}

export async function findAttendee(store: Scope, where: { id: number } | { hash: string }): Promise<AttendeeRow | undefined> {
  const query = store.selectFrom('booking_attendees').selectAll();
  return ('id' in where ? query.where('id', '=', where.id) : query.where('hash', '=', where.hash)).executeTakeFirst();
}

/** The menu items each attendee chose, in the order given. */
export async function menuItemsOf(store: Scope, attendeeIds: readonly number[]): Promise<Map<number, AttendeeMenuItem[]>> {
  const byAttendee = new Map<number, AttendeeMenuItem[]>(attendeeIds.map((id) => [id, []]));
  if (attendeeIds.length === 0) return byAttendee;
  const rows = await store
    .selectFrom('booking_attendee_menu_items')
    .select(['attendee_id', 'session_id', 'menu_id', 'inventory_id'])
    .where('attendee_id', 'in', [...new Set(attendeeIds)])
    .orderBy('attendee_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  for (const r of rows) byAttendee.get(r.attendee_id)?.push({ sessionId: r.session_id, menuId: r.menu_id, inventoryId: r.inventory_id });
  return byAttendee;
}

export async function attendeeItems(store: Scope, rows: readonly AttendeeRow[]): Promise<AttendeeItem[]> {
  const items = await menuItemsOf(store, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: String(r.id),
    venueId: String(r.venue_id),
    bookingId: String(r.booking_id),
    hash: r.hash,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone,
    email: r.email,
    dietaryRequirement: r.dietary_requirement,
    isFromCateringWebsite: r.is_from_catering_website === 1,
    menuItems: (items.get(r.id) ?? []).map((m) => ({ sessionId: String(m.sessionId), menuId: String(m.menuId), inventoryId: String(m.inventoryId) })),
  }));
}
