/**
 * What occupies a function space over time, and the one answer to "what occupies space S
 * between A and B". Blockouts write their rows here now (blockouts/store.ts); booking sessions
 * will through the same functions, in the transaction that writes the session:
 *
 *   // space-blocking.ts: may the session have the space (blockouts, other bookings, maxNumBookings)?
 *   const conflict = await findSpaceConflict(store, spaceRow, heldFrom, heldUntil, { source: 'session', sourceId });
 *   await occupySpace(store, { venueId, spaceId, source: 'session', sourceId: session.id,
 *     bookingId, layoutId, pax, startsAt, endsAt, setupMinutes, takedownMinutes }, ctx.now);
 *   await releaseOccupancy(store, 'session', sessionId);      // session removed
 *   await releaseBookingOccupancies(store, bookingId);         // booking cancelled
 *
 * `spaceConflicts` lists every occupancy in the way, unfiltered, for a writer that decides itself.
 *
 * Spaces overlap when they are the same space or share a part (a combined space and each of
 * its parts, two combinations with a part in common): `spaceGraph` answers that for a venue.
 */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import type { Interval } from './intervals.js';
import type { SpaceOccupanciesTable, SpaceOccupancySource } from './tables.js';
import { isLongHold, LONG_HOLD_MS } from './occupancy-window.js';

export type SpaceOccupancy = Selectable<SpaceOccupanciesTable>;

/** What deciding whether a space can be had reads of an occupancy (and an answer shows of it). */
export type HeldOccupancy = Pick<
  SpaceOccupancy,
  'id' | 'venue_id' | 'space_id' | 'source_kind' | 'source_id' | 'booking_id' | 'pax' | 'starts_at' | 'ends_at' | 'held_from' | 'held_until'
>;

export interface SpaceHold {
  venueId: number;
  spaceId: number;
  source: SpaceOccupancySource;
  sourceId: number;
  startsAt: number;
  endsAt: number;
  /** Minutes before the start and after the end the space is also held (a session's set-up and set-down). */
  setupMinutes?: number;
  takedownMinutes?: number;
  bookingId?: number | null;
  layoutId?: number | null;
  pax?: number | null;
}

/** An occupancy a conflict check should not count: the holder being moved. */
export interface Excluding {
  source: SpaceOccupancySource;
  sourceId: number;
}

const MINUTE = 60_000;

/**
 * Records that `source` holds the space, replacing whatever the same source held before.
 * Callers validate their input first: a space of another venue or an empty interval is a bug.
 */
export async function occupySpace(store: Scope, hold: SpaceHold, now: number): Promise<void> {
  if (!(hold.endsAt > hold.startsAt)) throw new Error(`occupySpace: ${hold.source} ${hold.sourceId} ends before it starts`);
  const space = await store
    .selectFrom('function_spaces')
    .select('id')
    .where('id', '=', hold.spaceId)
    .where('venue_id', '=', hold.venueId)
    .executeTakeFirst();
  if (!space) throw new Error(`occupySpace: space ${hold.spaceId} is not one of venue ${hold.venueId}'s`);
  await releaseOccupancy(store, hold.source, hold.sourceId);
  const heldFrom = hold.startsAt - (hold.setupMinutes ?? 0) * MINUTE;
  const heldUntil = hold.endsAt + (hold.takedownMinutes ?? 0) * MINUTE;
  await store
    .insertInto('space_occupancies', {
      venue_id: hold.venueId,
      space_id: hold.spaceId,
      source_kind: hold.source,
      source_id: hold.sourceId,
      booking_id: hold.bookingId ?? null,
      layout_id: hold.layoutId ?? null,
      pax: hold.pax ?? null,
      starts_at: hold.startsAt,
      ends_at: hold.endsAt,
      held_from: heldFrom,
      held_until: heldUntil,
      long_hold: isLongHold(heldFrom, heldUntil) ? 1 : 0,
      created_at: now,
    })
    .execute();
}

