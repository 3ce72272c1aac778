import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { occupyResource } from '../../../src/domain/venue/spaces/resource-occupancy.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { addResource } from './spaces-fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
type Availability = { id: number; unAvailableTimes: unknown[]; isAvailable: boolean | null; conflict: Record<string, unknown> | null };

// 2031-03-03 in Sydney is daylight time, UTC+11.
describeEachDatabase('venue resources and their availability', ({ server }) => {
  let venue = 0;
  let projectors = 0;
  let drapes = 0;
  let camera = 0;
  let elsewhere = 0;
  const client = () => server().client;
  const availability = (params: Record<string, unknown>) =>
    client().call<Page<Availability>>('venue', 'getResourceAvailability', { venueId: venue, ...params });

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Resource Centre', timezone: 'Australia/Sydney' });
    projectors = await addResource(store, venue, { name: 'Projector', quantity: 10 });
    drapes = await addResource(store, venue, { name: 'Drape', quantity: null });
    camera = await addResource(store, venue, { name: 'Camera', quantity: 2, parentId: projectors });
    const other = await addVenue(store, { name: 'Other Centre' });
    elsewhere = await addResource(store, other, { name: 'Projector', quantity: 3 });
    const now = Date.now();
    const hold = (sourceId: number, quantity: number, from: string, to: string) =>
      occupyResource(
        store,
        { venueId: venue, resourceId: projectors, source: 'session_resource', sourceId, quantity, startsAt: Date.parse(from), endsAt: Date.parse(to), bookingId: 500 + sourceId, sessionId: 600 + sourceId, spaceId: 7 },
        now,
      );
    await hold(1, 4, '2031-03-02T22:00:00Z', '2031-03-03T01:00:00Z'); // 09:00–12:00 local
    await hold(2, 5, '2031-03-03T00:00:00Z', '2031-03-03T02:00:00Z'); // 11:00–13:00 local
  });

  it('lists the venue’s resources with every documented field', async () => {
    const page = await client().call<Page<Record<string, unknown>>>('venue', 'getResourceList', { venueId: venue });
    assert.deepEqual(page.meta, { totalResults: 3, start: 0, perPage: 100, count: 3 });
    const first = page.results[0]!;
    assert.deepEqual(
      { ...first, createdDate: null, modifiedDate: null },
      {
        id: projectors,
        venueId: venue,
        name: 'Projector',
        code: '',
        categoryId: null,
        shortDescription: '',
        longDescription: null,
        quantity: 10,
        canBookByHour: true,
        hourlyCost: 12.5,
        hourlyCostExcludedTaxIds: [],
        dailyCost: 99,
        dailyCostExcludedTaxIds: [3],
        isRestrictedToSpaces: false,
        hasSubResources: true,
        subResourceIds: [camera],
        costcenterId: null,
        isViewable: true,
        createdDate: null,
        modifiedDate: null,
      },
    );
    assert.match(String(first.createdDate), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    assert.equal(page.results[1]!.quantity, null);
    assert.deepEqual((await client().call<Page<{ id: number }>>('venue', 'getResourceList', { venueId: venue, perPage: 1, start: 2 })).results.map((r) => r.id), [camera]);
    assert.deepEqual((await client().call<Page<{ id: number }>>('venue', 'getResourceList', { venueId: venue, filter: { name__CONTAINS: 'dra' } })).results.map((r) => r.id), [drapes]);
    const all = await client().call<Page<{ id: number }>>('venue', 'getResourceList', {});
    assert.ok(all.results.some((r) => r.id === elsewhere), 'without venueId, every venue’s');
    await expectApiError(client().call('venue', 'getResourceList', { venueId: 999_999 }), 404, 24102);
    const intruder = await server().newAccount();
    await expectApiError(intruder.client.call('venue', 'getResourceList', { venueId: venue }), 404, 24102);
  });

  it('lists what holds each resource, on the venue’s clock; availability only when a quantity is asked about', async () => {
    const answer = await availability({ startDate: '2031-03-03 00:00:00', endDate: '2031-03-04 00:00:00', resourceIds: [projectors, drapes] });
    assert.deepEqual(answer, {
      meta: { totalResults: 2, start: 0, perPage: 100, count: 2 },
      results: [
        {
          id: projectors,
          unAvailableTimes: [
            { startDate: '2031-03-03 09:00:00', endDate: '2031-03-03 12:00:00', quantity: 4 },
            { startDate: '2031-03-03 11:00:00', endDate: '2031-03-03 13:00:00', quantity: 5 },
          ],
          isAvailable: null,
          conflict: null,
        },
        { id: drapes, unAvailableTimes: [], isAvailable: null, conflict: null },
      ],
    });
  });

  it('tells whether the quantity can be had throughout the period, with the first session in the way', async () => {
    const day = { startDate: '2031-03-03', endDate: '2031-03-03' };
    const one = await availability({ ...day, resourceIds: [projectors], quantity: 1 });
    assert.deepEqual([one.results[0]!.isAvailable, one.results[0]!.conflict], [true, null], '9 of 10 held at the busiest');
    const two = await availability({ ...day, resourceIds: [projectors], quantity: 2 });
    assert.equal(two.results[0]!.isAvailable, false);
    assert.deepEqual(two.results[0]!.conflict, {
      venueId: venue,
      bookingId: 501,
      sessionId: 601,
      spaceId: 7,
      resourceId: projectors,
      startDate: '2031-03-03 09:00:00',
      endDate: '2031-03-03 12:00:00',
      quantity: 4,
    });
    const afternoon = await availability({ startDate: '2031-03-03 12:00:00', endDate: '2031-03-03 18:00:00', resourceIds: [projectors], quantity: 5 });
    assert.deepEqual([afternoon.results[0]!.isAvailable, afternoon.results[0]!.unAvailableTimes.length], [true, 1], 'only 5 held after noon');
    const utc = await availability({ startDate: '2031-03-03 01:00:00 UTC', endDate: '2031-03-03 02:00:00 UTC', resourceIds: [projectors], quantity: 6 });
    assert.deepEqual([utc.results[0]!.isAvailable, utc.results[0]!.unAvailableTimes.length], [false, 1], '12:00–13:00 local');
    const uncounted = await availability({ ...day, resourceIds: [drapes], quantity: 1000 });
    assert.deepEqual([uncounted.results[0]!.isAvailable, uncounted.results[0]!.conflict], [true, null]);
    const tooMany = await availability({ startDate: '2031-03-05', endDate: '2031-03-05', resourceIds: [camera], quantity: 3 });
    assert.deepEqual([tooMany.results[0]!.isAvailable, tooMany.results[0]!.conflict], [false, null], 'more than the venue has, nothing in the way');
  });

  it('leaves out ids that are not the venue’s resources, and refuses what does not validate', async () => {
    const answer = await availability({ startDate: '2031-03-03', endDate: '2031-03-03', resourceIds: [elsewhere, 999_999, drapes] });
    assert.deepEqual(answer.results.map((r) => r.id), [drapes]);
    assert.deepEqual((await availability({ startDate: '2031-03-03', endDate: '2031-03-03', resourceIds: [] })).results, []);
    await expectApiError(availability({ startDate: '2031-03-03', endDate: '2031-03-03' }), 400, 23017, 'resourceIds');
    await expectApiError(availability({ startDate: '2031-03-04', endDate: '2031-03-03', resourceIds: [projectors] }), 400, 23016, 'endDate');
    await expectApiError(availability({ startDate: '2031-03-03 10:00:00', endDate: '2031-03-03 10:00:00', resourceIds: [projectors] }), 400, 23016, 'endDate');
    await expectApiError(availability({ startDate: 'soon', endDate: '2031-03-03', resourceIds: [projectors] }), 400, 23016, 'startDate');
    await expectApiError(availability({ startDate: '2031-03-03', endDate: '2031-03-03', resourceIds: [projectors], quantity: 0 }), 400, 23016, 'quantity');
    await expectApiError(availability({ venueId: 999_999, startDate: '2031-03-03', endDate: '2031-03-03', resourceIds: [projectors] }), 404, 24102);
    const intruder = await server().newAccount();
    await expectApiError(
      intruder.client.call('venue', 'getResourceAvailability', { venueId: venue, startDate: '2031-03-03', endDate: '2031-03-03', resourceIds: [projectors] }),
      404,
      24102,
    );
  });
});
