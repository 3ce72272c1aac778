import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addTax } from './catalog-fixtures.js';
import {
  addAccommodationBooking,
  addHotel,
  addRoomOption,
  allocations,
  day,
  dayRates,
  groupRequest,
  type Hotel,
} from './accommodation-fixtures.js';
import { addVenue } from './fixtures.js';
import { setVenue, type Page } from './rooms-fixtures.js';
import { addBooking } from './sessions-fixtures.js';
import { changesSince, lastChangeId } from './spaces-fixtures.js';

type Group = Record<string, unknown> & {
  id: number;
  dayRates: Array<Record<string, unknown>>;
  roomOptions: Array<Record<string, unknown>>;
  startDate: string;
  endDate: string;
};
type Inventory = { date: string; roomId: number; inventoryCount: number; availableCount: number };

describeEachDatabase('venue accommodation groups', ({ server }) => {
  let h: Hotel;
  const call = <T = { success: true; id: number }>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const upsert = (params: Record<string, unknown>) => call('addOrUpdateBookingAccommodation', params);
  const list = async (bookingId: number) => (await call<Page<Group>>('getBookingAccommodationList', { venueId: h.venue, bookingId })).results;
  const available = async (roomId: number, start: string, end: string) =>
    (await call<Page<Inventory>>('getRoomInventory', { venueId: h.venue, startDate: start, endDate: end, roomIds: [roomId] })).results.map((r) => r.availableCount);

  before(async () => {
    h = await addHotel(server().store(), server().client);
    await setVenue(server().store(), h.venue, { distribution: true });
  });

  it('adds a group with day rates and room options, lists it, holds its rooms and notifies', async () => {
    const booking = await addAccommodationBooking(server().store(), h.venue);
    const gst = await addTax(server().store(), h.venue, { name: 'GST', amount: 1000 });
    const since = await lastChangeId(server().store());
    const start = day(20);
    const end = day(23);
    const { id } = await upsert(
      groupRequest(h, booking, h.king, start, end, 3, {
        cutOffDate: day(10),
        excludedTaxIds: [gst],
        roomOptions: [
          { bookingDate: start, roomOptionId: h.breakfast, numRooms: 2, numOptions: 2, price: 38 },
          // The former name of numOptions is still taken.
          { bookingDate: day(21), roomOptionId: h.breakfast, numRooms: 3, numOptionsPerRoom: 1, price: 40, priceType: 2 },
        ],
      }),
    );
    const [group] = await list(booking);
    assert.equal(group!.id, id);
    assert.deepEqual(
      { ...group, createdDate: undefined, modifiedDate: undefined },
      {
        id,
        venueId: h.venue,
        bookingId: booking,
        roomVenueId: h.venue,
        barId: null,
        roomId: h.king,
        startDate: start,
        endDate: end,
        overrideCapacity: false,
        costcenterId: null,
        includeInPackage: false,
        cutOffDate: day(10),
        dayRatesActual: [],
        dayRates: [start, day(21), day(22)].map((d) => ({ bookingDate: d, numRooms: 3, cost: 180, discount: 0, numPayableByGuest: 0, numFreeRooms: 0 })),
        dayRatesNet: [],
        dayRatesForecast: [],
        dayRatesActualMultiOcc: [],
        dayRatesMultiOcc: [],
        dayRatesNetMultiOcc: [],
        dayRatesForecastMultiOcc: [],
        excludedTaxIds: [gst],
        roomOptions: [
          // 2 rooms × 2 options × 38, GST included (10% of 152 is 13.82 of it).
          { bookingDate: start, roomOptionId: h.breakfast, numRooms: 2, priceType: 1, numOptions: 2, numOptionsPerRoom: 2, price: 38, discount: 0, excludedTaxIds: [], totalAmount: 152, totalDiscount: 0, totalTaxAmount: 13.82, costcenterId: null, numPayableByGuest: 0, commission: 0 },
          { bookingDate: day(21), roomOptionId: h.breakfast, numRooms: 3, priceType: 2, numOptions: 1, numOptionsPerRoom: 1, price: 40, discount: 0, excludedTaxIds: [], totalAmount: 120, totalDiscount: 0, totalTaxAmount: 10.91, costcenterId: null, numPayableByGuest: 0, commission: 0 },
        ],
        createdDate: undefined,
        modifiedDate: undefined,
      },
    );
    // A tentative booking holds the group's rooms: the nights, not the departure day.
    assert.deepEqual(await allocations(server().store(), id), { [start]: 3, [day(21)]: 3, [day(22)]: 3 });
    assert.deepEqual(await available(h.king, start, end), [7, 7, 7, 10]);
    const changes = await changesSince(server().store(), since);
    assert.deepEqual(changes.map((c) => c.subject).sort(), ['BookingAccommodationAdded', 'BookingUpdated', 'RoomInventoryUpdated']);
    const inventory = changes.find((c) => c.subject === 'RoomInventoryUpdated')!.body.data as Inventory[];
    assert.deepEqual(inventory.map((n) => [n.date, n.availableCount]), [[start, 7], [day(21), 7], [day(22), 7]]);
    // The booking's accommodation dates widened to the group's.
    const b = await server().store().selectFrom('bookings').select(['date_accom_start', 'date_accom_end']).where('id', '=', booking).executeTakeFirstOrThrow();
    assert.deepEqual([b.date_accom_start, b.date_accom_end], [start, end]);
  });

  it('refuses what the page requires or forbids, writing nothing', async () => {
    const booking = await addAccommodationBooking(server().store(), h.venue);
    const start = day(30);
    const end = day(32);
    await expectApiError(upsert({ venueId: h.venue, bookingId: booking, roomVenueId: h.venue, roomId: h.king, startDate: start, endDate: end }), 400, 24248, "dayRates: Value is required and can't be empty");
    await expectApiError(upsert(groupRequest(h, booking, h.king, start, end, 2, { dayRates: dayRates(start, day(31), 2) })), 400, 24248, `A rate for ${day(31)} is required`);
    await expectApiError(upsert(groupRequest(h, booking, h.king, start, end, 2, { dayRates: dayRates(start, day(33), 2) })), 400, 24248, `${day(32)} is not a night of the group`);
    await expectApiError(upsert(groupRequest(h, booking, h.king, start, start, 2)), 400, 24248, 'after the arrival date');
    const elsewhere = await addVenue(server().store(), { name: 'Elsewhere' });
    const foreign = await addRoomOption(server().store(), elsewhere, 'Parking', 2000);
    await expectApiError(
      upsert(groupRequest(h, booking, h.king, start, end, 2, { roomOptions: [{ bookingDate: start, roomOptionId: foreign, numRooms: 1, numOptions: 1, price: 20 }] })),
      400,
      24248,
      `${foreign} is not a room option of venue ${h.venue}`,
    );
    await expectApiError(
      upsert(groupRequest(h, booking, h.king, start, end, 2, { roomOptions: [{ bookingDate: start, roomOptionId: h.breakfast, numRooms: 3, numOptions: 1, price: 20 }] })),
      400,
      24248,
      "can't exceed the 2 rooms of the night",
    );
    await expectApiError(
      upsert(groupRequest(h, booking, h.king, start, end, 2, { roomOptions: [{ bookingDate: start, roomOptionId: h.breakfast, numRooms: 1, price: 20 }] })),
      400,
      24248,
      'roomOptions.numOptions',
    );
    await expectApiError(upsert(groupRequest(h, booking, h.twin + 1000, start, end, 2)), 400, 24248, 'is not a room type of venue');
    await expectApiError(upsert(groupRequest(h, booking, h.king, start, end, 2, { id: 999_999 })), 404, 24108);
    await expectApiError(upsert(groupRequest(h, 999_999, h.king, start, end, 2)), 404, 23026);
    const noAccommodation = await addBooking(server().store(), h.venue, { status: 2 });
    await expectApiError(upsert(groupRequest(h, noAccommodation, h.king, start, end, 2)), 400, 24248, 'does not include accommodation');
    assert.deepEqual(await list(booking), []);
    assert.deepEqual(await available(h.king, start, start), [10]);
  });

  it('overlays updates: rates by night, options by option and night, dates trimming and requiring', async () => {
    const booking = await addAccommodationBooking(server().store(), h.venue);
    const start = day(40);
    const { id } = await upsert(
      groupRequest(h, booking, h.twin, start, day(43), 3, {
        roomOptions: [
          { bookingDate: day(41), roomOptionId: h.breakfast, numRooms: 3, numOptions: 1, price: 38 },
          { bookingDate: day(42), roomOptionId: h.breakfast, numRooms: 2, numOptions: 1, price: 38 },
        ],
      }),
    );
    const since = await lastChangeId(server().store());
    // One night's rooms lowered: the option above it follows; the other night keeps its rate.
    await upsert({ id, venueId: h.venue, bookingId: booking, dayRates: [{ bookingDate: day(41), numRooms: 1, cost: 150 }] });
    let [group] = await list(booking);
    assert.deepEqual(group!.dayRates.map((r) => [r.bookingDate, r.numRooms, r.cost]), [[start, 3, 180], [day(41), 1, 150], [day(42), 3, 180]]);
    assert.deepEqual(group!.roomOptions.map((o) => [o.bookingDate, o.numRooms]), [[day(41), 1], [day(42), 2]]);
    assert.deepEqual(await allocations(server().store(), id), { [start]: 3, [day(41)]: 1, [day(42)]: 3 });
    const changes = await changesSince(server().store(), since);
    const updated = changes.find((c) => c.subject === 'BookingAccommodationUpdated')!;
    assert.equal(((updated.body.previousData as Group).dayRates[1] as { numRooms: number }).numRooms, 3);
    assert.equal(((updated.body.data as Group).dayRates[1] as { numRooms: number }).numRooms, 1);

    // Zero values remove an option; a later duplicate in the request wins.
    await upsert({
      id,
      venueId: h.venue,
      bookingId: booking,
      roomOptions: [
        { bookingDate: day(42), roomOptionId: h.breakfast, numRooms: 0, numOptionsPerRoom: 0, price: 0 },
        { bookingDate: start, roomOptionId: h.breakfast, numRooms: 1, numOptions: 1, price: 25 },
        { bookingDate: start, roomOptionId: h.breakfast, numRooms: 2, numOptions: 2, price: 30 },
      ],
    });
    [group] = await list(booking);
    assert.deepEqual(group!.roomOptions.map((o) => [o.bookingDate, o.numRooms, o.numOptions, o.price]), [[start, 2, 2, 30], [day(41), 1, 1, 38]]);

    // Extending needs rates for the new nights; moving the start trims rates and options.
    await expectApiError(upsert({ id, venueId: h.venue, bookingId: booking, endDate: day(44) }), 400, 24248, `A rate for ${day(43)} is required`);
    await upsert({ id, venueId: h.venue, bookingId: booking, startDate: day(41), endDate: day(44), dayRates: [{ bookingDate: day(43), numRooms: 2, cost: 200 }] });
    [group] = await list(booking);
    assert.deepEqual([group!.startDate, group!.endDate], [day(41), day(44)]);
    assert.deepEqual(group!.dayRates.map((r) => r.bookingDate), [day(41), day(42), day(43)]);
    assert.deepEqual(group!.roomOptions.map((o) => o.bookingDate), [day(41)]);
    assert.deepEqual(await allocations(server().store(), id), { [day(41)]: 1, [day(42)]: 3, [day(43)]: 2 });

    // An update that changes nothing records nothing.
    const quiet = await lastChangeId(server().store());
    await upsert({ id, venueId: h.venue, bookingId: booking, dayRates: [{ bookingDate: day(42), numRooms: 3, cost: 180 }] });
    assert.deepEqual(await changesSince(server().store(), quiet), []);
  });

  it('refuses rooms beyond the night\'s inventory unless overrideCapacity, and only reserving bookings hold', async () => {
    const start = day(50);
    const end = day(52);
    const first = await addAccommodationBooking(server().store(), h.venue, 3);
    await upsert(groupRequest(h, first, h.twin, start, end, 3));
    const second = await addAccommodationBooking(server().store(), h.venue, 9);
    const refused = await expectApiError(upsert(groupRequest(h, second, h.twin, start, end, 2)), 400, 24248);
    assert.deepEqual(refused.additionalMessages, [`${start}: The number of rooms can't exceed 1`]);
    const { id: over } = await upsert(groupRequest(h, second, h.twin, start, end, 2, { overrideCapacity: true }));
    assert.deepEqual(await available(h.twin, start, start), [0], 'overbooked, never below zero');
    // A prospective quote holds nothing, so it is not checked either.
    const quote = await addAccommodationBooking(server().store(), h.venue, 1);
    const { id: quoted } = await upsert(groupRequest(h, quote, h.twin, start, end, 4));
    assert.deepEqual(await allocations(server().store(), quoted), {});
    assert.deepEqual(await allocations(server().store(), over), { [start]: 2, [day(51)]: 2 });
  });

  it('follows the booking status: held when it moves to a reserving status, freed when cancelled', async () => {
    const start = day(60);
    const end = day(62);
    const quote = await addAccommodationBooking(server().store(), h.venue, 1);
    const { id } = await upsert(groupRequest(h, quote, h.king, start, end, 4));
    assert.deepEqual(await allocations(server().store(), id), {});
    const since = await lastChangeId(server().store());
    await call('changeBookingStatus', { id: quote, venueId: h.venue, currentStatus: 2, convertedStageId: h.stage });
    assert.deepEqual(await allocations(server().store(), id), { [start]: 4, [day(61)]: 4 });
    assert.deepEqual(await available(h.king, start, start), [6]);
    const inventory = (await changesSince(server().store(), since)).filter((c) => c.subject === 'RoomInventoryUpdated');
    assert.equal(inventory.length, 1);
    assert.deepEqual((inventory[0]!.body.data as Inventory[]).map((n) => [n.date, n.availableCount]), [[start, 6], [day(61), 6]]);
    await call('changeBookingStatus', { id: quote, venueId: h.venue, currentStatus: 4, cancelClosedDate: day(0) });
    assert.deepEqual(await allocations(server().store(), id), {});
    assert.deepEqual(await available(h.king, start, start), [10]);
    await expectApiError(upsert({ id, venueId: h.venue, bookingId: quote, overrideCapacity: true }), 400, 24248, 'is cancelled');
  });

  it('removes a group, freeing its rooms, and says so', async () => {
    const booking = await addAccommodationBooking(server().store(), h.venue);
    const start = day(70);
    const { id } = await upsert(groupRequest(h, booking, h.king, start, day(71), 5));
    assert.deepEqual(await available(h.king, start, start), [5]);
    const since = await lastChangeId(server().store());
    const answer = await call('removeBookingAccommodation', { venueId: h.venue, bookingId: booking, id });
    assert.deepEqual(answer, { success: true, errorType: null });
    assert.deepEqual(await list(booking), []);
    assert.deepEqual(await available(h.king, start, start), [10]);
    const changes = await changesSince(server().store(), since);
    assert.deepEqual(changes.map((c) => c.subject), ['RoomInventoryUpdated', 'BookingAccommodationDeleted']);
    assert.deepEqual(changes[1]!.body, { venueId: h.venue, bookingId: booking, bookingStatus: 2, accommodationId: id });
    await expectApiError(call('removeBookingAccommodation', { venueId: h.venue, bookingId: booking, id }), 404, 24108);
  });
});
