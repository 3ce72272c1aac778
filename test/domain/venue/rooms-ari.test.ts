import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import {
  addRatePlan,
  addRoomRate,
  addSeason,
  allocateRooms,
  setBookingRule,
  setDynamicRate,
  setNightCount,
  venueDate,
  type Page,
} from './rooms-fixtures.js';

interface InventoryNight {
  date: string;
  roomId: number;
  inventoryCount: number;
  availableCount: number;
}
interface RateNight {
  barId: number;
  roomId: number;
  date: string;
  cost: number | null;
  costDouble: number | null;
  costTriple: number | null;
  costQuad: number | null;
}
interface RuleNight {
  barId: number;
  roomId: number;
  date: string;
  closeOutStatus: 1 | 2 | null;
}

const ZONE = 'Australia/Sydney';
const day = (n: number) => venueDate(ZONE, n);
/** 0 = Sunday … 6 = Saturday, as the pages count. */
const weekday = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).weekday % 7;

describeEachDatabase('venue ARI reads: inventory, rates and booking rules', ({ server }) => {
  let venue = 0;
  let king = 0;
  let twin = 0;
  let suite = 0;
  let bar = 0;
  let corp = 0;
  let elsewhere = 0;
  const call = <T>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const inventory = (params: Record<string, unknown>) => call<Page<InventoryNight>>('getRoomInventory', { venueId: venue, ...params });
  const rates = (params: Record<string, unknown>) => call<Page<RateNight>>('getRoomRates', { venueId: venue, barId: bar, ...params });
  const rules = (params: Record<string, unknown>) => call<Page<RuleNight>>('getRatePlanBookingRules', { venueId: venue, ...params });
  const addRoom = async (venueId: number, name: string, capacity: number) =>
    (await call<{ id: number }>('addOrUpdateGuestRoom', { venueId, name, capacity })).id;

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'ARI Hotel', timezone: ZONE });
    const other = await addVenue(store, { name: 'Other Hotel', timezone: ZONE });
    king = await addRoom(venue, 'King', 10);
    twin = await addRoom(venue, 'Twin', 5);
    suite = await addRoom(venue, 'Suite', 2);
    bar = await addRatePlan(store, venue, 'BAR');
    corp = await addRatePlan(store, venue, 'Corporate');
    elsewhere = await addRatePlan(store, other, 'Other BAR');
  });

  describe('getRoomInventory', () => {
    it('answers every night × room, inventory from the capacity, unpaged', async () => {
      const page = await inventory({ startDate: day(1), endDate: day(2) });
      assert.deepEqual(page.meta, { totalResults: 6, start: 0, perPage: 6, count: 6 });
      assert.deepEqual(page.results, [
        { date: day(1), roomId: king, inventoryCount: 10, availableCount: 10 },
        { date: day(1), roomId: twin, inventoryCount: 5, availableCount: 5 },
        { date: day(1), roomId: suite, inventoryCount: 2, availableCount: 2 },
        { date: day(2), roomId: king, inventoryCount: 10, availableCount: 10 },
        { date: day(2), roomId: twin, inventoryCount: 5, availableCount: 5 },
        { date: day(2), roomId: suite, inventoryCount: 2, availableCount: 2 },
      ]);
    });

    it('takes a night’s room count over the capacity and subtracts what is allocated, never below zero', async () => {
      const store = server().store();
      await setNightCount(store, king, day(4), 4);
      await allocateRooms(store, king, day(4), 3, 1);
      await allocateRooms(store, king, day(4), 2, 2);
      await allocateRooms(store, twin, day(4), 2, 1);
      await allocateRooms(store, twin, day(5), 1, 3);
      const page = await inventory({ startDate: day(4), endDate: day(5), roomIds: [king, twin] });
      assert.deepEqual(page.results, [
        { date: day(4), roomId: king, inventoryCount: 4, availableCount: 0 },
        { date: day(4), roomId: twin, inventoryCount: 5, availableCount: 3 },
        { date: day(5), roomId: king, inventoryCount: 10, availableCount: 10 },
        { date: day(5), roomId: twin, inventoryCount: 5, availableCount: 4 },
      ]);
      // A capacity change moves the nights without their own count only.
      await call('addOrUpdateGuestRoom', { id: king, capacity: 12 });
      const after = await inventory({ startDate: day(4), endDate: day(5), roomIds: [king] });
      assert.deepEqual(after.results.map((n) => n.inventoryCount), [4, 12]);
      await call('addOrUpdateGuestRoom', { id: king, capacity: 10 });
    });

    it('narrows to roomIds; ids that are not the venue’s rooms match nothing, an empty list means all', async () => {
      const strangerRoom = await addRoom(await addVenue(server().store(), { name: 'Elsewhere' }), 'Foreign', 3);
      const rooms = async (roomIds: unknown) => [...new Set((await inventory({ startDate: day(1), endDate: day(1), roomIds })).results.map((n) => n.roomId))];
      assert.deepEqual(await rooms([twin]), [twin]);
      assert.deepEqual(await rooms([suite, 999_999, strangerRoom, suite]), [suite]);
      assert.deepEqual(await rooms([]), [king, twin, suite]);
      await expectApiError(inventory({ startDate: day(1), endDate: day(1), roomIds: 'all' }), 400, 23016, 'roomIds');
    });

    it('allows at most 31 nights, none before the venue’s today', async () => {
      assert.equal((await inventory({ startDate: day(0), endDate: day(30) })).meta.totalResults, 31 * 3);
      await expectApiError(inventory({ startDate: day(0), endDate: day(31) }), 400, 23016, 'The maximum date range is 31 days');
      await expectApiError(inventory({ startDate: day(3), endDate: day(2) }), 400, 23016, "'endDate' does not validate");
      await expectApiError(inventory({ startDate: day(-1), endDate: day(2) }), 400, 23016, 'Past dates are not allowed');
      await expectApiError(inventory({ startDate: '2030-02-30', endDate: day(2) }), 400, 23016, "'startDate' does not validate");
      await expectApiError(inventory({ endDate: day(2) }), 400, 23017, "'startDate' is required");
      await expectApiError(call('getRoomInventory', { startDate: day(1), endDate: day(2) }), 400, 23017, "'venueId' is required");
    });

    it('counts nights in the venue’s time zone', async () => {
      // Kiritimati (UTC+14) is always a day or two ahead of Pago Pago (UTC−11).
      const ahead = await addVenue(server().store(), { name: 'Line Islands', timezone: 'Pacific/Kiritimati' });
      const behind = await addVenue(server().store(), { name: 'Samoa', timezone: 'Pacific/Pago_Pago' });
      const behindToday = venueDate('Pacific/Pago_Pago');
      const aheadToday = venueDate('Pacific/Kiritimati');
      assert.notEqual(behindToday, aheadToday);
      await expectApiError(call('getRoomInventory', { venueId: ahead, startDate: behindToday, endDate: aheadToday }), 400, 23016, aheadToday);
      const page = await call<Page<unknown>>('getRoomInventory', { venueId: behind, startDate: behindToday, endDate: aheadToday });
      assert.deepEqual(page, { meta: { totalResults: 0, start: 0, perPage: 0, count: 0 }, results: [] }, 'a venue without rooms has no inventory');
    });

    it('answers 404 for a venue that is not the caller’s', async () => {
      await expectApiError(inventory({ venueId: 999_999, startDate: day(1), endDate: day(1) }), 404, 24102);
      const stranger = await server().newAccount();
      await expectApiError(stranger.client.call('venue', 'getRoomInventory', { venueId: venue, startDate: day(1), endDate: day(1) }), 404, 24102);
    });
  });

  describe('getRoomRates', () => {
    let friday = '';
    let saturday = '';
    let monday = '';
    before(async () => {
      const store = server().store();
      const week = [1, 2, 3, 4, 5, 6, 7].map(day);
      friday = week.find((d) => weekday(d) === 5)!;
      saturday = week.find((d) => weekday(d) === 6)!;
      monday = week.find((d) => weekday(d) === 1)!;
      const yearRound = await addSeason(store, bar, { start: day(-10), end: day(400) });
      // Starts later, so it wins on the nights it covers — but only where it prices the room.
      const weekends = await addSeason(store, bar, { start: day(0), end: day(400), days: [5, 6] });
      await addRoomRate(store, yearRound, king, { cost: 20_000, double: 23_000 });
      await addRoomRate(store, yearRound, twin, { cost: 18_000, double: 18_000, triple: 21_000, quad: 0 });
      await addRoomRate(store, weekends, king, { cost: 26_000, double: 29_000 });
      // A season of another plan never leaks into this one.
      const corpSeason = await addSeason(store, corp, { start: day(0), end: day(400) });
      await addRoomRate(store, corpSeason, suite, { cost: 1 });
    });

    it('prices each night from the season that covers it, weekday included; unpriced rooms are null', async () => {
      const page = await rates({ startDate: monday, endDate: monday });
      assert.deepEqual(page.meta, { totalResults: 3, start: 0, perPage: 3, count: 3 });
      assert.deepEqual(page.results, [
        { barId: bar, roomId: king, date: monday, cost: 200, costDouble: 230, costTriple: null, costQuad: null },
        { barId: bar, roomId: twin, date: monday, cost: 180, costDouble: 180, costTriple: 210, costQuad: 0 },
        { barId: bar, roomId: suite, date: monday, cost: null, costDouble: null, costTriple: null, costQuad: null },
      ]);
      const weekend = await rates({ startDate: saturday, endDate: saturday, roomIds: [king, twin] });
      assert.deepEqual(
        weekend.results.map((n) => [n.roomId, n.cost]),
        [
          [king, 260],
          [twin, 180],
        ],
      );
      const fri = await rates({ startDate: friday, endDate: friday, roomIds: [king] });
      assert.equal(fri.results[0]!.cost, 260);
    });

    it('takes a night’s dynamic rate over the season, for that plan, room and night only', async () => {
      const store = server().store();
      await setDynamicRate(store, bar, king, monday, 31_050, 35_000);
      await setDynamicRate(store, corp, twin, monday, 100);
      const page = await rates({ startDate: monday, endDate: day(8), roomIds: [king, twin] });
      const night = (date: string, roomId: number) => page.results.find((n) => n.date === date && n.roomId === roomId)!;
      assert.deepEqual(night(monday, king), { barId: bar, roomId: king, date: monday, cost: 310.5, costDouble: 350, costTriple: null, costQuad: null });
      assert.equal(night(monday, twin).cost, 180);
      assert.equal(night(day(8), king).cost, weekday(day(8)) >= 5 ? 260 : 200);
      assert.deepEqual(page.results.map((n) => n.date), page.results.map((n) => n.date).sort(), 'nights in order');
    });

    it('needs the venue’s rate plan and a valid range', async () => {
      await expectApiError(rates({ barId: elsewhere, startDate: day(1), endDate: day(1) }), 404, 24103);
      await expectApiError(rates({ barId: undefined, startDate: day(1), endDate: day(1) }), 400, 23017, "'barId' is required");
      await expectApiError(rates({ startDate: day(1), endDate: day(40) }), 400, 23016, '31 days');
      await expectApiError(rates({ startDate: day(-2), endDate: day(1) }), 400, 23016, 'Past dates');
      await expectApiError(rates({ venueId: 999_999, startDate: day(1), endDate: day(1) }), 404, 24102);
    });
  });

  describe('getRatePlanBookingRules', () => {
    before(async () => {
      const store = server().store();
      await setBookingRule(store, bar, suite, day(9), 2);
      await setBookingRule(store, bar, suite, day(10), 2);
      await setBookingRule(store, corp, suite, day(10), 1);
    });

    it('answers each night’s close-out status of one plan, null without a rule', async () => {
      const page = await rules({ barId: bar, roomIds: [suite], startDate: day(9), endDate: day(11) });
      assert.deepEqual(page, {
        meta: { totalResults: 3, start: 0, perPage: 3, count: 3 },
        results: [
          { barId: bar, roomId: suite, date: day(9), closeOutStatus: 2 },
          { barId: bar, roomId: suite, date: day(10), closeOutStatus: 2 },
          { barId: bar, roomId: suite, date: day(11), closeOutStatus: null },
        ],
      });
    });

    it('covers every plan of the venue without barId', async () => {
      const page = await rules({ roomIds: [twin, suite], startDate: day(10), endDate: day(10) });
      assert.deepEqual(
        page.results.map((n) => [n.barId, n.roomId, n.closeOutStatus]),
        [
          [bar, twin, null],
          [bar, suite, 2],
          [corp, twin, null],
          [corp, suite, 1],
        ],
      );
      assert.equal((await rules({ startDate: day(10), endDate: day(12) })).meta.totalResults, 3 * 2 * 3);
    });

    it('refuses another venue’s plan, a bad range and an unknown venue', async () => {
      await expectApiError(rules({ barId: elsewhere, startDate: day(1), endDate: day(1) }), 404, 24103);
      await expectApiError(rules({ startDate: day(1), endDate: day(32) }), 400, 23016, '31 days');
      await expectApiError(rules({ startDate: day(-1), endDate: day(1) }), 400, 23016, 'Past dates');
      await expectApiError(rules({ venueId: 999_999, startDate: day(1), endDate: day(1) }), 404, 24102);
      await expectApiError(rules({ startDate: day(1) }), 400, 23017, "'endDate' is required");
    });
  });
});