/** Frees what `source` held; whether it held anything. */
export async function releaseOccupancy(store: Scope, source: SpaceOccupancySource, sourceId: number): Promise<boolean> {
  const result = await store.deleteFrom('space_occupancies').where('source_kind', '=', source).where('source_id', '=', sourceId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Frees every space a booking's sessions held (the booking was cancelled or removed). */
export async function releaseBookingOccupancies(store: Scope, bookingId: number): Promise<number> {
  const result = await store.deleteFrom('space_occupancies').where('booking_id', '=', bookingId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Which spaces of a venue overlap which. */
export interface SpaceGraph {
  /** The space itself, its parts, every combination containing it or one of its parts. */
  related(spaceId: number): ReadonlySet<number>;
  /** The parts a space divides into (empty for a space that does not divide). */
  partsOf(spaceId: number): readonly number[];
}

export async function spaceGraph(store: Scope, venueId: number): Promise<SpaceGraph> {
  const rows = await store
    .selectFrom('function_space_parts')
    .innerJoin('function_spaces', 'function_spaces.id', 'function_space_parts.space_id')
    .select(['function_space_parts.space_id', 'function_space_parts.part_id'])
    .where('function_spaces.venue_id', '=', venueId)
    .execute();
  return graphOfParts(rows);
}

/** The graph of a venue's combined spaces and their parts (function_space_parts rows). */
export function graphOfParts(rows: ReadonlyArray<{ space_id: number; part_id: number }>): SpaceGraph {
  const parts = new Map<number, number[]>();
  const combinations = new Map<number, number[]>();
  for (const r of rows) {
    parts.set(r.space_id, [...(parts.get(r.space_id) ?? []), r.part_id]);
    combinations.set(r.part_id, [...(combinations.get(r.part_id) ?? []), r.space_id]);
  }
  const partsOf = (spaceId: number) => (parts.get(spaceId) ?? []).slice().sort((a, b) => a - b);
  return {
    partsOf,
    related(spaceId) {
      const own = parts.get(spaceId);
      const smallest = own && own.length > 0 ? own : [spaceId];
      const out = new Set<number>([spaceId, ...smallest]);
      for (const part of smallest) for (const combination of combinations.get(part) ?? []) out.add(combination);
      return out;
    },
  };
}

/** The venue's occupancies held at some instant of `window`, in the order they start. */
export async function venueOccupancies(store: Scope, venueId: number, window: Interval, excluding?: Excluding): Promise<SpaceOccupancy[]> {
  // Two index ranges instead of one unbounded one: short holds by a start no earlier than
  // LONG_HOLD_MS before the window, long holds apart (occupancy-window.ts).
  const overlapping = (longHold: 0 | 1) => {
    let query = store
      .selectFrom('space_occupancies')
      .selectAll()
      .where('venue_id', '=', venueId)
      .where('long_hold', '=', longHold)
      .where('held_from', '<', window.to)
      .where('held_until', '>', window.from);
    if (longHold === 0) query = query.where('held_from', '>=', window.from - LONG_HOLD_MS);
    if (excluding) {
      query = query.where((eb) => eb.not(eb.and([eb('source_kind', '=', excluding.source), eb('source_id', '=', excluding.sourceId)])));
    }
    return query.execute();
  };
  const [short, long] = await Promise.all([overlapping(0), overlapping(1)]);
  return [...short, ...long].sort((a, b) => a.held_from - b.held_from || a.id - b.id);
}

/** Of a venue's occupancies, those that occupy `spaceId`: held in it or in a space overlapping it. */
export function occupying<O extends HeldOccupancy>(graph: SpaceGraph, rows: readonly O[], spaceId: number): O[] {
  const related = graph.related(spaceId);
  return rows.filter((r) => related.has(r.space_id));
}

/** What occupies space `spaceId` at some instant of [from, to), in the order it starts. */
export async function spaceConflicts(
  store: Scope,
  venueId: number,
  spaceId: number,
  from: number,
  to: number,
  excluding?: Excluding,
): Promise<SpaceOccupancy[]> {
  const [graph, rows] = await Promise.all([spaceGraph(store, venueId), venueOccupancies(store, venueId, { from, to }, excluding)]);
  return occupying(graph, rows, spaceId);
}
