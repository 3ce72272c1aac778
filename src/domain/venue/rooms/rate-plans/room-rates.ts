/**
 * venue.getRoomRateList (get-room-rate-list.md): what each room type costs in one season of a
 * rate plan. The page takes no paging or filter: every room rate of the season is answered.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { defineAction } from '../../../../registry/define-action.js';
import { id } from '../../../../registry/params.js';
import { toAmount, toOptionalAmount } from '../../../invoice/money.js';
import { requireVenue } from '../../venues/store.js';
import { taxIds } from '../amounts.js';
import { roomNotFound } from '../errors.js';
import { findRoom } from '../guest-rooms/store.js';
import { roomRateResult, wholeCollection, wholeCollectionResult } from '../schemas.js';
import type { VenueRoomRatesTable } from '../tables.js';
import { requireRatePlan, requireRatePlanRate } from './store.js';

function roomRateItem(barId: number, r: Selectable<VenueRoomRatesTable>): z.input<typeof roomRateResult> {
  return {
    id: r.id,
    barId,
    barRateId: r.rate_plan_rate_id,
    roomId: r.room_id,
    cost: toAmount(r.cost),
    costDouble: toOptionalAmount(r.cost_double),
    costTriple: toOptionalAmount(r.cost_triple),
    costQuad: toOptionalAmount(r.cost_quad),
    costExcludedTaxIds: taxIds(r.cost_excluded_tax_ids),
    actualCost: toAmount(r.actual_cost),
    actualCostDouble: toOptionalAmount(r.actual_cost_double),
    actualCostTriple: toOptionalAmount(r.actual_cost_triple),
    actualCostQuad: toOptionalAmount(r.actual_cost_quad),
    actualCostExcludedTaxIds: taxIds(r.actual_cost_excluded_tax_ids),
  };
}

export const getRoomRateList = defineAction({
  namespace: 'venue',
  action: 'getRoomRateList',
  kind: 'read',
  params: z.object({ venueId: id(), barId: id(), barRateId: id(), roomId: id().optional() }),
  result: wholeCollectionResult(roomRateResult),
  async handler(ctx, p) {
    await requireVenue(ctx.store, p.venueId);
    await requireRatePlan(ctx.store, p.venueId, p.barId);
    await requireRatePlanRate(ctx.store, p.barId, p.barRateId);
    if (p.roomId !== undefined) {
      const room = await findRoom(ctx.store, p.roomId);
      if (!room || room.venue_id !== p.venueId) throw roomNotFound();
    }
    let query = ctx.store.selectFrom('venue_room_rates').selectAll('venue_room_rates').where('venue_room_rates.rate_plan_rate_id', '=', p.barRateId);
    if (p.roomId !== undefined) query = query.where('venue_room_rates.room_id', '=', p.roomId);
    const rows = await query.orderBy('venue_room_rates.id').execute();
    return wholeCollection(rows.map((r) => roomRateItem(p.barId, r)));
  },
});
