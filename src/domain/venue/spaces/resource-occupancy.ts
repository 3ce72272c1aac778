/**
 * Units of a resource held over time. Booking session resources will write here, in the
 * transaction that writes them (add-or-update-booking-session-resource.md):
 *
 *   await occupyResource(store, { venueId, resourceId, source: 'session_resource', sourceId,
 *     bookingId, sessionId, spaceId, quantity, startsAt, endsAt }, ctx.now);
 *   await releaseResourceOccupancy(store, 'session_resource', id);
 *
 * getResourceAvailability computes from these rows at read time.
 */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import type { Interval } from './intervals.js';
import type { ResourceOccupanciesTable, ResourceOccupancySource } from './tables.js';

export type ResourceOccupancy = Selectable<ResourceOccupanciesTable>;

export interface ResourceHold {
  venueId: number;
  resourceId: number;
  source: ResourceOccupancySource;
  sourceId: number;
  quantity: number;
  startsAt: number;
  endsAt: number;
  bookingId?: number | null;
  sessionId?: number | null;
  spaceId?: number | null;
}

/** Records that `source` holds units of the resource, replacing what it held before. Callers validate first. */
export async function occupyResource(store: Scope, hold: ResourceHold, now: number): Promise<void> {
  if (!(hold.endsAt > hold.startsAt)) throw new Error(`occupyResource: ${hold.source} ${hold.sourceId} ends before it starts`);
  if (!(hold.quantity > 0)) throw new Error(`occupyResource: ${hold.source} ${hold.sourceId} holds no units`);
  const resource = await store
    .selectFrom('resources')
    .select('id')
    .where('id', '=', hold.resourceId)
    .where('venue_id', '=', hold.venueId)
    .executeTakeFirst();
  if (!resource) throw new Error(`occupyResource: resource ${hold.resourceId} is not one of venue ${hold.venueId}'s`);
  await releaseResourceOccupancy(store, hold.source, hold.sourceId);
  await store
    .insertInto('resource_occupancies', {
      venue_id: hold.venueId,
      resource_id: hold.resourceId,
      source_kind: hold.source,
      source_id: hold.sourceId,
      booking_id: hold.bookingId ?? null,
      session_id: hold.sessionId ?? null,
      space_id: hold.spaceId ?? null,
      quantity: hold.quantity,
      starts_at: hold.startsAt,
      ends_at: hold.endsAt,
      created_at: now,
    })
    .execute();
}

export async function releaseResourceOccupancy(store: Scope, source: ResourceOccupancySource, sourceId: number): Promise<boolean> {
  const result = await store.deleteFrom('resource_occupancies').where('source_kind', '=', source).where('source_id', '=', sourceId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Frees every unit a booking held (the booking was cancelled or removed). */
export async function releaseBookingResources(store: Scope, bookingId: number): Promise<number> {
  const result = await store.deleteFrom('resource_occupancies').where('booking_id', '=', bookingId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** What holds the resources at some instant of `window`, by start. */
export async function resourceOccupancies(store: Scope, resourceIds: readonly number[], window: Interval): Promise<ResourceOccupancy[]> {
  if (resourceIds.length === 0) return [];
  return store
    .selectFrom('resource_occupancies')
    .selectAll()
    .where('resource_id', 'in', resourceIds)
    .where('starts_at', '<', window.to)
    .where('ends_at', '>', window.from)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}
