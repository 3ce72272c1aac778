/**
 * Refunds of invoice payments. No API action writes them (iVvy refunds through its UI and
 * payment gateways); they are written here for the other modules and the seeder, and shown by
 * getInvoice. An invoice whose payments are refunded in full becomes Refunded (5).
 */
import { InvoiceStatus } from './codes.js';
import { invalidPaymentDetails } from './errors.js';
import type { InvoiceDetail } from './schemas.js';
import { updateInvoice, type InvoiceWriteContext } from './update.js';

export interface RefundInput {
  amountCents: number;
  refundAt: number;
  notes?: string | null;
  refundMethodId?: number | null;
}

/** The refund row itself; the caller links it to what it refunds (an invoice or a credit note). */
export async function insertRefund(ctx: InvoiceWriteContext, input: RefundInput): Promise<number> {
  const refund = await ctx.store
    .insertInto('refunds', {
      refund_at: input.refundAt,
      amount_cents: input.amountCents,
      notes: input.notes ?? null,
      refund_method_id: input.refundMethodId ?? null,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return refund.id;
}

export async function refundInvoice(
  ctx: InvoiceWriteContext,
  invoiceId: number,
  input: RefundInput,
): Promise<{ refundId: number; invoice: InvoiceDetail }> {
  let refundId = 0;
  const invoice = await updateInvoice(ctx, invoiceId, async (before) => {
    const paid = Math.round(before.amountPaid * 100);
    const refunded = before.refunds.reduce((s, r) => s + Math.round(r.amountRefunded * 100), 0);
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0 || refunded + input.amountCents > paid) {
      throw invalidPaymentDetails('A refund must be positive and at most what was paid and not yet refunded');
    }
    refundId = await insertRefund(ctx, input);
    await ctx.store
      .insertInto('invoice_refunds', {
        invoice_id: invoiceId,
        refund_id: refundId,
        amount_cents: input.amountCents,
        notes: input.notes ?? null,
        created_at: ctx.now,
        modified_at: ctx.now,
      })
      .execute();
    const total = refunded + input.amountCents;
    await ctx.store
      .updateTable('invoices')
      .set({
        amount_refunded_cents: total,
        ...(total === paid ? { status: InvoiceStatus.refunded } : {}),
      })
      .where('id', '=', invoiceId)
      .execute();
  });
  return { refundId, invoice };
}
