import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { addLayout, addSpace, blockout, session } from './spaces-fixtures.js';

type Slot = { date: string; startTime: string; endTime: string };
type SpaceSlots = { spaceId: number; timeSlots: Slot[] };
type Available = { id: number; name: string; isAvailable: boolean; reason: number | null; conflict: Record<string, unknown> | null };
interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

const allDay = (date: string): Slot => ({ date, startTime: '00:00:00', endTime: '23:59:59' });

// Sydney keeps daylight saving: AEST is UTC+10, AEDT UTC+11. Clocks go forward at 02:00 on
// 2025-10-05 (a 23-hour day) and back at 03:00 on 2025-04-06 (a 25-hour day).
describeEachDatabase('venue function space availability', ({ server }) => {
  let venue = 0;
  let hall1 = 0;
  let hall2 = 0;
  let hall3 = 0;
  let greatHall = 0;
  let suite = 0;
  const client = () => server().client;
  const slots = (params: Record<string, unknown>) =>
    client().call<{ availability: SpaceSlots[] }>('venue', 'getFunctionSpaceAvailability', { venueId: venue, ...params });
  const slotsOf = async (spaceId: number, startDate: string, endDate = startDate) =>
    (await slots({ startDate, endDate, spaceIds: [spaceId] })).availability[0]!.timeSlots;
  const available = (params: Record<string, unknown>) =>
    client().call<Page<Available>>('venue', 'getAvailableFunctionSpaces', { venueId: venue, ...params });
  const verdicts = async (startDatetime: string, endDatetime: string, extra: Record<string, unknown> = {}) =>
    Object.fromEntries((await available({ startDatetime, endDatetime, ...extra })).results.map((r) => [r.id, r.isAvailable ? 'free' : `reason ${r.reason}`]));

  before(async () => {
    const c = client();
    venue = await addVenue(server().store(), { name: 'Harbour Halls', timezone: 'Australia/Sydney' });
    hall1 = await addSpace(c, venue, { name: 'Hall 1', maxPax: 300, eventTypes: [4] });
    hall2 = await addSpace(c, venue, { name: 'Hall 2', maxPax: 300, eventTypes: [4, 7] });
    hall3 = await addSpace(c, venue, { name: 'Hall 3', maxPax: 300 });
    greatHall = await addSpace(c, venue, { name: 'Great Hall', maxPax: 900, partSpaceIds: [hall1, hall2, hall3], eventTypes: [7] });
    suite = await addSpace(c, venue, { name: 'Suite', maxPax: 0 });
    await addLayout(server().store(), hall1, 1, 250);
    await addLayout(server().store(), greatHall, 1, 800);
    await addLayout(server().store(), greatHall, 6, 500);
    const elsewhere = await addVenue(server().store(), { name: 'Other Venue', timezone: 'Australia/Sydney' });
    const theirs = await addSpace(c, elsewhere, { name: 'Hall 1' });
    await blockout(server().store(), elsewhere, theirs, '2031-06-01T00:00:00Z', '2031-06-03T00:00:00Z', 'Not this venue');
  });

  it('answers free slots per space and day in the documented shape', async () => {
    const answer = await slots({ startDate: '2031-03-02', endDate: '2031-03-03', spaceIds: [suite, hall1] });
    assert.deepEqual(answer, {
      availability: [
        { spaceId: hall1, timeSlots: [allDay('2031-03-02'), allDay('2031-03-03')] },
        { spaceId: suite, timeSlots: [allDay('2031-03-02'), allDay('2031-03-03')] },
      ],
    });
    const every = await slots({ startDate: '2031-03-02', endDate: '2031-03-02' });
    assert.deepEqual(every.availability.map((a) => a.spaceId), [hall1, hall2, hall3, greatHall, suite]);
    assert.deepEqual((await slots({ startDate: '2031-03-02', endDate: '2031-03-02', spaceIds: [999_999] })).availability, []);
  });

  it('takes a blockout of a part out of the part and of every combination containing it, on the venue’s clock', async () => {
    // 2031-06-02 09:00–17:00 AEST.
    await blockout(server().store(), venue, hall2, '2031-06-01T23:00:00Z', '2031-06-02T07:00:00Z', 'Carpet replacement');
    const blocked = [allDay('2031-06-01'), { date: '2031-06-02', startTime: '00:00:00', endTime: '09:00:00' }, { date: '2031-06-02', startTime: '17:00:00', endTime: '23:59:59' }, allDay('2031-06-03')];
    assert.deepEqual(await slotsOf(hall2, '2031-06-01', '2031-06-03'), blocked);
    assert.deepEqual(await slotsOf(greatHall, '2031-06-01', '2031-06-03'), blocked, 'the combination is blocked by its part');
    assert.deepEqual(await slotsOf(hall1, '2031-06-01', '2031-06-03'), [allDay('2031-06-01'), allDay('2031-06-02'), allDay('2031-06-03')]);
    assert.deepEqual(await verdicts('2031-06-02 08:00:00', '2031-06-02 09:00:00'), { [hall1]: 'free', [hall2]: 'free', [hall3]: 'free', [greatHall]: 'free', [suite]: 'free' });
    assert.deepEqual(await verdicts('2031-06-02 16:00:00', '2031-06-02 18:00:00'), {
      [hall1]: 'free',
      [hall2]: 'reason 1',
      [hall3]: 'free',
      [greatHall]: 'reason 1',
      [suite]: 'free',
    });
  });

  it('takes a booked combination out of each of its parts, with the conflicting session', async () => {
    // 2031-07-10 18:00–23:00 AEST, a booking of the whole Great Hall.
    const sessionId = await session(server().store(), venue, greatHall, '2031-07-10T08:00:00Z', '2031-07-10T13:00:00Z', { bookingId: 4242, pax: 650 });
    for (const part of [hall1, hall2, hall3]) {
      assert.deepEqual(await slotsOf(part, '2031-07-10'), [{ date: '2031-07-10', startTime: '00:00:00', endTime: '18:00:00' }, { date: '2031-07-10', startTime: '23:00:00', endTime: '23:59:59' }]);
    }
    const answer = await available({ startDatetime: '2031-07-10 19:00:00', endDatetime: '2031-07-10 20:00:00', spaceIds: [hall3, suite] });
    assert.deepEqual(answer, {
      meta: { totalResults: 2, start: 0, perPage: 100, count: 2 },
      results: [
        {
          id: hall3,
          name: 'Hall 3',
          isAvailable: false,
          reason: 3,
          conflict: { venueId: venue, bookingId: 4242, sessionId, spaceId: greatHall, startDate: '2031-07-10 18:00:00', endDate: '2031-07-10 23:00:00', pax: 650 },
        },
        { id: suite, name: 'Suite', isAvailable: true, reason: null, conflict: null },
      ],
    });
  });

  it('takes a booked part out of the combination, and leaves the other parts free', async () => {
    // 2031-08-05 10:00–12:00 AEST in Hall 1.
    const sessionId = await session(server().store(), venue, hall1, '2031-08-05T00:00:00Z', '2031-08-05T02:00:00Z', { bookingId: 77, pax: 120 });
    const answer = await available({ startDatetime: '2031-08-05 11:00:00', endDatetime: '2031-08-05 11:30:00' });
    const byId = new Map(answer.results.map((r) => [r.id, r]));
    assert.equal(byId.get(greatHall)!.reason, 3);
    assert.deepEqual(byId.get(greatHall)!.conflict, { venueId: venue, bookingId: 77, sessionId, spaceId: hall1, startDate: '2031-08-05 10:00:00', endDate: '2031-08-05 12:00:00', pax: 120 });
    assert.equal(byId.get(hall1)!.reason, 3);
    assert.equal(byId.get(hall2)!.isAvailable, true);
    assert.deepEqual(await slotsOf(greatHall, '2031-08-05'), [{ date: '2031-08-05', startTime: '00:00:00', endTime: '10:00:00' }, { date: '2031-08-05', startTime: '12:00:00', endTime: '23:59:59' }]);
  });

  it('reads the venue’s days with daylight saving: a 23-hour day in October, a 25-hour day in April', async () => {
    // 2025-10-05 09:00–17:00 AEDT (after the clocks went forward at 02:00).
    await blockout(server().store(), venue, suite, '2025-10-04T22:00:00Z', '2025-10-05T06:00:00Z', 'Spring forward');
    // The whole of 2025-10-07, midnight to midnight AEDT.
    await blockout(server().store(), venue, suite, '2025-10-06T13:00:00Z', '2025-10-07T13:00:00Z', 'Whole day');
    assert.deepEqual(await slotsOf(suite, '2025-10-04', '2025-10-08'), [
      allDay('2025-10-04'),
      { date: '2025-10-05', startTime: '00:00:00', endTime: '09:00:00' },
      { date: '2025-10-05', startTime: '17:00:00', endTime: '23:59:59' },
      allDay('2025-10-06'),
      allDay('2025-10-08'),
    ]);
    // The whole 25 hours of 2025-04-06, midnight AEDT to midnight AEST.
    await blockout(server().store(), venue, suite, '2025-04-05T13:00:00Z', '2025-04-06T14:00:00Z', 'Fall back');
    assert.deepEqual(await slotsOf(suite, '2025-04-05', '2025-04-07'), [allDay('2025-04-05'), allDay('2025-04-07')]);
    // 24 hours from midnight on that day end at 23:00: the last hour is still free.
    await blockout(server().store(), venue, hall3, '2025-04-05T13:00:00Z', '2025-04-06T13:00:00Z', 'Twenty-four hours');
    assert.deepEqual(await slotsOf(hall3, '2025-04-06'), [{ date: '2025-04-06', startTime: '23:00:00', endTime: '23:59:59' }]);

    assert.deepEqual(await verdicts('2025-10-05 08:00:00', '2025-10-05 09:00:00', { spaceIds: [suite] }), { [suite]: 'free' });
    assert.deepEqual(await verdicts('2025-10-05 16:30:00', '2025-10-05 17:30:00', { spaceIds: [suite] }), { [suite]: 'reason 1' });
    // A time that says UTC is that instant: 22:30 UTC on the 4th is 09:30 AEDT on the 5th.
    assert.deepEqual(await verdicts('2025-10-04 22:30:00 UTC', '2025-10-04 23:00:00 UTC', { spaceIds: [suite] }), { [suite]: 'reason 1' });
    assert.deepEqual(await verdicts('2025-10-04 22:30:00', '2025-10-04 23:00:00', { spaceIds: [suite] }), { [suite]: 'free' });
    // A whole local day is one request, 23 or 25 hours long.
    assert.deepEqual(await verdicts('2025-04-06 00:00:00', '2025-04-07 00:00:00', { spaceIds: [hall1] }), { [hall1]: 'free' });
    assert.deepEqual(await verdicts('2025-10-05 00:00:00', '2025-10-06 00:00:00', { spaceIds: [suite] }), { [suite]: 'reason 1' });
  });

  it('checks pax against the space and the requested layout, and filters by layout type and event type', async () => {
    const at = { startDatetime: '2031-09-01 09:00:00', endDatetime: '2031-09-01 17:00:00' };
    assert.deepEqual(await verdicts(at.startDatetime, at.endDatetime, { pax: 301 }), {
      [hall1]: 'reason 2',
      [hall2]: 'reason 2',
      [hall3]: 'reason 2',
      [greatHall]: 'free',
      [suite]: 'free',
    });
    assert.deepEqual(await verdicts(at.startDatetime, at.endDatetime, { pax: 260, layoutType: 1 }), { [hall1]: 'reason 2', [greatHall]: 'free' }, 'theatre holds 250 in Hall 1');
    assert.deepEqual(await verdicts(at.startDatetime, at.endDatetime, { pax: 600, layoutType: 6 }), { [greatHall]: 'reason 2' }, 'banquet holds 500');
    assert.deepEqual(await verdicts(at.startDatetime, at.endDatetime, { eventType: 7 }), { [hall2]: 'free', [greatHall]: 'free' });
    assert.deepEqual(await verdicts(at.startDatetime, at.endDatetime, { eventType: 99 }), {});
    const page = await available({ ...at, perPage: 2, start: 1 });
    assert.deepEqual(page.meta, { totalResults: 5, start: 1, perPage: 2, count: 2 });
    assert.deepEqual(page.results.map((r) => r.id), [hall2, hall3]);
  });

  it('puts a blockout before pax, and pax before a booking', async () => {
    // 2031-10-01 09:00–10:00 AEST: Hall 3 blocked and booked.
    await blockout(server().store(), venue, hall3, '2031-09-30T23:00:00Z', '2031-10-01T00:00:00Z');
    await session(server().store(), venue, hall1, '2031-09-30T23:00:00Z', '2031-10-01T00:00:00Z');
    await session(server().store(), venue, hall3, '2031-09-30T23:00:00Z', '2031-10-01T00:00:00Z');
    assert.deepEqual(await verdicts('2031-10-01 09:00:00', '2031-10-01 10:00:00', { pax: 400, spaceIds: [hall1, hall3] }), { [hall1]: 'reason 2', [hall3]: 'reason 1' });
    assert.deepEqual(await verdicts('2031-10-01 09:00:00', '2031-10-01 10:00:00', { pax: 200, spaceIds: [hall1] }), { [hall1]: 'reason 3' });
  });

  it('enforces the 14-day and 24-hour limits and the documented parameters', async () => {
    assert.equal((await slots({ startDate: '2031-01-01', endDate: '2031-01-14', spaceIds: [suite] })).availability[0]!.timeSlots.length, 14);
    await expectApiError(slots({ startDate: '2031-01-01', endDate: '2031-01-15' }), 400, 23016, '14');
    await expectApiError(slots({ startDate: '2031-01-02', endDate: '2031-01-01' }), 400, 23016, 'endDate');
    await expectApiError(slots({ startDate: '2031-02-30', endDate: '2031-03-01' }), 400, 23016, 'startDate');
    await expectApiError(slots({ endDate: '2031-03-01' }), 400, 23017, 'startDate');
    await expectApiError(slots({ startDate: '2031-03-01', endDate: '2031-03-01', spaceIds: 'all' }), 400, 23016, 'spaceIds');
    await expectApiError(client().call('venue', 'getFunctionSpaceAvailability', { startDate: '2031-03-01', endDate: '2031-03-01' }), 400, 23017, 'venueId');
    await expectApiError(client().call('venue', 'getFunctionSpaceAvailability', { venueId: 999_999, startDate: '2031-03-01', endDate: '2031-03-01' }), 404, 24102);

    assert.equal((await available({ startDatetime: '2031-01-01 09:00:00', endDatetime: '2031-01-02 09:00:00' })).results.length, 5);
    await expectApiError(available({ startDatetime: '2031-01-01 09:00:00', endDatetime: '2031-01-02 09:00:01' }), 400, 23016, '24 hours');
    await expectApiError(available({ startDatetime: '2025-04-06 00:00:00', endDatetime: '2025-04-07 00:00:01' }), 400, 23016, '24 hours');
    await expectApiError(available({ startDatetime: '2031-01-01 09:00:00', endDatetime: '2031-01-01 09:00:00' }), 400, 23016, 'endDatetime');
    await expectApiError(available({ startDatetime: '2031-01-01', endDatetime: '2031-01-01 10:00:00' }), 400, 23016, 'startDatetime');
    await expectApiError(available({ startDatetime: '2031-01-01 09:00:00' }), 400, 23017, 'endDatetime');
    await expectApiError(available({ startDatetime: '2031-01-01 09:00:00', endDatetime: '2031-01-01 10:00:00', layoutType: 12 }), 400, 23016, 'layoutType');
    await expectApiError(available({ startDatetime: '2031-01-01 09:00:00', endDatetime: '2031-01-01 10:00:00', pax: 0 }), 400, 23016, 'pax');
    await expectApiError(available({ startDatetime: '2031-01-01 09:00:00', endDatetime: '2031-01-01 10:00:00', filter: { name: 'x' } }), 400, 23016, 'filter.name');
    await expectApiError(available({ venueId: 999_999, startDatetime: '2031-01-01 09:00:00', endDatetime: '2031-01-01 10:00:00' }), 404, 24102);
    const intruder = await server().newAccount();
    await expectApiError(intruder.client.call('venue', 'getAvailableFunctionSpaces', { venueId: venue, startDatetime: '2031-01-01 09:00:00', endDatetime: '2031-01-01 10:00:00' }), 404, 24102);
    await expectApiError(intruder.client.call('venue', 'getFunctionSpaceAvailability', { venueId: venue, startDate: '2031-01-01', endDate: '2031-01-01' }), 404, 24102);
  });

  it('lists the venue’s blockouts with dates and times on the venue’s clock', async () => {
    const page = await client().call<Page<Record<string, unknown>>>('venue', 'getSpaceBlockoutList', { venueId: venue, filter: { name: 'Spring forward' } });
    assert.deepEqual(page.results, [
      { id: page.results[0]!.id, venueId: venue, spaceId: suite, name: 'Spring forward', startDate: '2025-10-05', startTime: '09:00:00', endDate: '2025-10-05', endTime: '17:00:00', bookedById: null },
    ]);
    const fallBack = await client().call<Page<Record<string, unknown>>>('venue', 'getSpaceBlockoutList', { venueId: venue, filter: { name: 'Fall back' } });
    assert.deepEqual([fallBack.results[0]!.startDate, fallBack.results[0]!.startTime, fallBack.results[0]!.endDate, fallBack.results[0]!.endTime], ['2025-04-06', '00:00:00', '2025-04-07', '00:00:00']);
    const all = await client().call<Page<{ venueId: number; spaceId: number }>>('venue', 'getSpaceBlockoutList', { venueId: venue });
    assert.ok(all.results.length >= 5 && all.results.every((b) => b.venueId === venue));
    const paged = await client().call<Page<unknown>>('venue', 'getSpaceBlockoutList', { venueId: venue, perPage: 2 });
    assert.deepEqual(paged.meta, { totalResults: all.meta.totalResults, start: 0, perPage: 2, count: 2 });
    assert.deepEqual(
      (await client().call<Page<{ spaceId: number }>>('venue', 'getSpaceBlockoutList', { venueId: venue, filter: { spaceId: hall2 } })).results.map((b) => b.spaceId),
      [hall2],
    );
    const everywhere = await client().call<Page<{ venueId: number }>>('venue', 'getSpaceBlockoutList', {});
    assert.ok(everywhere.results.some((b) => b.venueId !== venue), 'without venueId, every venue’s');
    await expectApiError(client().call('venue', 'getSpaceBlockoutList', { venueId: 999_999 }), 404, 24102);
    const intruder = await server().newAccount();
    await expectApiError(intruder.client.call('venue', 'getSpaceBlockoutList', { venueId: venue }), 404, 24102);
    assert.equal((await intruder.client.call<Page<unknown>>('venue', 'getSpaceBlockoutList', {})).meta.totalResults, 0);
  });
});
