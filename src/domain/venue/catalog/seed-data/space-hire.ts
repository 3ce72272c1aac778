/**
 * Space hire plans of each kind of venue with weekday, weekend and (at the hotel) December
 * rates from the start of this year to the end of next, and a price per function space of the
 * venue scaled by its capacity. The spaces area seeds before the catalogue; a venue without
 * function spaces gets plans and periods without space rates.
 */
import { DateTime } from 'luxon';
import type { Scope } from '../../../../storage/scope.js';
import type { SeededVenue, VenueKind } from '../../seed/types.js';
import { daysMask } from '../space-hire/days.js';
import { hundredths } from '../values.js';
import type { SeedCounts } from './counter.js';

interface PeriodPlan {
  colour: string;
  days: readonly number[];
  /** Multiplies the base prices. */
  factor: number;
  /** `mm-dd` of this year, when the period is not the whole two years. */
  within?: readonly [string, string];
}

const WEEKDAYS: PeriodPlan = { colour: '#4f81bd', days: [1, 2, 3, 4, 5], factor: 1 };
const WEEKENDS: PeriodPlan = { colour: '#e4afaf', days: [0, 6], factor: 1.25 };

const PLANS: Record<VenueKind, ReadonlyArray<{ name: string; code: string; description: string | null; periods: readonly PeriodPlan[] }>> = {
  hotel: [
    { name: 'Standard Room Hire', code: 'STD', description: '<p>Meeting and function room hire.</p>', periods: [WEEKDAYS, WEEKENDS, { colour: '#c0504d', days: [0, 1, 2, 3, 4, 5, 6], factor: 1.5, within: ['12-01', '12-31'] }] },
    { name: 'Wedding Season', code: 'WED', description: '<p>Ballroom hire for weddings, September to April.</p>', periods: [WEEKENDS] },
  ],
  conference: [
    { name: 'Conference Room Hire', code: 'CONF', description: null, periods: [WEEKDAYS, WEEKENDS] },
    { name: 'Exhibition Hall Hire', code: 'EXH', description: '<p>Hall hire per day including bump in and out.</p>', periods: [WEEKDAYS] },
  ],
  restaurant: [{ name: 'Private Dining Minimum Spend', code: 'PDR', description: '<p>No hire fee once the minimum spend is met.</p>', periods: [{ colour: '#9bbb59', days: [0, 1, 2, 3, 4, 5, 6], factor: 1 }] }],
};

/** Whole dollars, rounded to five, as cents. */
const price = (dollars: number) => hundredths(Math.round(dollars / 5) * 5);

function spaceRate(kind: VenueKind, capacity: number, factor: number) {
  const hourly = Math.max(100, capacity * 3) * factor;
  const minimumSpend = kind === 'restaurant' ? capacity * 90 * factor : 0;
  return {
    min_spend_cost: price(minimumSpend),
    min_spend_cost_excluded_tax_ids: '[]',
    hourly_cost_excluded_tax_ids: '[]',
    half_day_cost_excluded_tax_ids: '[]',
    full_day_cost_excluded_tax_ids: '[]',
    night_cost_excluded_tax_ids: '[]',
    hourly_cost: kind === 'restaurant' ? 0 : price(hourly),
    half_day_cost: kind === 'restaurant' ? 0 : price(hourly * 3.5),
    half_day_min_mins: 180,
    half_day_max_mins: 300,
    half_day_avail_from: '07:00:00',
    half_day_avail_to: '18:00:00',
    full_day_cost: kind === 'restaurant' ? 0 : price(hourly * 6),
    full_day_min_mins: 301,
    full_day_max_mins: 660,
    full_day_avail_from: '07:00:00',
    full_day_avail_to: '18:00:00',
    night_cost: kind === 'restaurant' ? 0 : price(hourly * 5),
    night_min_mins: 180,
    night_max_mins: 420,
    night_avail_from: '18:00:00',
    night_avail_to: '23:59:00',
  };
}

/** The venue's plans by code. */
export type SpaceHirePlans = ReadonlyMap<string, number>;

export async function seedSpaceHire(tx: Scope, venue: SeededVenue, now: number, counts: SeedCounts): Promise<SpaceHirePlans> {
  const spaces = await tx.selectFrom('function_spaces').select(['id', 'max_pax']).where('venue_id', '=', venue.id).orderBy('id').execute();
  // The venue's own calendar year: a seed on New Year's Eve in UTC is already next year in Sydney.
  const local = DateTime.fromMillis(now, { zone: venue.timezone });
  const year = (local.isValid ? local : DateTime.fromMillis(now, { zone: 'utc' })).year;
  const plans = new Map<string, number>();
  for (const plan of PLANS[venue.kind]) {
    const row = await tx
      .insertInto('venue_space_hire_plans', { venue_id: venue.id, name: plan.name, code: plan.code, description: plan.description, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    plans.set(plan.code, row.id);
    for (const period of plan.periods) {
      const rate = await tx
        .insertInto('venue_space_hire_plan_rates', {
          plan_id: row.id,
          colour: period.colour,
          start_date: period.within ? `${year}-${period.within[0]}` : `${year}-01-01`,
          end_date: period.within ? `${year}-${period.within[1]}` : `${year + 1}-12-31`,
          days_of_week: daysMask(period.days),
          created_at: now,
          modified_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (spaces.length > 0) {
        await tx
          .insertInto(
            'venue_space_hire_plan_space_rates',
            spaces.map((s) => ({
              rate_id: rate.id,
              space_id: s.id,
              ...spaceRate(venue.kind, s.max_pax > 0 ? s.max_pax : 50, period.factor),
              are_costs_per_person: 0,
              has_layout_rates: 0,
              created_at: now,
              modified_at: now,
            })),
          )
          .execute();
      }
      counts.add('venueSpaceHirePlanRates');
      counts.add('venueSpaceHireSpaceRates', spaces.length);
    }
  }
  counts.add('venueSpaceHirePlans', PLANS[venue.kind].length);
  return plans;
}
