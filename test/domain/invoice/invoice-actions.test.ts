import assert from 'node:assert/strict';
import { it } from 'node:test';
import { IvvyApiError } from '../../../src/client/errors.js';
import { applyPayment, createInvoice } from '../../../src/domain/invoice/store.js';
import { parseTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addCompany, addContact, GST, menuInvoice, write } from './fixtures.js';
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

let venue = 9000;

describeEachDatabase('invoice.getInvoice / getInvoiceList', ({ server }) => {
  const call = <T = Json>(action: string, params: unknown) => server().client.call<T>('invoice', action, params);

  it('shows an invoice field for field, quantity and unit cost as after the July 2025 change', async () => {
    const contactId = await addContact(server(), { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', phone: '0400 000 000' });
    const companyId = await addCompany(server(), { businessName: 'Harbour Events Pty Ltd', businessNumber: 'ABN 1', email: 'ap@harbour.example', phone: '02 9000 0000' });
    const issuedAt = Date.UTC(2025, 5, 11, 6, 6, 42);
    const created = await write(server(), (ctx) =>
      createInvoice(
        ctx,
        menuInvoice({
          contactId,
          companyId,
          refType: 4,
          refId: 92471,
          venueId: 1683,
          bookingId: 92471,
          bookingCode: 'WLBTCHTT39',
          purchaseOrderReference: 'PO-778',
          title: 'Deposit Invoice',
          items: [
            { description: 'Menu', quantity: 10, unitCostCents: 2300, refType: 506, ref2Id: 5, serviceDate: { start: '2025-08-22' }, taxes: [GST], costCenters: [{ costcenterId: 3, totalCents: 23000, taxCents: 2091 }] },
          ],
          excludedTaxes: [{ taxId: 6064, name: 'Venue levy', rateType: 'amount', rate: 1500, costcenterId: 4 }],
          issuedAt,
          dueAt: issuedAt + 7 * 86_400_000,
        }),
      ),
    );
    const invoice = await call('getInvoice', { id: created.id });
    assert.deepEqual(invoice, created, 'createInvoice returns what getInvoice shows');
    assert.equal(invoice.reference, String(1_000_000 + created.id));
    assert.equal(invoice.title, 'Deposit Invoice');
    assert.equal(invoice.description, 'Christmas party');
    assert.equal(invoice.currency, 'AUD');
    assert.equal(invoice.totalCost, 245);
    assert.equal(invoice.totalTaxCost, 35.91);
    assert.equal(invoice.amountPaid, 0);
    assert.equal(invoice.currentStatus, 0);
    assert.equal(invoice.toContactName, 'Grace Hopper');
    assert.equal(invoice.toContactEmail, 'grace@example.com');
    assert.equal(invoice.toContactId, contactId);
    assert.deepEqual(invoice.contact, { id: contactId, firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', phone: '0400 000 000' });
    assert.deepEqual(invoice.company, { id: companyId, businessName: 'Harbour Events Pty Ltd', businessNumber: 'ABN 1', phone: '02 9000 0000', email: 'ap@harbour.example' });
    assert.deepEqual(invoice.toAddress, {
      line1: '1 Harbour St', line2: '', line3: '', line4: '', city: 'Sydney', stateCode: 'NSW', stateName: null,
      countryCode: 'AU', countryName: 'Australia', postalCode: '2000',
    });
    assert.equal(invoice.issuedDate, '2025-06-11 06:06:42 UTC');
    assert.equal(invoice.paymentDueDate, '2025-06-18 06:06:42 UTC');
    assert.match(invoice.createdDate, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    assert.equal(invoice.refType, 4);
    assert.equal(invoice.refId, 92471);
    assert.equal(invoice.venueId, 1683);
    assert.equal(invoice.eventId, null);
    assert.equal(invoice.bookingCode, 'WLBTCHTT39');
    assert.equal(invoice.bookingId, 92471);
    assert.equal(invoice.isTaxCharged, 1);
    assert.equal(invoice.taxRateUsed, 10);
    assert.deepEqual(invoice.items, [
      {
        id: created.items[0]!.id,
        description: 'Menu',
        quantity: 10,
        quantityUnit: 1,
        serviceDate: { start: '2025-08-22', end: '2025-08-22' },
        unitCost: 23,
        unitCostExTax: 20.91,
        totalCost: 230,
        totalTaxCost: 20.91,
        amountPaid: 0,
        refType: 506,
        refId: null,
        ref2Id: 5,
        costCenters: [{ costcenterId: 3, totalCost: 230, totalTaxCost: 20.91 }],
        taxes: [{ taxId: 1, amount: 20.91, taxRateId: 0, taxRateAmount: 10, taxRateAmountType: 1, costcenterId: 0 }],
        adjustments: [],
      },
    ]);
    assert.deepEqual(invoice.venueExTaxes, [
      { taxId: 6064, amount: 15, taxRateId: 0, taxRateAmount: 1500, taxRateAmountType: 2, costcenterId: 4 },
    ]);
    assert.deepEqual(invoice.payments, []);
    assert.deepEqual(invoice.refunds, []);
    assert.deepEqual(invoice.additionalData, {
      purchaseOrderReference: 'PO-778',
      taxes: [{ id: 1, name: 'GST' }, { id: 6064, name: 'Venue levy' }],
    });
  });

  it('addresses an invoice without contact or company to nobody, and gives custom invoices empty additionalData', async () => {
    const created = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ items: [{ description: 'Walk-in', unitCostCents: 1000 }] })));
    const invoice = await call('getInvoice', { id: created.id });
    assert.equal(invoice.contact, null);
    assert.equal(invoice.company, null);
    assert.equal(invoice.toContactName, null);
    assert.equal(invoice.toContactId, null);
    assert.equal(invoice.isTaxCharged, 0);
    assert.equal(invoice.taxRateUsed, null);
    assert.equal(invoice.totalTaxCost, 0);
    assert.deepEqual(invoice.additionalData, {});
    assert.equal(invoice.items[0].serviceDate, null);
  });

  it('answers the documented errors for a missing invoice and bad ids', async () => {
    await rejects(call('getInvoice', { id: 987654 }), 404, 24137);
    await rejects(call('getInvoice', { id: 'abc' }), 400, 23016);
    await rejects(call('getInvoice', {}), 400, 23017);
  });

  it('keeps invoices inside their account', async () => {
    const created = await write(server(), (ctx) => createInvoice(ctx, menuInvoice()));
    const other = await server().newAccount();
    await rejects(other.client.call('invoice', 'getInvoice', { id: created.id }), 404, 24137);
    const list = await other.client.call<Json>('invoice', 'getInvoiceList', {});
    assert.equal(list.meta.totalResults, 0);
  });

  it('lists invoices with the collection envelope and the documented filters', async () => {
    const venueId = ++venue;
    const ids: number[] = [];
    for (const refType of [0, 1, 4] as const) {
      const inv = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ refType, refId: refType === 0 ? null : 50 + refType, venueId })));
      ids.push(inv.id);
    }
    const all = await call('getInvoiceList', { filter: { venueId } });
    assert.deepEqual(all.meta, { totalResults: 3, start: 0, perPage: 100, count: 3 });
    assert.deepEqual(all.results.map((r: Json) => r.id), ids);
    const first = await call('getInvoice', { id: ids[0] });
    const { items: _i, payments: _p, refunds: _r, venueExTaxes: _v, additionalData: _a, ...listFields } = first;
    assert.deepEqual(all.results[0], { ...listFields, payments: null }, 'list items are getInvoice without the detail arrays');

    const bookings = await call('getInvoiceList', { filter: { venueId, refType: 4 } });
    assert.deepEqual(bookings.results.map((r: Json) => r.id), [ids[2]]);
    const paged = await call('getInvoiceList', { filter: { venueId }, start: 1, perPage: 1 });
    assert.deepEqual(paged.meta, { totalResults: 3, start: 1, perPage: 1, count: 1 });
    assert.equal(paged.results[0].id, ids[1]);
    const byStatus = await call('getInvoiceList', { filter: { venueId, currentStatus__NOT: 0 } });
    assert.equal(byStatus.meta.totalResults, 0);
  });

  it('filters by modified date, inclusive to the second, so a sync can fetch what changed', async () => {
    const venueId = ++venue;
    const jan = Date.UTC(2024, 0, 10, 12, 0, 0);
    const jun = Date.UTC(2024, 5, 10, 12, 0, 0);
    const old = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ venueId })), jan);
    const recent = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ venueId })), jun);
    const from = await call('getInvoiceList', { filter: { venueId, fromModifiedDate: '2024-03-01 00:00:00' } });
    assert.deepEqual(from.results.map((r: Json) => r.id), [recent.id]);
    const to = await call('getInvoiceList', { filter: { venueId, toModifiedDate: '2024-01-10 12:00:00' } });
    assert.deepEqual(to.results.map((r: Json) => r.id), [old.id]);
    const exact = await call('getInvoiceList', { filter: { venueId, fromModifiedDate: '2024-06-10 12:00:00 UTC', toModifiedDate: '2024-06-10 12:00:00' } });
    assert.deepEqual(exact.results.map((r: Json) => r.id), [recent.id]);

    // A payment moves the modified date, so the next sync picks the invoice up again.
    const payday = Date.UTC(2024, 8, 1, 0, 0, 0);
    await write(server(), (ctx) => applyPayment(ctx, old.id, { amountCents: 1000, paidAt: payday, method: 6 }), payday);
    const changed = await call('getInvoiceList', { filter: { venueId, fromModifiedDate: '2024-08-01 00:00:00' } });
    assert.deepEqual(changed.results.map((r: Json) => r.id), [old.id]);
    assert.equal(parseTimestamp(changed.results[0].modifiedDate), payday);
    await rejects(call('getInvoiceList', { filter: { fromModifiedDate: 'yesterday' } }), 400, 23016);
  });

  it('includes payment details only when the includePaymentDetails filter asks for them', async () => {
    const venueId = ++venue;
    const inv = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ venueId })));
    const paidAt = Date.UTC(2025, 1, 2, 3, 4, 5);
    const { paymentId } = await write(server(), (ctx) =>
      applyPayment(ctx, inv.id, { amountCents: 5000, paidAt, method: 5, chequeNumber: '000123', receiptNum: 'R-1', notes: 'Deposit' }),
    );
    const plain = await call('getInvoiceList', { filter: { venueId } });
    assert.equal(plain.results[0].payments, null);
    const off = await call('getInvoiceList', { filter: { venueId, includePaymentDetails: false } });
    assert.equal(off.results[0].payments, null);
    const withPayments = await call('getInvoiceList', { filter: { venueId, includePaymentDetails: true } });
    assert.equal(withPayments.meta.totalResults, 1, 'includePaymentDetails selects no rows');
    assert.deepEqual(withPayments.results[0].payments, [
      {
        id: paymentId,
        paymentId: 0,
        receiptNum: 'R-1',
        amountPaid: 50,
        notes: 'Deposit',
        chequeNumber: '000123',
        paymentMethod: 5,
        paidDate: '2025-02-02 03:04:05 UTC',
        feePercentage: null,
        feeAmount: null,
        invoiceId: inv.id,
      },
    ]);
    await rejects(call('getInvoiceList', { filter: { includePaymentDetails: 'maybe' } }), 400, 23016);
    await rejects(call('getInvoiceList', { filter: { colour: 'red' } }), 400, 23016);
  });

  it('publishes the documented options', async () => {
    await server().store().transaction((tx) =>
      tx.insertInto('custom_payment_methods', [
        { name: 'Gift Voucher', is_active: 1, created_at: Date.now() },
        { name: 'Old Voucher', is_active: 0, created_at: Date.now() },
      ]).execute(),
    );
    const options = await call('getOptions', {});
    assert.deepEqual(options.invoiceRefTypes, { 0: 'Custom', 1: 'Event Registration', 2: 'Membership Sign Up', 3: 'Membership Renewal', 4: 'Venue Booking' });
    assert.deepEqual(Object.keys(options.paymentMethods), ['0', '1', '2', '3', '4', '5', '6', '8', '9', '10', '11', '12', '13']);
    assert.equal(options.paymentMethods['13'], 'Custom');
    assert.equal(options.invoiceLineRefTypes['510'], 'Accommodation');
    assert.equal(options.invoiceLineRefTypes['103'], 'Payment Fee');
    assert.deepEqual(Object.values(options.customPaymentMethods), ['Gift Voucher', 'Old Voucher']);
  });
});
