import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addTax } from './catalog-fixtures.js';
import { addAccommodationBooking, addHotel, allocations, day, groupRequest, guest, roomRequest, type Hotel } from './accommodation-fixtures.js';
import type { Page } from './rooms-fixtures.js';
import { changesSince, lastChangeId } from './spaces-fixtures.js';

type Guest = { id: number; guestContact: { id: number; firstName: string; lastName: string; email: string; phone: string }; primaryPhone: string; address: Record<string, string> | null; isAnonymised: boolean };
type Room = Record<string, unknown> & {
  id: number;
  guestId: number;
  guest: Guest;
  currentStatus: number;
  isCancelled: boolean;
  totalAmount: number;
  arrivalDate: string;
  departureDate: string;
  dayRates: Array<{ dayDate: string; cost: number; totalAmount: number; totalTaxAmount: number; barId: number | null }>;
  additionalGuests: Array<{ guestId: number; guest: Guest; arrivalDate: string; departureDate: string; guestType: number }>;
};
type Reservation = Record<string, unknown> & { id: number; reference: number; currentStatus: number; mainGuestId: number; mainGuest: Guest; totalAmount: number; rooms: Room[]; cancelledDate: string | null };
type Upserted = { success: true; id: number; reference: string; mainGuest: { id: number; guestContactId: number }; rooms: Array<{ id: number; guest: { id: number; guestContactId: number }; additionalGuests: Array<{ guestId: number; guestContactId: number; guestType: number }> }> };
type Outcome = { success: boolean; errorType: number | null; failedRooms?: Array<{ roomId: number; code: number; message: string }> };

