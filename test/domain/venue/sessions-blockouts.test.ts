import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';
import { addBooking, addContact, sessionParams } from './sessions-fixtures.js';
import { addSpace, changesSince, lastChangeId } from './spaces-fixtures.js';

type Available = { id: number; isAvailable: boolean; reason: number | null };
type Blockout = { id: number; spaceId: number; name: string; startDate: string; startTime: string; endDate: string; endTime: string; bookedById: number | null };

describeEachDatabase('venue space blockouts', ({ server }) => {
  let venue = 0;
  let other = 0;
  let hallA = 0;
  let hallB = 0;
  let hallAB = 0;
  let contact = 0;
  let food = 0;
  const client = () => server().client;
  const call = <T = { success: true; id: number }>(action: string, params: Record<string, unknown>) => client().call<T>('venue', action, params);
  const verdicts = async (startDatetime: string, endDatetime: string) =>
    Object.fromEntries(
      (await call<{ results: Available[] }>('getAvailableFunctionSpaces', { venueId: venue, startDatetime, endDatetime })).results.map((r) => [r.id, r.isAvailable ? 'free' : `reason ${r.reason}`]),
    );
  const listed = async (id: number) => (await call<{ results: Blockout[] }>('getSpaceBlockoutList', { venueId: venue, filter: { id } })).results[0];

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Blockout Centre', timezone: 'Australia/Sydney' });
    other = await addVenue(store, { name: 'Elsewhere', timezone: 'Australia/Sydney' });
    hallA = await addSpace(client(), venue, { name: 'Hall A' });
    hallB = await addSpace(client(), venue, { name: 'Hall B' });
    hallAB = await addSpace(client(), venue, { name: 'Hall A+B', partSpaceIds: [hallA, hallB] });
    contact = await addContact(store);
    food = await addVenueCostCenter(store, venue, { name: 'Food', code: 'F' });
  });

  it('adds a blockout as the page’s example does, shown on the venue clock and taking the space and its combinations at once', async () => {
    const since = await lastChangeId(server().store());
    const { id } = await call('addOrUpdateSpaceBlockout', {
      venueId: String(venue),
      name: 'Space Blockout API',
      spaceId: hallA,
      startDateTime: '2031-03-05 03:00:00 UTC',
      endDateTime: '2031-03-05 06:00:00 UTC',
    });
    assert.deepEqual(await listed(id), {
      id,
      venueId: venue,
      spaceId: hallA,
      name: 'Space Blockout API',
      startDate: '2031-03-05',
      startTime: '14:00:00',
      endDate: '2031-03-05',
      endTime: '17:00:00',
      bookedById: null,
    });
    assert.deepEqual(await verdicts('2031-03-05 15:00:00', '2031-03-05 16:00:00'), { [hallA]: 'reason 1', [hallB]: 'free', [hallAB]: 'reason 1' });
    const changes = await changesSince(server().store(), since);
    assert.deepEqual(
      changes.map((c) => [c.subject, (c.body.data as Blockout).id]),
      [['SpaceBlockoutAdded', id]],
    );
  });

  it('moves a blockout (recording before and after), frees the old time, and removes it', async () => {
    const { id } = await call('addOrUpdateSpaceBlockout', { venueId: venue, name: 'Carpet', spaceId: hallAB, startDateTime: '2031-03-06 09:00:00', endDateTime: '2031-03-06 12:00:00' });
    assert.deepEqual(await verdicts('2031-03-06 10:00:00', '2031-03-06 11:00:00'), { [hallA]: 'reason 1', [hallB]: 'reason 1', [hallAB]: 'reason 1' });
    const since = await lastChangeId(server().store());
    await call('addOrUpdateSpaceBlockout', { id, venueId: venue, spaceId: hallB, endDateTime: '2031-03-06 10:30:00' });
    assert.deepEqual(await verdicts('2031-03-06 10:30:00', '2031-03-06 11:00:00'), { [hallA]: 'free', [hallB]: 'free', [hallAB]: 'free' });
    assert.equal((await verdicts('2031-03-06 10:00:00', '2031-03-06 10:30:00'))[hallA], 'free');
    const [updated] = await changesSince(server().store(), since);
    assert.equal(updated!.subject, 'SpaceBlockoutUpdated');
    assert.deepEqual([(updated!.body.previousData as Blockout).spaceId, (updated!.body.data as Blockout).spaceId, (updated!.body.data as Blockout).endTime], [hallAB, hallB, '10:30:00']);
    assert.deepEqual(await call('removeSpaceBlockout', { venueId: venue, id }), { success: true, errorType: null });
    assert.equal((await verdicts('2031-03-06 09:00:00', '2031-03-06 10:30:00'))[hallB], 'free');
    const [deleted] = await changesSince(server().store(), since + 1);
    assert.deepEqual([deleted!.subject, deleted!.body], ['SpaceBlockoutDeleted', { venueId: venue, spaceBlockoutId: id }]);
    await expectApiError(call('removeSpaceBlockout', { venueId: venue, id }), 404, 24274);
  });

  it('keeps blockouts and sessions apart, both ways', async () => {
    const booking = await addBooking(server().store(), venue);
    const session = await call(
      'addOrUpdateBookingSession',
      sessionParams({ venueId: venue, bookingId: booking, contactId: contact, spaceId: hallB, costcenterId: food, startDate: '2031-03-07', startTime: '10:00:00', endTime: '12:00:00' }),
    );
    await expectApiError(
      call('addOrUpdateSpaceBlockout', { venueId: venue, name: 'Paint', spaceId: hallAB, startDateTime: '2031-03-07 11:00:00', endDateTime: '2031-03-07 13:00:00' }),
      400,
      24272,
      `session ${session.id} of booking ${booking}`,
    );
    await call('addOrUpdateSpaceBlockout', { venueId: venue, name: 'Paint', spaceId: hallA, startDateTime: '2031-03-07 11:00:00', endDateTime: '2031-03-07 13:00:00' });
    await expectApiError(
      call(
        'addOrUpdateBookingSession',
        sessionParams({ venueId: venue, bookingId: booking, contactId: contact, spaceId: hallAB, costcenterId: food, startDate: '2031-03-07', startTime: '13:00:00', endTime: '14:00:00', setupTime: 30 }),
      ),
      400,
      24363,
      'blocked out',
    );
  });

  it('answers the page’s codes', async () => {
    await expectApiError(call('addOrUpdateSpaceBlockout', {}), 400, 24270);
    await expectApiError(call('addOrUpdateSpaceBlockout', { id: 999_999, name: 'x' }), 404, 24271);
    const { id } = await call('addOrUpdateSpaceBlockout', { venueId: venue, name: 'Empty', spaceId: hallA, startDateTime: '2031-04-01 10:00:00', endDateTime: '2031-04-01 11:00:00' });
    await expectApiError(call('addOrUpdateSpaceBlockout', { id, venueId: venue }), 400, 24270);
    await expectApiError(call('addOrUpdateSpaceBlockout', { id, venueId: other, name: 'x' }), 404, 24271);
    await expectApiError(call('addOrUpdateSpaceBlockout', { venueId: venue, spaceId: hallA, startDateTime: '2031-04-01 10:00:00', endDateTime: '2031-04-01 11:00:00' }), 400, 24272, 'name');
    await expectApiError(call('addOrUpdateSpaceBlockout', { id, endDateTime: '2031-04-01 09:00:00' }), 400, 24272, 'endDateTime');
    await expectApiError(call('addOrUpdateSpaceBlockout', { id, spaceId: 999_999 }), 400, 24272, 'spaceId');
    await expectApiError(call('addOrUpdateSpaceBlockout', { id, startDateTime: 'tomorrow' }), 400, 23016);
    await expectApiError(call('removeSpaceBlockout', { venueId: other, id }), 404, 24274);
  });
});
