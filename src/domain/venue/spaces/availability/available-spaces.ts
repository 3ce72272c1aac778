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
import { defineListAction, type ListAnswer } from '../../../../registry/define-list-action.js';
import { array, id, int, intEnum } from '../../../../registry/params.js';
import { clampPerPage, compileFilter, DEFAULT_CAP } from '../../../../storage/collection.js';
import { venueNotFound } from '../../errors.js';
import { requireVenue, type VenueRow } from '../../venues/store.js';
import type { Interval } from '../intervals.js';
import { LAYOUT_TYPES } from '../layout-types.js';
import { conflictIn, spaceBlocking } from '../space-blocking.js';
import { formatLocal, HOUR, zoneOf } from '../venue-time.js';
import { answerCache } from '../../../../storage/answer-cache.js';
import { availabilityReads, type AvailabilityReads, type AvailabilitySpace } from './available-spaces-reads.js';
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
function capacity(space: AvailabilitySpace, layouts: ReadonlyMap<number, number> | null): number {
  const own = space.max_pax > 0 ? space.max_pax : Infinity;
  return Math.min(own, layouts?.get(space.id) ?? Infinity);
}

/** Whether the space is among those the request asks about (spaceIds, eventType, layoutType). */
function asked(space: AvailabilitySpace, reads: AvailabilityReads, spaceIds: ReadonlySet<number> | null): boolean {
  if (spaceIds !== null && !spaceIds.has(space.id)) return false;
  if (reads.eventTypeSpaces !== null && !reads.eventTypeSpaces.has(space.id)) return false;
  return reads.layouts === null || reads.layouts.has(space.id);
}

/** Whether anything holds the space or a space overlapping it during the window; most spaces of a request are free. */
function touched(space: AvailabilitySpace, reads: AvailabilityReads, heldSpaces: ReadonlySet<number>): boolean {
  if (heldSpaces.size === 0) return false;
  for (const related of reads.graph.related(space.id)) if (heldSpaces.has(related)) return true;
  return false;
}

function availableSpace(
  space: AvailabilitySpace,
  reads: AvailabilityReads,
  heldSpaces: ReadonlySet<number>,
  zone: string,
  window: Interval,
  pax: number | undefined,
): AvailableSpace {
  const conflict = touched(space, reads, heldSpaces) ? conflictIn(spaceBlocking(space, reads.graph, reads.occupancies), window) : null;
  const base = { id: space.id, name: space.name };
  if (conflict?.reason === 1) return { ...base, isAvailable: false, reason: 1, conflict: null };
  if (pax !== undefined && pax > capacity(space, reads.layouts)) return { ...base, isAvailable: false, reason: 2, conflict: null };
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
}

/**
 * Answers kept per account while its write version stands (storage/answer-cache.ts): booking
 * widgets ask the same few questions (today, this weekend, a given evening) over and over, and
 * every answer costs a dozen statements' worth of rows and the conflict search over all the
 * venue's spaces. What an answer is made of (venues, function_spaces, function_space_parts,
 * function_space_event_types, function_space_layouts, space_occupancies) is versioned by
 * 0026_venue_read_paths. A page of 100 spaces is some 20 kB of JSON, a few times that as
 * objects: 1,024 answers are at most a few tens of MB.
 */
const availabilityAnswers = answerCache<ListAnswer<typeof availableSpaceResult>>({ name: 'venue-available-spaces', limit: 1_024 });

const heldSpacesOf = (reads: AvailabilityReads): Set<number> => new Set(reads.occupancies.map((o) => o.space_id));

type Question = { venueId: number; startDatetime: VenueMoment; endDatetime: VenueMoment; eventType?: number | undefined; layoutType?: number | undefined };

// The venue `rows` found for the call, for `page` (both receive the same parameters object).
const venueOfCall = new WeakMap<object, VenueRow>();

async function venueAndWindow(ctx: ActionContext, params: Question): Promise<{ venue: VenueRow; zone: string; window: Interval }> {
  const venue = venueOfCall.get(params) ?? (await requireVenue(ctx.store, params.venueId));
  const zone = zoneOf(venue.timezone);
  return { venue, zone, window: activity(zone, params.startDatetime, params.endDatetime) };
}

/**
 * The reads of the call, and whether an answer made of them may be kept: only when they are of
 * one write version and the venue's clock is still the one the window was measured on.
 */
async function readsFor(ctx: ActionContext, params: Question): Promise<{ reads: AvailabilityReads; zone: string; window: Interval; keepable: boolean }> {
  const { venue, zone, window } = await venueAndWindow(ctx, params);
  const reads = await availabilityReads(ctx.store, { venueId: venue.id, window, eventType: params.eventType, layoutType: params.layoutType });
  if (reads.venue === undefined) throw venueNotFound();
  return { reads, zone, window, keepable: reads.venue.timezone === venue.timezone };
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
    venueOfCall.set(params, venue);
    const { eventType, layoutType, spaceIds } = params;
    return {
      // Built only when the page is not answered by `page`.
      get from() {
        return ctx.store.selectFrom('function_spaces');
      },
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
  // The spaces as the paged query would find them, answered from the reads every answer makes
  // anyway (no count query, no page query: available-spaces-reads.ts), or the same answer kept
  // from an earlier call on unchanged data (storage/answer-cache.ts).
  async page(ctx, params) {
    compileFilter({}, params.filter ?? {}, ctx.store.dialect);
    const start = params.start ?? 0;
    const perPage = clampPerPage(params.perPage, DEFAULT_CAP);
    const { venueId, startDatetime, endDatetime, eventType, layoutType, pax, spaceIds } = params;
    const question = JSON.stringify([venueId, startDatetime, endDatetime, eventType, layoutType, pax, spaceIds, start, perPage]);
    const kept = await availabilityAnswers.kept(ctx.store, question);
    if (kept !== undefined) return kept;

    const { reads, zone, window, keepable } = await readsFor(ctx, params);
    const wanted = spaceIds ? new Set(spaceIds) : null;
    const spaces = reads.spaces.filter((space) => asked(space, reads, wanted));
    const held = heldSpacesOf(reads);
    const results = spaces.slice(start, start + perPage).map((space) => availableSpace(space, reads, held, zone, window, pax));
    const answer = { meta: { totalResults: spaces.length, start, perPage, count: results.length }, results };
    if (keepable) availabilityAnswers.keep(ctx.store, question, reads.version, answer);
    return answer;
  },
  async items(rows, ctx, params): Promise<AvailableSpace[]> {
    const { reads, zone, window } = await readsFor(ctx, params);
    const held = heldSpacesOf(reads);
    return rows.map((space) => availableSpace(space, reads, held, zone, window, params.pax));
  },
});
