/**
 * venue.addPaymentToBooking (add-payment-to-booking.md): "This will also generate an invoice
 * to apply the payment to." Each payment raises a venue booking invoice (refType 4, the
 * booking's id, venue and code, addressed to its contact and company) of one line for the
 * amount paid (item refType 500 Deposit, untaxed: the booking's taxes stay on its lines), and
 * pays it in full with the invoice namespace's applyPayment — the rows getInvoice and
 * getInvoiceList read, with their InvoiceAdded and InvoiceUpdated notifications
 * (payments-endpoint.md), in the same transaction.
 *
 * A payment must be positive, in cents, and at most what the booking still owes (its priced
 * lines less what its invoices hold paid, net of refunds); the booking row is locked first so
 * concurrent payments cannot both take the same balance. 7 Custom Gateway is refused: gateway
 * payments are not recorded by hand (as the invoice namespace's addPayment does).
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { id, int, number, string, timestamp } from '../../../registry/params.js';
import { centsOf, formatMoney } from '../../invoice/money.js';
import { applyPayment, createInvoice, InvoiceRefType, ItemRefType } from '../../invoice/store.js';
import { CHANGELOG_REF } from '../bookings/changelog.js';
import { isCancelled, lockBooking, logMoneyChange, requireBooking } from './booking.js';
import { invalidPayment } from './errors.js';
import { bookingMoneyCents } from './settlement.js';

/** add-payment-to-booking.md, Payment methods (7 Custom Gateway is not taken by hand). */
const METHODS = new Set([0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);

const params = z.object({
  venueId: id(),
  bookingId: id(),
  payment: z
    .object({
      paidDate: timestamp().nullable().optional(),
      amountPaid: number().nullable().optional(),
      paymentMethod: int().nullable().optional(),
      receiptNum: string(100).nullable().optional(),
      notes: string(2000).nullable().optional(),
    })
    .optional(),
});

const result = z.strictObject({ success: z.literal(true), invoiceId: z.number().int(), paymentId: z.number().int() });

async function addPayment(ctx: ActionContext, p: z.infer<typeof params>) {
  const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
  const payment = p.payment;
  if (!payment || payment.amountPaid == null) throw invalidPayment("payment.amountPaid: *Value is required and can't be empty*");
  const amount = centsOf(payment.amountPaid);
  if (amount === null || amount <= 0) throw invalidPayment('payment.amountPaid: Value must be greater than 0, with at most two decimal places');
  const method = payment.paymentMethod ?? 0;
  if (!METHODS.has(method)) throw invalidPayment(`payment.paymentMethod: ${method} is not a payment method that can be recorded`);
  if (isCancelled(booking)) throw invalidPayment('bookingId: the booking is cancelled');
  await lockBooking(ctx, booking.id);
  const venue = await ctx.store.selectFrom('venues').select('currency_code').where('id', '=', booking.venue_id).executeTakeFirstOrThrow();
  const owed = (await bookingMoneyCents(ctx.store, [booking.id])).get(booking.id)?.outstandingCents ?? 0;
  if (amount > owed) {
    throw invalidPayment(`payment.amountPaid: ${formatMoney(amount, venue.currency_code)} exceeds the ${formatMoney(Math.max(owed, 0), venue.currency_code)} outstanding on the booking`);
  }
  const invoice = await createInvoice(ctx, {
    refType: InvoiceRefType.venueBooking,
    refId: booking.id,
    contactId: booking.contact_id,
    companyId: booking.company_id,
    title: `${booking.name} (${booking.code})`,
    currency: venue.currency_code,
    items: [{ description: `Payment towards booking ${booking.code}`, unitCostCents: amount, refType: ItemRefType.deposit, refId: booking.id }],
    venueId: booking.venue_id,
    bookingId: booking.id,
    bookingCode: booking.code,
    purchaseOrderReference: booking.purchase_order_number,
    issuedAt: payment.paidDate ?? ctx.now,
    email: false,
  });
  const { paymentId } = await applyPayment(ctx, invoice.id, {
    amountCents: amount,
    paidAt: payment.paidDate ?? ctx.now,
    method,
    receiptNum: payment.receiptNum ?? null,
    notes: payment.notes ?? null,
  });
  await logMoneyChange(ctx, booking, {
    refType: CHANGELOG_REF.booking,
    refId: booking.id,
    note: `Payment of ${formatMoney(amount, venue.currency_code)} added (invoice ${invoice.reference})`,
  });
  return { success: true as const, invoiceId: invoice.id, paymentId };
}

export const addPaymentToBooking = defineAction({
  namespace: 'venue',
  action: 'addPaymentToBooking',
  kind: 'write',
  params,
  result,
  handler: (ctx, p) => addPayment(ctx, p),
});
