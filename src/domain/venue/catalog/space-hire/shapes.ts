/** Space hire plan rates as the pages answer them. */
import { formatTimestamp } from '../../../../protocol/timestamp.js';
import type { Scope } from '../../../../storage/scope.js';
import { bool, idList, units } from '../values.js';
import { daysOf } from './days.js';
import type { PlanRate, SpaceRate } from './schemas.js';
import type { PlanRateRow } from './store.js';

export const planRateItem = (r: PlanRateRow, venueId: number): PlanRate => ({
  id: r.id,
  venueId,
  tariffId: r.plan_id,
  colour: r.colour,
  startDate: r.start_date,
  endDate: r.end_date,
  daysOfWeek: daysOf(r.days_of_week),
  createdDate: formatTimestamp(r.created_at),
  modifiedDate: formatTimestamp(r.modified_at),
});

/** The rate's price per space, named after the function spaces (null for a space that no longer exists). */
export async function spaceRatesOf(store: Scope, rateId: number): Promise<SpaceRate[]> {
  const rows = await store.selectFrom('venue_space_hire_plan_space_rates').selectAll().where('rate_id', '=', rateId).orderBy('id').execute();
  const spaceIds = [...new Set(rows.map((r) => r.space_id))];
  const spaces =
    spaceIds.length === 0 ? [] : await store.selectFrom('function_spaces').select(['id', 'name']).where('id', 'in', spaceIds).execute();
  const names = new Map(spaces.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    spaceId: r.space_id,
    spaceName: names.get(r.space_id) ?? null,
    minSpendCost: units(r.min_spend_cost),
    minSpendCostExcludedTaxIds: idList(r.min_spend_cost_excluded_tax_ids),
    hourlyCost: units(r.hourly_cost),
    hourlyCostExcludedTaxIds: idList(r.hourly_cost_excluded_tax_ids),
    halfDayCost: units(r.half_day_cost),
    halfDayCostExcludedTaxIds: idList(r.half_day_cost_excluded_tax_ids),
    halfDayCostMinMins: r.half_day_min_mins,
    halfDayCostMaxMins: r.half_day_max_mins,
    halfDayCostAvailFrom: r.half_day_avail_from,
    halfDayCostAvailTo: r.half_day_avail_to,
    fullDayCost: units(r.full_day_cost),
    fullDayCostExcludedTaxIds: idList(r.full_day_cost_excluded_tax_ids),
    fullDayCostMinMins: r.full_day_min_mins,
    fullDayCostMaxMins: r.full_day_max_mins,
    fullDayCostAvailFrom: r.full_day_avail_from,
    fullDayCostAvailTo: r.full_day_avail_to,
    nightCost: units(r.night_cost),
    nightCostExcludedTaxIds: idList(r.night_cost_excluded_tax_ids),
    nightCostMinMins: r.night_min_mins,
    nightCostMaxMins: r.night_max_mins,
    nightCostAvailFrom: r.night_avail_from,
    nightCostAvailTo: r.night_avail_to,
    areCostsPerPerson: bool(r.are_costs_per_person),
    hasLayoutRates: bool(r.has_layout_rates),
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
  }));
}
