/**
 * venue.addOrUpdateRoomCountsCollection (add-or-update-room-counts.md): each item sets the
 * inventory of one room type for every night from startDate to endDate, in place of the type's
 * capacity; getRoomInventory answers it at once, availability being what allocations leave of
 * it. RoomInventoryUpdated carries the nights set (ari/cell-changes.ts).
 */
import { z } from 'zod';
import type { ActionContext } from '../../../../../registry/context.js';
import { defineAction } from '../../../../../registry/define-action.js';
import { array, date, id, int } from '../../../../../registry/params.js';
import { requireVenue } from '../../../venues/store.js';
import { recordInventoryCells } from '../cell-changes.js';
import { cellsOf, chunks } from './cells.js';
import { itemNights } from './ranges.js';
import { ariWriteResult } from './result.js';
import { venueRooms } from './targets.js';

/** A count as large as a room type's capacity may be (addOrUpdateGuestRoom). */
export const MAX_ROOM_COUNT = 100_000;

const item = z.object({
  roomId: id(),
  startDate: date(),
  endDate: date(),
  roomCount: int().refine((n) => n >= 0 && n <= MAX_ROOM_COUNT, { message: `Value must be between 0 and ${MAX_ROOM_COUNT}` }),
});

const params = z.object({ venueId: id(), items: array(item) });

async function setRoomCounts(ctx: ActionContext, p: z.infer<typeof params>) {
  const venue = await requireVenue(ctx.store, p.venueId);
  const nights = itemNights(venue, p.items, ctx.now);
  const rooms = await venueRooms(ctx.store, venue.id, p.items.map((i) => i.roomId), (n) => `items.${n}`);
  const cells = cellsOf(p.items, nights, (i, night) => ({ roomId: i.roomId, night }), (i) => i.roomCount);
  for (const batch of chunks(cells)) {
    await ctx.store
      .insertInto(
        'venue_room_night_counts',
        batch.map(({ cell, value }) => ({ room_id: cell.roomId, night: cell.night, room_count: value, modified_at: ctx.now })),
      )
      .onConflict((oc) =>
        oc.columns(['account_id', 'room_id', 'night']).doUpdateSet((eb) => ({ room_count: eb.ref('excluded.room_count'), modified_at: eb.ref('excluded.modified_at') })),
      )
      .execute();
  }
  await recordInventoryCells(ctx, venue, rooms, cells.map((c) => c.cell));
  return { success: true as const };
}

export const addOrUpdateRoomCountsCollection = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateRoomCountsCollection',
  kind: 'write',
  params,
  result: ariWriteResult,
  handler: setRoomCounts,
});
