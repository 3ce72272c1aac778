import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { attendeeResult } from '../../../src/domain/venue/booking-people/schemas.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addMenu, addMenuGroup, addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';
import { addBooking, addContact, sessionParams } from './sessions-fixtures.js';
import { addSpace, changesSince, lastChangeId } from './spaces-fixtures.js';

interface Attendee {
  id: string;
  venueId: string;
  bookingId: string;
  hash: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  dietaryRequirement: string | null;
  isFromCateringWebsite: boolean;
  menuItems: Array<{ sessionId: string; menuId: string; inventoryId: string }>;
}
interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

describeEachDatabase('venue booking attendees', ({ server }) => {
  let venue = 0;
  let other = 0;
  let booking = 0;
  let otherBooking = 0;
  let session = 0;
  let otherSession = 0;
  let lunch = { id: 0, itemIds: [] as number[] };
  let fish = 0;
  let beef = 0;
  const call = <T = { success: true; id: number }>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const person = (extra: Record<string, unknown> = {}) => ({ venueId: venue, bookingId: booking, firstName: 'Ava', lastName: 'Nguyen', phone: '0400 000 000', email: 'ava@example.com', ...extra });
  const byHash = (hash: string, extra: Record<string, unknown> = {}) => call<Attendee>('getBookingAttendeeByHash', { venueId: venue, bookingId: booking, hash, ...extra });
  const attendee = async (id: number) => (await call<Page<Attendee>>('getBookingAttendeeList', { venueId: venue, filter: { id } })).results[0]!;

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Attendee Centre' });
    other = await addVenue(store, { name: 'Attendee Elsewhere' });
    const room = await addSpace(server().client, venue, { name: 'Hall', maxPax: 200 });
    const food = await addVenueCostCenter(store, venue, { name: 'Food', code: 'F' });
    const contact = await addContact(store);
    booking = await addBooking(store, venue);
    otherBooking = await addBooking(store, venue);
    const addSession = async (bookingId: number, date: string) =>
      (await call('addOrUpdateBookingSession', sessionParams({ venueId: venue, bookingId, contactId: contact, spaceId: room, costcenterId: food, startDate: date, startTime: '09:00:00', endTime: '17:00:00' }))).id;
    session = await addSession(booking, '2031-08-01');
    otherSession = await addSession(otherBooking, '2031-08-02');
    lunch = await addMenu(store, venue, { name: 'Lunch', cost: 4000 }, [{ name: 'Bread', price: 300 }]);
    const mains = await addMenuGroup(store, lunch.id, { hash: 'mains0123456789', name: 'Mains', min: 1, max: 1 });
    fish = (await store.insertInto('venue_menu_items', { menu_id: lunch.id, group_id: mains, name: 'Fish', description: null, price: 2500, sort_order: 1 }).returning('id').executeTakeFirstOrThrow()).id;
    beef = (await store.insertInto('venue_menu_items', { menu_id: lunch.id, group_id: mains, name: 'Beef', description: null, price: 2500, sort_order: 2 }).returning('id').executeTakeFirstOrThrow()).id;
    for (const [bookingId, sessionId] of [
      [booking, session],
      [otherBooking, otherSession],
    ]) {
      await call('addOrUpdateBookingSessionMenu', { venueId: venue, bookingId, sessionId, menuId: lunch.id, name: 'Lunch', minAttendeesGuaranteed: 10, costcenterId: food, cost: 40, items: [{ itemId: fish }] });
    }
  });

  it('adds an attendee with the menu items chosen, and reads it back by list and by hash as the pages show', async () => {
    const store = server().store();
    const since = await lastChangeId(store);
    const bread = lunch.itemIds[0]!;
    const { id } = await call('addOrUpdateBookingAttendee', {
      ...person({ dietaryRequirement: 'No nuts' }),
      menuItems: [
        { sessionId: String(session), menuId: lunch.id, inventoryId: bread },
        { sessionId: session, menuId: lunch.id, inventoryId: fish },
      ],
    });
    const listed = await attendee(id);
    attendeeResult.parse(listed);
    assert.deepEqual(
      { ...listed, hash: '' },
      {
        id: String(id),
        venueId: String(venue),
        bookingId: String(booking),
        hash: '',
        firstName: 'Ava',
        lastName: 'Nguyen',
        phone: '0400 000 000',
        email: 'ava@example.com',
        dietaryRequirement: 'No nuts',
        isFromCateringWebsite: false,
        menuItems: [
          { sessionId: String(session), menuId: String(lunch.id), inventoryId: String(bread) },
          { sessionId: String(session), menuId: String(lunch.id), inventoryId: String(fish) },
        ],
      },
    );
    assert.match(listed.hash, /^[0-9a-f]{32}$/);
    assert.deepEqual(await byHash(listed.hash), listed);
    assert.deepEqual(await call('getBookingAttendeeByHash', { hash: listed.hash }), listed, 'venueId and bookingId may be left out');

    // Recorded in the booking's changelog, with who; the booking's lastModifiedDate moves; no documented notification.
    const log = await store.selectFrom('booking_changelog').select(['ref_type', 'ref_id', 'recorded_by_user_id', 'note_text']).where('booking_id', '=', booking).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([log.ref_type, log.ref_id, log.recorded_by_user_id], [1, booking, null], "the suite's key has no user");
    assert.match(log.note_text, /Attendee 'Ava Nguyen' \(#\d+\) added/);
    assert.deepEqual(await changesSince(store, since), []);
  });

  it('answers the documented codes for missing, blank or foreign data', async () => {
    await expectApiError(call('addOrUpdateBookingAttendee', person({ firstName: undefined })), 400, 24413, "firstName: *Value is required and can't be empty*");
    await expectApiError(call('addOrUpdateBookingAttendee', person({ phone: '  ' })), 400, 24413, 'phone');
    await expectApiError(call('addOrUpdateBookingAttendee', person({ email: 'not-an-email' })), 400, 24413, 'email');
    await expectApiError(call('addOrUpdateBookingAttendee', person({ bookingId: 99_999_999 })), 404, 24410);
    await expectApiError(call('addOrUpdateBookingAttendee', person({ venueId: other })), 404, 24410);
    await expectApiError(call('addOrUpdateBookingAttendee', person({ venueId: 99_999_999 })), 404, 24102);
    const items = (m: Record<string, number>) => person({ menuItems: [{ sessionId: session, menuId: lunch.id, inventoryId: fish, ...m }] });
    await expectApiError(call('addOrUpdateBookingAttendee', items({ sessionId: otherSession })), 400, 24414, `${otherSession} is not a session of booking ${booking}`);
    await expectApiError(call('addOrUpdateBookingAttendee', items({ inventoryId: beef })), 400, 24414, 'inventoryId');
    const dessert = await addMenu(server().store(), venue, { name: 'Dessert' }, [{ name: 'Tart', price: 900 }]);
    await expectApiError(call('addOrUpdateBookingAttendee', items({ menuId: dessert.id, inventoryId: dessert.itemIds[0]! })), 400, 24414, 'menuId');
    await expectApiError(call('addOrUpdateBookingAttendee', person({ menuItems: [{ sessionId: 'x', menuId: 1, inventoryId: 1 }] })), 400, 23016);
    // Nothing was written by the refused calls.
    const count = (await call<Page<Attendee>>('getBookingAttendeeList', { venueId: venue, bookingId: booking, filter: { email: 'ava@example.com' } })).meta.totalResults;
    assert.equal(count, 1);

    const theirs = (await call('addOrUpdateBookingAttendee', person({ bookingId: otherBooking, email: 'theirs@example.com' }))).id;
    await expectApiError(call('addOrUpdateBookingAttendee', person({ id: theirs })), 404, 24411);
    await expectApiError(call('addOrUpdateBookingAttendee', person({ hash: (await attendee(theirs)).hash })), 404, 24411);
    await expectApiError(call('addOrUpdateBookingAttendee', person({ id: 99_999_999 })), 404, 24411);
    await expectApiError(byHash((await attendee(theirs)).hash), 404, 24411);
    await expectApiError(byHash('a58cac7da5865295bec0a0136c618874'), 404, 24411);
    await expectApiError(byHash((await attendee(theirs)).hash, { bookingId: undefined, venueId: other }), 404, 24411);
    await expectApiError(byHash('x', { bookingId: 99_999_999 }), 404, 24410);
    await expectApiError(call('getBookingAttendeeByHash', { venueId: venue }), 400, 23017);
  });

  it('updates by id or by hash, keeps what is left out, and replaces menu items only when sent', async () => {
    const store = server().store();
    const { id } = await call('addOrUpdateBookingAttendee', person({ firstName: 'Ben', email: 'ben@example.com', menuItems: [{ sessionId: session, menuId: lunch.id, inventoryId: fish }] }));
    const { hash } = await attendee(id);
    const logged = async () => Number((await store.selectFrom('booking_changelog').select((eb) => eb.fn.countAll().as('n')).where('booking_id', '=', booking).executeTakeFirstOrThrow()).n);

    assert.deepEqual(await call('addOrUpdateBookingAttendee', { venueId: venue, bookingId: booking, hash, phone: '0411 111 111' }), { success: true, id });
    let now = await attendee(id);
    assert.deepEqual([now.firstName, now.phone, now.email, now.hash, now.menuItems.length], ['Ben', '0411 111 111', 'ben@example.com', hash, 1]);

    // id wins over hash: the hash of another attendee is ignored.
    const second = (await call('addOrUpdateBookingAttendee', person({ firstName: 'Cleo', email: 'cleo@example.com' }))).id;
    await call('addOrUpdateBookingAttendee', { venueId: venue, bookingId: booking, id, hash: (await attendee(second)).hash, lastName: 'Okafor' });
    assert.equal((await attendee(id)).lastName, 'Okafor');
    assert.equal((await attendee(second)).lastName, 'Nguyen');

    await expectApiError(call('addOrUpdateBookingAttendee', { venueId: venue, bookingId: booking, id, email: '' }), 400, 24413, 'email');

    // The same values again change nothing and log nothing.
    const before = await logged();
    await call('addOrUpdateBookingAttendee', { venueId: venue, bookingId: booking, id, firstName: 'Ben', menuItems: [{ sessionId: session, menuId: lunch.id, inventoryId: fish }] });
    assert.equal(await logged(), before);

    await call('addOrUpdateBookingAttendee', { venueId: venue, bookingId: booking, id, dietaryRequirement: null, menuItems: [] });
    now = await attendee(id);
    assert.deepEqual([now.dietaryRequirement, now.menuItems], [null, []]);
    assert.equal(await logged(), before + 1);
  });

  it('gives every attendee its own unguessable hash', async () => {
    const hashes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { id } = await call('addOrUpdateBookingAttendee', person({ firstName: `Guest${i}`, email: `guest${i}@example.com` }));
      hashes.push((await attendee(id)).hash);
    }
    assert.equal(new Set(hashes).size, hashes.length);
    for (const h of hashes) assert.match(h, /^[0-9a-f]{32}$/);
    // Consecutive attendees share no long prefix, as counters or clocks would.
    const shared = (a: string, b: string) => [...a].findIndex((c, i) => c !== b[i]);
    assert.ok(hashes.slice(1).every((h, i) => shared(h, hashes[i]!) < 8));
    const stored = await server().store().selectFrom('booking_attendees').select('hash').where('hash', 'in', hashes).execute();
    assert.equal(stored.length, hashes.length);
  });

  it('lists by booking or venue, ordered by name on request, paged and filtered', async () => {
    const b = await addBooking(server().store(), venue);
    for (const [first, last] of [
      ['Zoe', 'Adams'],
      ['Amir', 'Zane'],
      ['Mia', 'Brown'],
    ]) {
      await call('addOrUpdateBookingAttendee', person({ bookingId: b, firstName: first, lastName: last, email: `${first}@example.com` }));
    }
    const list = (params: Record<string, unknown>) => call<Page<Attendee>>('getBookingAttendeeList', { venueId: venue, bookingId: b, ...params });
    assert.deepEqual((await list({})).results.map((a) => a.firstName), ['Zoe', 'Amir', 'Mia']);
    assert.deepEqual((await list({ orderBy: 'name' })).results.map((a) => a.firstName), ['Amir', 'Mia', 'Zoe']);
    const page = await list({ orderBy: 'name', perPage: 1, start: 1 });
    assert.deepEqual([page.results.map((a) => a.firstName), page.meta.totalResults, page.meta.count], [['Mia'], 3, 1]);
    assert.deepEqual((await list({ filter: { lastName: 'Zane' } })).results.map((a) => a.firstName), ['Amir']);
    assert.ok((await call<Page<Attendee>>('getBookingAttendeeList', { venueId: venue })).meta.totalResults > 3);
    assert.equal((await call<Page<Attendee>>('getBookingAttendeeList', { venueId: other })).meta.totalResults, 0);
    await expectApiError(list({ venueId: other }), 404, 24410);
    await expectApiError(list({ orderBy: 'email' }), 400, 23016);
    await expectApiError(list({ filter: { nonsense: 1 } }), 400, 23016);
  });

  it("drops an attendee's choices of a session when the session goes", async () => {
    const store = server().store();
    const contact = await addContact(store, 'Remy');
    const room = await addSpace(server().client, venue, { name: 'Annex', maxPax: 50 });
    const food = await addVenueCostCenter(store, venue, { name: 'Snacks', code: 'S' });
    const brief = (await call('addOrUpdateBookingSession', sessionParams({ venueId: venue, bookingId: booking, contactId: contact, spaceId: room, costcenterId: food, startDate: '2031-08-03', startTime: '09:00:00', endTime: '10:00:00' }))).id;
    await call('addOrUpdateBookingSessionMenu', { venueId: venue, bookingId: booking, sessionId: brief, menuId: lunch.id, name: 'Lunch', minAttendeesGuaranteed: 5, costcenterId: food, cost: 40 });
    const bread = lunch.itemIds[0]!;
    const { id } = await call('addOrUpdateBookingAttendee', person({ email: 'dana@example.com', menuItems: [{ sessionId: session, menuId: lunch.id, inventoryId: fish }, { sessionId: brief, menuId: lunch.id, inventoryId: bread }] }));
    assert.equal((await attendee(id)).menuItems.length, 2);
    await call('removeBookingSession', { id: brief, venueId: venue, bookingId: booking });
    assert.deepEqual((await attendee(id)).menuItems, [{ sessionId: String(session), menuId: String(lunch.id), inventoryId: String(fish) }]);
  });

  it("finds only the caller's account's attendees", async () => {
    const { id } = await call('addOrUpdateBookingAttendee', person({ email: 'private@example.com' }));
    const { hash } = await attendee(id);
    const intruder = (await server().newAccount({ withUser: 'primary' })).client;
    const theirCall = (action: string, params: Record<string, unknown>) => intruder.call('venue', action, params);
    await expectApiError(theirCall('getBookingAttendeeByHash', { hash }), 404, 24411);
    await expectApiError(theirCall('getBookingAttendeeByHash', { venueId: venue, bookingId: booking, hash }), 404, 24102);
    await expectApiError(theirCall('getBookingAttendeeList', { venueId: venue }), 404, 24102);
    await expectApiError(theirCall('getBookingAttendeeList', { bookingId: booking }), 404, 24410);
    assert.equal(((await theirCall('getBookingAttendeeList', {})) as Page<Attendee>).meta.totalResults, 0);
    await expectApiError(theirCall('addOrUpdateBookingAttendee', person({ id })), 404, 24102);
    assert.equal((await attendee(id)).email, 'private@example.com');
  });
});
