import assert from 'node:assert/strict';
import { it } from 'node:test';
import { seedAccount } from '../../../src/seed/seed.js';
import { describeEachDatabase } from '../../support/suite.js';

type Row = Record<string, unknown>;

describeEachDatabase('event: seed data', ({ server }) => {
  it('seeds events covering every invitation, registration and attendance state, through the store functions', async () => {
    const other = await server().newAccount({ withUser: 'primary' });
    const totals = await seedAccount(server().runtime, { accountId: other.accountId, contacts: 200, randomSeed: 11 });
    assert.equal(totals.events, 4);
    for (const key of ['invitations', 'registrations', 'attendees', 'checkIns']) assert.ok((totals[key] ?? 0) > 0, `${key} seeded`);
    const changes = await server().store(other.accountId).selectFrom('changes').select('subject').where('endpoint', '=', 'events').execute();
    assert.deepEqual(changes, [], 'seed data is not a change');

    const all = async <T>(action: string, params: Row): Promise<T[]> => {
      const out: T[] = [];
      for await (const item of other.client.paginate<T>('event', action, params)) out.push(item);
      return out;
    };
    const events = await all<Row>('getEventList', { includeTicketDetails: true });
    assert.equal(events.length, 4);

    const responses = new Set<unknown>();
    const registrations: Row[] = [];
    let uninvitedRegistrants = 0;
    const attendance = { attended: 0, absent: 0, sessions: 0 };
    for (const event of events) {
      const eventId = event.id as number;
      const invited = await all<Row>('getInvitedContactList', { eventId });
      for (const i of invited) responses.add(i.response);
      const invitedIds = new Set(invited.map((i) => i.contactId));
      const regs = await all<Row>('getRegistrationList', { eventId });
      registrations.push(...regs);
      for (const r of regs) if (!r.isExhibitor && !invitedIds.has(r.mainContactId)) uninvitedRegistrants++;
      for (const i of invited.filter((x) => x.registrationId !== null)) {
        assert.equal(i.response, 'Y', 'an invited contact who registered answered yes');
        assert.ok(regs.some((r) => r.id === i.registrationId && r.mainContactId === i.contactId));
      }
      const attendees = await all<Row>('getAttendeeList', { eventId });
      for (const a of attendees) {
        if (a.registrationStatus !== 2) continue;
        if (a.hasAttended) attendance.attended++;
        else attendance.absent++;
        if (a.sessionHasAttended) attendance.sessions++;
      }
    }
    assert.deepEqual([...responses].sort(), ['N', 'U', 'Y']);
    assert.ok(uninvitedRegistrants > 0, 'open events have registrants who were not invited');
    assert.ok(attendance.attended > 0 && attendance.absent > 0 && attendance.sessions > 0, JSON.stringify(attendance));
    const kinds = (exhibitor: boolean) => new Set(registrations.filter((r) => r.isExhibitor === exhibitor).map((r) => r.currentStatus));
    assert.deepEqual([...kinds(false)].sort(), [1, 2, 3, 4]);
    assert.deepEqual([...kinds(true)].sort(), [2, 3, 4]);
    const waiting = registrations.find((r) => r.currentStatus === 4)!;
    assert.ok((waiting.invoiceTotalCost as number) > (waiting.invoiceTotalPaid as number));
    const paid = registrations.find((r) => r.currentStatus === 2 && (r.invoiceTotalCost as number) > 0)!;
    assert.equal(paid.invoiceTotalPaid, paid.invoiceTotalCost);

    // The registrant's contact shows the registration with its real invoice rows.
    const contact = await other.client.call<{ eventRegistrations: Array<{ registrationId: number; invoices: Array<{ id: number; currentStatus: number }> }> }>(
      'contact',
      'getContact',
      { id: waiting.mainContactId },
    );
    const link = contact.eventRegistrations.find((r) => r.registrationId === waiting.id)!;
    assert.equal(link.invoices.length, 1);
    assert.equal(link.invoices[0]!.currentStatus, 0);
    const invoice = await other.client.call<{ refType: number; refId: number }>('invoice', 'getInvoice', { id: link.invoices[0]!.id });
    assert.deepEqual([invoice.refType, invoice.refId], [1, waiting.id]);
  });
});
