import assert from 'node:assert/strict';
import { it } from 'node:test';
import { IvvyApiError } from '../../../src/client/errors.js';
import { allocateCreditNote, createCreditNote, refundCreditNote } from '../../../src/domain/invoice/credit-notes.js';
import { applyPayment, cancelInvoice, createInvoice } from '../../../src/domain/invoice/store.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addCompany, addContact, GST, menuInvoice, write } from './fixtures.js';
import type { Json } from '../../support/json.js';


async function rejects(promise: Promise<unknown>, status: number, specificCode: number): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof IvvyApiError, String(error));
    assert.equal(error.status, status);
    assert.equal(error.specificCode, specificCode);
    return true;
  });
}

let venue = 5000;

describeEachDatabase('invoice.getCreditNoteList / getCreditNote', ({ server }) => {
  const call = <T = Json>(action: string, params: unknown) => server().client.call<T>('invoice', action, params);

  /** A cancelled invoice whose 100.00 deposit became a credit note; 60.00 pays another invoice, 40.00 is refunded. */
  async function creditStory(venueId: number) {
    const contactId = await addContact(server());
    const companyId = await addCompany(server());
    const t0 = Date.UTC(2021, 1, 16, 5, 10, 55);
    const cancelled = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ contactId, companyId, venueId })), t0);
    const next = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ contactId, venueId })), t0);
    await write(server(), async (ctx) => {
      await applyPayment(ctx, cancelled.id, { amountCents: 10000, paidAt: t0, method: 6 });
      await cancelInvoice(ctx, cancelled.id);
    }, t0);
    const noteId = await write(server(), (ctx) =>
      createCreditNote(ctx, {
        refType: 4,
        refId: 27398,
        title: 'Test Credit Note',
        notes: 'Deposit credit',
        currency: 'AUD',
        invoiceId: cancelled.id,
        venueId,
        items: [
          { description: 'Accommodation: Room 4', unitCostCents: 9000, refType: 510, taxes: [GST], costCenters: [{ costcenterId: 6, totalCents: 9000, taxCents: 818 }] },
          { description: 'Service Fee', unitCostCents: 1000, refType: 513, taxes: [GST] },
        ],
        createdAt: t0,
      }), t0);
    const allocatedAt = Date.UTC(2021, 1, 16, 5, 16, 17);
    await write(server(), (ctx) => allocateCreditNote(ctx, noteId, next.id, 6000, allocatedAt, 'Applied to next booking'), allocatedAt);
    const refundedAt = Date.UTC(2021, 1, 18, 0, 5, 15);
    const refundId = await write(server(), (ctx) => refundCreditNote(ctx, noteId, { amountCents: 4000, refundAt: refundedAt, notes: 'Jus refunded.' }), refundedAt);
    return { contactId, companyId, cancelled, next, noteId, refundId };
  }

  it('shows a credit note field for field with its items, taxes, allocations and refunds', async () => {
    const venueId = ++venue;
    const s = await creditStory(venueId);
    const note = await call('getCreditNote', { id: s.noteId });
    assert.deepEqual(note, {
      id: s.noteId,
      reference: `CN${10_000_000 + s.noteId}`,
      title: 'Test Credit Note',
      notes: 'Deposit credit',
      currency: 'AUD',
      totalAmount: 100,
      totalTaxAmount: 9.09,
      amountAllocated: 60,
      amountRefunded: 40,
      createdDate: '2021-02-16 05:10:55 UTC',
      modifiedDate: '2021-02-18 00:05:15 UTC',
      refType: 4,
      refId: 27398,
      eventId: null,
      venueId,
      contactId: s.contactId,
      companyId: s.companyId,
      invoiceId: s.cancelled.id,
      address: { line1: '1 Harbour St', line2: '', line3: '', line4: '', city: 'Sydney', stateCode: 'NSW', stateName: null, countryCode: 'AU', countryName: 'Australia', postalCode: '2000' },
      taxes: [{ taxId: 1, amount: 9.09, taxRateId: 0, taxRateAmount: 10, taxRateAmountType: 1, costcenterId: 0 }],
      items: [
        {
          id: note.items[0].id,
          description: 'Accommodation: Room 4',
          quantity: 1,
          unitCost: 90,
          totalCost: 90,
          totalTaxCost: 8.18,
          amountPaid: null,
          refType: 510,
          costCenters: [{ costcenterId: 6, totalCost: 90, totalTaxCost: 8.18 }],
          taxes: [{ taxId: 1, amount: 8.18, taxRateId: 0, taxRateAmount: 10, taxRateAmountType: 1, costcenterId: 0 }],
        },
        {
          id: note.items[1].id,
          description: 'Service Fee',
          quantity: 1,
          unitCost: 10,
          totalCost: 10,
          totalTaxCost: 0.91,
          amountPaid: null,
          refType: 513,
          costCenters: [],
          taxes: [{ taxId: 1, amount: 0.91, taxRateId: 0, taxRateAmount: 10, taxRateAmountType: 1, costcenterId: 0 }],
        },
      ],
      allocations: [{ invoiceId: s.next.id, creditDate: '2021-02-16 05:16:17', amountAllocated: 60, notes: 'Applied to next booking' }],
      refunds: [{ refundId: s.refundId, refundDate: '2021-02-18 00:05:15', amountRefunded: 40, notes: 'Jus refunded.' }],
    });
    // The allocation is a payment on the invoice it paid.
    const paid = await call('getInvoice', { id: s.next.id });
    assert.equal(paid.amountPaid, 60);
    assert.match(paid.payments[0].notes, new RegExp(`CN${10_000_000 + s.noteId}`));
  });

  it('refuses to use more credit than is left', async () => {
    const venueId = ++venue;
    const s = await creditStory(venueId);
    await assert.rejects(
      write(server(), (ctx) => refundCreditNote(ctx, s.noteId, { amountCents: 1, refundAt: Date.now() })),
      (e: { additionalMessages?: string[] }) => /exceeds the credit left/.test(e.additionalMessages?.[0] ?? ''),
    );
    const note = await call('getCreditNote', { id: s.noteId });
    assert.equal(note.refunds.length, 1, 'the refused refund left nothing behind');
  });

  it('lists credit notes with null usage when none, and filters by venue and modified date', async () => {
    const venueId = ++venue;
    const s = await creditStory(venueId);
    const unused = await write(server(), (ctx) =>
      createCreditNote(ctx, { refType: 1, refId: 7, title: 'Event Testing: Registration 7', currency: 'AUD', eventId: 2, venueId, items: [{ description: 'Ticket', unitCostCents: 50000, taxes: [GST] }] }),
    );
    const list = await call('getCreditNoteList', { filter: { venueId } });
    assert.deepEqual(list.meta, { totalResults: 2, start: 0, perPage: 100, count: 2 });
    const [first, second] = list.results;
    const { address: _a, taxes: _t, items: _i, allocations: _al, refunds: _r, ...listFields } = await call('getCreditNote', { id: s.noteId });
    assert.deepEqual(first, listFields);
    assert.equal(second.id, unused);
    assert.equal(second.amountAllocated, null);
    assert.equal(second.amountRefunded, null);
    assert.equal(second.totalAmount, 500);
    assert.equal(second.totalTaxAmount, 45.45);
    assert.equal(second.eventId, 2);
    const recent = await call('getCreditNoteList', { filter: { venueId, fromModifiedDate: '2022-01-01 00:00:00' } });
    assert.deepEqual(recent.results.map((r: Json) => r.id), [unused]);
    const events = await call('getCreditNoteList', { filter: { venueId, refType: 1 } });
    assert.deepEqual(events.results.map((r: Json) => r.id), [unused]);
    await rejects(call('getCreditNoteList', { filter: { nope: 1 } }), 400, 23016);
  });

  it('answers 24406 for a credit note that does not exist or belongs to another account', async () => {
    const s = await creditStory(++venue);
    await rejects(call('getCreditNote', { id: 999999 }), 404, 24406);
    const other = await server().newAccount();
    await rejects(other.client.call('invoice', 'getCreditNote', { id: s.noteId }), 404, 24406);
    await rejects(call('getCreditNote', { id: 'x' }), 400, 23016);
  });
});
