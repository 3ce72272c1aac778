/**
 * Taking a space or units of a resource for a session, without ever double-booking.
 *
 * Every writer of what holds a venue's spaces and resources (sessions, their resources,
 * blockouts) first takes the venue's hold lock, then checks, then writes, all in its
 * transaction. The lock is storage/natural-key-lock.ts: a transaction-scoped advisory lock on
 * PostgreSQL (so two server processes queue on it), nothing on SQLite, whose one writer already
 * runs write transactions one after another. The check therefore always sees every hold
 * committed before it, and no other writer can add one until it commits.
 */
import { formatLocal } from '../spaces/venue-time.js';
import { peak } from '../spaces/intervals.js';
import { occupySpace, type SpaceHold } from '../spaces/occupancy.js';
import { occupyResource, resourceOccupancies, type ResourceHold } from '../spaces/resource-occupancy.js';
import { findSpaceConflict, type SpaceLimits } from '../spaces/space-blocking.js';
import type { Scope } from '../../../storage/scope.js';
import { lockNaturalKey } from '../../../storage/natural-key-lock.js';
import type { ApiError } from '../../../protocol/errors.js';

/** Serialises, until the transaction ends, the writers of what holds the venue's spaces and resources. */
export function lockVenueHolds(store: Scope, venueId: number): Promise<void> {
  return lockNaturalKey(store, `venue-holds:${venueId}`);
}

const MINUTE = 60_000;

/**
 * Occupies the space for the session, or throws `refuse(reason)` when a blockout or another
 * booking holds it (or an overlapping space) at some instant from set-up to set-down. The
 * caller holds the venue's lock.
 */
export async function holdSpace(
  store: Scope,
  zone: string,
  space: SpaceLimits & { venue_id: number; name: string },
  hold: Omit<SpaceHold, 'venueId' | 'spaceId' | 'source'>,
  now: number,
  refuse: (reason: string) => ApiError,
): Promise<void> {
  const from = hold.startsAt - (hold.setupMinutes ?? 0) * MINUTE;
  const to = hold.endsAt + (hold.takedownMinutes ?? 0) * MINUTE;
  const conflict = await findSpaceConflict(store, space, from, to, { source: 'session', sourceId: hold.sourceId });
  if (conflict) {
    const o = conflict.occupancy;
    const when = `from ${formatLocal(zone, o.held_from)} to ${formatLocal(zone, o.held_until)}`;
    const where = o.space_id === space.id ? `'${space.name}'` : `'${space.name}' (through space ${o.space_id}, which shares part of it)`;
    throw refuse(
      conflict.reason === 1
        ? `spaceId: ${where} is blocked out ${when} (blockout ${o.source_id})`
        : `spaceId: ${where} is already booked ${when} by session ${o.source_id}${o.booking_id === null ? '' : ` of booking ${o.booking_id}`}`,
    );
  }
  await occupySpace(store, { ...hold, venueId: space.venue_id, spaceId: space.id, source: 'session' }, now);
}

/**
 * Holds units of a resource, or throws `refuse(reason)` when the units already held at some
 * instant of the window leave fewer than asked. A resource whose quantity the venue does not
 * count (null) is never short. The caller holds the venue's lock.
 */
export async function holdResource(
  store: Scope,
  zone: string,
  resource: { id: number; venue_id: number; name: string; quantity: number | null },
  hold: Omit<ResourceHold, 'venueId' | 'resourceId' | 'source'>,
  now: number,
  refuse: (reason: string) => ApiError,
): Promise<void> {
  if (resource.quantity !== null) {
    const window = { from: hold.startsAt, to: hold.endsAt };
    const others = (await resourceOccupancies(store, [resource.id], window)).filter(
      (o) => !(o.source_kind === 'session_resource' && o.source_id === hold.sourceId),
    );
    const busiest = peak(
      others.map((o) => ({ from: o.starts_at, to: o.ends_at, quantity: o.quantity })),
      window,
    );
    if (busiest.quantity + hold.quantity > resource.quantity) {
      const free = Math.max(0, resource.quantity - busiest.quantity);
      throw refuse(
        `quantity: ${hold.quantity} of '${resource.name}' asked for, ${free} of ${resource.quantity} free at ${formatLocal(zone, busiest.at)}`,
      );
    }
  }
  await occupyResource(store, { ...hold, venueId: resource.venue_id, resourceId: resource.id, source: 'session_resource' }, now);
}
