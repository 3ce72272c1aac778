import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../../support/suite.js';
import { addEvent, addSession, addSpeaker, addSponsor, addTicket, expectApiError, setEventColumns, TIMESTAMP } from './fixtures.js';

type Row = Record<string, unknown>;
interface Page {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: Row[];
}

describeEachDatabase('event: sessions, speakers and sponsorships', ({ server }) => {
  const client = () => server().client;

  it('getSessionList returns the documented fields, speakers and ticket restrictions, and filters', async () => {
    const event = await addEvent(server(), 'Programme');
    const vip = await addTicket(server(), event.id, 'VIP', 10_000);
    const speaker = await addSpeaker(server(), event.id, 'Dr Ada Byron');
    const open = await addSession(server(), event.id, 'Plenary', event.start, { speakerIds: [speaker] });
    const limited = await addSession(server(), event.id, 'VIP lounge', event.start + 3_600_000, { ticketIds: [vip], costCents: 4550, maxCapacity: 20, isOptional: true });
    const page = await client().call<Page>('event', 'getSessionList', { eventId: event.id });
    assert.equal(page.meta.totalResults, 2);
    const [a, b] = page.results;
    assert.deepEqual(Object.keys(a!), [
      'id', 'eventId', 'name', 'startDate', 'endDate', 'description', 'roomId', 'isOptional', 'maxCapacity', 'costAmount', 'isTaxFree',
      'autoCloseDate', 'setupTime', 'breakdownTime', 'speakers', 'showInAgenda', 'showTime', 'onlyForCertainTickets', 'tickets', 'notes',
      'setupNotes', 'createdDate', 'modifiedDate', 'allowGuests',
    ]);
    assert.deepEqual([a!.id, a!.eventId, a!.name, a!.speakers, a!.onlyForCertainTickets, a!.tickets], [open, event.id, 'Plenary', [speaker], false, []]);
    assert.deepEqual([b!.id, b!.costAmount, b!.maxCapacity, b!.isOptional, b!.onlyForCertainTickets, b!.tickets], [limited, 45.5, 20, true, true, [vip]]);
    assert.match(String(a!.startDate), TIMESTAMP);
    assert.deepEqual([a!.setupTime, a!.breakdownTime, a!.roomId, a!.allowGuests], [15, 10, 3, true]);
    const optional = await client().call<Page>('event', 'getSessionList', { eventId: event.id, filter: { isOptional: true } });
    assert.deepEqual(optional.results.map((s) => s.id), [limited]);
    const named = await client().call<Page>('event', 'getSessionList', { eventId: event.id, filter: { name__CONTAINS: 'lounge' } });
    assert.deepEqual(named.results.map((s) => s.id), [limited]);
    await expectApiError(client().call('event', 'getSessionList', { eventId: 987654321 }), 404, 24456, 'Event does not exist');
    await expectApiError(client().call('event', 'getSessionList', {}), 400, 23017, "'eventId' is required");
  });

  it('getSpeakerList and getSponsorshipList list what the event has, or their documented errors', async () => {
    const event = await addEvent(server(), 'Sponsored');
    await expectApiError(client().call('event', 'getSpeakerList', { event: event.id }), 404, 24124, 'Event does not have speakers');
    await expectApiError(client().call('event', 'getSponsorshipList', { event: event.id }), 404, 24094, 'Event does not have sponsors');
    await setEventColumns(server(), event.id, { include_speakers: 1, include_sponsors: 1 });
    const empty = await client().call<Page>('event', 'getSpeakerList', { event: event.id });
    assert.deepEqual(empty.meta.totalResults, 0);
    const speaker = await addSpeaker(server(), event.id, 'Mr Speaker');
    const sponsor = await addSponsor(server(), event.id, 'Test Sponsor', 4400, 450);
    const speakers = await client().call<Page>('event', 'getSpeakerList', { event: event.id });
    assert.deepEqual(speakers.results, [
      {
        id: String(speaker),
        fullName: 'Mr Speaker',
        organisation: 'Harbour Labs',
        position: 'Keynote',
        profileDescription: 'Speaks about events.',
        profileImageUrl: 'https://cdn.example.com/speaker.png',
      },
    ]);
    const sponsors = await client().call<Page>('event', 'getSponsorshipList', { event: event.id });
    assert.deepEqual(sponsors.results, [
      {
        id: String(sponsor),
        name: 'Test Sponsor',
        description: 'Gold partner',
        websiteAddress: 'www.sponsor.example.com',
        logoImageUrl: 'https://cdn.example.com/logo.png',
        level: '9',
        customLevelId: null,
        sponsorshipAmount: '44',
        sponsorshipAmountPaid: '4.50',
      },
    ]);
    await expectApiError(client().call('event', 'getSpeakerList', { event: 987654321 }), 404, 24101, 'Unable to find event');
    await expectApiError(client().call('event', 'getSponsorshipList', { event: 987654321 }), 404, 24100, 'Unable to find event');
    await expectApiError(client().call('event', 'getSpeakerList', {}), 400, 23017, "'event' is required");
    await expectApiError(client().call('event', 'getSponsorshipList', { event: 'x' }), 400, 23016, "'event' does not validate");
  });
});
