/**
 * The room types and rate plans the items of an ARI write name, all of them the venue's: a
 * room or plan of another venue (or account) is as unknown as one that does not exist, 404
 * with the rooms area's codes (24312, 24103; docs/compatibility.md, Venue rooms).
 */
import { ApiError } from '../../../../../protocol/errors.js';
import type { Scope } from '../../../../../storage/scope.js';
import { RATE_PLAN_NOT_FOUND, ROOM_CODES } from '../../errors.js';
import { roomsOfVenue, type RoomRow } from '../../guest-rooms/store.js';
import type { RatePlanRow } from '../../rate-plans/store.js';

/** Where the first unknown id was given, e.g. `items.3.roomId`. */
function firstMissing(ids: readonly number[], known: ReadonlyMap<number, unknown>, field: string, at?: (n: number) => string): string | undefined {
  const n = ids.findIndex((id) => !known.has(id));
  if (n < 0) return undefined;
  return `${at === undefined ? field : `${at(n)}.${field}`} ${ids[n]}`;
}

export async function venueRooms(store: Scope, venueId: number, ids: readonly number[], at?: (n: number) => string): Promise<Map<number, RoomRow>> {
  const rooms = new Map((await roomsOfVenue(store, venueId, ids)).map((r) => [r.id, r]));
  const missing = firstMissing(ids, rooms, 'roomId', at);
  if (missing !== undefined) throw new ApiError(404, ROOM_CODES.notFound, 'The room does not exist', [`${missing} is not a room of venue ${venueId}`]);
  return rooms;
}

export async function venuePlans(store: Scope, venueId: number, ids: readonly number[], at?: (n: number) => string): Promise<Map<number, RatePlanRow>> {
  if (ids.length === 0) return new Map();
  const rows = await store
    .selectFrom('venue_rate_plans')
    .selectAll('venue_rate_plans')
    .where('venue_rate_plans.venue_id', '=', venueId)
    .where('venue_rate_plans.id', 'in', [...new Set(ids)])
    .execute();
  const plans = new Map(rows.map((r) => [r.id, r]));
  const missing = firstMissing(ids, plans, 'barId', at);
  if (missing !== undefined) throw new ApiError(404, RATE_PLAN_NOT_FOUND, 'The rate plan does not exist', [`${missing} is not a rate plan of venue ${venueId}`]);
  return plans;
}
