/** What getVenue and the venue lists show of a venue's guest rooms. */
import { sql } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import type { AccommodationSummary } from '../venues/schemas.js';
import { guestRoomItem, roomsOfVenue } from './guest-rooms/store.js';

/** Number of accommodation rooms per venue id (the capacities of its room types added up); venues without rooms are absent. */
export async function roomCountsOf(store: Scope, venueIds: readonly number[]): Promise<Map<number, number>> {
  if (venueIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('venue_rooms')
    .select(['venue_rooms.venue_id', sql<number>`sum(venue_rooms.capacity)`.as('rooms')])
    .where('venue_rooms.venue_id', 'in', venueIds)
    .groupBy('venue_rooms.venue_id')
    .execute();
  return new Map(rows.map((r) => [r.venue_id, Number(r.rooms)]));
}

/** The venue's guest room types (get-venue.md, accommodation); Marquee stores no room images. */
export async function accommodationOfVenue(store: Scope, venueId: number): Promise<AccommodationSummary[]> {
  return (await roomsOfVenue(store, venueId)).map((row) => ({ ...guestRoomItem(row), image: null }));
}
