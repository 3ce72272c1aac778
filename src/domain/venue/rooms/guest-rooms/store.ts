/** Reading guest room types of the caller's account. */
import type { Selectable } from 'kysely';
import { toAmount } from '../../../invoice/money.js';
import { prepared } from '../../../../storage/prepared.js';
import type { Scope } from '../../../../storage/scope.js';
import type { GuestRoomItem } from '../schemas.js';
import type { VenueRoomsTable } from '../tables.js';

export type RoomRow = Selectable<VenueRoomsTable>;

export async function findRoom(store: Scope, id: number): Promise<RoomRow | undefined> {
  return store.selectFrom('venue_rooms').selectAll('venue_rooms').where('venue_rooms.id', '=', id).executeTakeFirst();
}

/**
 * The venue's room types in id order; with `ids`, only those of them (ids of other venues or
 * accounts match nothing, as a filter would).
 */
export async function roomsOfVenue(store: Scope, venueId: number, ids?: readonly number[]): Promise<RoomRow[]> {
  if (ids === undefined) return allRoomsOfVenue(store, { venueId });
  if (ids.length === 0) return [];
  return someRoomsOfVenue(store, { venueId, ids: [...new Set(ids)] });
}

// The ARI reads channel managers poll start here (bench/room-rates.ts): built and compiled once.
const allRoomsOfVenue = prepared((store, p: { venueId: number }) =>
  store.selectFrom('venue_rooms').selectAll('venue_rooms').where('venue_rooms.venue_id', '=', p.venueId).orderBy('venue_rooms.id'),
);

const someRoomsOfVenue = prepared((store, p: { venueId: number; ids: number[] }) =>
  store.selectFrom('venue_rooms').selectAll('venue_rooms').where('venue_rooms.venue_id', '=', p.venueId).where('venue_rooms.id', 'in', p.ids).orderBy('venue_rooms.id'),
);

/** A room type as get-venue-room-list.md shows it. */
export function guestRoomItem(row: RoomRow): GuestRoomItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    numStandardAdults: row.num_standard_adults,
    numExtraAdults: row.num_extra_adults,
    extraAdultCost: toAmount(row.extra_adult_cost),
    canSmoke: row.can_smoke === 1,
    capacity: row.capacity,
    marketplaceName: row.marketplace_name,
  };
}
