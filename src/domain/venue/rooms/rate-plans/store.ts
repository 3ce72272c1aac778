/** Reading rate plans (the pages' "bar") and their seasons ("bar rates"). */
import type { Selectable } from 'kysely';
import { prepared } from '../../../../storage/prepared.js';
import type { Scope } from '../../../../storage/scope.js';
import { ratePlanNotFound, ratePlanRateNotFound } from '../errors.js';
import type { VenueRatePlanRatesTable, VenueRatePlansTable } from '../tables.js';

export type RatePlanRow = Selectable<VenueRatePlansTable>;
export type RatePlanRateRow = Selectable<VenueRatePlanRatesTable>;

// Prepared: getRoomRates, which channel managers poll, reads the plan on every call.
const ratePlanOfVenue = prepared((store, p: { id: number; venueId: number }) =>
  store.selectFrom('venue_rate_plans').selectAll('venue_rate_plans').where('venue_rate_plans.id', '=', p.id).where('venue_rate_plans.venue_id', '=', p.venueId),
);

/** The venue's rate plan, or 404 / 24103 (another venue's plan does not exist for this one). */
export async function requireRatePlan(store: Scope, venueId: number, id: number): Promise<RatePlanRow> {
  const [row] = await ratePlanOfVenue(store, { id, venueId });
  if (!row) throw ratePlanNotFound();
  return row;
}

/** The plan's season, or 404 / 24104. */
export async function requireRatePlanRate(store: Scope, ratePlanId: number, id: number): Promise<RatePlanRateRow> {
  const row = await store
    .selectFrom('venue_rate_plan_rates')
    .selectAll('venue_rate_plan_rates')
    .where('venue_rate_plan_rates.id', '=', id)
    .where('venue_rate_plan_rates.rate_plan_id', '=', ratePlanId)
    .executeTakeFirst();
  if (!row) throw ratePlanRateNotFound();
  return row;
}

export async function ratePlansOfVenue(store: Scope, venueId: number): Promise<RatePlanRow[]> {
  return store.selectFrom('venue_rate_plans').selectAll('venue_rate_plans').where('venue_rate_plans.venue_id', '=', venueId).orderBy('venue_rate_plans.id').execute();
}
