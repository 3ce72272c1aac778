import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { addRatePlan, addRoomRate, addSeason, allocateRooms, setVenue, venueDate, type Page } from './rooms-fixtures.js';

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
interface Change {
  endpoint: string;
  subject: string;
  body: { data: unknown[] };
}

const ZONE = 'Australia/Sydney';
const day = (n: number) => venueDate(ZONE, n);

describeEachDatabase('venue ARI writes: room counts, dynamic rates, booking rules', ({ server }) => {
  let venue = 0;
  let other = 0;
  let king = 0;
  let twin = 0;
  let foreignRoom = 0;
  let bar = 0;
  let corp = 0;
  let foreignPlan = 0;
  const call = <T>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const write = (action: string, params: Record<string, unknown>) => call<{ success: boolean }>(action, { venueId: venue, ...params });
  const inventory = async (start: number, end: number, venueId = venue) =>
    (await call<Page<InventoryNight>>('getRoomInventory', { venueId, startDate: day(start), endDate: day(end) })).results;
  const rates = async (barId: number, start: number, end: number) =>
    (await call<Page<RateNight>>('getRoomRates', { venueId: venue, barId, startDate: day(start), endDate: day(end) })).results;
  const rules = async (start: number, end: number) => (await call<Page<RuleNight>>('getRatePlanBookingRules', { venueId: venue, startDate: day(start), endDate: day(end) })).results;
  const lastChangeId = async () => (await server().store().selectFrom('changes').select('id').orderBy('id', 'desc').executeTakeFirst())?.id ?? 0;
  const changesSince = async (id: number): Promise<Change[]> =>
    (await server().store().selectFrom('changes').select(['endpoint', 'subject', 'body']).where('id', '>', id).orderBy('id').execute()).map((r) => ({
      endpoint: r.endpoint,
      subject: r.subject,
      body: JSON.parse(r.body) as Change['body'],
    }));
  const rowCount = async () => {
    const store = server().store();
    const [a, b, c] = await Promise.all([
      store.selectFrom('venue_room_night_counts').select('night').execute(),
      store.selectFrom('venue_room_dynamic_rates').select('night').execute(),
      store.selectFrom('venue_rate_plan_booking_rules').select('night').execute(),
    ]);
    return a.length + b.length + c.length;
  };

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Writes Hotel', timezone: ZONE });
    other = await addVenue(store, { name: 'Other Hotel', timezone: ZONE });
    const addRoom = async (venueId: number, name: string, capacity: number) => (await call<{ id: number }>('addOrUpdateGuestRoom', { venueId, name, capacity })).id;
    king = await addRoom(venue, 'King', 10);
    twin = await addRoom(venue, 'Twin', 6);
    foreignRoom = await addRoom(other, 'Elsewhere', 3);
    bar = await addRatePlan(store, venue, 'BAR');
    corp = await addRatePlan(store, venue, 'Corporate');
    foreignPlan = await addRatePlan(store, other, 'Other BAR');
    const season = await addSeason(store, bar, { start: day(0), end: day(800) });
    await addRoomRate(store, season, king, { cost: 20_000, double: 23_000 });
    await addRoomRate(store, season, twin, { cost: 18_000 });
  });

  describe('addOrUpdateRoomCountsCollection', () => {
    it('sets each night of each item; getRoomInventory answers it at once, allocations still subtracted', async () => {
      await allocateRooms(server().store(), king, day(3), 4);
      const result = await write('addOrUpdateRoomCountsCollection', {
        items: [
          { roomId: king, startDate: day(2), endDate: day(3), roomCount: 7 },
          { roomId: String(twin), startDate: day(3), endDate: day(3), roomCount: '0' },
        ],
      });
      assert.deepEqual(result, { success: true });
      assert.deepEqual(await inventory(1, 3), [
        { date: day(1), roomId: king, inventoryCount: 10, availableCount: 10 },
        { date: day(1), roomId: twin, inventoryCount: 6, availableCount: 6 },
        { date: day(2), roomId: king, inventoryCount: 7, availableCount: 7 },
        { date: day(2), roomId: twin, inventoryCount: 6, availableCount: 6 },
        { date: day(3), roomId: king, inventoryCount: 7, availableCount: 3 },
        { date: day(3), roomId: twin, inventoryCount: 0, availableCount: 0 },
      ]);
      // Updating replaces the night's count; a later item overrides an earlier one on the nights they share.
      await write('addOrUpdateRoomCountsCollection', {
        items: [
          { roomId: king, startDate: day(2), endDate: day(3), roomCount: 12 },
          { roomId: king, startDate: day(3), endDate: day(3), roomCount: 2 },
        ],
      });
      assert.deepEqual(
        (await inventory(2, 3)).filter((n) => n.roomId === king).map((n) => [n.inventoryCount, n.availableCount]),
        [
          [12, 12],
          [2, 0],
        ],
      );
    });

    it('validates every item before writing anything', async () => {
      const before = await rowCount();
      const good = { roomId: king, startDate: day(10), endDate: day(11), roomCount: 1 };
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [good, { ...good, roomId: foreignRoom }] }), 404, 24312, `items.1.roomId ${foreignRoom}`);
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [good, { ...good, roomCount: -1 }] }), 400, 23016, "'items.1.roomCount' does not validate");
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [good, { ...good, roomCount: 2.5 }] }), 400, 23016, 'items.1.roomCount');
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [good, { ...good, startDate: day(5), endDate: day(4) }] }), 400, 23016, "'items.1.endDate' does not validate");
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [good, { ...good, startDate: day(-1) }] }), 400, 23016, 'Past dates are not allowed');
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [{ ...good, endDate: day(800) }] }), 400, 23016, 'The maximum date range is 731 days');
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [good, { ...good, startDate: '2031-02-30' }] }), 400, 23016, 'items.1.startDate');
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [{ roomId: king, startDate: day(1), roomCount: 1 }] }), 400, 23017, "'items.0.endDate' is required");
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: [] }), 400, 23016, 'At least one item');
      await expectApiError(write('addOrUpdateRoomCountsCollection', {}), 400, 23017, "'items' is required");
      await expectApiError(write('addOrUpdateRoomCountsCollection', { venueId: 999_999, items: [good] }), 404, 24102);
      const wide = Array.from({ length: 30 }, () => ({ ...good, startDate: day(1), endDate: day(700) }));
      await expectApiError(write('addOrUpdateRoomCountsCollection', { items: wide }), 400, 23016, 'at most 20000 nights');
      const stranger = await server().newAccount();
      await expectApiError(stranger.client.call('venue', 'addOrUpdateRoomCountsCollection', { venueId: venue, items: [good] }), 404, 24102);
      assert.equal(await rowCount(), before, 'a refused call writes nothing');
    });
  });

  describe('addOrUpdateRoomDynamicRatesCollection and removeRoomDynamicRates', () => {
    it('prices the nights over the season for that plan only, and removing brings the season back', async () => {
      await write('addOrUpdateRoomDynamicRatesCollection', {
        items: [
          { barId: bar, roomId: king, startDate: day(5), endDate: day(6), cost: 100 },
          { barId: bar, roomId: twin, startDate: day(6), endDate: day(6), cost: '150.5', costDouble: 170, costTriple: null, costQuad: 0 },
          { barId: corp, roomId: king, startDate: day(5), endDate: day(5), cost: 0 },
        ],
      });
      const none = { costDouble: null, costTriple: null, costQuad: null };
      assert.deepEqual(await rates(bar, 4, 6), [
        { barId: bar, roomId: king, date: day(4), cost: 200, costDouble: 230, costTriple: null, costQuad: null },
        { barId: bar, roomId: twin, date: day(4), cost: 180, ...none },
        // A dynamic rate is the whole night: occupancies it does not give are null, not the season's.
        { barId: bar, roomId: king, date: day(5), cost: 100, ...none },
        { barId: bar, roomId: twin, date: day(5), cost: 180, ...none },
        { barId: bar, roomId: king, date: day(6), cost: 100, ...none },
        { barId: bar, roomId: twin, date: day(6), cost: 150.5, costDouble: 170, costTriple: null, costQuad: 0 },
      ]);
      assert.deepEqual(
        (await rates(corp, 5, 6)).map((n) => [n.roomId, n.date, n.cost]),
        [
          [king, day(5), 0],
          [twin, day(5), null],
          [king, day(6), null],
          [twin, day(6), null],
        ],
      );

      assert.deepEqual(await write('removeRoomDynamicRates', { barId: bar, roomId: king, startDate: day(6), endDate: day(9) }), { success: true });
      assert.deepEqual(
        (await rates(bar, 5, 6)).map((n) => [n.roomId, n.date, n.cost, n.costDouble]),
        [
          [king, day(5), 100, null],
          [twin, day(5), 180, null],
          [king, day(6), 200, 230],
          [twin, day(6), 150.5, 170],
        ],
      );
      assert.equal((await rates(corp, 5, 5))[0]!.cost, 0, 'another plan keeps its rate');
    });

    it('refuses bad amounts, another venue’s plan or room, and writes nothing', async () => {
      const before = await rowCount();
      const good = { barId: bar, roomId: king, startDate: day(20), endDate: day(21), cost: 99 };
      const refuse = (items: unknown[]) => write('addOrUpdateRoomDynamicRatesCollection', { items });
      await expectApiError(refuse([good, { ...good, cost: -1 }]), 400, 23016, "'items.1.cost' does not validate");
      await expectApiError(refuse([good, { ...good, cost: 10.005 }]), 400, 23016, 'two decimal places');
      await expectApiError(refuse([good, { ...good, costDouble: 'x' }]), 400, 23016, 'items.1.costDouble');
      await expectApiError(refuse([good, { ...good, cost: undefined }]), 400, 23017, "'items.1.cost' is required");
      await expectApiError(refuse([good, { ...good, barId: foreignPlan }]), 404, 24103, `items.1.barId ${foreignPlan}`);
      await expectApiError(refuse([good, { ...good, roomId: foreignRoom }]), 404, 24312);
      await expectApiError(refuse([{ ...good, startDate: day(-3) }]), 400, 23016, 'Past dates');
      const remove = (params: Record<string, unknown>) => write('removeRoomDynamicRates', { barId: bar, roomId: king, startDate: day(5), endDate: day(5), ...params });
      await expectApiError(remove({ barId: foreignPlan }), 404, 24103);
      await expectApiError(remove({ roomId: foreignRoom }), 404, 24312);
      await expectApiError(remove({ endDate: day(4) }), 400, 23016, "'endDate' does not validate");
      await expectApiError(remove({ startDate: day(-1) }), 400, 23016, "'startDate' does not validate");
      await expectApiError(remove({ roomId: undefined }), 400, 23017, "'roomId' is required");
      await expectApiError(remove({ venueId: other }), 404, 24312);
      assert.equal(await rowCount(), before);
    });
  });

  describe('addOrUpdateRatePlanBookingRulesCollection', () => {
    it('sets the close-out status per plan, room and night; open replaces closed', async () => {
      await write('addOrUpdateRatePlanBookingRulesCollection', {
        items: [
          { barId: corp, roomId: twin, startDate: day(8), endDate: day(9), closeOutStatus: 2 },
          { barId: bar, roomId: king, startDate: day(9), endDate: day(9), closeOutStatus: '1' },
        ],
      });
      const status = async () => (await rules(8, 9)).map((n) => `${n.date === day(8) ? 8 : 9}:${n.barId === bar ? 'bar' : 'corp'}:${n.roomId === king ? 'king' : 'twin'}=${n.closeOutStatus}`);
      assert.deepEqual(await status(), [
        '8:bar:king=null',
        '8:bar:twin=null',
        '8:corp:king=null',
        '8:corp:twin=2',
        '9:bar:king=1',
        '9:bar:twin=null',
        '9:corp:king=null',
        '9:corp:twin=2',
      ]);
      await write('addOrUpdateRatePlanBookingRulesCollection', { items: [{ barId: corp, roomId: twin, startDate: day(9), endDate: day(9), closeOutStatus: 1 }] });
      assert.deepEqual((await status()).filter((s) => s.includes('corp:twin')), ['8:corp:twin=2', '9:corp:twin=1']);
    });

    it('refuses a status other than 1 or 2 and names of other venues', async () => {
      const good = { barId: bar, roomId: king, startDate: day(12), endDate: day(12), closeOutStatus: 2 };
      const refuse = (items: unknown[]) => write('addOrUpdateRatePlanBookingRulesCollection', { items });
      await expectApiError(refuse([{ ...good, closeOutStatus: 3 }]), 400, 23016, 'Value must be one of 1, 2');
      await expectApiError(refuse([{ ...good, closeOutStatus: null }]), 400, 23016, 'items.0.closeOutStatus');
      await expectApiError(refuse([good, { ...good, barId: foreignPlan }]), 404, 24103);
      await expectApiError(refuse([good, { ...good, roomId: foreignRoom }]), 404, 24312);
      assert.equal((await rules(12, 12)).find((n) => n.barId === bar && n.roomId === king)!.closeOutStatus, null);
    });
  });

  describe('ARI notifications', () => {
    it('records nothing for a venue without a distribution channel', async () => {
      const mark = await lastChangeId();
      await write('addOrUpdateRoomCountsCollection', { items: [{ roomId: king, startDate: day(14), endDate: day(14), roomCount: 4 }] });
      await write('addOrUpdateRoomDynamicRatesCollection', { items: [{ barId: bar, roomId: king, startDate: day(14), endDate: day(14), cost: 1 }] });
      await write('removeRoomDynamicRates', { barId: bar, roomId: king, startDate: day(14), endDate: day(14) });
      await write('addOrUpdateRatePlanBookingRulesCollection', { items: [{ barId: bar, roomId: king, startDate: day(14), endDate: day(14), closeOutStatus: 2 }] });
      assert.deepEqual(await changesSince(mark), []);
    });

    describe('with a distribution channel', () => {
      before(() => setVenue(server().store(), venue, { distribution: true }));

      it('records the nights written, valued and ordered as the reads answer them', async () => {
        let mark = await lastChangeId();
        await write('addOrUpdateRoomCountsCollection', {
          items: [
            { roomId: twin, startDate: day(16), endDate: day(17), roomCount: 5 },
            { roomId: king, startDate: day(17), endDate: day(17), roomCount: 9 },
          ],
        });
        let changes = await changesSince(mark);
        assert.deepEqual(changes, [
          {
            endpoint: 'ari',
            subject: 'RoomInventoryUpdated',
            body: {
              data: [
                { date: day(16), roomId: twin, inventoryCount: 5, availableCount: 5 },
                { date: day(17), roomId: king, inventoryCount: 9, availableCount: 9 },
                { date: day(17), roomId: twin, inventoryCount: 5, availableCount: 5 },
              ],
            },
          },
        ]);

        mark = await lastChangeId();
        await write('addOrUpdateRoomDynamicRatesCollection', {
          items: [
            { barId: corp, roomId: king, startDate: day(16), endDate: day(16), cost: 75, costQuad: 90 },
            { barId: bar, roomId: twin, startDate: day(16), endDate: day(16), cost: 120 },
          ],
        });
        await write('removeRoomDynamicRates', { barId: bar, roomId: twin, startDate: day(15), endDate: day(17) });
        await write('removeRoomDynamicRates', { barId: bar, roomId: twin, startDate: day(15), endDate: day(17) });
        changes = await changesSince(mark);
        assert.deepEqual(
          changes.map((c) => [c.subject, c.body.data]),
          [
            [
              'RoomRatesUpdated',
              [
                { barId: bar, roomId: twin, date: day(16), cost: 120, costDouble: null, costTriple: null, costQuad: null },
                { barId: corp, roomId: king, date: day(16), cost: 75, costDouble: null, costTriple: null, costQuad: 90 },
              ],
            ],
            // The removal shows the season's rate again; removing nothing records nothing.
            ['RoomRatesUpdated', [{ barId: bar, roomId: twin, date: day(16), cost: 180, costDouble: null, costTriple: null, costQuad: null }]],
          ],
        );

        mark = await lastChangeId();
        await write('addOrUpdateRatePlanBookingRulesCollection', {
          items: [
            { barId: corp, roomId: twin, startDate: day(18), endDate: day(18), closeOutStatus: 2 },
            { barId: bar, roomId: king, startDate: day(18), endDate: day(18), closeOutStatus: 2 },
            { barId: bar, roomId: king, startDate: day(18), endDate: day(18), closeOutStatus: 1 },
          ],
        });
        changes = await changesSince(mark);
        assert.deepEqual(
          changes.map((c) => [c.endpoint, c.subject, c.body.data]),
          [
            [
              'ari',
              'RatePlanBookingRulesUpdated',
              [
                { barId: bar, roomId: king, date: day(18), closeOutStatus: 1 },
                { barId: corp, roomId: twin, date: day(18), closeOutStatus: 2 },
              ],
            ],
          ],
        );
      });

      it('splits a large write into notifications of at most 1,000 nights', async () => {
        const mark = await lastChangeId();
        await write('addOrUpdateRoomDynamicRatesCollection', {
          items: [
            { barId: bar, roomId: king, startDate: day(30), endDate: day(729), cost: 210 },
            { barId: bar, roomId: twin, startDate: day(30), endDate: day(729), cost: 190 },
          ],
        });
        const changes = await changesSince(mark);
        assert.deepEqual(changes.map((c) => [c.subject, c.body.data.length]), [
          ['RoomRatesUpdated', 1000],
          ['RoomRatesUpdated', 400],
        ]);
        const all = changes.flatMap((c) => c.body.data as RateNight[]);
        assert.equal(new Set(all.map((n) => `${n.roomId}|${n.date}`)).size, 1400);
        assert.ok(all.every((n) => n.cost === (n.roomId === king ? 210 : 190)));
        assert.deepEqual((await rates(bar, 729, 730)).map((n) => n.cost), [210, 190, 200, 180]);
      });
    });
  });
});
