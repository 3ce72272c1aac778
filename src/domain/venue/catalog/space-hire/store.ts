/** Reading space hire plans and their rates of the caller's account. */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../../storage/scope.js';
import { spaceHirePlanNotFound, spaceHirePlanRateNotFound } from '../errors.js';
import type { VenueSpaceHirePlanRatesTable, VenueSpaceHirePlansTable } from '../tables.js';

export type PlanRow = Selectable<VenueSpaceHirePlansTable>;
export type PlanRateRow = Selectable<VenueSpaceHirePlanRatesTable>;

/** The venue's plan, or 404 / 24106 (another venue's plan does not exist for this one). */
export async function requirePlan(store: Scope, venueId: number, planId: number): Promise<PlanRow> {
  const row = await store
    .selectFrom('venue_space_hire_plans')
    .selectAll()
    .where('id', '=', planId)
    .where('venue_id', '=', venueId)
    .executeTakeFirst();
  if (!row) throw spaceHirePlanNotFound();
  return row;
}

/** The plan's rate, or 404 / 24107. */
export async function requirePlanRate(store: Scope, planId: number, rateId: number): Promise<PlanRateRow> {
  const row = await store
    .selectFrom('venue_space_hire_plan_rates')
    .selectAll()
    .where('id', '=', rateId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  if (!row) throw spaceHirePlanRateNotFound();
  return row;
}
