/**
 * The rooms a group holds, as rows of venue_room_allocations (rooms/tables.ts), owned here by
 * (`booking-accommodation`, group id) and replaced whenever what they follow changes.
 *
 * While its booking reserves rooms (Tentative, Confirmed, Prospective Hold), a group holds, each
 * night, its day rate's numRooms, or more when reservations with overrideBlockCapacity go past
 * it: the rooms reserved that night. Otherwise it holds nothing. Every writer of what this
 * follows (groups, reservations, the booking's status) first takes the per-room-type inventory
 * lock, then checks, then writes, all in its transaction: on PostgreSQL a transaction-scoped
 * advisory lock (storage/natural-key-lock.ts), so two server processes queue on it; on SQLite
 * the one writer already runs writes one after another. A check therefore sees every allocation
 * committed before it, and nobody can add one until it commits.
 *
 * Every change of a group's rows records RoomInventoryUpdated (rooms/ari/changes.ts) for the
 * nights that changed.
 */
import { sql } from 'kysely';
import type { ActionContext } from '../../../registry/context.js';
import { lockNaturalKey } from '../../../storage/natural-key-lock.js';
import type { Scope } from '../../../storage/scope.js';
import { recordInventoryUpdated } from '../rooms/ari/changes.js';
import { roomsOfVenue } from '../rooms/guest-rooms/store.js';
import { addDays, nightsBetween } from '../rooms/nights.js';
import { findVenues } from '../venues/store.js';
import { holdsRoom } from './status.js';
import { findGroups, groupsOfBookings, reservesRooms, roomsOfGroups, type GroupRow, type ReservedRoomRow } from './store.js';

export const ALLOCATION_SOURCE = 'booking-accommodation';

/** The nights of a stay: arrival … departure − 1. */
export const stayNights = (arrival: string, departure: string): string[] => (departure > arrival ? nightsBetween(arrival, addDays(departure, -1)) : []);

/** Serialises, until the transaction ends, the writers of the room types' allocations (in id order, so writers never deadlock). */
export async function lockRoomTypes(store: Scope, roomIds: Iterable<number>): Promise<void> {
  for (const id of [...new Set(roomIds)].sort((a, b) => a - b)) await lockNaturalKey(store, `room-inventory:${id}`);
}

type NightCounts = Map<string, number>;

/** A group's rooms by night: its day rates' numRooms (the per-room list). */
export async function blockRooms(store: Scope, groupIds: readonly number[]): Promise<Map<number, NightCounts>> {
  const out = new Map<number, NightCounts>(groupIds.map((id) => [id, new Map()]));
  if (groupIds.length === 0) return out;
  const rows = await store
    .selectFrom('booking_accommodation_days')
    .select(['accommodation_id', 'night', 'num_rooms'])
    .where('accommodation_id', 'in', [...groupIds])
    .where('kind', '=', 'rate')
    .where('occ_type', '=', 0)
    .execute();
  for (const r of rows) out.get(r.accommodation_id)?.set(r.night, r.num_rooms);
  return out;
}

/** Rooms reserved from each group by night, cancelled rooms left out. */
export function reservedByNight(rooms: readonly Pick<ReservedRoomRow, 'accommodation_id' | 'current_status' | 'arrival_date' | 'departure_date'>[]): Map<number, NightCounts> {
  const out = new Map<number, NightCounts>();
  for (const room of rooms) {
    if (!holdsRoom(room.current_status)) continue;
    const counts = out.get(room.accommodation_id) ?? new Map<string, number>();
    out.set(room.accommodation_id, counts);
    for (const night of stayNights(room.arrival_date, room.departure_date)) counts.set(night, (counts.get(night) ?? 0) + 1);
  }
  return out;
}

/** What each group should hold, by night (an empty map for a group whose booking does not reserve, or that is gone). */
async function desired(store: Scope, groupIds: readonly number[]): Promise<Map<number, NightCounts>> {
  const groups = await findGroups(store, groupIds);
  const bookingIds = [...new Set(groups.map((g) => g.booking_id))];
  const bookings = bookingIds.length
    ? await store.selectFrom('bookings').select(['id', 'current_status']).where('id', 'in', bookingIds).execute()
    : [];
  const statusOf = new Map(bookings.map((b) => [b.id, b.current_status]));
  const holding = groups.filter((g) => reservesRooms(statusOf.get(g.booking_id) ?? 0));
  const ids = holding.map((g) => g.id);
  const [blocks, reserved] = await Promise.all([blockRooms(store, ids), roomsOfGroups(store, ids).then(reservedByNight)]);
  const out = new Map<number, NightCounts>(groupIds.map((id) => [id, new Map()]));
  for (const g of holding) {
    const want = out.get(g.id)!;
    const block = blocks.get(g.id)!;
    const taken = reserved.get(g.id) ?? new Map<string, number>();
    for (const night of new Set([...block.keys(), ...taken.keys()])) {
      const rooms = Math.max(block.get(night) ?? 0, taken.get(night) ?? 0);
      if (rooms > 0) want.set(night, rooms);
    }
  }
  return out;
}

