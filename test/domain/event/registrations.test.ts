import assert from 'node:assert/strict';
import { it } from 'node:test';
import { RegistrationRefused, cancelRegistration, registerForEvent, settleRegistration } from '../../../src/domain/event/registrations/store.js';
import { applyPayment } from '../../../src/domain/invoice/store.js';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addContact, addEvent, addTicket, changesSince, expectApiError, inTransaction, lastChangeId, setEventColumns, TIMESTAMP } from './fixtures.js';

interface Registration {
  id: number;
  currentStatus: number;
  isExhibitor: boolean;
  completedDate: string | null;
  firstName: string;
  lastName: string;
  phone: string | null;
  privacyConsentData: unknown;
  modifiedDate: string;
  mainContactId: number | null;
  invoiceTotalCost: number;
  invoiceTotalPaid: number;
  createdDate: string;
  eventName?: string;
}
interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

describeEachDatabase('event: registrations', ({ server }) => {
  const client = () => server().client;
  const get = (id: number, eventId?: number) => client().call<Registration>('event', 'getRegistration', { id, ...(eventId ? { eventId } : {}) });
  const list = (params: Record<string, unknown>) => client().call<Page<Registration>>('event', 'getRegistrationList', params);

  it('delegate and exhibitor registrations in every state, with invoice totals from real invoice rows', async () => {
    const event = await addEvent(server(), 'Expo 2031');
    const delegateTicket = await addTicket(server(), event.id, 'Delegate', 25_000);
    const boothTicket = await addTicket(server(), event.id, 'Booth', 150_000, { isExhibitor: true });
    const people = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => addContact(server(), t)));
    const attendee = (p: (typeof people)[number], ticketId: number) => ({ contactId: p.id, firstName: p.firstName, lastName: p.lastName, email: p.email, ticketId });
    const mark = await lastChangeId(server().store());

    const paid = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: people[0]!.id, attendees: [attendee(people[0]!, delegateTicket)], payment: { method: 1 } }),
    );
    const waiting = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: people[1]!.id, isExhibitor: true, attendees: [attendee(people[1]!, boothTicket)] }),
    );
    const cancelled = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: people[2]!.id, attendees: [attendee(people[2]!, delegateTicket)] }),
    );
    await inTransaction(server(), (ctx) => cancelRegistration(ctx, cancelled.registrationId));
    const started = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: people[3]!.id, stage: 'started', attendees: [attendee(people[3]!, delegateTicket)] }),
    );
    const free = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: people[4]!.id, attendees: [{ firstName: people[4]!.firstName, lastName: people[4]!.lastName, contactId: people[4]!.id }] }),
    );
    assert.deepEqual(
      [paid.status, waiting.status, started.status, free.status],
      [2, 4, 1, 2],
    );

    const detail = await get(paid.registrationId, event.id);
    assert.deepEqual(Object.keys(detail), [
      'id', 'currentStatus', 'isExhibitor', 'completedDate', 'firstName', 'lastName', 'phone', 'privacyConsentData',
      'modifiedDate', 'mainContactId', 'invoiceTotalCost', 'invoiceTotalPaid', 'createdDate',
    ]);
    assert.deepEqual(
      { ...detail, completedDate: 'x', modifiedDate: 'x', createdDate: 'x' },
      {
        id: paid.registrationId, currentStatus: 2, isExhibitor: false, completedDate: 'x', firstName: people[0]!.firstName,
        lastName: people[0]!.lastName, phone: '0400111222', privacyConsentData: null, modifiedDate: 'x', mainContactId: people[0]!.id,
        invoiceTotalCost: 250, invoiceTotalPaid: 250, createdDate: 'x',
      },
    );
    assert.match(detail.completedDate!, TIMESTAMP);
    const exhibitor = await get(waiting.registrationId);
    assert.deepEqual([exhibitor.currentStatus, exhibitor.isExhibitor, exhibitor.invoiceTotalCost, exhibitor.invoiceTotalPaid], [4, true, 1500, 0]);
    const gone = await get(cancelled.registrationId);
    assert.deepEqual([gone.currentStatus, gone.invoiceTotalCost], [3, 0], 'the unpaid invoice of a cancelled registration is cancelled');
    const inProgress = await get(started.registrationId);
    assert.deepEqual([inProgress.currentStatus, inProgress.completedDate, inProgress.invoiceTotalCost], [1, null, 0]);

    const invoices = await server().store().selectFrom('invoices').select(['ref_id', 'status', 'contact_id', 'event_id']).where('ref_type', '=', 1).where('event_id', '=', event.id).orderBy('id').execute();
    assert.deepEqual(invoices.map((i) => [i.ref_id, i.status, i.contact_id]), [
      [paid.registrationId, 2, people[0]!.id],
      [waiting.registrationId, 0, people[1]!.id],
      [cancelled.registrationId, 4, people[2]!.id],
    ]);
    const ev = await client().call<{ numRegistered: number }>('event', 'getEvent', { id: event.id });
    assert.equal(ev.numRegistered, 3, 'completed and payment-required registrations count');

    const subjects = (await changesSince(server().store(), mark)).map((c) => c.subject);
    assert.equal(subjects.filter((s) => s === 'EventRegistrationAdded').length, 5);
    assert.equal(subjects.filter((s) => s === 'EventAttendeeAdded').length, 5);
    assert.equal(subjects.filter((s) => s === 'EventRegistrationUpdated').length, 1);

    // Paying the exhibitor's invoice settles the registration.
    const invoiceId = (await server().store().selectFrom('invoices').select('id').where('ref_type', '=', 1).where('ref_id', '=', waiting.registrationId).executeTakeFirstOrThrow()).id;
    await inTransaction(server(), async (ctx) => {
      await applyPayment(ctx, invoiceId, { amountCents: 150_000, paidAt: ctx.now, method: 3 });
      assert.equal(await settleRegistration(ctx, waiting.registrationId), true);
      assert.equal(await settleRegistration(ctx, waiting.registrationId), false, 'settling twice changes nothing');
    });
    const settled = await get(waiting.registrationId);
    assert.deepEqual([settled.currentStatus, settled.invoiceTotalPaid], [2, 1500]);
  });

  it('completes a payment-required registration when its invoice is paid through invoice.addPayment', async () => {
    const event = await addEvent(server(), 'Paid over the API');
    const ticket = await addTicket(server(), event.id, 'Seat', 12_000);
    const person = await addContact(server(), 'payer');
    const waiting = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: person.id, attendees: [{ contactId: person.id, firstName: person.firstName, lastName: person.lastName, ticketId: ticket }] }),
    );
    assert.equal(waiting.status, 4);
    const invoiceId = (await server().store().selectFrom('invoices').select('id').where('ref_type', '=', 1).where('ref_id', '=', waiting.registrationId).executeTakeFirstOrThrow()).id;
    const pay = (amount: number) => client().call('invoice', 'addPayment', { invoiceId, amountPaid: amount, paymentMethod: 3 });
    await pay(50);
    assert.equal((await get(waiting.registrationId)).currentStatus, 4, 'a part payment leaves it waiting');
    await pay(70);
    const done = await get(waiting.registrationId);
    assert.deepEqual([done.currentStatus, done.invoiceTotalPaid], [2, 120]);
    assert.match(done.completedDate ?? '', TIMESTAMP);
  });

  it('refuses registrations the event cannot take, writing nothing', async () => {
    const event = await addEvent(server(), 'Tiny', 10, { capacity: 1 });
    const ticket = await addTicket(server(), event.id, 'Seat', 1000);
    const [a, b] = [await addContact(server(), 'cap1'), await addContact(server(), 'cap2')];
    const one = (p: typeof a) => ({ eventId: event.id, contactId: p.id, attendees: [{ contactId: p.id, firstName: p.firstName, lastName: p.lastName, ticketId: ticket }] });
    await inTransaction(server(), (ctx) => registerForEvent(ctx, one(a)));
    const other = await addEvent(server(), 'Other');
    const foreignTicket = await addTicket(server(), other.id, 'Foreign', 0);
    const mark = await lastChangeId(server().store());
    const count = async () => (await server().store().selectFrom('event_registrations').select('id').where('event_id', '=', event.id).execute()).length;
    await assert.rejects(inTransaction(server(), (ctx) => registerForEvent(ctx, one(b))), (e) => e instanceof RegistrationRefused && /full/.test(e.message));
    await assert.rejects(inTransaction(server(), (ctx) => registerForEvent(ctx, one(a))), RegistrationRefused);
    await setEventColumns(server(), event.id, { capacity: 0, is_invite_only: 1 });
    await assert.rejects(inTransaction(server(), (ctx) => registerForEvent(ctx, one(b))), /invitation only/);
    await setEventColumns(server(), event.id, { is_invite_only: 0, status: 1 });
    await assert.rejects(inTransaction(server(), (ctx) => registerForEvent(ctx, one(b))), /closed/);
    await setEventColumns(server(), event.id, { status: 3 });
    await assert.rejects(
      inTransaction(server(), (ctx) => registerForEvent(ctx, { ...one(b), attendees: [{ contactId: b.id, firstName: 'B', lastName: 'B', ticketId: foreignTicket }] })),
      /not a ticket of this event/,
    );
    assert.equal(await count(), 1);
    assert.deepEqual(await changesSince(server().store(), mark), [], 'a refused registration records nothing');

    // A failure after the registration rows were written (the invoice cannot be raised in this
    // currency) rolls back the rows and their outbox records together.
    await setEventColumns(server(), event.id, { currency: 'dollars' });
    await assert.rejects(inTransaction(server(), (ctx) => registerForEvent(ctx, one(b))), /Invalid currency/);
    assert.equal(await count(), 1);
    const attendees = await server().store().selectFrom('event_attendees').select('id').where('event_id', '=', event.id).execute();
    assert.equal(attendees.length, 1);
    assert.deepEqual(await changesSince(server().store(), mark), []);
  });

  it('getRegistrationList filters by modified date (inclusive), status and type, with pagination', async () => {
    const event = await addEvent(server(), 'Sync me');
    const ticket = await addTicket(server(), event.id, 'Paid', 5000);
    const booth = await addTicket(server(), event.id, 'Booth', 9000, { isExhibitor: true });
    const ids: number[] = [];
    // Registered over the last few minutes, one a minute, on whole seconds.
    const base = Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000;
    for (let i = 0; i < 6; i++) {
      const p = await addContact(server(), `sync${i}`);
      const exhibitor = i % 3 === 2;
      const r = await inTransaction(
        server(),
        (ctx) =>
          registerForEvent(ctx, {
            eventId: event.id,
            contactId: p.id,
            isExhibitor: exhibitor,
            attendees: [{ contactId: p.id, firstName: p.firstName, lastName: p.lastName, ticketId: exhibitor ? booth : ticket }],
            ...(i % 2 === 0 ? { payment: { method: 6 } } : {}),
          }),
        base + i * 60_000,
      );
      ids.push(r.registrationId);
    }
    const all = await list({ eventId: event.id });
    assert.equal(all.meta.totalResults, 6);
    assert.deepEqual(all.results.map((r) => r.id), ids);
    assert.equal(all.results[0]!.eventName, 'Sync me');
    assert.deepEqual(Object.keys(all.results[0]!), [
      'id', 'eventName', 'currentStatus', 'isExhibitor', 'completedDate', 'mainContactId', 'firstName', 'lastName', 'phone',
      'privacyConsentData', 'invoiceTotalCost', 'invoiceTotalPaid', 'createdDate', 'modifiedDate',
    ]);

    const since = formatTimestamp(base + 3 * 60_000);
    const changed = await list({ eventId: event.id, filter: { modifiedDate__GREATERTHAN: since } });
    assert.deepEqual(changed.results.map((r) => r.id), ids.slice(3), 'the registration modified at exactly that second is included');
    const upTo = await list({ eventId: event.id, filter: { modifiedDate__LESSTHAN: since } });
    assert.deepEqual(upTo.results.map((r) => r.id), ids.slice(0, 4));
    const range = await list({ eventId: event.id, filter: { fromModifiedDate: formatTimestamp(base + 60_000), toModifiedDate: formatTimestamp(base + 2 * 60_000) } });
    assert.deepEqual(range.results.map((r) => r.id), ids.slice(1, 3));
    const exact = await list({ eventId: event.id, filter: { modifiedDate: formatTimestamp(base + 60_000) } });
    assert.deepEqual(exact.results.map((r) => r.id), [ids[1]]);

    const completedDelegates = await list({ eventId: event.id, filter: { currentStatus: 2, isExhibitor: false } });
    assert.deepEqual(completedDelegates.results.map((r) => r.id), [ids[0], ids[4]]);
    const exhibitors = await list({ eventId: event.id, filter: { isExhibitor: true } });
    assert.deepEqual(exhibitors.results.map((r) => r.id), [ids[2], ids[5]]);
    const waitingSince = await list({ eventId: event.id, filter: { currentStatus: 4, modifiedDate__GREATERTHAN: since }, perPage: 1, start: 1 });
    assert.deepEqual(waitingSince.meta, { totalResults: 2, start: 1, perPage: 1, count: 1 });
    assert.deepEqual(waitingSince.results.map((r) => r.id), [ids[5]]);

    const everywhere = await list({ filter: { mainContactId: all.results[0]!.mainContactId } });
    assert.deepEqual(everywhere.results.map((r) => r.id), [ids[0]], 'without eventId the list spans every event');
    await expectApiError(list({ eventId: 987654321 }), 404, 24206, 'Unable to find event');
    await expectApiError(list({ filter: { modifiedDate: 'yesterday' } }), 400, 23016, "'filter.modifiedDate' does not validate");
    await expectApiError(list({ filter: { status: 2 } }), 400, 23016, "'filter.status' does not validate");
    await expectApiError(list({ start: -1 }), 400, 23016, "'start' does not validate");
  });

  it('getRegistration answers 24207, 24208, 24209 and the parameter errors', async () => {
    const event = await addEvent(server(), 'Errors');
    const other = await addEvent(server(), 'Elsewhere');
    const p = await addContact(server(), 'err');
    const r = await inTransaction(server(), (ctx) =>
      registerForEvent(ctx, { eventId: event.id, contactId: p.id, attendees: [{ contactId: p.id, firstName: p.firstName, lastName: p.lastName }] }),
    );
    await expectApiError(get(r.registrationId, 987654321), 404, 24207, 'Unable to find event');
    await expectApiError(get(r.registrationId, other.id), 400, 24208, 'Invalid Registration Id');
    await expectApiError(get(987654321, event.id), 404, 24209, 'Registration not found');
    await expectApiError(client().call('event', 'getRegistration', {}), 400, 23017, "'id' is required");
    await expectApiError(client().call('event', 'getRegistration', { id: 'x' }), 400, 23016, "'id' does not validate");
    const stranger = await server().newAccount();
    await expectApiError(stranger.client.call('event', 'getRegistration', { id: r.registrationId }), 404, 24209);
  });
});
