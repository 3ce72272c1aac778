import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { bookingResult } from '../../../src/domain/venue/bookings/schemas.js';
import { seedAccount } from '../../../src/seed/seed.js';
import { cacheSizes } from '../../../src/storage/cache-sizes.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBooking, bookingWorld, type BookingWorld } from './bookings-fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
interface Item {
  id: number;
  venueId: number;
  leadId: number;
  currentStatus: number;
  contactId: number | null;
  modifiedDate: string;
  lastModifiedDate: string;
}

describeEachDatabase('venue bookings: getBooking and the booking lists', ({ server }) => {
  let w: BookingWorld;
  const ids: number[] = [];
  before(async () => {
    w = await bookingWorld(server().store(), server().client, server().primaryUserId);
    for (let i = 0; i < 5; i++) ids.push(await addBooking(server().client, w, { currentStatus: [1, 9, 2, 3, 1][i] }));
  });

  it('answers every documented field of get-booking.md', async () => {
    const id = await addBooking(server().client, w, {
      currentStatus: 2,
      code: 'ABC-123',
      purchaseOrderNumber: 'PO-77',
      canBeMoved: true,
      isConfidential: true,
      otaFolioRef: 'ven1234',
      externalUrls: [{ ref: 'crm', url: 'https://example.com/deal/1', label: 'Deal' }],
    });
    const b = await server().client.call<Record<string, unknown>>('venue', 'getBooking', { id });
    bookingResult.parse(b);
    assert.deepEqual(Object.keys(b).sort(), Object.keys(bookingResult.shape).sort(), 'no field missing, none extra');
    assert.equal(b.code, 'ABC-123');
    assert.equal(b.dateEventStart, '2031-05-01 00:00:00 UTC');
    assert.equal(b.dateAccomStart, '');
    assert.equal(b.venueTimezone, 'Australia/Brisbane');
    assert.equal(b.currentStatus, 2);
    assert.equal(b.isConfidential, true);
    assert.equal(b.totalAttendees, 120);
    assert.deepEqual((b.contact as { id: number }).id, w.contactId);
    assert.deepEqual((b.bookedByUser as { id: number }).id, server().primaryUserId);
    assert.deepEqual(b.externalUrls, [{ ref: 'crm', url: 'https://example.com/deal/1', label: 'Deal' }]);
    for (const part of ['sessions', 'menus', 'beveragePackages', 'resources', 'products', 'additionalItems', 'serviceFees', 'packages', 'dailyRevenue']) {
      assert.deepEqual(b[part], [], `${part} is empty until its area lands`);
    }
    assert.equal(b.totalAmount, 0);
    await expectApiError(server().client.call('venue', 'addOrUpdateBooking', { ...{ venueId: w.venueId }, id: ids[0], code: 'abc-123' }), 400, 24297, 'code');
  });

  it('keeps a getBooking answer while nothing changes, and reads afresh after any write it shows, for its own account only', async () => {
    const id = await addBooking(server().client, w, { currentStatus: 2 });
    type Shown = { contact: { firstName: string }; additionalItems: unknown[]; totalAmount: number; name: string };
    const read = () => server().client.call<Shown>('venue', 'getBooking', { id });
    const first = await read();
    const kept = cacheSizes(server().store().executor).find((c) => c.name === 'answers:venue-booking')?.entries ?? 0;
    assert.ok(kept >= 1, 'the answer is kept');
    assert.deepEqual(await read(), first);

    await server().client.call('contact', 'addOrUpdateContact', { id: w.contactId, firstName: 'Avery' });
    assert.equal((await read()).contact.firstName, 'Avery', 'a write to the contact shows at once');
    await server().client.call('venue', 'addItemsToBooking', { venueId: w.venueId, bookingId: id, items: [{ description: 'Parking', quantity: 2, salePrice: 5 }] });
    const withItem = await read();
    assert.equal(withItem.additionalItems.length, 1, 'a new line shows at once');
    assert.equal(withItem.totalAmount, 10);
    await server().client.call('venue', 'addOrUpdateBooking', { venueId: w.venueId, id, name: 'Renamed Summit' });
    assert.equal((await read()).name, 'Renamed Summit');

    const other = await server().newAccount({ withUser: 'primary' });
    await expectApiError(createClient({ url: server().url, key: other.key, secret: other.secret }).call('venue', 'getBooking', { id }), 404, 23026);
  });

  it('answers 404 for a booking of another account, on every action', async () => {
    const other = await server().newAccount({ withUser: 'primary' });
    const client = createClient({ url: server().url, key: other.key, secret: other.secret });
    await expectApiError(client.call('venue', 'getBooking', { id: ids[0] }), 404, 23026);
    await expectApiError(client.call('venue', 'getBookingChangelogList', { venueId: w.venueId, bookingId: ids[0] }), 404, 24102);
    await expectApiError(client.call('venue', 'getBookingList', { venueId: w.venueId }), 404, 24102);
    assert.equal((await client.call<Page<Item>>('venue', 'getBookingListForAccount', {})).meta.totalResults, 0);
    await expectApiError(client.call('venue', 'getBooking', { id: 99_999_999 }), 404, 23026);
  });

  it('lists one venue or every venue, pages, and filters by the documented keys', async () => {
    const c = server().client;
    const elsewhere = await addBooking(c, { ...w, venueId: w.otherVenueId });
    const venueList = await c.call<Page<Item>>('venue', 'getBookingList', { venueId: w.venueId, perPage: 100 });
    assert.ok(venueList.results.every((b) => b.venueId === w.venueId));
    assert.ok(!venueList.results.some((b) => b.id === elsewhere));
    const all = await c.call<Page<Item>>('venue', 'getBookingListForAccount', { perPage: 100 });
    assert.ok(all.results.some((b) => b.id === elsewhere));
    assert.equal(all.meta.totalResults, venueList.meta.totalResults + 1);

    const page = await c.call<Page<Item>>('venue', 'getBookingList', { venueId: w.venueId, perPage: 2, start: 2 });
    assert.deepEqual(page.results.map((b) => b.id), venueList.results.slice(2, 4).map((b) => b.id));
    assert.deepEqual([page.meta.start, page.meta.perPage, page.meta.count], [2, 2, 2]);

    const holds = await c.call<Page<Item>>('venue', 'getBookingList', { venueId: w.venueId, filter: { currentStatus: 9 } });
    assert.ok(holds.results.length >= 1 && holds.results.every((b) => b.currentStatus === 9));
    const byContact = await c.call<Page<Item>>('venue', 'getBookingList', { venueId: w.venueId, filter: { contactId: w.contactId } });
    assert.equal(byContact.meta.totalResults, venueList.meta.totalResults);
    assert.equal((await c.call<Page<Item>>('venue', 'getBookingList', { venueId: w.venueId, filter: { companyId: 99_999_999 } })).meta.totalResults, 0);
    await expectApiError(c.call('venue', 'getBookingList', { venueId: w.venueId, filter: { nonsense: 1 } }), 400, 23016);

    // modifiedDateAfter / modifiedDateBefore on lastModifiedDate, inclusive to the second.
    const store = server().store();
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    for (const [i, id] of ids.entries()) await store.updateTable('bookings').set({ modified_at: t0 + i * 60_000, last_modified_at: t0 + i * 60_000 }).where('id', '=', id).execute();
    const after = await c.call<Page<Item>>('venue', 'getBookingListForAccount', { filter: { modifiedDateAfter: '2030-01-01 00:02:00', modifiedDateBefore: '2030-01-01 00:03:00' } });
    assert.deepEqual(after.results.map((b) => b.id), [ids[2], ids[3]]);
    assert.equal(after.results[0]!.modifiedDate, '2030-01-01 00:02:00 UTC');
    await expectApiError(c.call('venue', 'getBookingListForAccount', { filter: { modifiedDateAfter: 'yesterday' } }), 400, 23016);
  });

  it('seeds quotes and bookings in every status, each on an opportunity of its venue, with a changelog', async () => {
    const other = await server().newAccount({ withUser: 'primary' });
    const client = createClient({ url: server().url, key: other.key, secret: other.secret, retries: 2, backoffMs: 10 });
    const totals = await seedAccount(server().runtime, { accountId: other.accountId, contacts: 40, randomSeed: 5 });
    assert.ok((totals.bookings ?? 0) > 0);
    assert.ok((totals.leadStages ?? 0) > 0, 'the crm lists are made once, by whichever seeder runs first');
    const list = await client.call<Page<Item>>('venue', 'getBookingListForAccount', { perPage: 100 });
    assert.equal(list.meta.totalResults, totals.bookings);
    const venues = new Set(list.results.map((b) => b.venueId));
    for (const venueId of venues) {
      const statuses = new Set(list.results.filter((b) => b.venueId === venueId).map((b) => b.currentStatus));
      assert.deepEqual([...statuses].sort(), [1, 2, 3, 4, 9], `venue ${venueId} has every status`);
    }
    const opportunities = await client.call<Page<{ id: number; venueId: number }>>('crm', 'getOpportunityList', { perPage: 100, filter: { currentBookingId: list.results[0]!.id } });
    assert.equal(opportunities.results[0]?.venueId, list.results[0]!.venueId);
    const full = await client.call<Record<string, unknown>>('venue', 'getBooking', { id: list.results[0]!.id });
    bookingResult.parse(full);
    const log = await client.call<Page<unknown>>('venue', 'getBookingChangelogList', { venueId: list.results[0]!.venueId, bookingId: list.results[0]!.id });
    assert.ok(log.meta.totalResults >= 1);
    const changes = await server().store(other.accountId).selectFrom('changes').select('id').execute();
    assert.deepEqual(changes, [], 'seed data is not a change');
  });
});
