import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { setNightCount, setVenue, venueDate, type Page } from './rooms-fixtures.js';

interface Room {
  id: number;
  code: string | null;
  name: string;
  description: string | null;
  numStandardAdults: number;
  numExtraAdults: number;
  extraAdultCost: number;
  canSmoke: boolean;
  capacity: number;
  marketplaceName: string | null;
}

interface Change {
  subject: string;
  endpoint: string;
  body: { data: unknown; previousData?: unknown };
}

describeEachDatabase('venue guest rooms', ({ server }) => {
  let venue = 0;
  let other = 0;
  const c = () => server().client;
  const add = (params: Record<string, unknown>) => c().call<{ success: boolean; id: number }>('venue', 'addOrUpdateGuestRoom', params);
  const list = (params: Record<string, unknown>) => c().call<Page<Room>>('venue', 'getVenueRoomList', params);
  const room = async (id: number, venueId = venue) => (await list({ venueId, filter: { id } })).results[0]!;
  const changesSince = async (id: number): Promise<Change[]> =>
    (await server().store().selectFrom('changes').select(['subject', 'endpoint', 'body']).where('id', '>', id).orderBy('id').execute()).map((r) => ({
      subject: r.subject,
      endpoint: r.endpoint,
      body: JSON.parse(r.body) as Change['body'],
    }));
  const lastChangeId = async () => (await server().store().selectFrom('changes').select('id').orderBy('id', 'desc').executeTakeFirst())?.id ?? 0;
  const roomCount = async () => (await server().store().selectFrom('venue_rooms').select('id').execute()).length;

  before(async () => {
    venue = await addVenue(server().store(), { name: 'Harbour Hotel' });
    other = await addVenue(server().store(), { name: 'River Lodge' });
  });

  describe('addOrUpdateGuestRoom', () => {
    it('adds the page’s example (numbers and booleans as strings) and lists it as documented', async () => {
      const { success, id } = await add({
        venueId: String(venue),
        name: 'Room 3.3',
        extraAdultCost: '15',
        categoryIds: [1, 2],
        capacity: 10,
        description: 'this is testing',
        numStandardAdults: 5,
        numExtraAdults: 0,
        canSmoke: '0',
        active: '0',
      });
      assert.equal(success, true);
      const page = await list({ venueId: venue });
      assert.deepEqual(page.results.find((r) => r.id === id), {
        id,
        code: `${server().accountId}-${id}`,
        name: 'Room 3.3',
        description: 'this is testing',
        numStandardAdults: 5,
        numExtraAdults: 0,
        extraAdultCost: 15,
        canSmoke: false,
        capacity: 10,
        marketplaceName: null,
      });
      const stored = await server().store().selectFrom('venue_rooms').select(['category_ids', 'is_active']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(stored, { category_ids: '[1,2]', is_active: 0 });
    });

    it('needs only venueId and name to add, with documented defaults', async () => {
      const { id } = await add({ venueId: venue, name: '  Garden Studio  ', code: 'GS', extraAdultCost: 12.5, marketplaceName: 'Garden Studio Room' });
      assert.deepEqual(await room(id), {
        id,
        code: 'GS',
        name: 'Garden Studio',
        description: null,
        numStandardAdults: 2,
        numExtraAdults: 0,
        extraAdultCost: 12.5,
        canSmoke: false,
        capacity: 0,
        marketplaceName: 'Garden Studio Room',
      });
    });

    it('updates only the given fields (the page’s update example)', async () => {
      const { id } = await add({ venueId: venue, name: 'Room 3.3b', capacity: 4, canSmoke: true, numExtraAdults: 1 });
      const before = await room(id);
      assert.deepEqual(await add({ venueId: String(venue), name: 'Room 3.4', id }), { success: true, id });
      assert.deepEqual(await room(id), { ...before, name: 'Room 3.4' });
      // Without venueId an update still finds the room.
      await add({ id, capacity: 6, description: '<p>Two queens</p>' });
      assert.deepEqual(await room(id), { ...before, name: 'Room 3.4', capacity: 6, description: '<p>Two queens</p>' });
      // A blank description or marketplace name clears it; a null code gives the default back.
      await add({ id, code: 'CUSTOM' });
      assert.equal((await room(id)).code, 'CUSTOM');
      await add({ id, description: '  ', code: null });
      assert.deepEqual(await room(id), { ...before, name: 'Room 3.4', capacity: 6, description: null, code: `${server().accountId}-${id}` });
    });

    it('refuses a missing venueId or name on add (23017) and bad values (23016), writing nothing', async () => {
      const rooms = await roomCount();
      await expectApiError(add({ name: 'No venue' }), 400, 23017, "'venueId' is required");
      await expectApiError(add({ venueId: venue }), 400, 23017, "'name' is required");
      await expectApiError(add({ venueId: venue, name: '   ' }), 400, 23016, 'name');
      await expectApiError(add({ venueId: venue, name: 'X', capacity: -1 }), 400, 23016, 'capacity');
      await expectApiError(add({ venueId: venue, name: 'X', capacity: 1.5 }), 400, 23016, 'Value must be a whole number');
      await expectApiError(add({ venueId: venue, name: 'X', numStandardAdults: 0 }), 400, 23016, 'numStandardAdults');
      await expectApiError(add({ venueId: venue, name: 'X', extraAdultCost: -5 }), 400, 23016, 'extraAdultCost');
      await expectApiError(add({ venueId: venue, name: 'X', extraAdultCost: 1.234 }), 400, 23016, 'two decimal places');
      await expectApiError(add({ venueId: venue, name: 'X', canSmoke: 'maybe' }), 400, 23016, 'canSmoke');
      await expectApiError(add({ venueId: venue, name: 'X', categoryIds: 'one' }), 400, 23016, 'categoryIds');
      await expectApiError(add({ venueId: venue, name: 'X', code: 'x'.repeat(51) }), 400, 23016, 'code');
      assert.equal(await roomCount(), rooms);
    });

    it('answers 404 for an unknown venue (24102) or a room that is not the venue’s (24312)', async () => {
      const { id } = await add({ venueId: venue, name: 'Corner King' });
      await expectApiError(add({ venueId: 999_999, name: 'X' }), 404, 24102, 'Venue does not exist');
      await expectApiError(add({ id: 999_999, name: 'X' }), 404, 24312, 'The room does not exist');
      await expectApiError(add({ id, venueId: other, name: 'Moved' }), 404, 24312);
      const stranger = await server().newAccount();
      await expectApiError(stranger.client.call('venue', 'addOrUpdateGuestRoom', { id, name: 'Mine' }), 404, 24312);
      await expectApiError(stranger.client.call('venue', 'addOrUpdateGuestRoom', { venueId: venue, name: 'Mine' }), 404, 24102);
      assert.equal((await room(id)).name, 'Corner King');
    });

    it('keeps codes unique within a venue, ignoring case (24314), and lets another venue reuse one', async () => {
      await add({ venueId: venue, name: 'Deluxe King', code: 'DK' });
      const rooms = await roomCount();
      await expectApiError(add({ venueId: venue, name: 'Deluxe King 2', code: 'dk' }), 400, 24314, "code 'dk'");
      assert.equal(await roomCount(), rooms);
      const { id } = await add({ venueId: venue, name: 'Deluxe Twin', code: 'DT' });
      await expectApiError(add({ id, code: 'Dk', name: 'Renamed' }), 400, 24314);
      assert.equal((await room(id)).name, 'Deluxe Twin', 'a refused update changes nothing');
      await add({ id, code: 'dt' });
      assert.equal((await room(id)).code, 'dt', 'a room may change the case of its own code');
      await add({ venueId: other, name: 'Deluxe King', code: 'DK' });
    });

    it('records GuestRoomAdded and GuestRoomUpdated with the list item and venue, and nothing for an update that changes nothing', async () => {
      const mark = await lastChangeId();
      const { id } = await add({ venueId: venue, name: 'Loft', capacity: 2 });
      const added = await room(id);
      await add({ id, name: 'Loft' });
      await add({ id, numExtraAdults: 1 });
      const changes = await changesSince(mark);
      assert.deepEqual(
        changes.map((ch) => [ch.endpoint, ch.subject]),
        [
          ['venues', 'GuestRoomAdded'],
          ['venues', 'GuestRoomUpdated'],
        ],
        'no ARI change for a venue without a distribution channel',
      );
      assert.deepEqual(changes[0]!.body, { data: { venueId: venue, ...added } });
      assert.deepEqual(changes[1]!.body, { data: { venueId: venue, ...added, numExtraAdults: 1 }, previousData: { venueId: venue, ...added } });
    });

    it('records RoomInventoryUpdated for the next 365 nights of a distribution-channel venue, in its time zone', async () => {
      const zone = 'Pacific/Kiritimati';
      const channel = await addVenue(server().store(), { name: 'Channel Hotel', timezone: zone });
      await setVenue(server().store(), channel, { distribution: true });
      let mark = await lastChangeId();
      const { id } = await add({ venueId: channel, name: 'Channel King', capacity: 20 });
      let changes = await changesSince(mark);
      assert.deepEqual(changes.map((ch) => [ch.endpoint, ch.subject]), [['venues', 'GuestRoomAdded'], ['ari', 'RoomInventoryUpdated']]);
      const nights = changes[1]!.body.data as Array<{ date: string; roomId: number; inventoryCount: number; availableCount: number }>;
      assert.equal(nights.length, 365);
      assert.deepEqual(nights[0], { date: venueDate(zone), roomId: id, inventoryCount: 20, availableCount: 20 });
      assert.equal(nights[364]!.date, venueDate(zone, 364));

      // Nights with their own room count do not follow the capacity.
      await setNightCount(server().store(), id, venueDate(zone, 3), 7);
      mark = await lastChangeId();
      await add({ id, capacity: 25 });
      changes = await changesSince(mark);
      assert.deepEqual(changes.map((ch) => ch.subject), ['GuestRoomUpdated', 'RoomInventoryUpdated']);
      const moved = changes[1]!.body.data as Array<{ date: string; inventoryCount: number }>;
      assert.equal(moved.length, 364);
      assert.ok(!moved.some((n) => n.date === venueDate(zone, 3)));
      assert.ok(moved.every((n) => n.inventoryCount === 25));

      // Other fields move no inventory.
      mark = await lastChangeId();
      await add({ id, name: 'Channel King Deluxe' });
      assert.deepEqual((await changesSince(mark)).map((ch) => ch.subject), ['GuestRoomUpdated']);
    });
  });

  describe('getVenueRoomList', () => {
    let a = 0;
    let b = 0;
    let d = 0;
    let listed = 0;
    before(async () => {
      listed = await addVenue(server().store(), { name: 'List Hotel' });
      a = (await add({ venueId: listed, name: 'Alpha King', code: 'AK', capacity: 10, canSmoke: true, extraAdultCost: 20 })).id;
      b = (await add({ venueId: listed, name: 'Bravo Twin', code: 'BT', capacity: 5, marketplaceName: 'Bravo' })).id;
      d = (await add({ venueId: listed, name: 'Delta Suite', code: 'DS', capacity: 2, numStandardAdults: 4 })).id;
    });

    it('lists the venue’s rooms in id order, paged', async () => {
      const all = await list({ venueId: listed });
      assert.deepEqual(all.meta, { totalResults: 3, start: 0, perPage: 100, count: 3 });
      assert.deepEqual(all.results.map((r) => r.id), [a, b, d]);
      const second = await list({ venueId: listed, start: 1, perPage: 1 });
      assert.deepEqual(second.meta, { totalResults: 3, start: 1, perPage: 1, count: 1 });
      assert.deepEqual(second.results.map((r) => r.id), [b]);
    });

    it('filters on the item’s fields', async () => {
      const ids = async (filter: Record<string, unknown>) => (await list({ venueId: listed, filter })).results.map((r) => r.id);
      assert.deepEqual(await ids({ canSmoke: true }), [a]);
      assert.deepEqual(await ids({ name__BEGINS: 'b' }), [b]);
      assert.deepEqual(await ids({ capacity__GREATERTHAN: 5 }), [a, b]);
      assert.deepEqual(await ids({ extraAdultCost: 20 }), [a]);
      assert.deepEqual(await ids({ marketplaceName: 'ISNULL' }), [a, d]);
      assert.deepEqual(await ids({ numStandardAdults: 4, code: 'DS' }), [d]);
      await expectApiError(list({ venueId: listed, filter: { venueId: listed } }), 400, 23016, 'filter.venueId');
    });

    it('needs a venue of the caller', async () => {
      await expectApiError(list({}), 400, 23017, "'venueId' is required");
      await expectApiError(list({ venueId: 999_999 }), 404, 24102);
      const stranger = await server().newAccount();
      await expectApiError(stranger.client.call('venue', 'getVenueRoomList', { venueId: listed }), 404, 24102);
    });

    it('gives getVenue its accommodation and numAccommodationRooms', async () => {
      const detail = await c().call<{ numAccommodationRooms: number; accommodation: Array<Room & { image: null }> }>('venue', 'getVenue', { id: listed });
      assert.equal(detail.numAccommodationRooms, 17);
      assert.deepEqual(detail.accommodation, (await list({ venueId: listed })).results.map((r) => ({ ...r, image: null })));
      const venues = await c().call<Page<{ id: number; numAccommodationRooms: number }>>('venue', 'getVenueList', { filter: { id: listed } });
      assert.equal(venues.results[0]!.numAccommodationRooms, 17);
      const empty = await addVenue(server().store(), { name: 'No Rooms' });
      const none = await c().call<{ numAccommodationRooms: number; accommodation: unknown[] }>('venue', 'getVenue', { id: empty });
      assert.deepEqual([none.numAccommodationRooms, none.accommodation], [0, []]);
    });
  });
});
