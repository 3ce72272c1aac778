/**
 * venue.addOrUpdateRatePlanBookingRulesCollection (add-or-update-rateplan-bookingrules.md):
 * each item sets the close-out status (1 open, 2 closed) of one room type in one rate plan for
 * every night from startDate to endDate. getRatePlanBookingRules answers it at once;
 * RatePlanBookingRulesUpdated carries the nights set. The page has no way to clear a rule:
 * 1 (open) is what a channel manager sends to lift a close-out.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../../../registry/context.js';
import { defineAction } from '../../../../../registry/define-action.js';
import { array, date, id, intEnum } from '../../../../../registry/params.js';
import { requireVenue } from '../../../venues/store.js';
import { recordBookingRuleCells } from '../cell-changes.js';
import { cellsOf, chunks } from './cells.js';
import { itemNights } from './ranges.js';
import { ariWriteResult } from './result.js';
import { venuePlans, venueRooms } from './targets.js';

const item = z.object({
  barId: id(),
  roomId: id(),
  startDate: date(),
  endDate: date(),
  closeOutStatus: intEnum([1, 2] as const),
});

const params = z.object({ venueId: id(), items: array(item) });

async function setBookingRules(ctx: ActionContext, p: z.infer<typeof params>) {
  const venue = await requireVenue(ctx.store, p.venueId);
  const nights = itemNights(venue, p.items, ctx.now);
  const at = (n: number) => `items.${n}`;
  const rooms = await venueRooms(ctx.store, venue.id, p.items.map((i) => i.roomId), at);
  const plans = await venuePlans(ctx.store, venue.id, p.items.map((i) => i.barId), at);
  const cells = cellsOf(p.items, nights, (i, night) => ({ roomId: i.roomId, night, planId: i.barId }), (i) => i.closeOutStatus);
  for (const batch of chunks(cells)) {
    await ctx.store
      .insertInto(
        'venue_rate_plan_booking_rules',
        batch.map(({ cell, value }) => ({ rate_plan_id: cell.planId!, room_id: cell.roomId, night: cell.night, close_out_status: value, modified_at: ctx.now })),
      )
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'rate_plan_id', 'room_id', 'night'])
          .doUpdateSet((eb) => ({ close_out_status: eb.ref('excluded.close_out_status'), modified_at: eb.ref('excluded.modified_at') })),
      )
      .execute();
  }
  await recordBookingRuleCells(ctx, venue, rooms, plans, cells.map((c) => c.cell));
  return { success: true as const };
}

export const addOrUpdateRatePlanBookingRulesCollection = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateRatePlanBookingRulesCollection',
  kind: 'write',
  params,
  result: ariWriteResult,
  handler: setBookingRules,
});
