import assert from 'node:assert/strict';
import { it } from 'node:test';
import { markAttended, markSessionAttended } from '../../../src/domain/event/attendees/attendance.js';
import { cancelRegistration, registerForEvent } from '../../../src/domain/event/registrations/store.js';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addContact, addEvent, addSession, addTicket, changesSince, expectApiError, fetchPage, inTransaction, lastChangeId, TIMESTAMP } from './fixtures.js';

type Attendee = Record<string, unknown> & { id: number; sessions: Array<Record<string, unknown>> };

describeEachDatabase('event: attendees, check-ins and ticket pages', ({ server }) => {
  const client = () => server().client;
  const list = (eventId: number, extra: Record<string, unknown> = {}) =>
    client().call<{ meta: { totalResults: number }; results: Attendee[] }>('event', 'getAttendeeList', { eventId, ...extra });

  it('lists invited and uninvited attendees with hasAttended, sessionHasAttended and their sessions', async () => {
    const event = await addEvent(server(), 'Open day');
    const ticket = await addTicket(server(), event.id, 'Visitor', 2500);
    const keynote = await addSession(server(), event.id, 'Keynote', event.start);
    const workshop = await addSession(server(), event.id, 'Workshop', event.start + 3_600_000, { costCents: 1000, isOptional: true });
    const [invitee, walkIn] = [await addContact(server(), 'invitee'), await addContact(server(), 'walkin')];
    await client().call('event', 'inviteContacts', { event: event.id, contacts: [invitee.id] });
    const first = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, {
        eventId: event.id,
        contactId: invitee.id,
        payment: { method: 1 },
        attendees: [
          { contactId: invitee.id, firstName: invitee.firstName, lastName: invitee.lastName, email: invitee.email, ticketId: ticket, sessionIds: [keynote, workshop], isPublic: true },
          { firstName: 'Guest', lastName: 'Without Contact', ticketId: ticket, customFields: [{ name: 'Dietary requirements', value: 'Vegan' }] },
        ],
      }),
    );
    await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: walkIn.id, attendees: [{ contactId: walkIn.id, firstName: walkIn.firstName, lastName: walkIn.lastName, ticketId: ticket }] }),
    );
    const page = await list(event.id);
    assert.equal(page.meta.totalResults, 3);
    const [mine, guest, theirs] = page.results;
    assert.deepEqual(Object.keys(mine!), [
      'id', 'registrationStatus', 'contactId', 'ticketTitle', 'firstName', 'lastName', 'email', 'privacyConsentData', 'hasAttended',
      'sessionHasAttended', 'isPublic', 'barcode', 'barcodeUrl', 'ticketUrl', 'attendedDatetime', 'sessionAttendedTimestamp', 'cost',
      'customFields', 'sessions', 'createdDate', 'modifiedDate',
    ]);
    assert.equal(mine!.contactId, invitee.id);
    assert.equal(theirs!.contactId, walkIn.id, 'an attendee who was never invited is listed too');
    const invited = await client().call<{ results: Array<{ contactId: number }> }>('event', 'getInvitedContactList', { eventId: event.id });
    assert.ok(!invited.results.some((i) => i.contactId === walkIn.id));
    assert.deepEqual([mine!.registrationStatus, theirs!.registrationStatus], [2, 4]);
    assert.deepEqual([mine!.cost, guest!.cost, theirs!.cost], [35, 25, 25], 'ticket plus paid sessions');
    assert.deepEqual([guest!.contactId, guest!.email, guest!.customFields], [null, null, [{ name: 'Dietary requirements', value: 'Vegan' }]]);
    assert.equal(mine!.isPublic, true);
    assert.match(String(mine!.barcode), /^[0-9A-Z]{16}$/);
    assert.equal(mine!.barcodeUrl, `${server().url}/tickets/barcodes/${mine!.barcode}.png`);
    assert.deepEqual([mine!.hasAttended, mine!.sessionHasAttended, mine!.attendedDatetime, mine!.sessionAttendedTimestamp], [false, false, null, null]);
    assert.deepEqual(mine!.sessions.map((s) => [s.sessionId, s.sessionName, s.isOptional, s.hasAttended, s.isSessionReserved]), [
      [keynote, 'Keynote', false, false, true],
      [workshop, 'Workshop', true, false, true],
    ]);

    const doors = Math.floor(Date.now() / 1000) * 1000;
    const mark = await lastChangeId(server().store());
    await inTransaction(server(), async (ctx) => {
      assert.equal(await markAttended(ctx, mine!.id, doors), true);
      assert.equal(await markAttended(ctx, mine!.id, doors + 5000), false, 'the first check-in wins');
      assert.equal(await markSessionAttended(ctx, mine!.id, workshop, doors + 60_000), true);
      assert.equal(await markSessionAttended(ctx, guest!.id, keynote, doors + 30_000), true, 'walking into a session not reserved');
    });
    const after = (await list(event.id)).results;
    assert.deepEqual(
      [after[0]!.hasAttended, after[0]!.attendedDatetime, after[0]!.sessionHasAttended, after[0]!.sessionAttendedTimestamp],
      [true, formatTimestamp(doors), true, formatTimestamp(doors + 60_000)],
    );
    assert.deepEqual(after[0]!.sessions.map((s) => [s.hasAttended, s.attendedDatetime]), [[false, null], [true, formatTimestamp(doors + 60_000)]]);
    assert.deepEqual([after[1]!.hasAttended, after[1]!.sessionHasAttended], [false, true]);
    assert.deepEqual(after[1]!.sessions.map((s) => [s.sessionId, s.isSessionReserved, s.hasAttended]), [[keynote, false, true]]);
    assert.deepEqual([after[2]!.hasAttended, after[2]!.sessionHasAttended], [false, false], 'registered but did not attend');
    const subjects = (await changesSince(server().store(), mark)).map((c) => c.subject);
    assert.deepEqual(subjects, ['EventAttendeeUpdated', 'EventAttendeeUpdated', 'EventAttendeeUpdated']);

    const single = await client().call<Attendee>('event', 'getAttendee', { id: mine!.id, eventId: event.id });
    assert.deepEqual(Object.keys(single), [
      'id', 'registrationStatus', 'contactId', 'registrationId', 'ticketTitle', 'firstName', 'lastName', 'email', 'privacyConsentData',
      'hasAttended', 'sessionHasAttended', 'isPublic', 'barcode', 'barcodeUrl', 'ticketUrl', 'attendedDatetime', 'sessionAttendedTimestamp',
      'cost', 'customFields', 'sessions',
    ]);
    assert.equal(single.registrationId, first.registrationId);
    assert.equal(single.ticketTitle, 'Visitor');
    assert.match(String(after[0]!.modifiedDate), TIMESTAMP);
  });

  it('getAttendee and getAttendeeList answer their documented errors', async () => {
    const event = await addEvent(server(), 'Attendee errors');
    const other = await addEvent(server(), 'Other event');
    const p = await addContact(server(), 'ae');
    const r = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: p.id, attendees: [{ contactId: p.id, firstName: p.firstName, lastName: p.lastName }] }),
    );
    const attendeeId = r.attendeeIds[0]!;
    await expectApiError(client().call('event', 'getAttendee', { id: attendeeId, eventId: 987654321 }), 404, 24211, 'Unable to find event');
    await expectApiError(client().call('event', 'getAttendee', { id: attendeeId, eventId: other.id }), 400, 24212, 'Invalid Attendee Id');
    await expectApiError(client().call('event', 'getAttendee', { id: 987654321 }), 404, 24213, 'Attendee not found');
    await expectApiError(client().call('event', 'getAttendee', {}), 400, 23017, "'id' is required");
    await expectApiError(list(987654321), 404, 24210, 'Unable to find event');
    await expectApiError(client().call('event', 'getAttendeeList', {}), 400, 23017, "'eventId' is required");
    await expectApiError(list(event.id, { filter: { hasAttended: true } }), 400, 23016, "'filter.hasAttended' does not validate");
  });

  it('serves the ticket pages (HTML and PDF), the barcode image, and refuses cancelled registrations', async () => {
    const event = await addEvent(server(), 'Printable');
    const ticket = await addTicket(server(), event.id, 'Entry', 0);
    const p = await addContact(server(), 'print');
    const r = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, {
        eventId: event.id,
        contactId: p.id,
        attendees: [
          { contactId: p.id, firstName: p.firstName, lastName: p.lastName, ticketId: ticket },
          { firstName: 'Plus', lastName: 'One', ticketId: ticket },
        ],
      }),
    );
    const links = await server().store().selectFrom('event_registrations').select('ticket_token').where('id', '=', r.registrationId).executeTakeFirstOrThrow();
    const base = `${server().url}/tickets/${r.registrationId}/${links.ticket_token}`;
    const html = await fetchPage(base);
    assert.equal(html.status, 200);
    assert.ok(html.text.includes('Printable') && html.text.includes('Plus One') && html.text.includes(p.firstName));
    const pdf = await fetch(`${base}.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const attendee = await client().call<Attendee>('event', 'getAttendee', { id: r.attendeeIds[1]! });
    const one = await fetchPage(String(attendee.ticketUrl));
    assert.equal(one.status, 200);
    assert.ok(one.text.includes('Plus One') && !one.text.includes(p.firstName));
    const png = await fetch(String(attendee.barcodeUrl));
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.deepEqual([...Buffer.from(await png.arrayBuffer()).subarray(1, 4)], [0x50, 0x4e, 0x47]);

    assert.equal((await fetchPage(`${server().url}/tickets/${r.registrationId}/${'x'.repeat(24)}`)).status, 404);
    assert.equal((await fetchPage(`${server().url}/tickets/barcodes/0000000000000000.png`)).status, 404);
    await inTransaction(server(), (ctx) => cancelRegistration(ctx, r.registrationId));
    assert.equal((await fetchPage(base)).status, 410);
  });
});
