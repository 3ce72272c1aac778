/**
 * ARI notifications (ari-endpoint.md). They are published only for venues with a distribution
 * channel (the page's note), with the nights that changed as the read actions answer them. A
 * change of base configuration (a room type's capacity) moves every future night without a
 * per-night value; the notification covers the next NOTIFIED_NIGHTS nights of the venue's
 * calendar, today included, which is as far ahead as channel managers keep availability.
 */
import type { ActionContext } from '../../../../registry/context.js';
import type { VenueRow } from '../../venues/store.js';
import type { RoomRow } from '../guest-rooms/store.js';
import { addDays, nightsBetween, venueToday } from '../nights.js';
import { roomInventory, type InventoryOptions } from './inventory.js';

export const NOTIFIED_NIGHTS = 365;

/** The nights a change of base configuration is notified for. */
export function notifiedNights(venue: VenueRow, now: number): string[] {
  const today = venueToday(venue.timezone, now);
  return nightsBetween(today, addDays(today, NOTIFIED_NIGHTS - 1));
}

/** Records RoomInventoryUpdated with the rooms' inventory of the nights (nothing when none is left to report). */
export async function recordInventoryUpdated(
  ctx: ActionContext,
  venue: VenueRow,
  rooms: readonly RoomRow[],
  nights: readonly string[],
  options: InventoryOptions = {},
): Promise<void> {
  if (venue.has_distribution_channel !== 1) return;
  const data = await roomInventory(ctx.store, rooms, nights, options);
  if (data.length > 0) await ctx.recordChange('RoomInventoryUpdated', { data });
}
