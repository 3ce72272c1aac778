import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addPlanRate, addSpaceHirePlan, addSpaceRate } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';
import { addSpace } from './spaces-fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
interface Plan {
  id: number;
  name: string;
  code: string | null;
}
interface Rate {
  id: number;
  venueId: number;
  tariffId: number;
  startDate: string;
  endDate: string;
  daysOfWeek: number[];
}
interface SpaceRate {
  spaceId: number;
  spaceName: string | null;
  hourlyCost: number;
  fullDayCost: number;
  fullDayCostExcludedTaxIds: number[];
  areCostsPerPerson: boolean;
}

// Space hire plans (tariffs): a venue's plans, their dated periods and the price of each space.
describeEachDatabase('venue catalogue: space hire plans and rates', ({ server }) => {
  let venue = 0;
  let otherVenue = 0;
  let foreignVenue = 0;
  let standard = 0;
  let peak = 0;
  let riverPlan = 0;
  const rates = { weekdays: 0, weekends: 0, december: 0, river: 0 };
  let ballroom = 0;

  const call = <T>(action: string, params: Record<string, unknown> = {}) => server().client.call<T>('venue', action, params);

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Harbour Hotel' });
    otherVenue = await addVenue(store, { name: 'River Hall' });
    ballroom = await addSpace(server().client, venue, { name: 'Ballroom' });
    standard = await addSpaceHirePlan(store, venue, { name: 'Standard', code: 'STD', description: 'All year' });
    peak = await addSpaceHirePlan(store, venue, { name: 'Peak season', code: 'PEAK' });
    riverPlan = await addSpaceHirePlan(store, otherVenue, { name: 'Standard' });
    // Weekdays (Mon–Fri = bits 1..5) for the first half of 2027, weekends for the whole year.
    rates.weekdays = await addPlanRate(store, standard, { start: '2027-01-01', end: '2027-06-30', days: 0b0111110 });
    rates.weekends = await addPlanRate(store, standard, { start: '2027-01-01', end: '2027-12-31', days: 0b1000001 });
    rates.december = await addPlanRate(store, peak, { start: '2027-12-01', end: '2027-12-31', days: 0b1111111 });
    rates.river = await addPlanRate(store, riverPlan, { start: '2027-01-01', end: '2027-12-31', days: 0b1111111 });
    await addSpaceRate(store, rates.weekdays, ballroom, {
      hourly_cost: 12500,
      full_day_cost: 180000,
      full_day_cost_excluded_tax_ids: '[7]',
      are_costs_per_person: 1,
    });
    const other = await server().newAccount();
    foreignVenue = await addVenue(server().store(other.accountId), { name: 'Elsewhere' });
  });

  it('lists the venue’s plans only, with filters and paging', async () => {
    const all = await call<Page<Plan>>('getSpaceHirePlanList', { venueId: venue });
    assert.deepEqual(
      all.results.map((p) => [p.id, p.name, p.code]),
      [
        [standard, 'Standard', 'STD'],
        [peak, 'Peak season', 'PEAK'],
      ],
    );
    const byCode = await call<Page<Plan>>('getSpaceHirePlanList', { venueId: venue, filter: { code: 'PEAK' } });
    assert.deepEqual(byCode.results.map((p) => p.id), [peak]);
    const page = await call<Page<Plan>>('getSpaceHirePlanList', { venueId: venue, perPage: 1, start: 1 });
    assert.equal(page.meta.totalResults, 2);
    assert.deepEqual(page.results.map((p) => p.id), [peak]);
    await expectApiError(call('getSpaceHirePlanList', { venueId: foreignVenue }), 404, 24102);
    await expectApiError(call('getSpaceHirePlanList', {}), 400, 23017, 'venueId');
  });

  it('lists the periods of every plan of the venue, or of one plan, with days as numbers', async () => {
    const all = await call<Page<Rate>>('getSpaceHirePlanRateList', { venueId: venue });
    assert.deepEqual(all.results.map((r) => r.id).sort((a, b) => a - b), [rates.weekdays, rates.weekends, rates.december].sort((a, b) => a - b));
    const weekdays = all.results.find((r) => r.id === rates.weekdays);
    assert.deepEqual(weekdays?.daysOfWeek, [1, 2, 3, 4, 5]);
    assert.equal(weekdays?.venueId, venue);
    assert.equal(weekdays?.tariffId, standard);
    const peakOnly = await call<Page<Rate>>('getSpaceHirePlanRateList', { venueId: venue, tariffId: peak });
    assert.deepEqual(peakOnly.results.map((r) => r.id), [rates.december]);
    await expectApiError(call('getSpaceHirePlanRateList', { venueId: venue, tariffId: riverPlan }), 404, 24106);
  });

  it('keeps the periods overlapping startDateFilter..endDateFilter', async () => {
    const ids = async (filter: Record<string, string>) =>
      (await call<Page<Rate>>('getSpaceHirePlanRateList', { venueId: venue, filter })).results.map((r) => r.id).sort((a, b) => a - b);
    assert.deepEqual(await ids({ startDateFilter: '2027-07-01' }), [rates.weekends, rates.december].sort((a, b) => a - b));
    assert.deepEqual(await ids({ endDateFilter: '2027-06-30' }), [rates.weekdays, rates.weekends].sort((a, b) => a - b));
    assert.deepEqual(await ids({ startDateFilter: '2027-07-01', endDateFilter: '2027-11-30' }), [rates.weekends]);
  });

  it('answers one period with the price of each space, and 24106 / 24107 for what is not the venue’s', async () => {
    const rate = await call<Rate & { spaceRates: SpaceRate[] }>('getSpaceHirePlanRate', { venueId: venue, tariffId: standard, tariffRateId: rates.weekdays });
    assert.equal(rate.id, rates.weekdays);
    assert.deepEqual(rate.spaceRates.map((s) => [s.spaceId, s.spaceName, s.hourlyCost, s.fullDayCost, s.fullDayCostExcludedTaxIds, s.areCostsPerPerson]), [
      [ballroom, 'Ballroom', 125, 1800, [7], true],
    ]);
    const empty = await call<{ spaceRates: SpaceRate[] }>('getSpaceHirePlanRate', { venueId: venue, tariffId: peak, tariffRateId: rates.december });
    assert.deepEqual(empty.spaceRates, []);
    // A period of another plan, of another venue's plan, or of another account.
    await expectApiError(call('getSpaceHirePlanRate', { venueId: venue, tariffId: standard, tariffRateId: rates.december }), 404, 24107);
    await expectApiError(call('getSpaceHirePlanRate', { venueId: venue, tariffId: riverPlan, tariffRateId: rates.river }), 404, 24106);
    await expectApiError(call('getSpaceHirePlanRate', { venueId: foreignVenue, tariffId: standard, tariffRateId: rates.weekdays }), 404, 24102);
  });
});
