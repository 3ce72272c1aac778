/**
 * The menu items an attendee chooses (add-or-update-booking-attendee.md, Menu Item): for one of
 * the booking's sessions, one of the venue menus served in it (menuId, as
 * addOrUpdateBookingSessionMenu names the menu) and one of the items that session menu serves
 * (inventoryId: its required items and the options chosen for it). An attendee can only pick
 * what is on the session's table.
 */
import type { Scope } from '../../../storage/scope.js';
import type { AttendeeMenuItem } from './attendee-store.js';
import { ATTENDEE_CODES, rejected } from './errors.js';

export async function checkMenuItems(store: Scope, bookingId: number, given: readonly AttendeeMenuItem[]): Promise<AttendeeMenuItem[]> {
  const unique = [...new Map(given.map((m) => [`${m.sessionId}/${m.menuId}/${m.inventoryId}`, m])).values()];
  if (unique.length === 0) return [];
  const sessionIds = [...new Set(unique.map((m) => m.sessionId))];
  const [sessions, lines] = await Promise.all([
    store.selectFrom('booking_sessions').select('id').where('booking_id', '=', bookingId).where('id', 'in', sessionIds).execute(),
    store.selectFrom('booking_session_menus').select(['session_id', 'menu_id', 'items']).where('booking_id', '=', bookingId).where('session_id', 'in', sessionIds).execute(),
  ]);
  const ofBooking = new Set(sessions.map((s) => s.id));
  const served = new Map<string, Set<number>>();
  for (const line of lines) {
    const key = `${line.session_id}/${line.menu_id}`;
    const items = served.get(key) ?? new Set<number>();
    for (const item of JSON.parse(line.items) as Array<{ itemId: number }>) items.add(item.itemId);
    served.set(key, items);
  }
  for (const m of unique) {
    if (!ofBooking.has(m.sessionId)) throw rejected(ATTENDEE_CODES, `menuItems.sessionId: ${m.sessionId} is not a session of booking ${bookingId}`);
    const items = served.get(`${m.sessionId}/${m.menuId}`);
    if (!items) throw rejected(ATTENDEE_CODES, `menuItems.menuId: menu ${m.menuId} is not served in session ${m.sessionId}`);
    if (!items.has(m.inventoryId)) throw rejected(ATTENDEE_CODES, `menuItems.inventoryId: ${m.inventoryId} is not an item menu ${m.menuId} serves in session ${m.sessionId}`);
  }
  return unique;
}

export async function replaceMenuItems(store: Scope, attendeeId: number, items: readonly AttendeeMenuItem[]): Promise<void> {
  await store.deleteFrom('booking_attendee_menu_items').where('attendee_id', '=', attendeeId).execute();
  if (items.length === 0) return;
  await store
    .insertInto(
      'booking_attendee_menu_items',
      items.map((m, i) => ({ attendee_id: attendeeId, session_id: m.sessionId, menu_id: m.menuId, inventory_id: m.inventoryId, sort_order: i })),
    )
    .execute();
}
