import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { noteResult, releaseTermResult } from '../../../src/domain/venue/booking-people/schemas.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addAccommodationBooking, addHotel, day, groupRequest } from './accommodation-fixtures.js';
import { addBooking, bookingWorld, changesSince, lastChangeId, type BookingWorld } from './bookings-fixtures.js';
import { addVenueCostCenter } from './catalog-fixtures.js';
import { sessionParams } from './sessions-fixtures.js';
import { addSpace } from './spaces-fixtures.js';

interface Note {
  id: number;
  venueId: number;
  bookingId: number;
  isPrivate: boolean;
  description: string;
  typeId: number;
  createdBy: number | null;
  createdDate: string;
  modifiedDate: string;
}
interface Term {
  bookingId: number;
  venueId: number;
  type: number;
  numDaysFromEvent: number;
  numOfRooms: number;
  percentageOfRooms: number;
}
interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

describeEachDatabase('venue booking notes and the release schedule', ({ server }) => {
  let w: BookingWorld;
  let booking = 0;
  let otherBooking = 0;
  let session = 0;
  const call = <T = { success: true; id: number }>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const note = (extra: Record<string, unknown> = {}) => call('addOrUpdateBookingNote', { venueId: w.venueId, bookingId: booking, description: '<p>Parking for 20 cars</p>', ...extra });
  const notes = async (params: Record<string, unknown> = {}) => call<Page<Note>>('getBookingNoteList', { venueId: w.venueId, bookingId: booking, ...params });
  const noteById = async (id: number) => (await notes({ filter: { id } })).results[0]!;

  before(async () => {
    w = await bookingWorld(server().store(), server().client, server().primaryUserId);
    booking = await addBooking(server().client, w, { dateEventStart: '2031-05-01', dateEventEnd: '2031-05-03' });
    otherBooking = await addBooking(server().client, w);
    const room = await addSpace(server().client, w.venueId, { name: 'Ballroom', maxPax: 300 });
    const food = await addVenueCostCenter(server().store(), w.venueId, { name: 'Food', code: 'F' });
    session = (await call('addOrUpdateBookingSession', sessionParams({ venueId: w.venueId, bookingId: booking, contactId: w.contactId, spaceId: room, costcenterId: food, startDate: '2031-05-01', startTime: '09:00:00', endTime: '12:00:00' }))).id;
  });

  it('adds a note, lists it as the page shows, and notifies BookingNoteAdded', async () => {
    const store = server().store();
    const since = await lastChangeId(store);
    const { id } = await note({ isPrivate: true });
    const listed = await noteById(id);
    noteResult.parse(listed);
    assert.deepEqual(
      { ...listed, createdDate: '', modifiedDate: '' },
      { id, venueId: w.venueId, bookingId: booking, isPrivate: true, description: '<p>Parking for 20 cars</p>', typeId: 1, createdBy: null, createdDate: '', modifiedDate: '' },
    );
    assert.match(listed.createdDate, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    const changes = await changesSince(store, since);
    assert.deepEqual(changes.map((c) => `${c.endpoint}:${c.subject}`), ['venues:BookingNoteAdded']);
    assert.deepEqual(changes[0]!.body, { data: listed });
    const log = await store.selectFrom('booking_changelog').select(['ref_type', 'ref_id', 'note_text']).where('booking_id', '=', booking).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([log.ref_type, log.ref_id, log.note_text], [1, booking, `Booking note #${id} added`]);

    // A key bound to a user records who created the note.
    const other = await server().newAccount({ withUser: 'primary' });
    const ow = await bookingWorld(server().store(other.accountId), other.client, other.userId!);
    const theirBooking = await addBooking(other.client, ow);
    const theirs = (await other.client.call<{ id: number }>('venue', 'addOrUpdateBookingNote', { venueId: ow.venueId, bookingId: theirBooking, description: 'Theirs' })).id;
    const theirList = await other.client.call<Page<Note>>('venue', 'getBookingNoteList', { venueId: ow.venueId, bookingId: theirBooking, filter: { createdBy: other.userId } });
    assert.deepEqual(theirList.results.map((n) => [n.id, n.createdBy]), [[theirs, other.userId]]);
    // …and cannot reach this account's notes.
    await expectApiError(other.client.call('venue', 'getBookingNoteList', { venueId: w.venueId, bookingId: booking }), 404, 24102);
    await expectApiError(other.client.call('venue', 'addOrUpdateBookingNote', { id, venueId: ow.venueId, bookingId: theirBooking, description: 'x' }), 404, 24442);
    assert.equal((await noteById(id)).description, '<p>Parking for 20 cars</p>');
  });

  it('asks each type for what it is about, and refuses what the booking does not hold', async () => {
    await expectApiError(note({ typeId: 25 }), 400, 24444, "bookingDays: *Value is required and can't be empty*");
    await expectApiError(note({ typeId: 25, bookingDays: [] }), 400, 24444, 'bookingDays');
    await expectApiError(note({ typeId: 25, bookingDays: [4] }), 400, 24445, '4 is not a day of the booking (1 to 3)');
    await expectApiError(note({ typeId: 25, bookingDays: [0] }), 400, 24445, 'bookingDays');
    const parking = (await note({ typeId: 25, bookingDays: [3, 1, 3] })).id;
    assert.equal((await noteById(parking)).typeId, 25);
    const row = await server().store().selectFrom('booking_notes').selectAll().where('id', '=', parking).executeTakeFirstOrThrow();
    assert.deepEqual([row.booking_days, row.session_ids], ['[1,3]', '[]']);

    await expectApiError(note({ typeId: 2 }), 400, 24444, 'sessionIds');
    const theirSession = (await server().store().selectFrom('booking_sessions').select('id').where('booking_id', '!=', booking).executeTakeFirst())?.id ?? 99_999_999;
    await expectApiError(note({ typeId: 2, sessionIds: [theirSession] }), 400, 24445, `is not a session of booking ${booking}`);
    const about = (await note({ typeId: 2, sessionIds: [session] })).id;
    assert.equal((await noteById(about)).typeId, 2);
    await expectApiError(note({ typeId: 4, menuIds: [99_999_999] }), 400, 24445, 'menuIds');
    await expectApiError(note({ typeId: 8, accommodationIds: [1] }), 400, 24445, 'accommodationIds');

    await expectApiError(note({ typeId: 9 }), 400, 24444, 'typeId');
    await expectApiError(note({ typeId: 28 }), 400, 24444, 'typeId');
    await expectApiError(note({ description: '   ' }), 400, 24444, 'description');
    await expectApiError(note({ description: undefined }), 400, 24444, 'description');
    await expectApiError(note({ applyToTemplates: [4] }), 400, 23016);
    await expectApiError(note({ bookingId: 99_999_999 }), 404, 23026);
    await expectApiError(note({ venueId: w.otherVenueId }), 404, 23026);
    await expectApiError(note({ venueId: 99_999_999 }), 404, 24102);
  });

  it('takes an accommodation note about the booking\'s own accommodation blocks', async () => {
    const store = server().store();
    const h = await addHotel(store, server().client, { king: 4, twin: 2 });
    const hotelBooking = await addAccommodationBooking(store, h.venue);
    const otherHotelBooking = await addAccommodationBooking(store, h.venue);
    const group = (b: number, room: number) => call('addOrUpdateBookingAccommodation', groupRequest(h, b, room, day(30), day(32), 1));
    const kings = (await group(hotelBooking, h.king)).id;
    const twins = (await group(hotelBooking, h.twin)).id;
    const theirs = (await group(otherHotelBooking, h.king)).id;
    const accommodationNote = (extra: Record<string, unknown>) =>
      call('addOrUpdateBookingNote', { venueId: h.venue, bookingId: hotelBooking, description: 'Late check-in for the band', typeId: 8, ...extra });

    await expectApiError(accommodationNote({}), 400, 24444, 'accommodationIds');
    await expectApiError(accommodationNote({ accommodationIds: [kings, theirs] }), 400, 24445, `${theirs} is not an accommodation block of booking ${hotelBooking}`);
    const { id } = await accommodationNote({ accommodationIds: [twins, kings, twins] });
    const row = await store.selectFrom('booking_notes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.type_id, row.accommodation_ids, row.booking_days], [8, `[${twins},${kings}]`, '[]']);
    const listed = (await call<Page<Note>>('getBookingNoteList', { venueId: h.venue, bookingId: hotelBooking, filter: { typeId: 8 } })).results;
    assert.deepEqual(listed.map((n) => [n.id, n.typeId, n.description]), [[id, 8, 'Late check-in for the band']]);
    // No action puts products on a booking, so a products note has nothing to be about.
    await expectApiError(accommodationNote({ typeId: 7, productIds: [kings] }), 400, 24445, 'productIds');
  });

  it('updates a note, notifies BookingNoteUpdated with the previous data, and changes nothing when nothing changes', async () => {
    const store = server().store();
    const { id } = await note({ typeId: 23, bookingDays: [1], applyToTemplates: [1] });
    const before = await noteById(id);
    await store.updateTable('booking_notes').set({ modified_at: Date.parse('2030-01-01T00:00:00Z') }).where('id', '=', id).execute();
    const previous = await noteById(id);

    let since = await lastChangeId(store);
    assert.deepEqual(await call('addOrUpdateBookingNote', { id, venueId: w.venueId, bookingId: booking, description: before.description, typeId: 23 }), { success: true, id });
    assert.deepEqual(await changesSince(store, since), [], 'the same values are no change');
    assert.equal((await noteById(id)).modifiedDate, '2030-01-01 00:00:00 UTC');

    since = await lastChangeId(store);
    await call('addOrUpdateBookingNote', { id, venueId: w.venueId, bookingId: booking, description: 'All departments: fire drill at 10', isPrivate: 1 });
    const after = await noteById(id);
    assert.deepEqual([after.description, after.isPrivate, after.typeId, after.createdDate], ['All departments: fire drill at 10', true, 23, before.createdDate]);
    assert.notEqual(after.modifiedDate, '2030-01-01 00:00:00 UTC');
    const changes = await changesSince(store, since);
    assert.deepEqual(changes.map((c) => c.subject), ['BookingNoteUpdated']);
    assert.deepEqual(changes[0]!.body, { data: after, previousData: previous });

    // A new type needs its own list; the old one is dropped.
    await expectApiError(call('addOrUpdateBookingNote', { id, venueId: w.venueId, bookingId: booking, typeId: 2 }), 400, 24444, 'sessionIds');
    await call('addOrUpdateBookingNote', { id, venueId: w.venueId, bookingId: booking, typeId: 2, sessionIds: [session] });
    const row = await store.selectFrom('booking_notes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.type_id, row.session_ids, row.booking_days, row.apply_to_templates], [2, `[${session}]`, '[]', '[1]']);

    const theirs = (await call('addOrUpdateBookingNote', { venueId: w.venueId, bookingId: otherBooking, description: 'Other' })).id;
    await expectApiError(call('addOrUpdateBookingNote', { id: theirs, venueId: w.venueId, bookingId: booking, description: 'x' }), 404, 24442);
    await expectApiError(call('addOrUpdateBookingNote', { id: 99_999_999, venueId: w.venueId, bookingId: booking, description: 'x' }), 404, 24442);
  });

  it('filters notes by the documented keys and lists a whole venue without bookingId', async () => {
    const b = await addBooking(server().client, w);
    await call('addOrUpdateBookingNote', { venueId: w.venueId, bookingId: b, description: 'Wifi codes', typeId: 27, bookingDays: [1] });
    await call('addOrUpdateBookingNote', { venueId: w.venueId, bookingId: b, description: 'VIP arrival', typeId: 12, bookingDays: [2], isPrivate: true });
    const list = (filter: Record<string, unknown>) => call<Page<Note>>('getBookingNoteList', { venueId: w.venueId, bookingId: b, filter });
    assert.deepEqual((await list({})).results.map((n) => n.description), ['Wifi codes', 'VIP arrival']);
    assert.deepEqual((await list({ typeId: 12 })).results.map((n) => n.description), ['VIP arrival']);
    assert.deepEqual((await list({ isPrivate: false })).results.map((n) => n.description), ['Wifi codes']);
    assert.deepEqual((await list({ description: 'Wifi codes' })).results.length, 1);
    assert.equal((await list({ createdDate: '2000-01-01 00:00:00' })).meta.totalResults, 0);
    await expectApiError(list({ nonsense: 1 }), 400, 23016);
    const venueWide = await call<Page<Note>>('getBookingNoteList', { venueId: w.venueId, perPage: 100 });
    assert.ok(venueWide.results.some((n) => n.bookingId === b) && venueWide.results.some((n) => n.bookingId === booking));
    await expectApiError(call('getBookingNoteList', { venueId: w.otherVenueId, bookingId: b }), 404, 23026);
  });

  it('answers the release schedule from the cut-off dates of bookings that include accommodation', async () => {
    const store = server().store();
    const venueId = w.otherVenueId;
    await store.updateTable('venues').set({ has_accommodation: 1 }).where('id', '=', venueId).execute();
    const withAccom = (extra: Record<string, unknown>) =>
      addBooking(server().client, { ...w, venueId }, { isAccommIncluded: true, dateAccomStart: '2031-05-01', dateAccomEnd: '2031-05-04', ...extra });
    const early = await withAccom({ accommCutOffDate: '2031-04-01' });
    const sameDay = await withAccom({ accommCutOffDate: '2031-05-01' });
    await withAccom({});
    await withAccom({ accommCutOffDate: '2031-05-03' });
    const cancelled = await withAccom({ accommCutOffDate: '2031-04-20' });
    await store.updateTable('bookings').set({ current_status: 4 }).where('id', '=', cancelled).execute();
    await addBooking(server().client, { ...w, venueId });

    const schedule = (params: Record<string, unknown> = {}) => call<Page<Term>>('getBookingReleaseSchedule', { venueId, perPage: 10, ...params });
    const all = await schedule();
    for (const t of all.results) releaseTermResult.parse(t);
    assert.deepEqual(all.results, [
      { bookingId: early, venueId, type: 1, numDaysFromEvent: 30, numOfRooms: 0, percentageOfRooms: 100 },
      { bookingId: sameDay, venueId, type: 1, numDaysFromEvent: 0, numOfRooms: 0, percentageOfRooms: 100 },
    ]);
    assert.deepEqual((await schedule({ bookingId: sameDay })).results.map((t) => t.bookingId), [sameDay]);
    assert.deepEqual((await schedule({ bookingId: cancelled })).results, []);
    const page = await schedule({ perPage: 1, start: 1 });
    assert.deepEqual([page.meta.totalResults, page.meta.count, page.results[0]!.bookingId], [2, 1, sameDay]);
    assert.equal((await call<Page<Term>>('getBookingReleaseSchedule', { venueId: w.venueId, bookingId: booking })).meta.totalResults, 0);
    await expectApiError(schedule({ bookingId: booking }), 404, 23026);
    await expectApiError(schedule({ venueId: 99_999_999 }), 404, 24102);
    const intruder = (await server().newAccount({ withUser: 'none' })).client;
    await expectApiError(intruder.call('venue', 'getBookingReleaseSchedule', { venueId, perPage: 10 }), 404, 24102);
  });
});
