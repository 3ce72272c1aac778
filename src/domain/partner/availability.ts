/**
 * The `availability` of a marketplace venue (get-venue-list.md, get-venue.md): for each day of
 * the requested period, whether the venue has function space free that day. Computed from the
 * space occupancies (blockouts, booking sessions) exactly as getFunctionSpaceAvailability
 * computes free slots, never stored: a day is available when at least one space the venue shows
 * in the marketplace (`is_viewable`) has a free slot that day, on the venue's clock. A venue
 * with no such space is available on no day.
 */
import { doesNotValidate } from '../../protocol/specific-codes.js';
import { date } from '../../registry/params.js';
import type { Scope } from '../../storage/scope.js';
import { subtract } from '../venue/spaces/intervals.js';
import { spaceGraph, venueOccupancies } from '../venue/spaces/occupancy.js';
import { blockedIntervals, spaceBlocking } from '../venue/spaces/space-blocking.js';
import { addDays, daysBetween, localDay, zoneOf } from '../venue/spaces/venue-time.js';
import type { VenueRow } from '../venue/venues/store.js';

/** The longest period one call may ask about: a calendar month. */
export const MAX_AVAILABILITY_DAYS = 31;

/** A free stretch shorter than this shows as no slot (getFunctionSpaceAvailability's rule). */
const SHORTEST_SLOT = 1000;

export const availabilityParams = {
  availabilityStartDate: date().optional(),
  availabilityEndDate: date().optional(),
};

export interface AvailabilityPeriod {
  availabilityStartDate?: string | undefined;
  availabilityEndDate?: string | undefined;
}

export type Availability = Record<string, { isAvailable: boolean }>;

/** The days asked about, in order; none when no period is given. Refuses half a period or a reversed or too long one. */
export function availabilityDays(p: AvailabilityPeriod): string[] {
  const { availabilityStartDate: start, availabilityEndDate: end } = p;
  if (start === undefined && end === undefined) return [];
  if (start === undefined) throw doesNotValidate('availabilityStartDate', ['Value is required when availabilityEndDate is given']);
  if (end === undefined) throw doesNotValidate('availabilityEndDate', ['Value is required when availabilityStartDate is given']);
  const span = daysBetween(start, end);
  if (span < 0) throw doesNotValidate('availabilityEndDate', ['Value must not be before availabilityStartDate']);
  if (span >= MAX_AVAILABILITY_DAYS) {
    throw doesNotValidate('availabilityEndDate', [`The maximum number of days of availability that can be fetched is ${MAX_AVAILABILITY_DAYS}`]);
  }
  return Array.from({ length: span + 1 }, (_, i) => addDays(start, i));
}

/** The ids of the spaces the venue shows in the marketplace, in its order. */
export async function viewableSpaceIds(store: Scope, venueId: number): Promise<number[]> {
  const rows = await store
    .selectFrom('function_spaces')
    .select('id')
    .where('venue_id', '=', venueId)
    .where('is_viewable', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The venue's availability on `days` (`store` is the venue's account). */
export async function venueAvailability(store: Scope, venue: VenueRow, days: readonly string[]): Promise<Availability> {
  if (days.length === 0) return {};
  const zone = zoneOf(venue.timezone);
  const window = { from: localDay(zone, days[0]!).from, to: localDay(zone, days[days.length - 1]!).to };
  const [spaces, graph, occupancies] = await Promise.all([
    store
      .selectFrom('function_spaces')
      .select(['id', 'max_num_bookings'])
      .where('venue_id', '=', venue.id)
      .where('is_viewable', '=', 1)
      .execute(),
    spaceGraph(store, venue.id),
    venueOccupancies(store, venue.id, window),
  ]);
  const blocked = spaces.map((space) => blockedIntervals(spaceBlocking(space, graph, occupancies)));
  const out: Availability = {};
  for (const day of days) {
    const bounds = localDay(zone, day);
    out[day] = { isAvailable: blocked.some((b) => subtract(bounds, b).some((free) => free.to - free.from >= SHORTEST_SLOT)) };
  }
  return out;
}
