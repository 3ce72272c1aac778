/**
 * venue.getFunctionSpaceAvailability (get-function-space-availability.md): for each day of at
 * most 14, the free time slots of each space, on the venue's clock. A day runs from local
 * midnight to local midnight, so it is 23 or 25 hours long when the clocks change; a slot that
 * runs to the end of the day ends at "23:59:59", as the page shows. A day with no free time has
 * no slot. Computed from the occupancies (occupancy.ts, space-blocking.ts), never stored.
 */
import { z } from 'zod';
import { doesNotValidate } from '../../../../protocol/specific-codes.js';
import { defineAction } from '../../../../registry/define-action.js';
import { array, date, id } from '../../../../registry/params.js';
import { dateText } from '../../../../registry/result-schemas.js';
import { requireVenue } from '../../venues/store.js';
import { venueSpaces } from '../function-spaces/store.js';
import { subtract, type Interval } from '../intervals.js';
import { spaceGraph, venueOccupancies } from '../occupancy.js';
import { blockedIntervals, spaceBlocking } from '../space-blocking.js';
import { addDays, daysBetween, localDay, localTime, zoneOf } from '../venue-time.js';

export const MAX_DAYS = 14;
const END_OF_DAY = '23:59:59';
const timeText = z.string().regex(/^\d{2}:\d{2}:\d{2}$/);

export const spaceAvailabilityResult = z.strictObject({
  availability: z.array(
    z.strictObject({
      spaceId: z.number().int(),
      timeSlots: z.array(z.strictObject({ date: dateText, startTime: timeText, endTime: timeText })),
    }),
  ),
});
type TimeSlot = z.input<typeof spaceAvailabilityResult>['availability'][number]['timeSlots'][number];

/** The free slots of one local day. */
function daySlots(zone: string, day: string, blocked: readonly Interval[]): TimeSlot[] {
  const bounds = localDay(zone, day);
  // Slots are shown to the second: one shorter than a second shows as nothing.
  return subtract(bounds, blocked)
    .filter((free) => free.to - free.from >= 1000)
    .map((free) => ({ date: day, startTime: localTime(zone, free.from), endTime: free.to >= bounds.to ? END_OF_DAY : localTime(zone, free.to) }));
}

export const getFunctionSpaceAvailability = defineAction({
  namespace: 'venue',
  action: 'getFunctionSpaceAvailability',
  kind: 'read',
  params: z.object({
    venueId: id(),
    startDate: date(),
    endDate: date(),
    spaceIds: array(id()).nullable().optional(),
  }),
  result: spaceAvailabilityResult,
  async handler(ctx, params) {
    const venue = await requireVenue(ctx.store, params.venueId);
    const span = daysBetween(params.startDate, params.endDate);
    if (span < 0) throw doesNotValidate('endDate', ['Value must not be before startDate']);
    if (span >= MAX_DAYS) throw doesNotValidate('endDate', [`The maximum number of days of availability that can be fetched is ${MAX_DAYS}`]);
    const zone = zoneOf(venue.timezone);
    const days = Array.from({ length: span + 1 }, (_, i) => addDays(params.startDate, i));
    const window = { from: localDay(zone, params.startDate).from, to: localDay(zone, params.endDate).to };
    const wanted = params.spaceIds ? new Set(params.spaceIds) : null;
    const spaces = (await venueSpaces(ctx.store, venue.id)).filter((s) => wanted === null || wanted.has(s.id));
    const [graph, rows] = await Promise.all([spaceGraph(ctx.store, venue.id), venueOccupancies(ctx.store, venue.id, window)]);
    return {
      availability: spaces.map((space) => {
        const blocked = blockedIntervals(spaceBlocking(space, graph, rows));
        return { spaceId: space.id, timeSlots: days.flatMap((day) => daySlots(zone, day, blocked)) };
      }),
    };
  },
});
