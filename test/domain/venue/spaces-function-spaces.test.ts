import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { addLayout, addSpace, changesSince, lastChangeId } from './spaces-fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
type Space = Record<string, unknown> & { id: number; name: string; modifiedDate: string; partSpaceIds: number[] };

const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/;

describeEachDatabase('venue function spaces', ({ server }) => {
  let venue = 0;
  let other = 0;
  let category = 0;
  let otherCategory = 0;
  const client = () => server().client;
  const list = (params: Record<string, unknown>) => client().call<Page<Space>>('venue', 'getFunctionSpaceList', params);
  const upsert = (params: Record<string, unknown>) => client().call<{ success: boolean; id: number }>('venue', 'addOrUpdateFunctionSpace', params);
  const one = async (id: number) => (await list({ filter: { id } })).results[0]!;

  before(async () => {
    venue = await addVenue(server().store(), { name: 'Space Hall' });
    other = await addVenue(server().store(), { name: 'Space Annex' });
    category = (await client().call<{ id: number }>('venue', 'addOrUpdateFunctionSpaceCategory', { venueId: venue, name: 'Halls' })).id;
    otherCategory = (await client().call<{ id: number }>('venue', 'addOrUpdateFunctionSpaceCategory', { venueId: other, name: 'Halls' })).id;
  });

  it('adds a space with the page’s example and lists it with every documented field', async () => {
    const mark = await lastChangeId(server().store());
    const added = await upsert({ venueId: venue, name: 'test', minPax: 5, maxPax: 0, maxNumBookings: 50, isViewable: false, hasSmallerSpaces: false });
    assert.deepEqual(Object.keys(added).sort(), ['id', 'success']);
    const item = await one(added.id);
    assert.match(String(item.createdDate), STAMP);
    assert.match(item.modifiedDate, STAMP);
    assert.deepEqual(
      { ...item, createdDate: null, modifiedDate: null },
      {
        id: added.id,
        venueId: venue,
        name: 'test',
        description: null,
        categoryId: null,
        imageId: null,
        hasLayouts: false,
        minPax: 5,
        maxPax: 0,
        maxNumBookings: 50,
        area: null,
        length: null,
        width: null,
        heightMaximum: null,
        heightMinimum: null,
        floorPressureMaximum: null,
        partSpaceIds: [],
        includedInReportDashboard: true,
        threeDScanId: '',
        useIntegrationPartner: false,
        isViewable: false,
        marketplaceName: null,
        eventTypes: [],
        canBeLiveBooked: false,
        canProvideFoodBeverage: true,
        menuTypeIds: [],
        beverageCategoryIds: [],
        availableFromTime: null,
        availableTillTime: null,
        minimumBookingTime: null,
        restrictBookingTimeInterval: null,
        availableDaysOfWeek: [],
        displayAvailabilityTo: null,
        restrictVisibility: null,
        userGroupIds: [],
        isViewableToAnonymousUsers: true,
        sortOrder: 1,
        marketplaceSortOrder: 1,
        createdDate: null,
        modifiedDate: null,
        layouts: [],
      },
    );
    assert.deepEqual(await changesSince(server().store(), mark), [{ subject: 'FunctionSpaceAdded', body: { data: item } }]);
  });

  it('updates every documented field, records the item before and after, and nothing for a repeat', async () => {
    const id = await addSpace(client(), venue, { name: 'Riverside Room', maxPax: 80 });
    const layout = await addLayout(server().store(), id, 4, 60);
    const before = await one(id);
    const mark = await lastChangeId(server().store());
    const update = {
      id,
      venueId: venue,
      name: 'Riverside Suite',
      description: '<p>On the river</p>',
      categoryId: category,
      hasLayouts: true,
      minPax: '10',
      maxPax: 120,
      maxNumBookings: 2,
      area: 150.5,
      length: 15,
      width: '10.03',
      heightMaximum: 4.5,
      heightMinimum: 3,
      floorPressureMaximum: 500,
      isViewable: 'true',
      eventTypes: [14, 2, 14],
      marketplaceName: 'The Riverside',
      includedInReportDashboard: false,
      threeDScanId: 'scan-42',
      useIntegrationPartner: 1,
    };
    assert.deepEqual(await upsert(update), { success: true, id });
    const after = await one(id);
    assert.deepEqual(
      { ...after, modifiedDate: null },
      {
        ...before,
        modifiedDate: null,
        name: 'Riverside Suite',
        description: '<p>On the river</p>',
        categoryId: category,
        hasLayouts: true,
        minPax: 10,
        maxPax: 120,
        maxNumBookings: 2,
        area: 150.5,
        length: 15,
        width: 10.03,
        heightMaximum: 4.5,
        heightMinimum: 3,
        floorPressureMaximum: 500,
        isViewable: true,
        eventTypes: [2, 14],
        marketplaceName: 'The Riverside',
        includedInReportDashboard: false,
        threeDScanId: 'scan-42',
        useIntegrationPartner: true,
        layouts: [{ id: layout, layoutName: 'Layout 4', layoutType: 4 }],
      },
    );
    await upsert(update);
    const changes = await changesSince(server().store(), mark);
    assert.deepEqual(changes, [{ subject: 'FunctionSpaceUpdated', body: { data: after, previousData: before } }]);
    assert.equal((await one(id)).modifiedDate, after.modifiedDate, 'the repeat kept modifiedDate');
    await upsert({ id, description: null, categoryId: null, eventTypes: [] });
    const cleared = await one(id);
    assert.deepEqual([cleared.description, cleared.categoryId, cleared.eventTypes], [null, null, []]);
  });

  it('divides a space into its smallest parts, and lets it stop dividing', async () => {
    const a = await addSpace(client(), venue, { name: 'Part A' });
    const b = await addSpace(client(), venue, { name: 'Part B' });
    const c = await addSpace(client(), venue, { name: 'Part C' });
    const whole = await addSpace(client(), venue, { name: 'Whole', partSpaceIds: [c, a, b, a] });
    assert.deepEqual((await one(whole)).partSpaceIds, [a, b, c].sort((x, y) => x - y));
    await upsert({ id: whole, partSpaceIds: [a, b] });
    assert.deepEqual((await one(whole)).partSpaceIds, [a, b]);
    await upsert({ id: whole, name: 'Whole Hall' });
    assert.deepEqual((await one(whole)).partSpaceIds, [a, b], 'kept when not named');
    await upsert({ id: whole, hasSmallerSpaces: false, partSpaceIds: [a] });
    assert.deepEqual((await one(whole)).partSpaceIds, [], 'partSpaceIds only count when the space divides');
    await upsert({ id: whole, hasSmallerSpaces: true, partSpaceIds: [b, c] });
    assert.deepEqual((await one(whole)).partSpaceIds, [b, c]);
  });

  it('refuses parts that are not the venue’s smallest spaces, and leaves the space as it was', async () => {
    const a = await addSpace(client(), venue, { name: 'Bay 1' });
    const b = await addSpace(client(), venue, { name: 'Bay 2' });
    const bays = await addSpace(client(), venue, { name: 'Bays 1 and 2', partSpaceIds: [a, b] });
    const elsewhere = await addSpace(client(), other, { name: 'Bay 9' });
    const loose = await addSpace(client(), venue, { name: 'Loose' });
    const before = await one(loose);
    await expectApiError(upsert({ id: loose, name: 'Loose 2', hasSmallerSpaces: true, partSpaceIds: [a, elsewhere] }), 400, 24387, `${elsewhere} is not a function space of the venue`);
    await expectApiError(upsert({ id: loose, name: 'Loose 2', hasSmallerSpaces: true, partSpaceIds: [a, 999_999] }), 400, 24387, '999999');
    await expectApiError(upsert({ id: loose, hasSmallerSpaces: true, partSpaceIds: [bays] }), 400, 24387, 'divides into smaller spaces');
    await expectApiError(upsert({ id: loose, hasSmallerSpaces: true, partSpaceIds: [loose, a] }), 400, 24388, 'part of itself');
    await expectApiError(upsert({ id: loose, hasSmallerSpaces: true, partSpaceIds: [] }), 400, 24388, 'at least one part');
    await expectApiError(upsert({ id: loose, hasSmallerSpaces: true }), 400, 23017, 'partSpaceIds');
    await expectApiError(upsert({ id: a, hasSmallerSpaces: true, partSpaceIds: [loose] }), 400, 24387, 'part of another space');
    assert.deepEqual(await one(loose), before, 'nothing written');
    await expectApiError(addSpace(client(), venue, { name: 'Half written', partSpaceIds: [a, elsewhere] }), 400, 24387);
    assert.equal((await list({ venueId: venue, filter: { name: 'Half written' } })).meta.totalResults, 0, 'nothing added');
  });

  it('refuses what the page refuses, with its codes', async () => {
    const id = await addSpace(client(), venue, { name: 'Checked Room', minPax: 2, maxPax: 20 });
    const base = { venueId: venue, name: 'New Room', minPax: 1, maxPax: 10, maxNumBookings: 1, isViewable: true, hasSmallerSpaces: false };
    for (const missing of ['venueId', 'name', 'minPax', 'maxPax', 'maxNumBookings', 'isViewable', 'hasSmallerSpaces']) {
      const params: Record<string, unknown> = { ...base };
      delete params[missing];
      await expectApiError(upsert(params), 400, 23017, missing);
    }
    await expectApiError(upsert({ ...base, minPax: 'ten' }), 400, 23016, 'minPax');
    await expectApiError(upsert({ ...base, maxPax: -1 }), 400, 23016, 'maxPax');
    await expectApiError(upsert({ ...base, maxNumBookings: 0 }), 400, 23016, 'maxNumBookings');
    await expectApiError(upsert({ ...base, area: -5 }), 400, 23016, 'area');
    await expectApiError(upsert({ ...base, eventTypes: 3 }), 400, 23016, 'eventTypes');
    await expectApiError(upsert({ ...base, isViewable: 'maybe' }), 400, 23016, 'isViewable');
    await expectApiError(upsert({ ...base, minPax: 11 }), 400, 24388, 'minPax');
    await expectApiError(upsert({ ...base, heightMinimum: 5, heightMaximum: 4 }), 400, 24388, 'heightMinimum');
    await expectApiError(upsert({ id, minPax: 21 }), 400, 24388, 'above maxPax 20');
    await expectApiError(upsert({ ...base, name: 'checked room' }), 400, 24387, 'already has');
    await expectApiError(upsert({ ...base, categoryId: otherCategory }), 400, 24387, 'categoryId');
    await expectApiError(upsert({ ...base, venueId: 999_999 }), 404, 24102);
    await expectApiError(upsert({ id: 999_999, name: 'Ghost' }), 404, 24385);
    await expectApiError(upsert({ id, venueId: other, name: 'Moved' }), 404, 24385);
    await expectApiError(upsert({ id }), 400, 24388, 'Nothing to update');
    assert.equal((await upsert({ ...base, minPax: 50, maxPax: 0 })).success, true, 'maxPax 0: no maximum');
  });

  it('lists, filters and pages the venue’s spaces; without venueId, every venue’s', async () => {
    const listed = await addVenue(server().store(), { name: 'Listing Venue' });
    const ids = [];
    for (const [i, name] of ['Alpha', 'Beta', 'Gamma'].entries()) ids.push(await addSpace(client(), listed, { name, maxPax: (i + 1) * 10 }));
    const page = await list({ venueId: listed, perPage: 2 });
    assert.deepEqual(page.meta, { totalResults: 3, start: 0, perPage: 2, count: 2 });
    assert.deepEqual(page.results.map((s) => s.id), ids.slice(0, 2));
    assert.deepEqual((await list({ venueId: listed, start: 2 })).results.map((s) => s.name), ['Gamma']);
    assert.deepEqual((await list({ venueId: listed, filter: { maxPax__GREATERTHAN: 25 } })).results.map((s) => s.name), ['Gamma']);
    assert.deepEqual((await list({ filter: { venueId: listed, name__CONTAINS: 'ET' } })).results.map((s) => s.name), ['Beta']);
    const everything = await list({ perPage: 100 });
    assert.ok(everything.results.some((s) => s.venueId === venue) && everything.results.some((s) => s.venueId === listed));
    await expectApiError(list({ venueId: 999_999 }), 404, 24102);
    await expectApiError(list({ venueId: listed, filter: { colour: 'red' } }), 400, 23016, 'filter.colour');
    const intruder = await server().newAccount();
    await expectApiError(intruder.client.call('venue', 'getFunctionSpaceList', { venueId: listed }), 404, 24102);
    assert.equal((await intruder.client.call<Page<Space>>('venue', 'getFunctionSpaceList', {})).meta.totalResults, 0);
    await expectApiError(intruder.client.call('venue', 'addOrUpdateFunctionSpace', { id: ids[0], name: 'Mine' }), 404, 24385);
  });

  it('shows the venue’s spaces, layouts and figures on getVenue and getVenueList', async () => {
    const shown = await addVenue(server().store(), { name: 'Figures Venue' });
    const p1 = await addSpace(client(), shown, { name: 'Salon 1', area: 100, maxPax: 80 });
    const p2 = await addSpace(client(), shown, { name: 'Salon 2', area: 120, maxPax: 90 });
    const both = await addSpace(client(), shown, { name: 'Salons', area: 220, maxPax: 170, partSpaceIds: [p1, p2] });
    await addSpace(client(), shown, { name: 'Nook', maxPax: 0 });
    const theatre = await addLayout(server().store(), both, 1, 200, { setup: 45, takedown: 30 });
    await addLayout(server().store(), p1, 5, null);
    const detail = await client().call<Record<string, unknown> & { functionSpaces: Array<Record<string, unknown>> }>('venue', 'getVenue', { id: shown });
    assert.equal(detail.numMeetingRooms, 4);
    assert.equal(detail.maxSpaceArea, 220);
    assert.equal(detail.totalSpaceArea, 220, 'a divided space is not counted on top of its parts');
    assert.equal(detail.maxSpaceCapacity, 200);
    assert.deepEqual(detail.functionSpaces.map((s) => s.name), ['Salon 1', 'Salon 2', 'Salons', 'Nook']);
    assert.deepEqual(detail.functionSpaces[2], {
      id: both,
      name: 'Salons',
      description: null,
      area: 220,
      length: null,
      width: null,
      heightMaximum: null,
      heightMinimum: null,
      floorPressureMaximum: null,
      floorPressureMinimum: null,
      marketplaceName: null,
      marketplaceEventTypes: null,
      minPax: 1,
      maxPax: 170,
      hasLayouts: false,
      image: null,
      layouts: [{ id: theatre, type: 1, paxMinimum: null, paxMaximum: 200, timeForSetup: 45, timeForTakedown: 30 }],
    });
    const venues = await client().call<Page<Record<string, unknown>>>('venue', 'getVenueList', { filter: { id: shown } });
    assert.deepEqual(
      [venues.results[0]!.numMeetingRooms, venues.results[0]!.maxSpaceArea, venues.results[0]!.totalSpaceArea],
      [4, 220, 220],
    );
    const bare = await addVenue(server().store(), { name: 'No Spaces' });
    const empty = await client().call<Record<string, unknown>>('venue', 'getVenue', { id: bare });
    assert.deepEqual([empty.numMeetingRooms, empty.maxSpaceArea, empty.totalSpaceArea, empty.maxSpaceCapacity, empty.functionSpaces], [0, null, null, null, []]);
  });
});
