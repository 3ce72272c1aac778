/**
 * venue.getResourceAvailability (get-resource-availability.md): for each requested resource of
 * the venue, what holds it during the period (unAvailableTimes, on the venue's clock) and, when
 * the request names a quantity, whether that many more units can be had throughout the period,
 * with the first session in the way when they cannot. Without a quantity, isAvailable and
 * conflict are null ("Only when request contains quantity"). A resource whose quantity the
 * venue does not count (null) is never short. Ids that are not resources of the venue are left
 * out, as a list leaves out what matches nothing.
 */
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { array, id, int } from '../../../../registry/params.js';
import { requireVenue } from '../../venues/store.js';
import type { Interval } from '../intervals.js';
import { peak } from '../intervals.js';
import { resourceOccupancies, type ResourceOccupancy } from '../resource-occupancy.js';
import { formatLocal, zoneOf } from '../venue-time.js';
import { endNotAfterStart, instantOf, venueDateOrTimestamp, type VenueMoment } from './params.js';

const localText = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

export const resourceAvailabilityResult = z.strictObject({
  id: z.number().int(),
  unAvailableTimes: z.array(z.strictObject({ startDate: localText, endDate: localText, quantity: z.number().int() })),
  isAvailable: z.boolean().nullable(),
  conflict: z
    .strictObject({
      venueId: z.number().int(),
      bookingId: z.number().int().nullable(),
      sessionId: z.number().int().nullable(),
      spaceId: z.number().int().nullable(),
      resourceId: z.number().int(),
      startDate: localText,
      endDate: localText,
      quantity: z.number().int(),
    })
    .nullable(),
});
type ResourceAvailability = z.input<typeof resourceAvailabilityResult>;

/** The period asked about; a date alone as `endDate` runs to the end of that venue day. */
function period(zone: string, start: VenueMoment, end: VenueMoment): Interval {
  const window = { from: instantOf(zone, start), to: instantOf(zone, end, true) };
  if (window.to <= window.from) throw endNotAfterStart('endDate', 'startDate');
  return window;
}

function availability(
  zone: string,
  resource: { id: number; quantity: number | null },
  held: readonly ResourceOccupancy[],
  window: Interval,
  wanted: number | undefined,
): ResourceAvailability {
  const local = (ms: number) => formatLocal(zone, ms);
  const unAvailableTimes = held.map((o) => ({ startDate: local(o.starts_at), endDate: local(o.ends_at), quantity: o.quantity }));
  if (wanted === undefined) return { id: resource.id, unAvailableTimes, isAvailable: null, conflict: null };
  if (resource.quantity === null) return { id: resource.id, unAvailableTimes, isAvailable: true, conflict: null };
  const busiest = peak(
    held.map((o) => ({ from: o.starts_at, to: o.ends_at, quantity: o.quantity })),
    window,
  );
  if (busiest.quantity + wanted <= resource.quantity) return { id: resource.id, unAvailableTimes, isAvailable: true, conflict: null };
  const o = held.find((h) => h.starts_at <= busiest.at && h.ends_at > busiest.at);
  return {
    id: resource.id,
    unAvailableTimes,
    isAvailable: false,
    conflict: o
      ? {
          venueId: o.venue_id,
          bookingId: o.booking_id,
          sessionId: o.session_id,
          spaceId: o.space_id,
          resourceId: o.resource_id,
          startDate: local(o.starts_at),
          endDate: local(o.ends_at),
          quantity: o.quantity,
        }
      : null,
  };
}

export const getResourceAvailability = defineListAction({
  namespace: 'venue',
  action: 'getResourceAvailability',
  params: {
    venueId: id(),
    startDate: venueDateOrTimestamp(),
    endDate: venueDateOrTimestamp(),
    resourceIds: array(id()),
    quantity: int()
      .refine((n) => n >= 1, { message: 'Value must be greater than 0' })
      .optional(),
  },
  filters: {},
  item: resourceAvailabilityResult,
  async rows(ctx, params) {
    const venue = await requireVenue(ctx.store, params.venueId);
    period(zoneOf(venue.timezone), params.startDate, params.endDate);
    const ids = params.resourceIds;
    return {
      from: ctx.store.selectFrom('resources'),
      idColumn: 'resources.id',
      select: (qb) => qb.select(['resources.id', 'resources.quantity']),
      where: (eb) => eb.and([eb('resources.venue_id', '=', venue.id), ids.length > 0 ? eb('resources.id', 'in', ids) : sql<SqlBool>`1 = 0`]),
    };
  },
  async items(rows, ctx, params) {
    const venue = await requireVenue(ctx.store, params.venueId);
    const zone = zoneOf(venue.timezone);
    const window = period(zone, params.startDate, params.endDate);
    const held = await resourceOccupancies(
      ctx.store,
      rows.map((r) => r.id),
      window,
    );
    return rows.map((r) =>
      availability(
        zone,
        r,
        held.filter((o) => o.resource_id === r.id),
        window,
        params.quantity,
      ),
    );
  },
});
