import assert from 'node:assert/strict';
import { it } from 'node:test';
import { markAttended } from '../../../src/domain/event/attendees/attendance.js';
import { cancelRegistration, registerForEvent } from '../../../src/domain/event/registrations/store.js';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addContact, addEvent, addTicket, fetchPage, inTransaction, TIMESTAMP } from './fixtures.js';

interface Contact {
  eventInvitations: Array<Record<string, unknown>>;
  eventRegistrations: Array<Record<string, unknown> & { guestDetails: Array<Record<string, unknown>>; invoices: Array<Record<string, unknown>> }>;
}

describeEachDatabase('event: getContact shows the contact\'s invitations and registrations', ({ server }) => {
  const client = () => server().client;
  const contact = (id: number, useEventSortOrder?: boolean) =>
    client().call<Contact>('contact', 'getContact', { id, ...(useEventSortOrder === undefined ? {} : { useEventSortOrder }) });

  it('lists invitations with their links and registrations with guests, tickets and invoices', async () => {
    const later = await addEvent(server(), 'Later event', 90);
    const sooner = await addEvent(server(), 'Sooner event', 20);
    const ticket = await addTicket(server(), later.id, 'Delegate', 12_345);
    const ann = await addContact(server(), 'ann');
    const friend = await addContact(server(), 'friend');
    const invited = await client().call<{ results: Array<{ inviteLinkYes: string; inviteLinkNo: string }> }>('event', 'inviteContacts', {
      event: later.id,
      contacts: [ann.id],
    });
    await client().call('event', 'inviteContacts', { event: sooner.id, contacts: [ann.id] });
    await fetchPage(invited.results[0]!.inviteLinkNo);
    const reg = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, {
        eventId: later.id,
        contactId: ann.id,
        attendees: [
          { contactId: ann.id, firstName: ann.firstName, lastName: ann.lastName, email: ann.email, ticketId: ticket },
          { contactId: friend.id, firstName: friend.firstName, lastName: friend.lastName, email: friend.email, ticketId: ticket },
        ],
      }),
    );
    await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: sooner.id, contactId: ann.id, stage: 'started', attendees: [{ contactId: ann.id, firstName: 'A', lastName: 'B' }] }),
    );
    const checkIn = Math.floor(Date.now() / 1000) * 1000;
    await inTransaction(server(), (ctx) => markAttended(ctx, reg.attendeeIds[1]!, checkIn));

    const c = await contact(ann.id);
    assert.deepEqual(c.eventInvitations, [
      {
        eventId: later.id,
        eventCode: later.code,
        eventStartDateTime: formatTimestamp(later.start),
        inviteLinkYes: invited.results[0]!.inviteLinkYes,
        inviteLinkNo: invited.results[0]!.inviteLinkNo,
        response: 'Y',
      },
      {
        eventId: sooner.id,
        eventCode: sooner.code,
        eventStartDateTime: formatTimestamp(sooner.start),
        inviteLinkYes: String(c.eventInvitations[1]!.inviteLinkYes),
        inviteLinkNo: String(c.eventInvitations[1]!.inviteLinkNo),
        response: 'Y',
      },
    ]);
    // The first answered no, then registered (registering is a yes); the second only started a registration.
    assert.match(String(c.eventInvitations[1]!.inviteLinkYes), new RegExp(`^${server().url}/invitations/`));
    assert.equal(c.eventRegistrations.length, 1, 'the in-progress registration is not listed');
    const [r] = c.eventRegistrations;
    const invoice = r!.invoices[0]!;
    assert.deepEqual(r, {
      eventId: later.id,
      eventCode: later.code,
      eventStartDateTime: formatTimestamp(later.start),
      registrationId: reg.registrationId,
      currentStatus: 4,
      confirmedDate: null,
      isPaymentWaiting: true,
      printTicketUrl: r!.printTicketUrl,
      printTicketUrlPdf: `${String(r!.printTicketUrl)}.pdf`,
      attendeeCount: 2,
      invoiceUrl: invoice.invoiceUrl,
      invoiceUrlPdf: invoice.invoiceUrlPdf,
      guestDetails: [
        { contactId: ann.id, fullName: `${ann.firstName} ${ann.lastName}`, email: ann.email, attended: false, attendedDateTime: null },
        { contactId: friend.id, fullName: `${friend.firstName} ${friend.lastName}`, email: friend.email, attended: true, attendedDateTime: formatTimestamp(checkIn) },
      ],
      invoices: [invoice],
    });
    assert.match(String(r!.printTicketUrl), new RegExp(`^${server().url}/tickets/${reg.registrationId}/`));
    assert.deepEqual([invoice.currentStatus, invoice.totalCost, invoice.totalPaid, invoice.currency], [0, 246.9, 0, 'AUD']);
    assert.equal((await fetchPage(String(invoice.invoiceUrl))).status, 200, 'the invoice URL is served');
    assert.equal((await fetchPage(String(r!.printTicketUrl))).status, 200, 'the ticket URL is served');
    assert.match(String(c.eventInvitations[0]!.eventStartDateTime), TIMESTAMP);

    const sorted = await contact(ann.id, true);
    assert.deepEqual(sorted.eventInvitations.map((i) => i.eventId), [sooner.id, later.id], 'useEventSortOrder orders by event start');
    // A cancelled registration is listed, without ticket URLs (its tickets are no longer valid).
    const third = await addEvent(server(), 'Cancelled event', 40);
    const dropped = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: third.id, contactId: ann.id, attendees: [{ contactId: ann.id, firstName: 'A', lastName: 'B' }] }),
    );
    await inTransaction(server(), (ctx) => cancelRegistration(ctx, dropped.registrationId));
    const withCancelled = (await contact(ann.id)).eventRegistrations.find((x) => x.registrationId === dropped.registrationId)!;
    assert.deepEqual(
      [withCancelled.currentStatus, withCancelled.printTicketUrl, withCancelled.printTicketUrlPdf, withCancelled.isPaymentWaiting, withCancelled.confirmedDate],
      [3, null, null, false, null],
    );

    const friendView = await contact(friend.id);
    assert.deepEqual([friendView.eventInvitations, friendView.eventRegistrations], [[], []], 'a guest has not registered themselves');
  });
});
