import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../../support/suite.js';
import { addEvent, addTicket, changesSince, expectApiError, fetchPage, lastChangeId, setEventColumns, TIMESTAMP } from './fixtures.js';

const EVENT_KEYS = [
  'id', 'code', 'eventType', 'title', 'timezone', 'capacity', 'domainName', 'startDateTime', 'endDateTime',
  'numRegistered', 'currentStatus', 'contactName', 'contactEmail', 'websiteUrl', 'websiteTemplateBannerImageUrl',
  'eventTags', 'appTitle', 'twitter', 'appBanner', 'map', 'includeSpeakers', 'displaySpeakers', 'includeSponsors',
  'displaySponsors', 'includeBooths', 'displayExhibitors', 'includeAbstracts', 'displayAbstracts', 'useMultipleSessions',
  'includeHotels', 'includeTravel', 'includeMembership',
];

describeEachDatabase('event: addOrUpdateEvent, getEvent, getEventList', ({ server }) => {
  const client = () => server().client;

  it('adds an event and getEvent returns the documented shape, field for field', async () => {
    const mark = await lastChangeId(server().store());
    const saved = await client().call<{ success: boolean; id: number; code: string }>('event', 'addOrUpdateEvent', {
      eventType: 12,
      title: 'A New Event',
      timezone: 'Australia/Sydney',
      startDateTime: '2030-03-05 03:00:00 UTC',
      endDateTime: '2030-03-05 06:00:00 UTC',
      capacity: 10,
      budget: 150,
      primaryContactUserId: server().primaryUserId,
    });
    assert.equal(saved.success, true);
    assert.match(saved.code, /^[0-9A-Z]{8}$/);
    const event = await client().call<Record<string, unknown>>('event', 'getEvent', { id: saved.id });
    assert.deepEqual(Object.keys(event), EVENT_KEYS);
    assert.deepEqual(event, {
      id: saved.id,
      code: saved.code,
      eventType: 12,
      title: 'A New Event',
      timezone: 'Australia/Sydney',
      capacity: 10,
      domainName: null,
      startDateTime: '2030-03-05 03:00:00 UTC',
      endDateTime: '2030-03-05 06:00:00 UTC',
      numRegistered: 0,
      currentStatus: 0,
      contactName: 'Pat Primary',
      contactEmail: 'pat@example.com',
      websiteUrl: `${server().url}/event/${saved.code}/`,
      websiteTemplateBannerImageUrl: '',
      eventTags: [],
      appTitle: null,
      twitter: null,
      appBanner: 0,
      map: null,
      includeSpeakers: false,
      displaySpeakers: false,
      includeSponsors: false,
      displaySponsors: false,
      includeBooths: false,
      displayExhibitors: false,
      includeAbstracts: false,
      displayAbstracts: false,
      useMultipleSessions: false,
      includeHotels: false,
      includeTravel: false,
      includeMembership: false,
    });
    const site = await fetchPage(String(event.websiteUrl));
    assert.equal(site.status, 200);
    assert.ok(site.text.includes('A New Event'));
    assert.equal((await fetchPage(`${server().url}/event/NOSUCHEV/`)).status, 404);

    const changes = await changesSince(server().store(), mark);
    assert.deepEqual(changes.map((c) => c.subject), ['EventAdded']);
    assert.deepEqual(changes[0]!.body, { data: event });
    assert.equal(changes[0]!.source_type, 1);
  });

  it('updates only what is given, records EventUpdated with before and after, and not when nothing changed', async () => {
    const { id, code } = await addEvent(server(), 'Update me');
    const mark = await lastChangeId(server().store());
    const saved = await client().call<{ id: number; code: string }>('event', 'addOrUpdateEvent', { id, title: 'Updated title', capacity: 25 });
    assert.deepEqual(saved, { success: true, id, code });
    const event = await client().call<Record<string, unknown>>('event', 'getEvent', { id });
    assert.equal(event.title, 'Updated title');
    assert.equal(event.capacity, 25);
    assert.equal(event.timezone, 'Australia/Sydney');
    await client().call('event', 'addOrUpdateEvent', { id, title: 'Updated title' });
    const changes = await changesSince(server().store(), mark);
    assert.deepEqual(changes.map((c) => c.subject), ['EventUpdated']);
    assert.equal((changes[0]!.body.previousData as { title: string }).title, 'Update me');
    assert.equal((changes[0]!.body.data as { title: string }).title, 'Updated title');
  });

  it('answers the documented validation errors and writes nothing', async () => {
    const mark = await lastChangeId(server().store());
    const base = { eventType: 12, title: 'T', timezone: 'UTC', startDateTime: '2030-01-01 10:00:00', endDateTime: '2030-01-01 12:00:00' };
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, eventType: undefined }), 400, 23017, "'eventType' is required");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, eventType: 5 }), 400, 23016, 'Value must be 12');
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, title: undefined }), 400, 23017, "'title' is required");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, title: 'x'.repeat(141) }), 400, 23016, "'title' does not validate");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, timezone: 'Mars/Olympus' }), 400, 23016, "'timezone' does not validate");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, startDateTime: undefined }), 400, 23017, "'startDateTime' is required");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, startDateTime: '2030-02-30 10:00:00' }), 400, 23016, "'startDateTime' does not validate");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, endDateTime: '2030-01-01 09:59:59' }), 400, 23016, 'on or after startDateTime');
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, capacity: -1 }), 400, 23016, "'capacity' does not validate");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, budget: 'lots' }), 400, 23016, "'budget' does not validate");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { ...base, primaryContactUserId: 987654 }), 400, 23016, "'primaryContactUserId' does not validate");
    await expectApiError(client().call('event', 'addOrUpdateEvent', { id: 987654, title: 'Nope' }), 404, 24097, 'Unable to find event');
    const { id } = await addEvent(server(), 'Typed');
    await expectApiError(client().call('event', 'addOrUpdateEvent', { id, eventType: 7 }), 400, 23016, 'cannot be changed');
    await setEventColumns(server(), id, { event_type: 7 });
    await expectApiError(client().call('event', 'addOrUpdateEvent', { id, title: 'No' }), 400, 23016, "'id' does not validate");
    const after = await changesSince(server().store(), mark);
    assert.deepEqual(after.map((c) => c.subject), ['EventAdded'], 'only the successful add is recorded');
  });

  it('getEvent of a missing event gives 24097 and of a malformed id 23016/23017', async () => {
    const missing = await client().raw('event', 'getEvent', { id: 987654321 });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { errorCode: 404, message: 'Unable to find event', specificCode: 24097 });
    await expectApiError(client().call('event', 'getEvent', {}), 400, 23017, "'id' is required");
    await expectApiError(client().call('event', 'getEvent', { id: 'one' }), 400, 23016, 'Value must be a whole number');
  });

  it('does not show another account its events', async () => {
    const { id } = await addEvent(server(), 'Private');
    const other = await server().newAccount();
    await expectApiError(other.client.call('event', 'getEvent', { id }), 404, 24097);
    const list = await other.client.call<{ meta: { totalResults: number } }>('event', 'getEventList', {});
    assert.equal(list.meta.totalResults, 0);
  });

  it('getEventList filters by afterDate, beforeDate (inclusive) and status array, orders by startDate and includes the optional parts', async () => {
    const tag = `List-${Date.now()}`;
    const early = await addEvent(server(), `${tag} early`, 100);
    const late = await addEvent(server(), `${tag} late`, 200);
    await setEventColumns(server(), late.id, { status: 3, venue_name: 'Harbour Hall', venue_address: '1 Quay St', homepage_content: '<h1>Hi</h1>' });
    const ticket = await addTicket(server(), late.id, 'Early bird', 12050, { capacity: 40, description: 'Cheap' });
    const list = async (params: Record<string, unknown>) =>
      (await client().call<{ meta: { totalResults: number }; results: Array<Record<string, unknown>> }>('event', 'getEventList', params)).results;
    const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

    const after = await list({ filter: { title__BEGINS: tag, afterDate: iso(late.start) } });
    assert.deepEqual(after.map((e) => e.id), [late.id], 'afterDate includes an event starting at that second');
    const before = await list({ filter: { title__BEGINS: tag, beforeDate: iso(early.end) } });
    assert.deepEqual(before.map((e) => e.id), [early.id], 'beforeDate includes an event ending at that second');
    assert.deepEqual((await list({ filter: { title__BEGINS: tag, status: [3] } })).map((e) => e.id), [late.id]);
    assert.deepEqual((await list({ filter: { title__BEGINS: tag, status: ['0', 1] } })).map((e) => e.id), [early.id]);
    await expectApiError(client().call('event', 'getEventList', { filter: { status: 3 } }), 400, 23016, "'filter.status' does not validate");
    await expectApiError(client().call('event', 'getEventList', { filter: { status: [2] } }), 400, 23016, 'one of 0, 1, 3');
    await expectApiError(client().call('event', 'getEventList', { filter: { afterDate: 'soon' } }), 400, 23016);
    await expectApiError(client().call('event', 'getEventList', { orderBy: 'title' }), 400, 23016, "'orderBy' does not validate");

    const desc = await list({ filter: { title__BEGINS: tag }, orderBy: 'startDate', orderDir: 'desc' });
    assert.deepEqual(desc.map((e) => e.id), [late.id, early.id]);
    const plain = await list({ filter: { id: late.id } });
    assert.ok(!('venue' in plain[0]!) && !('tickets' in plain[0]!) && !('information' in plain[0]!) && !('homepageContent' in plain[0]!));
    assert.match(String(plain[0]!.modifiedDate), TIMESTAMP);
    const full = await list({
      filter: { id: late.id },
      includeVenueDetails: true,
      includeTicketDetails: true,
      includeInformationDetails: true,
      includeHomepageContent: 1,
    });
    assert.deepEqual(full[0]!.venue, { name: 'Harbour Hall', description: null, address: '1 Quay St', imageUrl: null });
    assert.deepEqual(full[0]!.tickets, [
      { id: ticket, title: 'Early bird', capacity: 40, description: 'Cheap', amount: 120.5, isTaxFree: false, subscriptionGroups: [] },
    ]);
    assert.deepEqual(full[0]!.information, []);
    assert.equal(full[0]!.homepageContent, '<h1>Hi</h1>');
    const early2 = await list({ filter: { id: early.id }, includeVenueDetails: true });
    assert.equal(early2[0]!.venue, null);
  });
});
