/**
 * venue.getRatePlanRateList (get-rate-plan-rate-list.md): the seasons of the venue's rate
 * plans, of one plan when `barId` is given.
 */
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { toAmount } from '../../../invoice/money.js';
import { requireVenue } from '../../venues/store.js';
import { amountFilter } from '../amounts.js';
import { daysOfMask } from '../nights.js';
import { ratePlanRateResult } from '../schemas.js';
import { requireRatePlan } from './store.js';

export const getRatePlanRateList = defineListAction({
  namespace: 'venue',
  action: 'getRatePlanRateList',
  params: { venueId: id(), barId: id().optional() },
  filters: {
    id: { column: 'venue_rate_plan_rates.id', type: 'integer' },
    barId: { column: 'venue_rate_plan_rates.rate_plan_id', type: 'integer' },
    startDate: { column: 'venue_rate_plan_rates.start_date', type: 'date' },
    endDate: { column: 'venue_rate_plan_rates.end_date', type: 'date' },
    minAcceptableRate: amountFilter('venue_rate_plan_rates.min_acceptable_rate'),
  },
  item: ratePlanRateResult,
  async rows(ctx, { venueId, barId }) {
    await requireVenue(ctx.store, venueId);
    if (barId !== undefined) await requireRatePlan(ctx.store, venueId, barId);
    const plansOfVenue = ctx.store.selectFrom('venue_rate_plans').select('venue_rate_plans.id').where('venue_rate_plans.venue_id', '=', venueId);
    return {
      from: ctx.store.selectFrom('venue_rate_plan_rates'),
      idColumn: 'venue_rate_plan_rates.id',
      select: (qb) => qb.selectAll('venue_rate_plan_rates'),
      where: (eb) =>
        barId === undefined
          ? eb('venue_rate_plan_rates.rate_plan_id', 'in', plansOfVenue)
          : eb('venue_rate_plan_rates.rate_plan_id', '=', barId),
    };
  },
  items: (rows) =>
    rows.map((r) => ({
      id: r.id,
      barId: r.rate_plan_id,
      startDate: r.start_date,
      endDate: r.end_date,
      minAcceptableRate: toAmount(r.min_acceptable_rate),
      daysOfWeek: daysOfMask(r.days_of_week),
    })),
});
