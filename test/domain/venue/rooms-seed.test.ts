import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { seedAccount } from '../../../src/seed/seed.js';
import { describeEachDatabase } from '../../support/suite.js';
import { venueDate, type Page } from './rooms-fixtures.js';

interface Venue {
  id: number;
  timezone: string;
  numAccommodationRooms: number;
}

describeEachDatabase('venue rooms: seed data', ({ server }) => {
  it('gives the hotel 180 rooms, options, rate plans with seasons and per-night values; other venues none', async () => {
    const account = await server().newAccount({ withUser: 'primary' });
    const client = createClient({ url: server().url, key: account.key, secret: account.secret, retries: 2, backoffMs: 10 });
    const totals = await seedAccount(server().runtime, { accountId: account.accountId, contacts: 20, randomSeed: 7 });
    assert.equal(totals.guestRooms, 4);
    assert.equal(totals.ratePlans, 3);
    for (const key of ['roomOptions', 'ratePlanRates', 'roomRates', 'roomNightCounts', 'roomDynamicRates', 'ratePlanBookingRules']) {
      assert.ok((totals[key] ?? 0) > 0, `${key} seeded`);
    }
    const store = server().store(account.accountId);
    assert.deepEqual(await store.selectFrom('changes').select('id').execute(), [], 'seed data is not a change');

    // Every answer below is checked against its result schema by the harness.
    const call = <T>(action: string, params: Record<string, unknown>) => client.call<T>('venue', action, params);
    const venues = (await call<Page<Venue>>('getVenueList', {})).results;
    const hotel = venues.find((v) => v.numAccommodationRooms > 0)!;
    assert.equal(hotel.numAccommodationRooms, 180);
    assert.deepEqual(venues.filter((v) => v.numAccommodationRooms > 0).map((v) => v.id), [hotel.id]);

    const rooms = (await call<Page<{ id: number; code: string; capacity: number }>>('getVenueRoomList', { venueId: hotel.id })).results;
    assert.equal(rooms.reduce((sum, r) => sum + r.capacity, 0), 180);
    const plans = (await call<Page<{ id: number; code: string }>>('getVenueRatePlanList', { venueId: hotel.id })).results;
    assert.deepEqual(plans.map((p) => p.code), ['BAR', 'CORP', 'PKG']);
    const seasons = (await call<Page<{ id: number; barId: number }>>('getRatePlanRateList', { venueId: hotel.id })).results;
    for (const season of seasons) {
      const roomRates = await call<Page<unknown>>('getRoomRateList', { venueId: hotel.id, barId: season.barId, barRateId: season.id });
      assert.equal(roomRates.meta.totalResults, rooms.length);
    }
    const options = await call<Page<{ costcenterId: number | null }>>('getVenueRoomOptionList', { venueId: hotel.id });
    assert.ok(options.results.length > 0 && options.results.every((o) => o.costcenterId !== null));

    // The next 31 nights: every room priced in every plan, the refurbished suites counted down.
    const range = { venueId: hotel.id, startDate: venueDate(hotel.timezone), endDate: venueDate(hotel.timezone, 30) };
    const inventory = await call<Page<{ roomId: number; inventoryCount: number }>>('getRoomInventory', range);
    assert.equal(inventory.meta.totalResults, 31 * rooms.length);
    const suite = rooms.find((r) => r.code === 'EXS')!;
    assert.ok(inventory.results.some((n) => n.roomId === suite.id && n.inventoryCount === 10));
    for (const plan of plans) {
      const nightly = await call<Page<{ cost: number | null }>>('getRoomRates', { ...range, barId: plan.id });
      assert.ok(nightly.results.every((n) => n.cost !== null && n.cost > 0), `${plan.code} prices every night`);
    }
    const rules = await call<Page<{ closeOutStatus: number | null }>>('getRatePlanBookingRules', range);
    assert.equal(rules.meta.totalResults, 31 * rooms.length * plans.length);

    for (const venue of venues.filter((v) => v.id !== hotel.id)) {
      assert.deepEqual((await call<Page<unknown>>('getVenueRoomList', { venueId: venue.id })).results, []);
      assert.deepEqual((await call<Page<unknown>>('getVenueRatePlanList', { venueId: venue.id })).results, []);
    }
  });
});
