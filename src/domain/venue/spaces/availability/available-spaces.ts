/**
 * venue.getAvailableFunctionSpaces (get-available-function-spaces.md): whether each space of
 * the venue can be had for one activity of at most 24 hours. `eventType` and `layoutType` keep
 * the spaces that hold that event type or have that layout; `pax` is checked against the space
 * (reason 2), not filtered on. Reasons are given in the page's order: 1 a blockout of the space
 * or an overlapping space, 2 more attendees than the space (or the requested layout) holds,
 * 3 a booking holds it (with the conflicting session).
 *
 * The 24 hours are measured on the venue's clock as the client wrote them, so a whole local day
 * is always one request, also on the days the clocks change.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { doesNotValidate } from '../../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../../registry/context.js';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { array, id, int, intEnum } from '../../../../registry/params.js';
import { requireVenue } from '../../venues/store.js';
import type { SpaceRow } from '../function-spaces/store.js';
import type { Interval } from '../intervals.js';
import { LAYOUT_TYPES } from '../layout-types.js';
import { spaceGraph, venueOccupancies } from '../occupancy.js';
import { conflictIn, spaceBlocking } from '../space-blocking.js';
import { formatLocal, HOUR, zoneOf } from '../venue-time.js';
import { endNotAfterStart, instantOf, venueTimestamp, wallOf, type VenueMoment } from './params.js';

export const MAX_HOURS = 24;

const conflictResult = z.strictObject({
  venueId: z.number().int(),
  bookingId: z.number().int().nullable(),
  sessionId: z.number().int(),
  spaceId: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  pax: z.number().int().nullable(),
});

export const availableSpaceResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  isAvailable: z.boolean(),
  reason: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  conflict: conflictResult.nullable(),
});
type AvailableSpace = z.input<typeof availableSpaceResult>;

/** The activity's interval, refused when it is empty or longer than 24 hours on the venue's clock. */
function activity(zone: string, start: VenueMoment, end: VenueMoment): Interval {
  const window = { from: instantOf(zone, start), to: instantOf(zone, end) };
  if (window.to <= window.from) throw endNotAfterStart('endDatetime', 'startDatetime');
  if (wallOf(zone, end) - wallOf(zone, start) > MAX_HOURS * HOUR) {
    throw doesNotValidate('endDatetime', [`The date and time range of availability that can be fetched is at most ${MAX_HOURS} hours`]);
  }
  return window;
}

/** How many attendees the space holds for the request: its maxPax (0: no limit), and the requested layout's maximum. */
function capacity(space: SpaceRow, layoutMaxima: ReadonlyMap<number, number>): number {
  const own = space.max_pax > 0 ? space.max_pax : Infinity;
  return Math.min(own, layoutMaxima.get(space.id) ?? Infinity);
}

async function layoutMaxima(ctx: ActionContext, spaceIds: number[], layoutType: number | undefined): Promise<Map<number, number>> {
  if (layoutType === undefined || spaceIds.length === 0) return new Map();
  const rows = await ctx.store
    .selectFrom('function_space_layouts')
    .select(['space_id', 'pax_maximum'])
    .where('space_id', 'in', spaceIds)
    .where('type', '=', layoutType)
    .where('pax_maximum', 'is not', null)
    .execute();
  const out = new Map<number, number>();
  for (const r of rows) out.set(r.space_id, Math.max(out.get(r.space_id) ?? 0, r.pax_maximum!));
  return out;
}

export const getAvailableFunctionSpaces = defineListAction({
  namespace: 'venue',
  action: 'getAvailableFunctionSpaces',
  params: {
    venueId: id(),
    startDatetime: venueTimestamp(),
    endDatetime: venueTimestamp(),
    eventType: id().optional(),
    pax: int()
      .refine((n) => n >= 1, { message: 'Value must be greater than 0' })
      .optional(),
    layoutType: intEnum(LAYOUT_TYPES).optional(),
    spaceIds: array(id()).nullable().optional(),
  },
  filters: {},
  item: availableSpaceResult,
  async rows(ctx, params) {
    const venue = await requireVenue(ctx.store, params.venueId);
    activity(zoneOf(venue.timezone), params.startDatetime, params.endDatetime);
    const { eventType, layoutType, spaceIds } = params;
    return {
      from: ctx.store.selectFrom('function_spaces'),
      idColumn: 'function_spaces.id',
      select: (qb) => qb.selectAll('function_spaces'),
      where: (eb) => {
        const terms: Expression<SqlBool>[] = [eb('function_spaces.venue_id', '=', venue.id)];
        if (spaceIds) terms.push(spaceIds.length > 0 ? eb('function_spaces.id', 'in', spaceIds) : sql<SqlBool>`1 = 0`);
        if (eventType !== undefined) {
          const holding = eb.selectFrom('function_space_event_types').select('function_space_event_types.space_id').where('function_space_event_types.event_type_id', '=', eventType);
          terms.push(eb('function_spaces.id', 'in', holding));
        }
        if (layoutType !== undefined) {
          const laidOut = eb.selectFrom('function_space_layouts').select('function_space_layouts.space_id').where('function_space_layouts.type', '=', layoutType);
          terms.push(eb('function_spaces.id', 'in', laidOut));
        }
        return eb.and(terms);
      },
    };
  },
  async items(rows, ctx, params): Promise<AvailableSpace[]> {
    const venue = await requireVenue(ctx.store, params.venueId);
    const zone = zoneOf(venue.timezone);
    const window = activity(zone, params.startDatetime, params.endDatetime);
    const [graph, occupancies, maxima] = await Promise.all([
      spaceGraph(ctx.store, venue.id),
      venueOccupancies(ctx.store, venue.id, window),
      layoutMaxima(
        ctx,
        rows.map((r) => r.id),
        params.layoutType,
      ),
    ]);
    return rows.map((space): AvailableSpace => {
      const conflict = conflictIn(spaceBlocking(space, graph, occupancies), window);
      const base = { id: space.id, name: space.name };
      if (conflict?.reason === 1) return { ...base, isAvailable: false, reason: 1, conflict: null };
      if (params.pax !== undefined && params.pax > capacity(space, maxima)) return { ...base, isAvailable: false, reason: 2, conflict: null };
      if (conflict?.reason === 3) {
        const o = conflict.occupancy;
        return {
          ...base,
          isAvailable: false,
          reason: 3,
          conflict: {
            venueId: o.venue_id,
            bookingId: o.booking_id,
            sessionId: o.source_id,
            spaceId: o.space_id,
            startDate: formatLocal(zone, o.starts_at),
            endDate: formatLocal(zone, o.ends_at),
            pax: o.pax,
          },
        };
      }
      return { ...base, isAvailable: true, reason: null, conflict: null };
    });
  },
});
