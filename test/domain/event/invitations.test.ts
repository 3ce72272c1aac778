import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cancelRegistration } from '../../../src/domain/event/registrations/store.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addContact, addEvent, addTicket, changesSince, expectApiError, fetchPage, inTransaction, lastChangeId, TIMESTAMP } from './fixtures.js';

interface InviteResult {
  contact: number;
  status: boolean;
  inviteLinkYes?: string;
  inviteLinkNo?: string;
}
interface Invited {
  eventId: number;
  contactId: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  response: string;
  registrationId: number | null;
  modifiedDate: string;
}

describeEachDatabase('event: inviteContacts, getInvitedContactList and the invite links', ({ server }) => {
  const client = () => server().client;
  const invite = (event: number, contacts: unknown) => client().call<{ results: InviteResult[] }>('event', 'inviteContacts', { event, contacts });
  const invited = (eventId: number, extra: Record<string, unknown> = {}) =>
    client().call<{ meta: { totalResults: number; count: number }; results: Invited[] }>('event', 'getInvitedContactList', { eventId, ...extra });
  const emailsTo = async (contactId: number) =>
    server().store().selectFrom('email_log').selectAll().where('contact_id', '=', contactId).orderBy('id').execute();

  it('invites existing contacts, emails each its own yes/no links, and records EventInvitationAdded', async () => {
    const event = await addEvent(server(), 'Invite gala');
    const ann = await addContact(server(), 'ann');
    const bob = await addContact(server(), 'bob');
    const mark = await lastChangeId(server().store());
    // An old modifiedDate, so that any change to it would show within the same second.
    await server().store().updateTable('contacts').set({ modified_at: Date.UTC(2020, 0, 1) }).where('id', '=', ann.id).execute();
    const { results } = await invite(event.id, [ann.id, 987654321, bob.id, ann.id]);
    assert.deepEqual(results.map((r) => [r.contact, r.status]), [[ann.id, true], [987654321, false], [bob.id, true], [ann.id, true]]);
    assert.deepEqual(Object.keys(results[1]!), ['contact', 'status']);
    const annLinks = results[0]!;
    assert.match(annLinks.inviteLinkYes!, new RegExp(`^${server().url}/invitations/\\d+/[A-Za-z0-9_-]{24}/yes$`));
    assert.match(annLinks.inviteLinkNo!, /\/no$/);
    assert.notEqual(annLinks.inviteLinkYes, results[2]!.inviteLinkYes, 'each contact has its own links');
    assert.deepEqual(results[3], annLinks);

    const changes = await changesSince(server().store(), mark);
    assert.deepEqual(changes.map((c) => c.subject), ['EventInvitationAdded', 'EventInvitationAdded']);
    assert.deepEqual(
      changes.map((c) => (c.body.data as Invited).contactId).sort(),
      [ann.id, bob.id].sort(),
    );
    const mail = await emailsTo(ann.id);
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.to_address, ann.email);
    assert.equal(mail[0]!.event_id, event.id);
    assert.equal(mail[0]!.type, 1001);
    assert.equal(mail[0]!.ref_type, 2);
    assert.ok(mail[0]!.body.includes(annLinks.inviteLinkYes!) && mail[0]!.body.includes(annLinks.inviteLinkNo!));

    const annAfter = await client().call<{ modifiedDate: string; eventInvitations: unknown[] }>('contact', 'getContact', { id: ann.id });
    assert.equal(annAfter.modifiedDate, '2020-01-01 00:00:00 UTC', 'an invitation does not modify the contact');
    assert.equal(annAfter.eventInvitations.length, 1);

    const again = await invite(event.id, [ann.id]);
    assert.deepEqual(again.results, [annLinks], 'inviting again keeps the invitation and its links');
    assert.equal((await emailsTo(ann.id)).length, 1, 'and does not email again');
  });

  it('getInvitedContactList returns the documented fields and filters; errors are documented', async () => {
    const event = await addEvent(server(), 'Listed');
    const people = [await addContact(server(), 'l1'), await addContact(server(), 'l2'), await addContact(server(), 'l3')];
    await invite(event.id, people.map((p) => p.id));
    const page = await invited(event.id, { perPage: 2 });
    assert.deepEqual(page.meta, { totalResults: 3, start: 0, perPage: 2, count: 2 });
    assert.deepEqual(Object.keys(page.results[0]!), ['eventId', 'contactId', 'firstName', 'lastName', 'email', 'phone', 'response', 'registrationId', 'modifiedDate']);
    assert.deepEqual(page.results[0], {
      eventId: event.id,
      contactId: people[0]!.id,
      firstName: people[0]!.firstName,
      lastName: people[0]!.lastName,
      email: people[0]!.email,
      phone: '0400111222',
      response: 'U',
      registrationId: null,
      modifiedDate: page.results[0]!.modifiedDate,
    });
    assert.match(page.results[0]!.modifiedDate, TIMESTAMP);
    const second = await invited(event.id, { start: 2, perPage: 2 });
    assert.deepEqual(second.results.map((r) => r.contactId), [people[2]!.id]);
    assert.equal((await invited(event.id, { filter: { response: 'Y' } })).meta.totalResults, 0);
    assert.equal((await invited(event.id, { filter: { lastName__ENDS: 'l2' } })).results[0]!.contactId, people[1]!.id);
    await expectApiError(invited(987654321), 404, 24097, 'Unable to find event');
    await expectApiError(client().call('event', 'getInvitedContactList', {}), 400, 23017, "'eventId' is required");
    await expectApiError(invited(event.id, { filter: { colour: 'red' } }), 400, 23016, "'filter.colour' does not validate");
    await expectApiError(invite(987654321, [people[0]!.id]), 404, 24097);
    await expectApiError(invite(event.id, 'everyone'), 400, 23016, "'contacts' does not validate");
    await expectApiError(client().call('event', 'inviteContacts', { event: event.id }), 400, 23017, "'contacts' is required");
  });

  it('following the yes and no links records the response (and a HEAD request does not)', async () => {
    const event = await addEvent(server(), 'RSVP party');
    const ann = await addContact(server(), 'rsvp');
    const [links] = (await invite(event.id, [ann.id])).results;
    const before = (await invited(event.id)).results[0]!;
    const mark = await lastChangeId(server().store());

    const head = await fetch(links!.inviteLinkNo!, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal((await invited(event.id)).results[0]!.response, 'U');

    const no = await fetchPage(links!.inviteLinkNo!);
    assert.equal(no.status, 200);
    assert.match(no.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(no.headers.get('referrer-policy'), 'no-referrer');
    assert.ok(no.text.includes('cannot attend'));
    assert.equal((await invited(event.id)).results[0]!.response, 'N');

    const yes = await fetchPage(links!.inviteLinkYes!);
    assert.equal(yes.status, 200);
    assert.ok(yes.text.includes('will attend') && yes.text.includes('Register now'));
    const after = (await invited(event.id)).results[0]!;
    assert.equal(after.response, 'Y');
    assert.ok(after.modifiedDate >= before.modifiedDate);

    const changes = await changesSince(server().store(), mark);
    assert.deepEqual(changes.map((c) => c.subject), ['EventInvitationUpdated', 'EventInvitationUpdated']);
    assert.deepEqual([(changes[0]!.body.previousData as Invited).response, (changes[0]!.body.data as Invited).response], ['U', 'N']);
    assert.equal(changes[0]!.source_type, 0, 'a change made from a public page is not an API change');

    const wrong = await fetchPage(links!.inviteLinkYes!.replace(/\/[A-Za-z0-9_-]{24}\//, `/${'A'.repeat(24)}/`));
    assert.equal(wrong.status, 404);
    const bad = await fetchPage(links!.inviteLinkYes!.replace(/\/yes$/, '/maybe'));
    assert.equal(bad.status, 404);
    assert.equal((await invited(event.id)).results[0]!.response, 'Y');
  });

  it('registering from the yes page creates the registration and fills the invitation registrationId', async () => {
    const event = await addEvent(server(), 'Register via link');
    const ticket = await addTicket(server(), event.id, 'Standard', 9900);
    const ann = await addContact(server(), 'reg');
    const [links] = (await invite(event.id, [ann.id])).results;
    const yes = await fetchPage(links!.inviteLinkYes!);
    const action = /action="([^"]+)"/.exec(yes.text)![1]!;
    const mark = await lastChangeId(server().store());
    const posted = await fetchPage(`${server().url}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `ticketId=${ticket}`,
    });
    assert.equal(posted.status, 303);
    const ticketsUrl = posted.headers.get('location')!;
    assert.match(ticketsUrl, new RegExp(`^${server().url}/tickets/\\d+/[A-Za-z0-9_-]{24}$`));

    const row = (await invited(event.id)).results[0]!;
    assert.equal(row.response, 'Y');
    assert.ok(row.registrationId !== null);
    const registration = await client().call<{ id: number; currentStatus: number; invoiceTotalCost: number; mainContactId: number }>(
      'event',
      'getRegistration',
      { id: row.registrationId, eventId: event.id },
    );
    assert.equal(registration.currentStatus, 4, 'a paid ticket without payment waits on payment');
    assert.equal(registration.invoiceTotalCost, 99);
    assert.equal(registration.mainContactId, ann.id);
    const subjects = (await changesSince(server().store(), mark)).map((c) => c.subject);
    assert.deepEqual(subjects, ['InvoiceAdded', 'EventInvitationUpdated', 'EventRegistrationAdded', 'EventAttendeeAdded']);
    const mail = (await emailsTo(ann.id)).map((m) => [m.type, m.ref_type]);
    assert.deepEqual(mail, [[1001, 2], [1501, 6], [2, 5]], 'invitation, invoice, registration waiting on payment');

    const tickets = await fetchPage(ticketsUrl);
    assert.equal(tickets.status, 200);
    assert.ok(tickets.text.includes('Register via link') && tickets.text.includes('Standard'));
    const again = await fetchPage(`${server().url}${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `ticketId=${ticket}` });
    assert.equal(again.status, 409);
    assert.ok(again.text.includes('already registered'));

    // After a cancellation the contact can register again, and the invitation follows the new registration.
    await inTransaction(server(), (ctx) => cancelRegistration(ctx, row.registrationId!));
    assert.ok((await fetchPage(links!.inviteLinkYes!)).text.includes('Register now'));
    const retry = await fetchPage(`${server().url}${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `ticketId=${ticket}` });
    assert.equal(retry.status, 303);
    const relinked = (await invited(event.id)).results[0]!;
    assert.ok(relinked.registrationId !== null && relinked.registrationId !== row.registrationId);
  });
});
