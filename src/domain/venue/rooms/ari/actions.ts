/**
 * The ARI reads: venue.getRoomInventory, venue.getRoomRates and venue.getRatePlanBookingRules
 * (get-room-inventory.md, get-room-rates.md, get-rate-plan-booking-rules.md). Each answers every
 * night of the range for every room type asked for, at once (no paging), computed from the
 * base configuration and the per-night values as they stand.
 */
import { z } from 'zod';
import { defineAction } from '../../../../registry/define-action.js';
import { date, id } from '../../../../registry/params.js';
import { roomsOfVenue } from '../guest-rooms/store.js';
import { ratePlansOfVenue, requireRatePlan } from '../rate-plans/store.js';
import { bookingRuleNightResult, inventoryNightResult, rateNightResult, wholeCollection, wholeCollectionResult } from '../schemas.js';
import { bookingRuleNights } from './booking-rules.js';
import { roomInventory } from './inventory.js';
import { roomFilter, roomIdsParam, venueNights } from './range.js';
import { nightlyRates } from './rates.js';

export const getRoomInventory = defineAction({
  namespace: 'venue',
  action: 'getRoomInventory',
  kind: 'read',
  params: z.object({ venueId: id(), startDate: date(), endDate: date(), roomIds: roomIdsParam }),
  result: wholeCollectionResult(inventoryNightResult),
  async handler(ctx, p) {
    const { venue, nights } = await venueNights(ctx.store, p.venueId, p.startDate, p.endDate, ctx.now);
    const rooms = await roomsOfVenue(ctx.store, venue.id, roomFilter(p.roomIds));
    return wholeCollection(await roomInventory(ctx.store, rooms, nights));
  },
});

export const getRoomRates = defineAction({
  namespace: 'venue',
  action: 'getRoomRates',
  kind: 'read',
  params: z.object({ venueId: id(), barId: id(), startDate: date(), endDate: date(), roomIds: roomIdsParam }),
  result: wholeCollectionResult(rateNightResult),
  async handler(ctx, p) {
    const { venue, nights } = await venueNights(ctx.store, p.venueId, p.startDate, p.endDate, ctx.now);
    const plan = await requireRatePlan(ctx.store, venue.id, p.barId);
    const rooms = await roomsOfVenue(ctx.store, venue.id, roomFilter(p.roomIds));
    return wholeCollection(await nightlyRates(ctx.store, plan.id, rooms, nights));
  },
});

export const getRatePlanBookingRules = defineAction({
  namespace: 'venue',
  action: 'getRatePlanBookingRules',
  kind: 'read',
  // barId is not in the page's parameter list but in its example request: one plan, else all.
  params: z.object({ venueId: id(), startDate: date(), endDate: date(), roomIds: roomIdsParam, barId: id().optional() }),
  result: wholeCollectionResult(bookingRuleNightResult),
  async handler(ctx, p) {
    const { venue, nights } = await venueNights(ctx.store, p.venueId, p.startDate, p.endDate, ctx.now);
    const plans = p.barId === undefined ? await ratePlansOfVenue(ctx.store, venue.id) : [await requireRatePlan(ctx.store, venue.id, p.barId)];
    const rooms = await roomsOfVenue(ctx.store, venue.id, roomFilter(p.roomIds));
    return wholeCollection(await bookingRuleNights(ctx.store, plans, rooms, nights));
  },
});
