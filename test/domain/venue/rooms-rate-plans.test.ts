import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { addRatePlan, addRoomRate, addSeason, type Page } from './rooms-fixtures.js';

describeEachDatabase('venue rate plans, seasons, room rates and room options', ({ server }) => {
  let venue = 0;
  let other = 0;
  let bar = 0;
  let corp = 0;
  let elsewhere = 0;
  let king = 0;
  let twin = 0;
  let yearRound = 0;
  let weekend = 0;
  let corpSeason = 0;
  const c = () => server().client;
  const call = <T>(action: string, params: Record<string, unknown>) => c().call<T>('venue', action, params);

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Rates Hotel' });
    other = await addVenue(store, { name: 'Other Hotel' });
    king = (await call<{ id: number }>('addOrUpdateGuestRoom', { venueId: venue, name: 'King', capacity: 10 })).id;
    twin = (await call<{ id: number }>('addOrUpdateGuestRoom', { venueId: venue, name: 'Twin', capacity: 5 })).id;
    bar = await addRatePlan(store, venue, 'Basic Rate Plan', '2-1');
    corp = await addRatePlan(store, venue, 'Corporate', 'CORP');
    elsewhere = await addRatePlan(store, other, 'Other BAR', 'OBAR');
    yearRound = await addSeason(store, bar, { start: '2030-01-01', end: '2030-12-31', minimum: 1_000 });
    weekend = await addSeason(store, bar, { start: '2030-04-24', end: '2030-04-28', days: [0, 6], minimum: 5_050 });
    corpSeason = await addSeason(store, corp, { start: '2030-02-01', end: '2030-03-31' });
    await addRoomRate(store, yearRound, king, { cost: 5_500, actual: 4_500 });
    await addRoomRate(store, yearRound, twin, { cost: 5_000, double: 7_000, triple: 0, quad: 0, actual: 0, taxes: [3] });
    await addRoomRate(store, weekend, king, { cost: 9_900 });
  });

  describe('getVenueRatePlanList', () => {
    it('lists the venue’s rate plans as documented, with filters', async () => {
      const page = await call<Page<unknown>>('getVenueRatePlanList', { venueId: venue });
      assert.deepEqual(page.meta, { totalResults: 2, start: 0, perPage: 100, count: 2 });
      assert.deepEqual(page.results, [
        { id: bar, name: 'Basic Rate Plan', code: '2-1', description: '<p>Basic Rate Plan</p>' },
        { id: corp, name: 'Corporate', code: 'CORP', description: '<p>Corporate</p>' },
      ]);
      const corporate = await call<Page<{ id: number }>>('getVenueRatePlanList', { venueId: venue, filter: { code: 'CORP' } });
      assert.deepEqual(corporate.results.map((p) => p.id), [corp]);
      const paged = await call<Page<{ id: number }>>('getVenueRatePlanList', { venueId: venue, start: 1, perPage: 1 });
      assert.deepEqual(paged.results.map((p) => p.id), [corp]);
    });

    it('needs a venue of the caller', async () => {
      await expectApiError(call('getVenueRatePlanList', {}), 400, 23017, "'venueId' is required");
      await expectApiError(call('getVenueRatePlanList', { venueId: 999_999 }), 404, 24102);
      const stranger = await server().newAccount();
      await expectApiError(stranger.client.call('venue', 'getVenueRatePlanList', { venueId: venue }), 404, 24102);
    });
  });

  describe('getRatePlanRateList', () => {
    it('lists the seasons of one plan as documented', async () => {
      const page = await call<Page<unknown>>('getRatePlanRateList', { venueId: venue, barId: bar });
      assert.deepEqual(page.results, [
        { id: yearRound, barId: bar, startDate: '2030-01-01', endDate: '2030-12-31', minAcceptableRate: 10, daysOfWeek: [0, 1, 2, 3, 4, 5, 6] },
        { id: weekend, barId: bar, startDate: '2030-04-24', endDate: '2030-04-28', minAcceptableRate: 50.5, daysOfWeek: [0, 6] },
      ]);
    });

    it('lists every plan’s seasons without barId, pages and filters them', async () => {
      const ids = async (params: Record<string, unknown>) => (await call<Page<{ id: number }>>('getRatePlanRateList', { venueId: venue, ...params })).results.map((r) => r.id);
      assert.deepEqual(await ids({}), [yearRound, weekend, corpSeason]);
      assert.deepEqual(await ids({ perPage: 2, start: 2 }), [corpSeason]);
      assert.deepEqual(await ids({ filter: { barId: corp } }), [corpSeason]);
      assert.deepEqual(await ids({ filter: { startDate__GREATERTHAN: '2030-02-01' } }), [weekend, corpSeason]);
      assert.deepEqual(await ids({ filter: { endDate__LESSTHAN: '2030-04-28' } }), [weekend, corpSeason]);
      assert.deepEqual(await ids({ filter: { minAcceptableRate: 50.5 } }), [weekend]);
      await expectApiError(call('getRatePlanRateList', { venueId: venue, filter: { startDate: 'soon' } }), 400, 23016, 'filter.startDate');
      const otherSeasons = await call<Page<unknown>>('getRatePlanRateList', { venueId: other });
      assert.deepEqual(otherSeasons.results, []);
    });

    it('refuses a rate plan that is not the venue’s (24103) and an unknown venue (24102)', async () => {
      await expectApiError(call('getRatePlanRateList', { venueId: venue, barId: elsewhere }), 404, 24103, 'The rate plan does not exist');
      await expectApiError(call('getRatePlanRateList', { venueId: venue, barId: 999_999 }), 404, 24103);
      await expectApiError(call('getRatePlanRateList', { venueId: 999_999, barId: bar }), 404, 24102);
      await expectApiError(call('getRatePlanRateList', { barId: bar }), 400, 23017, "'venueId' is required");
    });
  });

  describe('getRoomRateList', () => {
    it('answers every room rate of the season, unpaged, as documented', async () => {
      const page = await call<Page<unknown>>('getRoomRateList', { venueId: venue, barId: bar, barRateId: yearRound });
      assert.deepEqual(page.meta, { totalResults: 2, start: 0, perPage: 2, count: 2 });
      const [first, second] = page.results as Array<{ id: number }>;
      assert.deepEqual(page.results, [
        {
          id: first!.id,
          barId: bar,
          barRateId: yearRound,
          roomId: king,
          cost: 55,
          costDouble: null,
          costTriple: null,
          costQuad: null,
          costExcludedTaxIds: [],
          actualCost: 45,
          actualCostDouble: null,
          actualCostTriple: null,
          actualCostQuad: null,
          actualCostExcludedTaxIds: [],
        },
        {
          id: second!.id,
          barId: bar,
          barRateId: yearRound,
          roomId: twin,
          cost: 50,
          costDouble: 70,
          costTriple: 0,
          costQuad: 0,
          costExcludedTaxIds: [3],
          actualCost: 0,
          actualCostDouble: null,
          actualCostTriple: null,
          actualCostQuad: null,
          actualCostExcludedTaxIds: [],
        },
      ]);
      const twins = await call<Page<{ roomId: number }>>('getRoomRateList', { venueId: venue, barId: bar, barRateId: yearRound, roomId: twin });
      assert.deepEqual(twins.results.map((r) => r.roomId), [twin]);
      const none = await call<Page<unknown>>('getRoomRateList', { venueId: venue, barId: corp, barRateId: corpSeason });
      assert.deepEqual(none, { meta: { totalResults: 0, start: 0, perPage: 0, count: 0 }, results: [] });
    });

    it('needs venueId, barId and barRateId, each belonging to the one before', async () => {
      await expectApiError(call('getRoomRateList', { venueId: venue, barId: bar }), 400, 23017, "'barRateId' is required");
      await expectApiError(call('getRoomRateList', { venueId: venue, barRateId: yearRound }), 400, 23017, "'barId' is required");
      await expectApiError(call('getRoomRateList', { venueId: 999_999, barId: bar, barRateId: yearRound }), 404, 24102);
      await expectApiError(call('getRoomRateList', { venueId: venue, barId: elsewhere, barRateId: yearRound }), 404, 24103);
      await expectApiError(call('getRoomRateList', { venueId: venue, barId: corp, barRateId: yearRound }), 404, 24104, 'The rate plan rate does not exist');
      await expectApiError(call('getRoomRateList', { venueId: venue, barId: bar, barRateId: yearRound, roomId: 999_999 }), 404, 24312);
      const foreignRoom = (await call<{ id: number }>('addOrUpdateGuestRoom', { venueId: other, name: 'Elsewhere' })).id;
      await expectApiError(call('getRoomRateList', { venueId: venue, barId: bar, barRateId: yearRound, roomId: foreignRoom }), 404, 24312);
    });
  });

  describe('getVenueRoomOptionList', () => {
    let breakfast = 0;
    let parking = 0;
    let lodgeOption = 0;
    before(async () => {
      const store = server().store();
      const now = Date.UTC(2018, 7, 8, 12, 37, 14);
      const option = (venueId: number, name: string, price: number, cost: number, costCenterId: number | null) =>
        store
          .insertInto('venue_room_options', {
            venue_id: venueId,
            name,
            description: name,
            price,
            price_excluded_tax_ids: '[1]',
            cost,
            cost_excluded_tax_ids: '[]',
            cost_center_id: costCenterId,
            created_at: now,
            modified_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      breakfast = (await option(venue, 'Breakfast', 10_000, 4_050, null)).id;
      parking = (await option(venue, 'Parking', 2_500, 0, null)).id;
      lodgeOption = (await option(other, 'Breakfast', 9_000, 3_000, null)).id;
    });

    it('lists room options as documented, of one venue or all', async () => {
      const page = await call<Page<unknown>>('getVenueRoomOptionList', { venueId: venue });
      assert.deepEqual(page.results[0], {
        id: breakfast,
        venueId: venue,
        name: 'Breakfast',
        description: 'Breakfast',
        price: 100,
        priceExcludedTaxIds: [1],
        cost: 40.5,
        costExcludedTaxIds: [],
        costcenterId: null,
        createdDate: '2018-08-08 12:37:14 UTC',
        modifiedDate: '2018-08-08 12:37:14 UTC',
      });
      assert.deepEqual(page.meta, { totalResults: 2, start: 0, perPage: 100, count: 2 });
      const ids = async (params: Record<string, unknown>) => (await call<Page<{ id: number }>>('getVenueRoomOptionList', params)).results.map((r) => r.id);
      assert.deepEqual(await ids({}), [breakfast, parking, lodgeOption]);
      assert.deepEqual(await ids({ filter: { name: 'Breakfast' } }), [breakfast, lodgeOption]);
      assert.deepEqual(await ids({ filter: { venueId: other } }), [lodgeOption]);
      assert.deepEqual(await ids({ filter: { price: 25 } }), [parking]);
      assert.deepEqual(await ids({ venueId: venue, perPage: 1, start: 1 }), [parking]);
      assert.deepEqual(await ids({ filter: { createdDate: '2018-08-08 12:37:14' } }), [breakfast, parking, lodgeOption]);
    });

    it('refuses a venue that is not the caller’s', async () => {
      await expectApiError(call('getVenueRoomOptionList', { venueId: 999_999 }), 404, 24102);
      const stranger = await server().newAccount();
      await expectApiError(stranger.client.call('venue', 'getVenueRoomOptionList', { venueId: venue }), 404, 24102);
      assert.deepEqual((await stranger.client.call<Page<unknown>>('venue', 'getVenueRoomOptionList', {})).results, []);
    });
  });
});
