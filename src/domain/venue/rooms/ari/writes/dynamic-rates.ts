/**
 * venue.addOrUpdateRoomDynamicRatesCollection (add-or-update-room-dynamic-rates.md) and
 * venue.removeRoomDynamicRates (remove-room-dynamic-rates.md). A dynamic rate is the whole
 * night's price of a room type in a rate plan: it replaces the season's rate, occupancies
 * included, and removing it lets the season's rate show again (ari/rates.ts). getRoomRates
 * answers either at once; RoomRatesUpdated carries the nights that were set or removed.
 *
 * The page's item has one `cost`; getRoomRates and RoomRatesUpdated show four occupancies, so
 * costDouble, costTriple and costQuad are taken too when given (absent, the night has no
 * price for them). Amounts are currency units with at most two decimals, 0 or more.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../../../registry/context.js';
import { defineAction } from '../../../../../registry/define-action.js';
import { array, date, id, number } from '../../../../../registry/params.js';
import { centsOf } from '../../../../invoice/money.js';
import { requireVenue } from '../../../venues/store.js';
import { recordRateCells } from '../cell-changes.js';
import { cellsOf, chunks } from './cells.js';
import { itemNights, rangeNights } from './ranges.js';
import { ariWriteResult } from './result.js';
import { venuePlans, venueRooms } from './targets.js';

const amount = () =>
  number().refine((v) => v >= 0 && centsOf(v) !== null, { message: 'Value must be 0 or greater, with at most two decimal places' });

const item = z.object({
  barId: id(),
  roomId: id(),
  startDate: date(),
  endDate: date(),
  cost: amount(),
  costDouble: amount().nullable().optional(),
  costTriple: amount().nullable().optional(),
  costQuad: amount().nullable().optional(),
});
type Item = z.infer<typeof item>;

const setParams = z.object({ venueId: id(), items: array(item) });

const optionalCents = (v: number | null | undefined) => (v === null || v === undefined ? null : centsOf(v)!);

const costsOf = (i: Item) => ({
  cost: centsOf(i.cost)!,
  cost_double: optionalCents(i.costDouble),
  cost_triple: optionalCents(i.costTriple),
  cost_quad: optionalCents(i.costQuad),
});

async function setDynamicRates(ctx: ActionContext, p: z.infer<typeof setParams>) {
  const venue = await requireVenue(ctx.store, p.venueId);
  const nights = itemNights(venue, p.items, ctx.now);
  const at = (n: number) => `items.${n}`;
  const rooms = await venueRooms(ctx.store, venue.id, p.items.map((i) => i.roomId), at);
  await venuePlans(ctx.store, venue.id, p.items.map((i) => i.barId), at);
  const cells = cellsOf(p.items, nights, (i, night) => ({ roomId: i.roomId, night, planId: i.barId }), costsOf);
  for (const batch of chunks(cells)) {
    await ctx.store
      .insertInto(
        'venue_room_dynamic_rates',
        batch.map(({ cell, value }) => ({ rate_plan_id: cell.planId!, room_id: cell.roomId, night: cell.night, ...value, modified_at: ctx.now })),
      )
      .onConflict((oc) =>
        oc.columns(['account_id', 'rate_plan_id', 'room_id', 'night']).doUpdateSet((eb) => ({
          cost: eb.ref('excluded.cost'),
          cost_double: eb.ref('excluded.cost_double'),
          cost_triple: eb.ref('excluded.cost_triple'),
          cost_quad: eb.ref('excluded.cost_quad'),
          modified_at: eb.ref('excluded.modified_at'),
        })),
      )
      .execute();
  }
  await recordRateCells(ctx, venue, rooms, cells.map((c) => c.cell));
  return { success: true as const };
}

export const addOrUpdateRoomDynamicRatesCollection = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateRoomDynamicRatesCollection',
  kind: 'write',
  params: setParams,
  result: ariWriteResult,
  handler: setDynamicRates,
});

const removeParams = z.object({ venueId: id(), barId: id(), roomId: id(), startDate: date(), endDate: date() });

/** Removing nights that have no dynamic rate succeeds and records nothing for them: their rate did not change. */
async function removeDynamicRates(ctx: ActionContext, p: z.infer<typeof removeParams>) {
  const venue = await requireVenue(ctx.store, p.venueId);
  const nights = rangeNights(venue, p, ctx.now);
  const rooms = await venueRooms(ctx.store, venue.id, [p.roomId]);
  await venuePlans(ctx.store, venue.id, [p.barId]);
  const removed = await ctx.store
    .deleteFrom('venue_room_dynamic_rates')
    .where('rate_plan_id', '=', p.barId)
    .where('room_id', '=', p.roomId)
    .where('night', '>=', nights[0]!)
    .where('night', '<=', nights[nights.length - 1]!)
    .returning('night')
    .execute();
  await recordRateCells(ctx, venue, rooms, removed.map((r) => ({ roomId: p.roomId, night: r.night, planId: p.barId })));
  return { success: true as const };
}

export const removeRoomDynamicRates = defineAction({
  namespace: 'venue',
  action: 'removeRoomDynamicRates',
  kind: 'write',
  params: removeParams,
  result: ariWriteResult,
  handler: removeDynamicRates,
});
