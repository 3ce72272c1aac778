/**
 * getAvailableFunctionSpaces answers are kept per process while the account's write version
 * stands (spaces/availability/answer-cache.ts): a write must change the very next answer,
 * whether it came through this server or through another process on the same database.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { openStorage, type Storage } from '../../../src/storage/database.js';
import { createScope } from '../../../src/storage/scope.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';
import { addBooking, addContact, sessionParams } from './sessions-fixtures.js';
import { addSpace, blockout } from './spaces-fixtures.js';

type Available = { id: number; isAvailable: boolean; reason: number | null; conflict: { sessionId: number } | null };

describeEachDatabase('venue availability after writes', ({ server }) => {
  let venue = 0;
  let hall = 0;
  let annex = 0;
  let contact = 0;
  let food = 0;
  let other: Storage | undefined;
  const call = <T>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const verdicts = async (day: string) => {
    const answer = await call<{ results: Available[] }>('getAvailableFunctionSpaces', { venueId: venue, startDatetime: `${day} 10:00:00`, endDatetime: `${day} 12:00:00` });
    return Object.fromEntries(answer.results.map((r) => [r.id, r.isAvailable ? 'free' : `reason ${r.reason}${r.conflict ? ` session ${r.conflict.sessionId}` : ''}`]));
  };

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Cache Hall', timezone: 'Australia/Sydney' });
    hall = await addSpace(server().client, venue, { name: 'Hall', maxPax: 100 });
    annex = await addSpace(server().client, venue, { name: 'Annex', maxPax: 40 });
    contact = await addContact(store);
    food = await addVenueCostCenter(store, venue, { name: 'Food', code: 'F' });
    // Another process on the same database: its own connection, its own caches.
    other = await openStorage(server().database.url);
  });

  after(async () => {
    await other?.close();
  });

  it('sees a session added, moved and removed through the API in the very next answer', async () => {
    const free = { [hall]: 'free', [annex]: 'free' };
    assert.deepEqual(await verdicts('2031-08-04'), free);
    assert.deepEqual(await verdicts('2031-08-04'), free, 'asked again: the kept answer');
    const booking = await addBooking(server().store(), venue, { contactId: contact });
    const added = await call<{ id: number }>(
      'addOrUpdateBookingSession',
      sessionParams({ venueId: venue, bookingId: booking, contactId: contact, spaceId: hall, costcenterId: food, startDate: '2031-08-04', startTime: '11:00:00', endTime: '13:00:00' }),
    );
    assert.deepEqual(await verdicts('2031-08-04'), { [hall]: `reason 3 session ${added.id}`, [annex]: 'free' });
    await call('addOrUpdateBookingSession', { id: added.id, spaceId: annex });
    assert.deepEqual(await verdicts('2031-08-04'), { [hall]: 'free', [annex]: `reason 3 session ${added.id}` });
    await call('removeBookingSession', { id: added.id, venueId: venue, bookingId: booking });
    assert.deepEqual(await verdicts('2031-08-04'), free);
  });

  it('sees a blockout written by another process on the same database at once', async () => {
    assert.deepEqual(await verdicts('2031-08-05'), { [hall]: 'free', [annex]: 'free' });
    const elsewhere = createScope(other!.db, server().accountId, other!.dialect);
    // 2031-08-05 09:00–17:00 AEST.
    await blockout(elsewhere, venue, annex, '2031-08-04T23:00:00Z', '2031-08-05T07:00:00Z', 'Painting');
    assert.deepEqual(await verdicts('2031-08-05'), { [hall]: 'free', [annex]: 'reason 1' });
  });
});