/**
 * Rooms of the room type left each night for a group: the night's inventory less what
 * everything else holds (the group's own rows left out). May be negative when the venue is
 * already overbooked.
 */
export async function roomsLeft(store: Scope, room: { id: number; capacity: number }, nights: readonly string[], groupId: number): Promise<NightCounts> {
  const out = new Map<string, number>();
  if (nights.length === 0) return out;
  const first = nights[0]!;
  const last = nights[nights.length - 1]!;
  const [counts, used] = await Promise.all([
    store.selectFrom('venue_room_night_counts').select(['night', 'room_count']).where('room_id', '=', room.id).where('night', '>=', first).where('night', '<=', last).execute(),
    store
      .selectFrom('venue_room_allocations')
      .select(['night', sql<number>`sum(rooms)`.as('rooms')])
      .where('room_id', '=', room.id)
      .where('night', '>=', first)
      .where('night', '<=', last)
      .where((eb) => eb.not(eb.and([eb('source', '=', ALLOCATION_SOURCE), eb('source_id', '=', groupId)])))
      .groupBy('night')
      .execute(),
  ]);
  const count = new Map(counts.map((c) => [c.night, c.room_count]));
  const usedBy = new Map(used.map((u) => [u.night, Number(u.rooms)]));
  for (const night of nights) out.set(night, (count.get(night) ?? room.capacity) - (usedBy.get(night) ?? 0));
  return out;
}

/** The room type of a group, with its capacity. */
export async function groupRoomType(store: Scope, group: Pick<GroupRow, 'room_id'>): Promise<{ id: number; capacity: number }> {
  return store.selectFrom('venue_rooms').select(['id', 'capacity']).where('id', '=', group.room_id).executeTakeFirstOrThrow();
}

/**
 * Replaces the allocation rows of the groups with what they should hold now, and records
 * RoomInventoryUpdated for the nights that changed. The caller holds the room types' locks.
 */
export async function syncGroupAllocations(ctx: ActionContext, groupIds: readonly number[]): Promise<void> {
  if (groupIds.length === 0) return;
  const want = await desired(ctx.store, groupIds);
  const rows = await ctx.store
    .selectFrom('venue_room_allocations')
    .select(['room_id', 'night', 'rooms', 'source_id'])
    .where('source', '=', ALLOCATION_SOURCE)
    .where('source_id', 'in', [...groupIds])
    .execute();
  const groups = new Map((await findGroups(ctx.store, groupIds)).map((g) => [g.id, g]));
  const changed = new Map<number, Set<string>>();
  const mark = (roomId: number, night: string) => {
    const nights = changed.get(roomId) ?? new Set<string>();
    changed.set(roomId, nights);
    nights.add(night);
  };
  for (const id of groupIds) {
    const held = rows.filter((r) => r.source_id === id);
    const target = want.get(id) ?? new Map<string, number>();
    const roomId = groups.get(id)?.room_id;
    const moved = held.some((r) => r.room_id !== roomId || target.get(r.night) !== r.rooms) || target.size !== held.length;
    if (!moved) continue;
    for (const r of held) if (r.room_id !== roomId || target.get(r.night) !== r.rooms) mark(r.room_id, r.night);
    for (const [night, rooms] of target) if (!held.some((r) => r.room_id === roomId && r.night === night && r.rooms === rooms)) mark(roomId!, night);
    await ctx.store.deleteFrom('venue_room_allocations').where('source', '=', ALLOCATION_SOURCE).where('source_id', '=', id).execute();
    if (target.size > 0 && roomId !== undefined) {
      await ctx.store
        .insertInto(
          'venue_room_allocations',
          [...target].map(([night, rooms]) => ({ room_id: roomId, night, rooms, source: ALLOCATION_SOURCE, source_id: id, created_at: ctx.now })),
        )
        .execute();
    }
  }
  await recordChangedInventory(ctx, changed);
}

async function recordChangedInventory(ctx: ActionContext, changed: Map<number, Set<string>>): Promise<void> {
  if (changed.size === 0) return;
  const rooms = await ctx.store.selectFrom('venue_rooms').select(['id', 'venue_id']).where('id', 'in', [...changed.keys()]).execute();
  const venues = await findVenues(ctx.store, [...new Set(rooms.map((r) => r.venue_id))]);
  for (const venue of venues) {
    const ids = rooms.filter((r) => r.venue_id === venue.id).map((r) => r.id);
    for (const room of await roomsOfVenue(ctx.store, venue.id, ids)) {
      await recordInventoryUpdated(ctx, venue, [room], [...changed.get(room.id)!].sort());
    }
  }
}

/**
 * The hook of the booking lifecycle (bookings/change-status.ts): after a booking's status
 * changed, its groups hold their rooms again, or let them go.
 */
export async function followBookingStatus(ctx: ActionContext, bookingId: number): Promise<void> {
  const groups = await groupsOfBookings(ctx.store, [bookingId]);
  if (groups.length === 0) return;
  await lockRoomTypes(ctx.store, groups.map((g) => g.room_id));
  await syncGroupAllocations(ctx, groups.map((g) => g.id));
}
