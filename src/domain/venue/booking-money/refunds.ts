/**
 * venue.addRefundToBooking (add-refund-to-booking.md): "All invoices of the booking will be
 * checked for the refunded amount and if the amount is refundable then only the refund amount
 * will be added to invoice." The refund is spread over the booking's invoices (refType 4),
 * newest first, each taking at most what it holds paid and not yet refunded, through the
 * invoice namespace's refundInvoice (one refund row per invoice, InvoiceUpdated each; an
 * invoice refunded in full becomes Refunded). Nothing is written unless the whole amount fits.
 *
 * Errors: 24149 a missing or malformed amount, 24147 an amount not above zero, 24145 nothing
 * left to refund, 24146 more than was ever paid on the booking, 24148 within what was paid but
 * more than is still refundable (earlier refunds took the rest).
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { id, number, string, timestamp } from '../../../registry/params.js';
import { centsOf, formatMoney } from '../../invoice/money.js';
import { refundInvoice } from '../../invoice/store.js';
import { CHANGELOG_REF } from '../bookings/changelog.js';
import { lockBooking, logMoneyChange, requireBooking } from './booking.js';
import { invalidRefund, nothingRefundable, refundAbovePaid, refundNotApplied, refundNotPositive } from './errors.js';
import { bookingInvoices } from './settlement.js';

const params = z.object({
  venueId: id(),
  bookingId: id(),
  refund: z
    .object({
      refundDate: timestamp().nullable().optional(),
      amount: number().nullable().optional(),
      notes: string(2000).nullable().optional(),
    })
    .optional(),
});

const result = z.strictObject({
  success: z.literal(true),
  refundDetails: z.array(z.strictObject({ invoiceId: z.number().int(), refundId: z.number().int() })),
});

async function addRefund(ctx: ActionContext, p: z.infer<typeof params>) {
  const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
  const refund = p.refund;
  if (!refund || refund.amount == null) throw invalidRefund("refund.amount: *Value is required and can't be empty*");
  const amount = centsOf(refund.amount);
  if (amount === null) throw invalidRefund('refund.amount: Value must have at most two decimal places');
  if (amount <= 0) throw refundNotPositive();
  await lockBooking(ctx, booking.id);
  const invoices = (await bookingInvoices(ctx.store, [booking.id])).get(booking.id) ?? [];
  const venue = await ctx.store.selectFrom('venues').select('currency_code').where('id', '=', booking.venue_id).executeTakeFirstOrThrow();
  const show = (cents: number) => formatMoney(cents, venue.currency_code);
  const paid = invoices.reduce((s, i) => s + i.paidCents, 0);
  const refundable = invoices.reduce((s, i) => s + Math.max(0, i.paidCents - i.refundedCents), 0);
  if (refundable === 0) throw nothingRefundable();
  if (amount > paid) throw refundAbovePaid(`refund.amount: ${show(amount)} is more than the ${show(paid)} paid on the booking`);
  if (amount > refundable) throw refundNotApplied(`refund.amount: only ${show(refundable)} of the ${show(paid)} paid can still be refunded`);
  const refundAt = refund.refundDate ?? ctx.now;
  const details: Array<{ invoiceId: number; refundId: number }> = [];
  let left = amount;
  for (const invoice of [...invoices].reverse()) {
    const take = Math.min(left, invoice.paidCents - invoice.refundedCents);
    if (take <= 0) continue;
    const { refundId } = await refundInvoice(ctx, invoice.id, { amountCents: take, refundAt, notes: refund.notes ?? null });
    details.push({ invoiceId: invoice.id, refundId });
    left -= take;
    if (left === 0) break;
  }
  await logMoneyChange(ctx, booking, { refType: CHANGELOG_REF.booking, refId: booking.id, note: `Refund of ${show(amount)} added` });
  return { success: true as const, refundDetails: details };
}

export const addRefundToBooking = defineAction({
  namespace: 'venue',
  action: 'addRefundToBooking',
  kind: 'write',
  params,
  result,
  handler: (ctx, p) => addRefund(ctx, p),
});
