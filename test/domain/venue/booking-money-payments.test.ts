import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBooking, bookingWorld, changesSince, lastChangeId, type BookingWorld } from './bookings-fixtures.js';

interface Invoice {
  id: number;
  refType: number;
  refId: number;
  bookingId: number;
  venueId: number;
  currentStatus: number;
  totalCost: number;
  amountPaid: number;
  payments: Array<{ id: number; amountPaid: number; paymentMethod: number; receiptNum: string | null }>;
  refunds: Array<{ amountRefunded: number }>;
}

describeEachDatabase('venue booking money: payments and refunds on real invoices', ({ server }) => {
  let w: BookingWorld;
  const call = <T = Record<string, unknown>>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const invoice = (id: number) => server().client.call<Invoice>('invoice', 'getInvoice', { id });
  const outstanding = async (id: number) => (await call<{ amountOutstanding: number }>('getBooking', { id })).amountOutstanding;
  const pay = (bookingId: number, payment: Record<string, unknown> | undefined) =>
    call<{ success: boolean; invoiceId: number; paymentId: number }>('addPaymentToBooking', { venueId: w.venueId, bookingId, ...(payment ? { payment } : {}) });
  const refund = (bookingId: number, r: Record<string, unknown> | undefined) =>
    call<{ success: boolean; refundDetails: Array<{ invoiceId: number; refundId: number }> }>('addRefundToBooking', { venueId: w.venueId, bookingId, ...(r ? { refund: r } : {}) });
  /** A booking that owes 100.00 (one untaxed item). */
  const owing = async () => {
    const id = await addBooking(server().client, w);
    await call('addItemsToBooking', { venueId: w.venueId, bookingId: id, items: [{ description: 'Hire', quantity: 1, salePrice: 100, salePriceHasTax: false }] });
    return id;
  };

  before(async () => {
    w = await bookingWorld(server().store(), server().client, server().primaryUserId);
  });

  it('raises and pays a venue booking invoice per payment, with its notifications, and refuses bad payments', async () => {
    const id = await owing();
    const since = await lastChangeId(server().store());
    const first = await pay(id, { paidDate: '2031-01-22 00:00:00', amountPaid: 40, paymentMethod: 6, receiptNum: 12345, notes: 'Deposit' });
    assert.equal(first.success, true);
    const inv = await invoice(first.invoiceId);
    assert.deepEqual([inv.refType, inv.refId, inv.bookingId, inv.venueId, inv.totalCost, inv.amountPaid, inv.currentStatus], [4, id, id, w.venueId, 40, 40, 2]);
    assert.deepEqual(inv.payments.map((p) => [p.id, p.amountPaid, p.paymentMethod, p.receiptNum]), [[first.paymentId, 40, 6, '12345']]);
    const subjects = (await changesSince(server().store(), since)).map((c) => `${c.endpoint}:${c.subject}`);
    assert.deepEqual(subjects, ['payments:InvoiceAdded', 'payments:InvoiceUpdated']);
    assert.equal(await outstanding(id), 60);

    await expectApiError(pay(id, { amountPaid: 60.01 }), 400, 24136, 'outstanding');
    await expectApiError(pay(id, { amountPaid: -5 }), 400, 24136, 'amountPaid');
    await expectApiError(pay(id, { amountPaid: 0 }), 400, 24136, 'amountPaid');
    await expectApiError(pay(id, { amountPaid: 1.001 }), 400, 24136, 'amountPaid');
    await expectApiError(pay(id, { amountPaid: 5, paymentMethod: 7 }), 400, 24136, 'paymentMethod');
    await expectApiError(pay(id, undefined), 400, 24136, 'amountPaid');
    await expectApiError(pay(999_999, { amountPaid: 5 }), 404, 23026);
    const other = await server().newAccount({ withUser: 'primary' });
    const theirs = createClient({ url: server().url, key: other.key, secret: other.secret });
    await expectApiError(theirs.call('venue', 'addPaymentToBooking', { venueId: w.venueId, bookingId: id, payment: { amountPaid: 5 } }), 404, 23026);
    await expectApiError(theirs.call('venue', 'addRefundToBooking', { venueId: w.venueId, bookingId: id, refund: { amount: 5 } }), 404, 23026);
    const invoices = await server().store().selectFrom('invoices').select('id').where('booking_id', '=', id).execute();
    assert.equal(invoices.length, 1, 'a refused payment leaves no invoice behind');

    await pay(id, { amountPaid: 60 });
    assert.equal(await outstanding(id), 0);
    await expectApiError(pay(id, { amountPaid: 0.01 }), 400, 24136);
  });

  it('spreads a refund over the booking invoices, newest first, and refuses what cannot be refunded', async () => {
    const id = await owing();
    await expectApiError(refund(id, { amount: 10 }), 400, 24145);
    const older = await pay(id, { amountPaid: 40 });
    const newer = await pay(id, { amountPaid: 30 });
    await expectApiError(refund(id, { amount: 0 }), 400, 24147);
    await expectApiError(refund(id, undefined), 400, 24149);
    await expectApiError(refund(id, { amount: 1.005 }), 400, 24149);
    await expectApiError(refund(id, { amount: 70.01 }), 400, 24146);

    const done = await refund(id, { refundDate: '2031-01-22 00:00:00 UTC', amount: 50, notes: 'Fewer guests' });
    assert.deepEqual(done.refundDetails.map((d) => d.invoiceId), [newer.invoiceId, older.invoiceId]);
    const [n, o] = await Promise.all([invoice(newer.invoiceId), invoice(older.invoiceId)]);
    assert.deepEqual([n.currentStatus, n.refunds.map((r) => r.amountRefunded)], [5, [30]]);
    assert.deepEqual([o.currentStatus, o.refunds.map((r) => r.amountRefunded)], [2, [20]]);
    assert.equal(await outstanding(id), 80);

    await expectApiError(refund(id, { amount: 25 }), 400, 24148);
    await refund(id, { amount: 20 });
    await expectApiError(refund(id, { amount: 1 }), 400, 24145);
    const notes = await server().store().selectFrom('booking_changelog').select('note_text').where('booking_id', '=', id).where('ref_type', '=', 1).orderBy('id').execute();
    assert.ok(notes.some((l) => l.note_text.startsWith('Refund of')), 'refunds are in the changelog');
  });

  it('lets only the payments that fit through when they race for one balance', async () => {
    const id = await owing();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => pay(id, { amountPaid: 30 })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
    assert.equal(await outstanding(id), 10);
  });
});