describeEachDatabase('venue room reservations', ({ server }) => {
  let h: Hotel;
  let booking = 0;
  let group = 0;
  let gst = 0;
  const call = <T>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const reserve = (params: Record<string, unknown>, bookingId = booking) => call<Upserted>('addOrUpdateBookingRoomReservation', { venueId: h.venue, bookingId, ...params });
  const reservations = async (bookingId = booking) => (await call<Page<Reservation>>('getBookingRoomReservationList', { venueId: h.venue, bookingId })).results;
  const one = async (id: number, bookingId = booking) => (await reservations(bookingId)).find((r) => r.id === id)!;
  const act = (action: string, id: number, extra: Record<string, unknown> = {}, bookingId = booking) => call<Outcome>(action, { venueId: h.venue, bookingId, id, ...extra });
  const newBooking = async (rooms: number, roomId = h.king, start = day(20), end = day(23)) => {
    const b = await addAccommodationBooking(server().store(), h.venue);
    const { id } = await call<{ id: number }>('addOrUpdateBookingAccommodation', groupRequest(h, b, roomId, start, end, rooms));
    return { booking: b, group: id };
  };

  before(async () => {
    h = await addHotel(server().store(), server().client, { king: 10, twin: 3 });
    gst = await addTax(server().store(), h.venue, { name: 'GST', amount: 1000 });
    ({ booking, group } = await newBooking(6));
  });

  it('adds a not confirmed reservation of rooms from a group, its guests contacts, and lists it', async () => {
    const since = await lastChangeId(server().store());
    const added = await reserve({
      mainGuest: guest('John', 'Doe', { primaryPhone: '12345678' }),
      rooms: [
        roomRequest(group, day(20), day(23), { guest: guest('john', 'DOE', { primaryPhone: '87654321' }) }),
        roomRequest(group, day(21), day(22), {
          guest: guest('Jane', 'Doe', { address: { line1: '1 Quay St', city: 'Sydney', countryCode: 'AU', stateCode: 'NSW', postalCode: '2000' } }),
          additionalGuests: [{ guest: guest('Kid', 'Doe'), guestType: 2 }],
          excludedTaxIds: [gst],
          occType: 2,
          externalReference: 'PMS-1',
        }),
      ],
    });
    assert.equal(added.rooms.length, 2);
    assert.equal(added.rooms[0]!.guest.id, added.mainGuest.id, 'the same details, in another case, are one guest');
    assert.notEqual(added.rooms[1]!.guest.id, added.mainGuest.id);
    assert.equal(added.rooms[1]!.additionalGuests[0]!.guestType, 2);
    assert.match(added.reference, /^\d+$/);
    const r = await one(added.id);
    assert.deepEqual([r.currentStatus, r.reference, r.isFromGroup, r.canBeEdited, r.cancelledDate], [1, Number(added.reference), true, true, null]);
    // The first appearance of a guest is the one applied.
    assert.equal(r.mainGuest.primaryPhone, '12345678');
    assert.deepEqual(r.mainGuest.guestContact.firstName, 'John');
    assert.equal(r.mainGuest.isAnonymised, false);
    const [first, second] = r.rooms;
    assert.deepEqual([first!.currentStatus, first!.roomId, first!.groupId, first!.numRooms, first!.totalAmount], [1, h.king, group, 1, 600]);
    // Nightly amounts with tax: GST is included in 200 (18.18), or excluded for the second room.
    assert.deepEqual(first!.dayRates[0], { dayDate: day(20), barId: null, cost: 200, totalAmount: 200, totalTaxAmount: 18.18 });
    assert.deepEqual(second!.dayRates, [{ dayDate: day(21), barId: null, cost: 200, totalAmount: 200, totalTaxAmount: 0 }]);
    assert.deepEqual(second!.guest.address, { line1: '1 Quay St', line2: '', line3: '', line4: '', city: 'Sydney', postalCode: '2000', countryCode: 'AU', stateCode: 'NSW', stateName: '' });
    assert.deepEqual([second!.occType, second!.externalReference, second!.additionalGuests[0]!.arrivalDate, second!.additionalGuests[0]!.departureDate], [2, 'PMS-1', day(21), day(22)]);
    assert.equal(r.totalAmount, 800);
    // Guests are contacts of the account.
    const contact = await server().store().selectFrom('contacts').selectAll().where('id', '=', added.rooms[1]!.guest.guestContactId).executeTakeFirstOrThrow();
    assert.deepEqual([contact.first_name, contact.last_name, contact.email], ['Jane', 'Doe', 'jane.doe@example.com']);
    const subjects = (await changesSince(server().store(), since)).map((c) => c.subject);
    assert.deepEqual(subjects.filter((s) => s !== 'ContactAdded'), ['BookingRoomReservationAdded']);
    assert.equal(subjects.filter((s) => s === 'ContactAdded').length, 3);
    // Rooms within the group's six take nothing more from the inventory.
    assert.deepEqual(await allocations(server().store(), group), { [day(20)]: 6, [day(21)]: 6, [day(22)]: 6 });
    // A second reservation reuses the venue's guest and takes the next reference.
    const again = await reserve({ mainGuest: guest('JANE', 'doe'), rooms: [roomRequest(group, day(20), day(21), { guest: { id: added.rooms[1]!.guest.id } })] });
    assert.equal(again.mainGuest.id, added.rooms[1]!.guest.id);
    assert.equal(Number(again.reference), Number(added.reference) + 1);
  });

  it('refuses what the page forbids with 24257, writing nothing', async () => {
    const before = (await reservations()).length;
    await expectApiError(reserve({ rooms: [roomRequest(group, day(20), day(21))] }), 400, 24257, "mainGuest: Value is required and can't be empty");
    await expectApiError(reserve({ mainGuest: guest('A'), rooms: [{ ...roomRequest(group, day(20), day(21)), dayRates: undefined }] }), 400, 24257, "rooms[0].dayRates: Value is required and can't be empty");
    await expectApiError(reserve({ mainGuest: guest('A'), rooms: [roomRequest(group, day(20), day(22), { dayRates: [{ dayDate: day(20), cost: 100 }] })] }), 400, 24257, `A rate for ${day(21)} is required`);
    await expectApiError(reserve({ mainGuest: guest('A'), rooms: [roomRequest(group, day(19), day(21))] }), 400, 24257, "outside the group's dates");
    await expectApiError(reserve({ mainGuest: guest('A'), rooms: [roomRequest(999_999, day(20), day(21))] }), 400, 24257, 'is not an accommodation group of the booking');
    await expectApiError(reserve({ mainGuest: { id: 999_999 }, rooms: [roomRequest(group, day(20), day(21))] }), 400, 24257, 'The guest 999999 does not exist');
    await expectApiError(reserve({ mainGuest: { guestContact: { firstName: 'No' } }, rooms: [roomRequest(group, day(20), day(21))] }), 400, 23017);
    await expectApiError(reserve({ mainGuest: guest('A'), rooms: [roomRequest(group, day(20), day(21), { numAdultGuests: 11 })] }), 400, 23016);
    const quote = await addAccommodationBooking(server().store(), h.venue, 1);
    await expectApiError(reserve({ mainGuest: guest('A'), rooms: [roomRequest(group, day(20), day(21))] }, quote), 400, 24257, 'need a tentative or confirmed booking');
    const bare = await addAccommodationBooking(server().store(), h.venue, 3);
    await expectApiError(reserve({ mainGuest: guest('A'), rooms: [roomRequest(group, day(20), day(21))] }, bare), 400, 24257, 'has no accommodation groups');
    await expectApiError(reserve({ id: 999_999, mainGuest: guest('A') }), 404, 24109);
    assert.equal((await reservations()).length, before);
  });

  it('keeps rooms within the group unless overrideBlockCapacity, and then within the inventory', async () => {
    const { booking: b, group: g } = await newBooking(1, h.twin, day(30), day(32));
    const first = await reserve({ mainGuest: guest('One'), rooms: [roomRequest(g, day(30), day(32))] }, b);
    await expectApiError(reserve({ mainGuest: guest('Two'), rooms: [roomRequest(g, day(31), day(32))] }, b), 400, 24257, `Group ${g} has no room left on ${day(31)}`);
    const over = await reserve({ mainGuest: guest('Two'), rooms: [roomRequest(g, day(31), day(32), { overrideBlockCapacity: true })] }, b);
    assert.deepEqual(await allocations(server().store(), g), { [day(30)]: 1, [day(31)]: 2 });
    // The twin has 3 rooms: another booking's group takes the last one that night.
    const { group: other } = await newBooking(1, h.twin, day(31), day(32));
    assert.deepEqual(await allocations(server().store(), other), { [day(31)]: 1 });
    await expectApiError(reserve({ mainGuest: guest('Three'), rooms: [roomRequest(g, day(31), day(32), { overrideBlockCapacity: true })] }, b), 400, 24257, `No room of the room type is available on ${day(31)}`);
    assert.deepEqual(await allocations(server().store(), g), { [day(30)]: 1, [day(31)]: 2 });
    // Cancelling the room past the group gives its night back.
    assert.deepEqual(await act('cancelBookingRoomReservation', over.id, {}, b), { success: true, errorType: null, failedRooms: [] });
    assert.deepEqual(await allocations(server().store(), g), { [day(30)]: 1, [day(31)]: 1 });
    // A group keeps the rooms reserved from it.
    await expectApiError(call('addOrUpdateBookingAccommodation', { id: g, venueId: h.venue, bookingId: b, dayRates: [{ bookingDate: day(30), numRooms: 0, cost: 100 }] }), 400, 24248, "can't be less than the 1 reserved");
    assert.deepEqual(await act('removeBookingAccommodation', g, {}, b), { success: false, errorType: 2 });
    assert.ok(first.id > 0);
  });

  it('overlays updates: rooms removed first, rooms changed and added, additional guests replaced', async () => {
    const added = await reserve({
      mainGuest: guest('Olive'),
      rooms: [roomRequest(group, day(20), day(22)), roomRequest(group, day(20), day(21), { guest: guest('Pat'), additionalGuests: [{ guest: guest('Sam'), guestType: 1 }] })],
    });
    const [a, b] = added.rooms;
    const since = await lastChangeId(server().store());
    await expectApiError(reserve({ id: added.id, rooms: [{ id: a!.id, departureDate: day(23) }] }), 400, 24257, `A rate for ${day(22)} is required`);
    const updated = await reserve({
      id: added.id,
      removeRooms: [b!.id],
      rooms: [{ id: a!.id, departureDate: day(23), dayRates: [{ dayDate: day(22), cost: 250 }], additionalGuests: [{ guest: guest('Sam'), guestType: 1, arrivalDate: day(21) }] }, roomRequest(group, day(22), day(23))],
    });
    assert.deepEqual(updated.rooms.map((r) => r.id)[0], a!.id);
    const r = await one(added.id);
    assert.deepEqual(r.rooms.map((x) => x.id), [a!.id, updated.rooms[1]!.id]);
    assert.deepEqual(r.rooms[0]!.dayRates.map((d) => [d.dayDate, d.cost]), [[day(20), 200], [day(21), 200], [day(22), 250]]);
    assert.deepEqual(r.rooms[0]!.additionalGuests.map((x) => [x.guest.guestContact.firstName, x.arrivalDate, x.departureDate]), [['Sam', day(21), day(23)]]);
    const changes = (await changesSince(server().store(), since)).filter((c) => c.subject.startsWith('BookingRoomReservation'));
    assert.deepEqual(changes.map((c) => c.subject), ['BookingRoomReservationUpdated']);
    assert.equal((changes[0]!.body.previousData as Reservation).rooms.length, 2);
    assert.equal((changes[0]!.body.data as Reservation).totalAmount, 850);
    // canBeEdited false stops every change but turning it back on.
    await reserve({ id: added.id, canBeEdited: false });
    await expectApiError(reserve({ id: added.id, mainGuest: guest('Olive', 'Guest', { primaryPhone: '1' }) }), 400, 24257, 'cannot be edited');
    assert.deepEqual(await act('confirmBookingRoomReservation', added.id), { success: false, errorType: 9 });
    assert.deepEqual(await act('cancelBookingRoomReservation', added.id), { success: false, errorType: 7, failedRooms: [] });
    assert.deepEqual(await act('changeStatusOfBookingRoomReservation', added.id, { status: 4 }), { success: false, errorType: 4 });
    await reserve({ id: added.id, canBeEdited: true });
    assert.equal((await one(added.id)).canBeEdited, true);
  });

  it('moves through the documented statuses and answers each refusal with its errorType', async () => {
    const added = await reserve({ mainGuest: guest('Stat'), rooms: [roomRequest(group, day(20), day(21)), roomRequest(group, day(21), day(22))] });
    const [a, b] = added.rooms.map((r) => r.id);
    const status = async () => {
      const r = await one(added.id);
      return [r.currentStatus, ...r.rooms.map((x) => x.currentStatus)];
    };
    assert.deepEqual(await act('changeStatusOfBookingRoomReservation', added.id, { status: 4 }), { success: false, errorType: 2 });
    assert.deepEqual(await act('changeStatusOfBookingRoomReservation', added.id, { status: 2 }), { success: false, errorType: 3 });
    // Per room: one confirmed, one not there.
    assert.deepEqual(await act('confirmBookingRoomReservation', added.id, { roomIds: [a, 999_999] }), {
      success: false,
      errorType: 10,
      failedRooms: [{ roomId: 999_999, code: 4, message: 'Room cannot be booked' }],
    });
    assert.deepEqual(await status(), [1, 2, 1]);
    assert.deepEqual(await act('confirmBookingRoomReservation', added.id, { roomIds: [a] }), { success: false, errorType: 10, failedRooms: [{ roomId: a, code: 1, message: 'The room has already been confirmed' }] });
    assert.deepEqual(await act('confirmBookingRoomReservation', added.id), { success: true, errorType: null });
    assert.deepEqual(await status(), [2, 2, 2]);
    assert.deepEqual(await act('confirmBookingRoomReservation', added.id), { success: false, errorType: 1 });
    assert.deepEqual(await act('removeBookingRoomReservation', added.id), { success: false, errorType: 2 });
    assert.deepEqual(await act('changeStatusOfBookingRoomReservation', added.id, { status: 5 }), { success: false, errorType: 2 });
    assert.deepEqual(await act('changeStatusOfBookingRoomReservation', added.id, { status: 4, roomIds: [b] }), { success: true, errorType: null, failedRooms: [] });
    assert.deepEqual(await status(), [2, 2, 4]);
    assert.deepEqual(await act('changeStatusOfBookingRoomReservation', added.id, { status: 4, roomIds: [a, b] }), {
      success: false,
      errorType: 5,
      failedRooms: [{ roomId: b, code: 1, message: 'The new status is the same as the current status' }],
    });
    assert.deepEqual(await act('changeStatusOfBookingRoomReservation', added.id, { status: 4 }), { success: false, errorType: 1 });
    assert.deepEqual(await act('changeStatusOfBookingRoomReservation', added.id, { status: 5 }), { success: true, errorType: null });
    assert.deepEqual(await status(), [5, 5, 5]);
    const since = await lastChangeId(server().store());
    assert.deepEqual(await act('cancelBookingRoomReservation', added.id, { roomId: a }), { success: true, errorType: null, failedRooms: [] });
    assert.deepEqual(await act('cancelBookingRoomReservation', added.id, { roomIds: [a, b] }), { success: false, errorType: 8, failedRooms: [{ roomId: a, code: 1, message: 'The room has already been cancelled' }] });
    const r = await one(added.id);
    assert.deepEqual([r.currentStatus, r.rooms[0]!.isCancelled, r.totalAmount], [3, true, 0]);
    assert.match(r.cancelledDate!, /UTC$/);
    assert.deepEqual(await act('cancelBookingRoomReservation', added.id), { success: false, errorType: 1, failedRooms: [] });
    assert.deepEqual(await act('confirmBookingRoomReservation', added.id), { success: false, errorType: 2 });
    const updates = (await changesSince(server().store(), since)).filter((c) => c.subject === 'BookingRoomReservationUpdated');
    assert.equal(updates.length, 2);
    await expectApiError(act('confirmBookingRoomReservation', 999_999), 404, 24109);
  });

  it('removes only not confirmed reservations, freeing their rooms', async () => {
    const { booking: b, group: g } = await newBooking(1, h.king, day(40), day(41));
    const added = await reserve({ mainGuest: guest('Gone'), rooms: [roomRequest(g, day(40), day(41)), roomRequest(g, day(40), day(41), { overrideBlockCapacity: true })] }, b);
    assert.deepEqual(await allocations(server().store(), g), { [day(40)]: 2 });
    const since = await lastChangeId(server().store());
    assert.deepEqual(await act('removeBookingRoomReservation', added.id, {}, b), { success: true, errorType: null });
    assert.deepEqual(await allocations(server().store(), g), { [day(40)]: 1 });
    const changes = await changesSince(server().store(), since);
    const deleted = changes.find((c) => c.subject === 'BookingRoomReservationDeleted')!;
    assert.deepEqual(deleted.body, { venueId: h.venue, bookingId: b, bookingStatus: 2, reservationId: added.id, roomIds: added.rooms.map((r) => r.id) });
    assert.deepEqual(await reservations(b), []);
    assert.deepEqual(await act('removeBookingAccommodation', g, {}, b), { success: true, errorType: null });
  });

  it('updates a guest contact by id or details, never an anonymised one, and notifies its reservations', async () => {
    const added = await reserve({ mainGuest: guest('Gina', 'Lee'), rooms: [roomRequest(group, day(20), day(21), { guest: guest('Gina', 'Lee') })] });
    const contactId = added.mainGuest.guestContactId;
    const since = await lastChangeId(server().store());
    const update = (params: Record<string, unknown>) => call<{ success: true; id: number }>('updateBookingRoomReservationGuestContact', params);
    assert.deepEqual(await update({ id: contactId, firstName: 'Gina', lastName: 'Lee-Park', phone: '0400', email: 'gina@example.com' }), { success: true, id: contactId });
    const r = await one(added.id);
    assert.deepEqual([r.mainGuest.guestContact.lastName, r.mainGuest.guestContact.phone, r.mainGuest.guestContact.email], ['Lee-Park', '0400', 'gina@example.com']);
    const subjects = (await changesSince(server().store(), since)).map((c) => c.subject);
    assert.deepEqual(subjects, ['ContactUpdated', 'BookingRoomReservationUpdated']);
    assert.deepEqual(await update({ firstName: 'GINA', lastName: 'lee-park', email: 'Gina@example.com', phone: '0411' }), { success: true, id: contactId });
    await expectApiError(update({ firstName: 'Gina', phone: '1' }), 400, 24422);
    await expectApiError(update({ id: contactId, firstName: 'Gina', lastName: 'Lee', email: 'g@example.com' }), 400, 24424, 'phone');
    const crmContact = await server().client.call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: 'Not', lastName: 'Guest', email: 'not.guest@example.com' });
    await expectApiError(update({ id: crmContact.id, firstName: 'Not', lastName: 'Guest', email: 'not.guest@example.com', phone: '1' }), 404, 24421);
    // An anonymised guest: details empty when listed, never updated, never placed again by id.
    await server().store().updateTable('contacts').set({ is_anonymised: 1 }).where('id', '=', contactId).execute();
    const hidden = (await one(added.id)).mainGuest;
    assert.deepEqual([hidden.isAnonymised, hidden.guestContact.firstName, hidden.guestContact.email, hidden.primaryPhone], [true, '', '', '']);
    await expectApiError(update({ id: contactId, firstName: 'A', lastName: 'B', email: 'a@example.com', phone: '1' }), 400, 24425);
    await expectApiError(reserve({ mainGuest: { id: added.mainGuest.id }, rooms: [roomRequest(group, day(20), day(21))] }), 400, 24257, 'is anonymised');
    // Its details make a new guest; changes to it where it already is are ignored.
    const fresh = await reserve({ mainGuest: guest('Gina', 'Lee-Park'), rooms: [roomRequest(group, day(20), day(21))] });
    assert.notEqual(fresh.mainGuest.id, added.mainGuest.id);
    await reserve({ id: added.id, mainGuest: { id: added.mainGuest.id, primaryPhone: '999' } });
    const kept = await server().store().selectFrom('venue_guests').select('primary_phone').where('id', '=', added.mainGuest.id).executeTakeFirstOrThrow();
    assert.equal(kept.primary_phone, null);
  });
});
