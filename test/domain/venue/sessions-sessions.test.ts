import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { bookingSessionResult } from '../../../src/domain/venue/bookings/part-schemas.js';
import { sessionsOfBookings } from '../../../src/domain/venue/sessions/booking-parts.js';
import { releaseBookingHoldings } from '../../../src/domain/venue/sessions/release.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addTax, addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';
import { addBooking, addContact, sessionParams } from './sessions-fixtures.js';
import { addLayout, addSpace, changesSince, lastChangeId } from './spaces-fixtures.js';

type Available = { id: number; isAvailable: boolean; reason: number | null; conflict: { sessionId: number; bookingId: number | null; startDate: string } | null };
type Slot = { date: string; startTime: string; endTime: string };
type SessionItem = Record<string, unknown> & { id: number; startDate: string; startTime: string; endDate: string; endTime: string };

// Sydney: AEDT (UTC+11) until 03:00 on 2031-04-06, AEST (UTC+10) after; forward again at 02:00 on 2031-10-05.
describeEachDatabase('venue booking sessions', ({ server }) => {
  let venue = 0;
  let other = 0;
  let room1 = 0;
  let room2 = 0;
  let room3 = 0;
  let rooms12 = 0;
  let small = 0;
  let theatre = 0;
  let contact = 0;
  let food = 0;
  let gst = 0;
  let booking = 0;
  const client = () => server().client;
  const call = <T = { success: true; id: number }>(action: string, params: Record<string, unknown>) => client().call<T>('venue', action, params);
  const add = (bookingId: number, spaceId: number, startDate: string, startTime: string, endTime: string, extra: Record<string, unknown> = {}) =>
    call<{ success: true; id: number; warnings: null }>(
      'addOrUpdateBookingSession',
      sessionParams({ venueId: venue, bookingId, contactId: contact, spaceId, costcenterId: food, startDate, startTime, endTime, ...extra }),
    );
  const available = async (spaceId: number, startDatetime: string, endDatetime: string) =>
    (await call<{ results: Available[] }>('getAvailableFunctionSpaces', { venueId: venue, startDatetime, endDatetime, spaceIds: [spaceId] })).results[0]!;
  const slots = async (spaceId: number, date: string) =>
    (await call<{ availability: Array<{ timeSlots: Slot[] }> }>('getFunctionSpaceAvailability', { venueId: venue, startDate: date, endDate: date, spaceIds: [spaceId] })).availability[0]!
      .timeSlots;
  const sessionsOf = async (bookingId: number) => (await call<{ results: SessionItem[] }>('getBookingSessionList', { venueId: venue, bookingId })).results;

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Session Centre', timezone: 'Australia/Sydney' });
    other = await addVenue(store, { name: 'Another Centre', timezone: 'Australia/Sydney' });
    room1 = await addSpace(client(), venue, { name: 'Room 1', maxPax: 50 });
    room2 = await addSpace(client(), venue, { name: 'Room 2', maxPax: 50 });
    room3 = await addSpace(client(), venue, { name: 'Room 3', maxPax: 50 });
    rooms12 = await addSpace(client(), venue, { name: 'Rooms 1+2', maxPax: 100, partSpaceIds: [room1, room2] });
    small = await addSpace(client(), venue, { name: 'Small', maxPax: 8 });
    theatre = await addLayout(store, room3, 1, 30, { setup: 30, takedown: 15 });
    contact = await addContact(store);
    food = await addVenueCostCenter(store, venue, { name: 'Food', code: 'F' });
    gst = await addTax(store, venue, { name: 'GST', amount: 1000 });
    booking = await addBooking(store, venue, { contactId: contact });
  });

  it('adds a session on the venue clock, lists it, and records it in the outbox and changelog', async () => {
    const since = await lastChangeId(server().store());
    const added = await add(booking, room1, '2031-03-10', '9:00 AM', '11:30:00', { name: 'Opening', agreedAttendees: 12, signage: 'Welcome', isSignageVisible: 1 });
    assert.deepEqual(Object.keys(added), ['success', 'id', 'warnings']);
    assert.equal(added.warnings, null);
    const [item] = await sessionsOf(booking);
    assert.equal(item!.id, added.id);
    assert.deepEqual(
      { startDate: item!.startDate, startTime: item!.startTime, endDate: item!.endDate, endTime: item!.endTime, spaceId: item!.spaceId, cost: item!.cost, amount: item!.amount, totalTaxAmount: item!.totalTaxAmount },
      { startDate: '2031-03-10', startTime: '09:00:00', endDate: '2031-03-10', endTime: '11:30:00', spaceId: room1, cost: 400, amount: 400, totalTaxAmount: 36.36 },
    );
    // Stored as the instant: 09:00 AEDT is 22:00 UTC the day before.
    const row = await server().store().selectFrom('booking_sessions').select('starts_at').where('id', '=', added.id).executeTakeFirstOrThrow();
    assert.equal(row.starts_at, Date.parse('2031-03-09T22:00:00Z'));
    const changes = await changesSince(server().store(), since);
    assert.deepEqual(
      changes.map((c) => c.subject),
      ['BookingSessionAdded'],
    );
    assert.equal((changes[0]!.body.data as { id: number }).id, added.id);
    const log = await server().store().selectFrom('booking_changelog').selectAll().where('booking_id', '=', booking).execute();
    assert.deepEqual(
      log.map((l) => [l.ref_type, l.ref_id, l.session_id]),
      [[3, added.id, added.id]],
    );
    const withBooking = (await call<{ results: SessionItem[] }>('getBookingSessionList', { bookingId: booking, includeBookingDetails: true })).results[0]!;
    assert.equal((withBooking.booking as { contact: { id: number } }).contact.id, contact);
  });

  it('takes the space, its combinations and not its neighbours, in both availability answers at once', async () => {
    const b = await addBooking(server().store(), venue);
    const { id } = await add(b, room2, '2031-03-11', '10:00:00', '12:00:00');
    const verdict = await available(rooms12, '2031-03-11 10:30:00', '2031-03-11 11:00:00');
    assert.deepEqual([verdict.isAvailable, verdict.reason, verdict.conflict?.sessionId, verdict.conflict?.bookingId], [false, 3, id, b]);
    assert.equal((await available(room2, '2031-03-11 10:30:00', '2031-03-11 11:00:00')).reason, 3);
    assert.equal((await available(room1, '2031-03-11 10:30:00', '2031-03-11 11:00:00')).isAvailable, true);
    assert.deepEqual(await slots(room2, '2031-03-11'), [
      { date: '2031-03-11', startTime: '00:00:00', endTime: '10:00:00' },
      { date: '2031-03-11', startTime: '12:00:00', endTime: '23:59:59' },
    ]);
  });

  it('refuses to double-book a space, a part of a booked combination, or a combination of a booked part (24363)', async () => {
    const first = await addBooking(server().store(), venue);
    const second = await addBooking(server().store(), venue);
    const held = await add(first, room1, '2031-03-12', '10:00:00', '12:00:00');
    await expectApiError(add(second, room1, '2031-03-12', '11:00:00', '13:00:00'), 400, 24363, `by session ${held.id} of booking ${first}`);
    await expectApiError(add(second, rooms12, '2031-03-12', '09:00:00', '10:30:00'), 400, 24363, /Rooms 1\+2.*through space/);
    const combo = await add(first, rooms12, '2031-03-12', '14:00:00', '16:00:00');
    await expectApiError(add(second, room2, '2031-03-12', '15:00:00', '15:30:00'), 400, 24363, `session ${combo.id}`);
    // Touching is not overlapping, and a free neighbour is free.
    await add(second, room1, '2031-03-12', '12:00:00', '13:00:00');
    await add(second, room3, '2031-03-12', '10:00:00', '12:00:00');
    const count = await server().store().selectFrom('booking_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('booking_id', '=', second).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2, 'the refused sessions left nothing behind');
  });

  it('holds set-up and set-down time from the layout, and checks pax against it unless overridden', async () => {
    const a = await addBooking(server().store(), venue);
    const b = await addBooking(server().store(), venue);
    await add(a, room3, '2031-03-13', '10:00:00', '11:00:00', { spaceLayout: theatre, minAttendeesGuaranteed: 20 });
    await expectApiError(add(b, room3, '2031-03-13', '11:05:00', '12:00:00'), 400, 24363, 'already booked');
    await add(b, room3, '2031-03-13', '11:15:00', '12:00:00', { setupTime: 0 });
    await expectApiError(add(b, small, '2031-03-13', '08:00:00', '09:00:00', { minAttendeesGuaranteed: 9 }), 400, 24363, 'minAttendeesGuaranteed: 9 is more than the 8');
    await add(b, small, '2031-03-13', '08:00:00', '09:00:00', { minAttendeesGuaranteed: 9, overridePax: true });
    await expectApiError(add(b, room3, '2031-03-14', '08:00:00', '09:00:00', { layoutType: 31 }), 400, 23016);
    await expectApiError(add(b, room3, '2031-03-14', '08:00:00', '09:00:00', { layoutType: 6 }), 400, 24363, 'no layout of type 6');
  });

  it('keeps wall-clock times across daylight saving and runs past midnight', async () => {
    const b = await addBooking(server().store(), venue);
    // The night the clocks go forward (02:00 → 03:00 on 2031-10-05): 23:00 to 05:00 is 5 hours.
    const { id } = await add(b, room1, '2031-10-04', '23:00:00', '05:00:00');
    const row = await server().store().selectFrom('booking_sessions').select(['starts_at', 'ends_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.ends_at - row.starts_at, 5 * 3_600_000);
    const item = (await sessionsOf(b)).find((s) => s.id === id)!;
    assert.deepEqual([item.startDate, item.startTime, item.endDate, item.endTime], ['2031-10-04', '23:00:00', '2031-10-05', '05:00:00']);
    assert.deepEqual(await slots(room1, '2031-10-05'), [{ date: '2031-10-05', startTime: '05:00:00', endTime: '23:59:59' }]);
    await expectApiError(add(b, room2, '2031-10-05', '02:30:00', '03:15:00'), 400, 24364, 'daylight saving');
  });

  it('moves a session (re-checking the space) and records the update; an unchanged update records nothing', async () => {
    const a = await addBooking(server().store(), venue);
    const b = await addBooking(server().store(), venue);
    const mine = await add(a, room2, '2031-03-20', '10:00:00', '11:00:00');
    const theirs = await add(b, room2, '2031-03-20', '13:00:00', '14:00:00');
    await expectApiError(call('addOrUpdateBookingSession', { id: mine.id, startTime: '12:30:00', endTime: '13:30:00' }), 400, 24363, `session ${theirs.id}`);
    const since = await lastChangeId(server().store());
    await call('addOrUpdateBookingSession', { id: mine.id, startTime: '10:30:00', endTime: '11:30:00' });
    assert.equal((await available(room2, '2031-03-20 10:00:00', '2031-03-20 10:30:00')).isAvailable, true, 'the old time is free');
    assert.equal((await available(room2, '2031-03-20 11:00:00', '2031-03-20 11:15:00')).reason, 3);
    await call('addOrUpdateBookingSession', { id: mine.id, startTime: '10:30:00' });
    const changes = await changesSince(server().store(), since);
    assert.deepEqual(
      changes.map((c) => c.subject),
      ['BookingSessionUpdated'],
    );
    assert.equal((changes[0]!.body.previousData as SessionItem).startTime, '10:00:00');
    assert.equal((changes[0]!.body.data as SessionItem).startTime, '10:30:00');
  });

  it('frees the space when a session is removed, and answers the documented codes', async () => {
    const a = await addBooking(server().store(), venue);
    const { id } = await add(a, room1, '2031-03-21', '10:00:00', '11:00:00');
    await expectApiError(call('removeBookingSession', { id, venueId: venue, bookingId: booking }), 404, 24366);
    await expectApiError(call('removeBookingSession', { id, venueId: other, bookingId: a }), 404, 24365);
    const since = await lastChangeId(server().store());
    assert.deepEqual(await call('removeBookingSession', { id, venueId: venue, bookingId: a }), { success: true, id });
    assert.equal((await available(room1, '2031-03-21 10:00:00', '2031-03-21 11:00:00')).isAvailable, true);
    assert.deepEqual((await changesSince(server().store(), since)).map((c) => [c.subject, c.body]), [['BookingSessionDeleted', { venueId: venue, bookingId: a, sessionId: id }]]);
    await expectApiError(call('removeBookingSession', { id }), 404, 24366);
  });

  it('refuses what the page refuses: missing fields, unknown booking, session, space, cost center, tax', async () => {
    const base = { venueId: venue, bookingId: booking, contactId: contact, spaceId: room1, costcenterId: food, startDate: '2031-05-01', startTime: '10:00:00', endTime: '11:00:00' };
    await expectApiError(call('addOrUpdateBookingSession', { ...sessionParams(base), costcenterId: undefined }), 400, 24364, "costcenterId: *Value is required and can't be empty*");
    await expectApiError(call('addOrUpdateBookingSession', { ...sessionParams(base), name: undefined }), 400, 24364, 'name');
    await expectApiError(call('addOrUpdateBookingSession', sessionParams({ ...base, bookingId: 999_999 })), 404, 24360);
    await expectApiError(call('addOrUpdateBookingSession', sessionParams({ ...base, venueId: other })), 404, 24360);
    await expectApiError(call('addOrUpdateBookingSession', { id: 999_999, name: 'x' }), 404, 24361);
    await expectApiError(call('addOrUpdateBookingSession', sessionParams({ ...base, spaceVenueId: other })), 400, 24363, 'not a function space of venue');
    const theirs = await addVenueCostCenter(server().store(), other, { name: 'Theirs', code: 'T' });
    await expectApiError(call('addOrUpdateBookingSession', sessionParams({ ...base, costcenterId: theirs })), 400, 24363, 'costcenterId');
    await expectApiError(call('addOrUpdateBookingSession', sessionParams({ ...base, excludedTaxIds: [gst, 999_999] })), 400, 24363, 'excludedTaxIds: 999999');
    await expectApiError(call('addOrUpdateBookingSession', sessionParams({ ...base, startTime: '25:00' })), 400, 23016);
    const cancelled = await addBooking(server().store(), venue, { status: 4 });
    await expectApiError(call('addOrUpdateBookingSession', sessionParams({ ...base, bookingId: cancelled })), 400, 24363, 'cancelled');
  });

  it('gives the booking core its sessions in getBooking’s shape, and frees a cancelled booking’s holds', async () => {
    const a = await addBooking(server().store(), venue);
    const s1 = await add(a, room1, '2031-06-01', '10:00:00', '11:00:00', { excludedTaxIds: [gst] });
    const s2 = await add(a, rooms12, '2031-06-02', '10:00:00', '11:00:00');
    const parts = await sessionsOfBookings(server().store(), [a, booking, 999_999]);
    assert.deepEqual(
      parts.get(a)!.map((p) => p.id),
      [s1.id, s2.id],
    );
    assert.equal(parts.has(999_999), false);
    for (const part of parts.get(a)!) bookingSessionResult.parse(part);
    const [first, second] = parts.get(a)!;
    assert.deepEqual([first!.totalAmount, first!.totalTaxAmount, first!.taxDetails], [400, 0, []], 'GST excluded');
    assert.deepEqual(second!.taxDetails, [{ id: gst, tax: 36.36, rateId: 0, rateAmount: 10, rateAmountType: 1 }]);
    assert.equal(second!.totalAttendees, 10);

    const released = await server().store().transaction((tx) => releaseBookingHoldings(tx, a));
    assert.deepEqual(released, { spaces: 2, resources: 0 });
    assert.equal((await available(rooms12, '2031-06-02 10:00:00', '2031-06-02 11:00:00')).isAvailable, true);
  });
});
