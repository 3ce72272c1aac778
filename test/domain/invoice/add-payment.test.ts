import assert from 'node:assert/strict';
import { it } from 'node:test';
import { IvvyApiError } from '../../../src/client/errors.js';
import { cancelInvoice, createInvoice } from '../../../src/domain/invoice/store.js';
import { refundInvoice } from '../../../src/domain/invoice/refunds.js';
import { describeEachDatabase } from '../../support/suite.js';
import { menuInvoice, write } from './fixtures.js';
import type { Json } from '../../support/json.js';


async function rejects(promise: Promise<unknown>, status: number, specificCode: number): Promise<IvvyApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IvvyApiError, String(error));
    assert.equal(error.status, status, error.message);
    assert.equal(error.specificCode, specificCode, error.message);
    return error;
  }
  assert.fail('expected an error');
}

describeEachDatabase('invoice.addPayment', ({ server, kind }) => {
  const call = <T = Json>(action: string, params: unknown) => server().client.call<T>('invoice', action, params);
  const newInvoice = async () => (await write(server(), (ctx) => createInvoice(ctx, menuInvoice()))).id;
  const changesOf = async (invoiceId: number) => {
    const rows = await server().store().selectFrom('changes').select(['subject', 'endpoint', 'body', 'source_type']).orderBy('id').execute();
    return rows
      .map((r) => ({ ...r, body: JSON.parse(r.body) as Json }))
      .filter((r) => r.body.data?.id === invoiceId);
  };

  it('takes a partial payment, then the rest, moving amountPaid and status and recording InvoiceUpdated', async () => {
    const invoiceId = await newInvoice();
    const first = await call('addPayment', { invoiceId: String(invoiceId), paidDate: '2018-07-24 00:00:00', amountPaid: 100, paymentMethod: 6, receiptNum: '123' });
    assert.deepEqual(Object.keys(first), ['success', 'id']);
    assert.equal(first.success, true);
    const partly = await call('getInvoice', { id: invoiceId });
    assert.equal(partly.amountPaid, 100);
    assert.equal(partly.currentStatus, 0, 'a partly paid invoice is still Not Paid');
    assert.deepEqual(partly.payments, [
      { id: first.id, paymentId: 0, receiptNum: '123', amountPaid: 100, feeAmount: null, feePercentage: null, notes: '', chequeNumber: null, paymentMethod: 6, customPaymentMethodId: null, paidDate: '2018-07-24 00:00:00 UTC', cardType: null },
    ]);
    assert.equal(partly.items[0].amountPaid, 100);

    const second = await call('addPayment', { invoiceId, amountPaid: '130.00', paymentMethod: 1, cardType: 2 });
    const paid = await call('getInvoice', { id: invoiceId });
    assert.equal(paid.amountPaid, 230);
    assert.equal(paid.currentStatus, 2);
    assert.deepEqual(paid.payments.map((p: Json) => [p.id, p.amountPaid, p.cardType]), [[first.id, 100, null], [second.id, 130, 2]]);

    const changes = await changesOf(invoiceId);
    assert.deepEqual(changes.map((c) => c.subject), ['InvoiceAdded', 'InvoiceUpdated', 'InvoiceUpdated']);
    assert.ok(changes.every((c) => c.endpoint === 'payments'));
    assert.equal(changes[1]!.source_type, 1, 'changes through the API carry source type 1');
    assert.equal(changes[1]!.body.previousData.amountPaid, 0);
    assert.equal(changes[1]!.body.data.amountPaid, 100);
    assert.equal(changes[2]!.body.previousData.currentStatus, 0);
    assert.deepEqual(changes[2]!.body.data, paid, 'the notification carries the getInvoice shape');
  });

  it('rejects over-payment, non-positive and malformed amounts with 24239 and writes nothing', async () => {
    const invoiceId = await newInvoice();
    await call('addPayment', { invoiceId, amountPaid: 200, paymentMethod: 6 });
    const before = await changesOf(invoiceId);
    const over = await rejects(call('addPayment', { invoiceId, amountPaid: 30.01, paymentMethod: 6 }), 400, 24239);
    assert.match(over.additionalMessages?.[0] ?? '', /exceeds the outstanding amount of AUD\s?30\.00/);
    await rejects(call('addPayment', { invoiceId, amountPaid: 0, paymentMethod: 6 }), 400, 24239);
    await rejects(call('addPayment', { invoiceId, amountPaid: -5, paymentMethod: 6 }), 400, 24239);
    await rejects(call('addPayment', { invoiceId, amountPaid: 1.005, paymentMethod: 6 }), 400, 24239);
    await rejects(call('addPayment', { invoiceId, amountPaid: 'ten', paymentMethod: 6 }), 400, 23016);
    const after = await call('getInvoice', { id: invoiceId });
    assert.equal(after.amountPaid, 200);
    assert.equal(after.payments.length, 1);
    assert.equal((await changesOf(invoiceId)).length, before.length, 'no change recorded for refused payments');
    await call('addPayment', { invoiceId, amountPaid: 30, paymentMethod: 6 });
    await rejects(call('addPayment', { invoiceId, amountPaid: 0.01, paymentMethod: 6 }), 400, 24239);
  });

  it('refuses payments on cancelled and refunded invoices', async () => {
    const cancelled = await newInvoice();
    await write(server(), (ctx) => cancelInvoice(ctx, cancelled));
    assert.equal((await call('getInvoice', { id: cancelled })).currentStatus, 4);
    const e = await rejects(call('addPayment', { invoiceId: cancelled, amountPaid: 10, paymentMethod: 6 }), 400, 24239);
    assert.match(e.additionalMessages?.[0] ?? '', /Cancelled/);

    const refunded = await newInvoice();
    await call('addPayment', { invoiceId: refunded, amountPaid: 230, paymentMethod: 6 });
    await write(server(), (ctx) => refundInvoice(ctx, refunded, { amountCents: 23000, refundAt: Date.UTC(2025, 0, 1), notes: 'Event cancelled' }));
    const shown = await call('getInvoice', { id: refunded });
    assert.equal(shown.currentStatus, 5);
    assert.equal(shown.refunds.length, 1);
    assert.equal(shown.refunds[0].amountRefunded, 230);
    assert.equal(shown.refunds[0].refundDate, '2025-01-01 00:00:00 UTC');
    assert.equal(shown.refunds[0].invoiceId, refunded);
    await rejects(call('addPayment', { invoiceId: refunded, amountPaid: 10, paymentMethod: 6 }), 400, 24239);
  });

  it('answers the page\'s codes for empty requests, payment methods, gateways and unknown invoices', async () => {
    const invoiceId = await newInvoice();
    await rejects(call('addPayment', {}), 400, 24235);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 7 }), 400, 24236);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 42 }), 400, 24236);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 1, gateway: 'stripe' }), 400, 24237);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 1, paymentId: 77 }), 400, 24237);
    await rejects(call('addPayment', { invoiceId: 999999, amountPaid: 10, paymentMethod: 6 }), 404, 24238);
    await rejects(call('addPayment', { amountPaid: 10, paymentMethod: 6 }), 400, 23017);
    await rejects(call('addPayment', { invoiceId, paymentMethod: 6 }), 400, 23017);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 1 }), 400, 23017);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 5 }), 400, 23017);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 13 }), 400, 23017);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 13, customPaymentMethodId: 424242 }), 400, 24236);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 1, cardType: 9 }), 400, 24239);
    await rejects(call('addPayment', { invoiceId, amountPaid: 10, paidDate: '24/07/2018' }), 400, 23016);
    const other = await server().newAccount();
    await rejects(other.client.call('invoice', 'addPayment', { invoiceId, amountPaid: 10, paymentMethod: 6 }), 404, 24238);
    assert.equal((await call('getInvoice', { id: invoiceId })).amountPaid, 0);
  });

  it('records each payment method\'s details', async () => {
    const invoiceId = await newInvoice();
    const [method] = await server().store().transaction((tx) =>
      tx.insertInto('custom_payment_methods', { name: 'Gift Voucher', is_active: 1, created_at: Date.now() }).returning('id').execute(),
    );
    await call('addPayment', { invoiceId, amountPaid: 10, paymentMethod: 13, customPaymentMethodId: method!.id });
    await call('addPayment', { invoiceId, amountPaid: 20, paymentMethod: 5, chequeNumber: '998877', chequeDrawerName: 'A. Drawer', chequeBankBranch: 'Sydney' });
    await call('addPayment', { invoiceId, amountPaid: 30, paymentMethod: 3, eftTransferDate: '2025-03-01 10:00:00', eftPaymentReference: 'EFT-1', reconciledDate: '2025-03-02 10:00:00' });
    await call('addPayment', { invoiceId, amountPaid: 40 });
    const invoice = await call('getInvoice', { id: invoiceId });
    assert.deepEqual(
      invoice.payments.map((p: Json) => [p.paymentMethod, p.customPaymentMethodId, p.chequeNumber, p.amountPaid]),
      [[13, method!.id, null, 10], [5, null, '998877', 20], [3, null, null, 30], [0, null, null, 40]],
    );
    const row = await server().store().selectFrom('invoice_payments').selectAll().where('invoice_id', '=', invoiceId).where('payment_method', '=', 3).executeTakeFirstOrThrow();
    assert.equal(row.eft_payment_reference, 'EFT-1');
    assert.equal(Number(row.reconciled_at), Date.UTC(2025, 2, 2, 10));
  });

  it('adds a percentage fee included in the amount paid as a taxed fee line, as get-invoice.md shows', async () => {
    const invoiceId = await newInvoice();
    const { id } = await call('addPayment', { invoiceId, amountPaid: 233.45, paymentMethod: 1, cardType: 3, feePercentage: 1.5 });
    const invoice = await call('getInvoice', { id: invoiceId });
    assert.equal(invoice.totalCost, 233.45);
    assert.equal(invoice.amountPaid, 233.45);
    assert.equal(invoice.currentStatus, 2);
    assert.equal(invoice.totalTaxCost, 21.22, 'GST on the fee (0.31) joins the invoice tax (20.91)');
    const fee = invoice.items[1];
    assert.equal(fee.refType, 102);
    assert.equal(fee.totalCost, 3.45);
    assert.equal(fee.totalTaxCost, 0.31);
    assert.equal(fee.amountPaid, 3.45);
    assert.equal(fee.refId, id);
    assert.deepEqual(invoice.payments[0].feeAmount, 3.45);
    assert.deepEqual(invoice.payments[0].feePercentage, 1.5);
  });

  it('treats a flat fee as winning over a percentage, and excludes the listed taxes from it', async () => {
    const invoiceId = await newInvoice();
    await call('addPayment', { invoiceId, amountPaid: 105, paymentMethod: 6, feeAmount: 5, feePercentage: 50, feeExcludedTaxIds: [1] });
    const invoice = await call('getInvoice', { id: invoiceId });
    assert.equal(invoice.totalCost, 235);
    assert.equal(invoice.amountPaid, 105);
    assert.equal(invoice.items[1].refType, 103);
    assert.deepEqual(invoice.items[1].taxes, []);
    assert.equal(invoice.payments[0].feePercentage, null);
    await rejects(call('addPayment', { invoiceId, amountPaid: 5, paymentMethod: 6, feeAmount: 5 }), 400, 24239);
  });

  it('settles with a write-off as Written Off', async () => {
    const invoiceId = await newInvoice();
    await call('addPayment', { invoiceId, amountPaid: 200, paymentMethod: 6 });
    await call('addPayment', { invoiceId, amountPaid: 30, paymentMethod: 10 });
    assert.equal((await call('getInvoice', { id: invoiceId })).currentStatus, 3);
  });

  it(`never over-pays when payments race (${kind})`, async () => {
    const invoiceId = await newInvoice();
    // 12 payments of 30.00 race for a 230.00 balance: exactly 7 fit.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => call('addPayment', { invoiceId, amountPaid: 30, paymentMethod: 6 })),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    assert.equal(ok.length, 7);
    for (const r of refused) {
      assert.ok(r.reason instanceof IvvyApiError, String(r.reason));
      assert.equal(r.reason.specificCode, 24239);
    }
    const invoice = await call('getInvoice', { id: invoiceId });
    assert.equal(invoice.amountPaid, 210);
    assert.equal(invoice.payments.length, 7);
    assert.equal(invoice.currentStatus, 0);
    const updates = (await changesOf(invoiceId)).filter((c) => c.subject === 'InvoiceUpdated');
    assert.equal(updates.length, 7);
    // Each notification's previousData is the state the next one started from.
    const paidSeq = updates.map((u) => [u.body.previousData.amountPaid, u.body.data.amountPaid]);
    assert.deepEqual(paidSeq, Array.from({ length: 7 }, (_, i) => [30 * i, 30 * (i + 1)]));

    // And two payments that would each settle the rest: only one wins.
    const settle = await Promise.allSettled([20, 20].map((amountPaid) => call('addPayment', { invoiceId, amountPaid, paymentMethod: 6 })));
    assert.equal(settle.filter((o) => o.status === 'fulfilled').length, 1);
    const final = await call('getInvoice', { id: invoiceId });
    assert.equal(final.amountPaid, 230);
    assert.equal(final.currentStatus, 2);
  });
});
