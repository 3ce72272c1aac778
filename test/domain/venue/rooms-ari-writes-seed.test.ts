import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { seedAccount } from '../../../src/seed/seed.js';
import { describeEachDatabase } from '../../support/suite.js';
import { venueDate, type Page } from './rooms-fixtures.js';

interface RateNight {
  roomId: number;
  date: string;
  cost: number | null;
}

describeEachDatabase('venue ARI seed data', ({ server }) => {
  it('prices BAR per night for the next 12 months, with a few held-back rooms and close-outs, cheaply', async () => {
    const account = await server().newAccount({ withUser: 'primary' });
    const client = createClient({ url: server().url, key: account.key, secret: account.secret, retries: 2, backoffMs: 10 });
    const totals = await seedAccount(server().runtime, { accountId: account.accountId, contacts: 20, randomSeed: 11 });
    assert.ok((totals.ariDynamicRates ?? 0) > 1_000, `dynamic rates: ${totals.ariDynamicRates}`);
    assert.ok((totals.ariRoomNightCounts ?? 0) > 0 && (totals.ariBookingRules ?? 0) > 0);

    const store = server().store(account.accountId);
    const rows = await Promise.all([
      store.selectFrom('venue_room_dynamic_rates').select(['night']).execute(),
      store.selectFrom('venue_room_night_counts').select(['night']).execute(),
      store.selectFrom('venue_rate_plan_booking_rules').select(['night']).execute(),
    ]);
    const perNight = rows.reduce((sum, r) => sum + r.length, 0);
    assert.ok(perNight < 3_000, `per-night rows per account: ${perNight}`);
    assert.deepEqual(await store.selectFrom('changes').select('id').execute(), [], 'seed data is not a change');

    const call = <T>(action: string, params: Record<string, unknown>) => client.call<T>('venue', action, params);
    const hotel = (await call<Page<{ id: number; timezone: string; numAccommodationRooms: number }>>('getVenueList', {})).results.find((v) => v.numAccommodationRooms > 0)!;
    const plans = (await call<Page<{ id: number; code: string }>>('getVenueRatePlanList', { venueId: hotel.id })).results;
    const bar = plans.find((p) => p.code === 'BAR')!;
    const dynamicNights = new Set(rows[0].map((r) => r.night));
    // Eleven months ahead: BAR is still priced per night, and the prices move with demand, not only by weekday.
    for (const ahead of [0, 330]) {
      const range = { venueId: hotel.id, barId: bar.id, startDate: venueDate(hotel.timezone, ahead), endDate: venueDate(hotel.timezone, ahead + 30) };
      const nights = (await call<Page<RateNight>>('getRoomRates', range)).results;
      assert.ok(nights.every((n) => n.cost !== null && n.cost > 0 && dynamicNights.has(n.date)), `BAR priced per night from day ${ahead}`);
      const firstRoom = nights.filter((n) => n.roomId === nights[0]!.roomId).map((n) => n.cost);
      assert.ok(new Set(firstRoom).size > 7, 'prices vary night to night');
    }
  });
});
