/**
 * When a space cannot be had, from what occupies it (occupancy.ts). A blockout of the space or
 * of any space overlapping it blocks outright, and so does a session in an overlapping space:
 * a booked part takes its combinations, a booked combination takes its parts. Sessions in the
 * space itself block once `maxNumBookings` bookings hold it at the same time
 * (get-function-space-list.md: "the maximum number of confirmed bookings that can share this
 * space at the same time").
 */
import type { Scope } from '../../../storage/scope.js';
import { overlaps, saturated, union, type Interval } from './intervals.js';
import { occupying, spaceGraph, venueOccupancies, type Excluding, type HeldOccupancy, type SpaceGraph, type SpaceOccupancy } from './occupancy.js';

export interface SpaceLimits {
  id: number;
  max_num_bookings: number;
}

export interface SpaceBlocking<O extends HeldOccupancy = SpaceOccupancy> {
  /** Blockouts of the space or of a space overlapping it. */
  blockouts: O[];
  /** Sessions of the space or of a space overlapping it. */
  sessions: O[];
  /** Where sessions leave no room: the space is booked out. */
  booked: Interval[];
}

const held = (o: HeldOccupancy): Interval => ({ from: o.held_from, to: o.held_until });

export function spaceBlocking<O extends HeldOccupancy>(space: SpaceLimits, graph: SpaceGraph, rows: readonly O[]): SpaceBlocking<O> {
  const mine = occupying(graph, rows, space.id);
  const blockouts = mine.filter((o) => o.source_kind === 'blockout');
  const sessions = mine.filter((o) => o.source_kind === 'session');
  const elsewhere = sessions.filter((o) => o.space_id !== space.id).map(held);
  // The space's own sessions, one holder per booking (a session without one counts alone).
  const holders = new Map<string, Interval[]>();
  for (const o of sessions.filter((s) => s.space_id === space.id)) {
    const key = o.booking_id === null ? `session:${o.source_id}` : `booking:${o.booking_id}`;
    holders.set(key, [...(holders.get(key) ?? []), held(o)]);
  }
  const full = saturated([...holders.values()], Math.max(1, space.max_num_bookings));
  return { blockouts, sessions, booked: union([...elsewhere, ...full]) };
}

/** Every instant the space cannot be had. */
export function blockedIntervals(b: SpaceBlocking<HeldOccupancy>): Interval[] {
  return union([...b.blockouts.map(held), ...b.booked]);
}

export type SpaceConflict<O extends HeldOccupancy = SpaceOccupancy> = { reason: 1; occupancy: O } | { reason: 3; occupancy: O };

/**
 * Why the space cannot be had during `window`, if it cannot: 1 a blockout, 3 a booking
 * (get-available-function-spaces.md, Conflict Reason), with the first occupancy in the way.
 */
export function conflictIn<O extends HeldOccupancy>(b: SpaceBlocking<O>, window: Interval): SpaceConflict<O> | null {
  const blockout = b.blockouts.find((o) => overlaps(held(o), window));
  if (blockout) return { reason: 1, occupancy: blockout };
  const booked = b.booked.filter((i) => overlaps(i, window));
  if (booked.length === 0) return null;
  const session = b.sessions.find((o) => booked.some((i) => overlaps(held(o), i)) && overlaps(held(o), window));
  return session ? { reason: 3, occupancy: session } : null;
}

/** Whether a holder may take the space over [from, to), for the writers of sessions: the first conflict, or null. */
export async function findSpaceConflict(
  store: Scope,
  space: SpaceLimits & { venue_id: number },
  from: number,
  to: number,
  excluding?: Excluding,
): Promise<SpaceConflict | null> {
  const window = { from, to };
  const [graph, rows] = await Promise.all([spaceGraph(store, space.venue_id), venueOccupancies(store, space.venue_id, window, excluding)]);
  return conflictIn(spaceBlocking(space, graph, rows), window);
}
