/**
 * A room type's inventory of a night: the night's room count when one was set
 * (addOrUpdateRoomCountsCollection), else the type's capacity; available is what allocations
 * (bookings, reservations) leave of it, never below zero. Computed at read time, so a change to
 * any of the three shows at once.
 */
import { sql } from 'kysely';
import type { Scope } from '../../../../storage/scope.js';
import type { RoomRow } from '../guest-rooms/store.js';
import type { InventoryNight } from '../schemas.js';

const key = (roomId: number, night: string) => `${roomId}|${night}`;

async function nightCounts(store: Scope, roomIds: number[], first: string, last: string): Promise<Map<string, number>> {
  const rows = await store
    .selectFrom('venue_room_night_counts')
    .select(['room_id', 'night', 'room_count'])
    .where('room_id', 'in', roomIds)
    .where('night', '>=', first)
    .where('night', '<=', last)
    .execute();
  return new Map(rows.map((r) => [key(r.room_id, r.night), r.room_count]));
}

async function allocated(store: Scope, roomIds: number[], first: string, last: string): Promise<Map<string, number>> {
  const rows = await store
    .selectFrom('venue_room_allocations')
    .select(['room_id', 'night', sql<number>`sum(rooms)`.as('rooms')])
    .where('room_id', 'in', roomIds)
    .where('night', '>=', first)
    .where('night', '<=', last)
    .groupBy(['room_id', 'night'])
    .execute();
  return new Map(rows.map((r) => [key(r.room_id, r.night), Number(r.rooms)]));
}

export interface InventoryOptions {
  /** Leave out nights whose count was set per night (what a change of capacity does not move). */
  readonly capacityNightsOnly?: boolean;
}

/** Every night × room type, nights in order and room types in the given order within a night. */
export async function roomInventory(
  store: Scope,
  rooms: readonly RoomRow[],
  nights: readonly string[],
  options: InventoryOptions = {},
): Promise<InventoryNight[]> {
  if (rooms.length === 0 || nights.length === 0) return [];
  const ids = rooms.map((r) => r.id);
  const first = nights[0]!;
  const last = nights[nights.length - 1]!;
  const [counts, used] = await Promise.all([nightCounts(store, ids, first, last), allocated(store, ids, first, last)]);
  const out: InventoryNight[] = [];
  for (const night of nights) {
    for (const room of rooms) {
      const set = counts.get(key(room.id, night));
      if (set !== undefined && options.capacityNightsOnly) continue;
      const inventoryCount = set ?? room.capacity;
      const availableCount = Math.max(0, inventoryCount - (used.get(key(room.id, night)) ?? 0));
      out.push({ date: night, roomId: room.id, inventoryCount, availableCount });
    }
  }
  return out;
}
