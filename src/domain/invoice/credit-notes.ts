/**
 * Credit notes: money the account owes back, usually raised from an invoice. The API only
 * reads them (get-credit-note-list.md, get-credit-note.md); these writers serve the other
 * modules and the seeder. Credit is used up by allocating it to an invoice (which is a payment
 * on that invoice) or by refunding it.
 */
import { InvoiceStatus, PaymentMethod, TaxRateType, type InvoiceRefTypeCode } from './codes.js';
import { invalidPaymentDetails } from './errors.js';
import { creditNoteReference } from './credit-note-shapes.js';
import { applyPayment } from './payments.js';
import { insertRefund } from './refunds.js';
import { includedTaxes, type InvoiceTaxInput } from './tax-math.js';
import type { InvoiceWriteContext } from './update.js';

export interface CreditNoteItemInput {
  description: string;
  quantity?: number;
  unitCostCents: number;
  refType?: number;
  taxes?: InvoiceTaxInput[];
  costCenters?: Array<{ costcenterId: number; totalCents: number; taxCents: number }>;
}

export interface NewCreditNote {
  refType: InvoiceRefTypeCode;
  refId: number | null;
  title: string;
  notes?: string | null;
  currency: string;
  contactId?: number | null;
  companyId?: number | null;
  /** The invoice credited; its addressee and source are copied when not given. */
  invoiceId?: number | null;
  eventId?: number | null;
  venueId?: number | null;
  items: CreditNoteItemInput[];
  createdAt?: number;
}

export async function createCreditNote(ctx: InvoiceWriteContext, input: NewCreditNote): Promise<number> {
  const store = ctx.store;
  if (!store.inTransaction) throw new Error('createCreditNote must run inside the caller\'s write transaction');
  if (input.items.length === 0) throw new Error('A credit note needs at least one item');
  const invoice = input.invoiceId
    ? await store.selectFrom('invoices').selectAll('invoices').where('id', '=', input.invoiceId).executeTakeFirst()
    : undefined;
  if (input.invoiceId && !invoice) throw new Error(`Invoice ${input.invoiceId} is not in account ${store.accountId}`);
  const lines = input.items.map((item, position) => {
    const quantity = item.quantity ?? 1;
    const totalCents = Math.round(item.unitCostCents * quantity);
    const taxes = includedTaxes(totalCents, quantity, item.taxes ?? []);
    return { item, position, quantity, totalCents, taxes, taxCents: taxes.reduce((s, t) => s + t.amountCents, 0) };
  });
  const at = input.createdAt ?? ctx.now;
  const note = await store
    .insertInto('credit_notes', {
      title: input.title,
      notes: input.notes ?? null,
      currency: input.currency,
      total_cents: lines.reduce((s, l) => s + l.totalCents, 0),
      tax_cents: lines.reduce((s, l) => s + l.taxCents, 0),
      ref_type: input.refType,
      ref_id: input.refId,
      event_id: input.eventId ?? invoice?.event_id ?? null,
      venue_id: input.venueId ?? invoice?.venue_id ?? null,
      contact_id: input.contactId ?? invoice?.contact_id ?? null,
      company_id: input.companyId ?? invoice?.company_id ?? null,
      invoice_id: input.invoiceId ?? null,
      to_line1: invoice?.to_line1 ?? null,
      to_line2: invoice?.to_line2 ?? null,
      to_line3: invoice?.to_line3 ?? null,
      to_line4: invoice?.to_line4 ?? null,
      to_city: invoice?.to_city ?? null,
      to_state_code: invoice?.to_state_code ?? null,
      to_state_name: invoice?.to_state_name ?? null,
      to_country_code: invoice?.to_country_code ?? null,
      to_postal_code: invoice?.to_postal_code ?? null,
      created_at: at,
      modified_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const items = await store
    .insertInto(
      'credit_note_items',
      lines.map((l) => ({
        credit_note_id: note.id,
        position: l.position,
        description: l.item.description,
        quantity: l.quantity,
        unit_cost_cents: l.item.unitCostCents,
        total_cents: l.totalCents,
        tax_cents: l.taxCents,
        ref_type: l.item.refType ?? 0,
        cost_centers: JSON.stringify(l.item.costCenters ?? []),
      })),
    )
    .returning(['id', 'position'])
    .execute();
  const idAt = new Map(items.map((r) => [r.position, r.id]));
  const taxRows = lines.flatMap((l) =>
    l.taxes.map((t) => ({
      credit_note_id: note.id,
      item_id: idAt.get(l.position)!,
      tax_id: t.input.taxId,
      amount_cents: t.amountCents,
      tax_rate_id: t.input.taxRateId ?? 0,
      tax_rate_amount: t.input.rate,
      tax_rate_amount_type: t.input.rateType === 'amount' ? TaxRateType.amount : TaxRateType.percentage,
      costcenter_id: t.input.costcenterId ?? 0,
    })),
  );
  if (taxRows.length > 0) await store.insertInto('credit_note_taxes', taxRows).execute();
  return note.id;
}

/** What is left on a credit note after its allocations and refunds, in cents. */
async function remainingCredit(ctx: InvoiceWriteContext, creditNoteId: number): Promise<{ remaining: number; currency: string }> {
  const store = ctx.store;
  // Lock the credit note like an invoice, so that concurrent uses of the credit serialise.
  const locked = await store
    .updateTable('credit_notes')
    .set((eb) => ({ modified_at: eb.ref('modified_at') }))
    .where('id', '=', creditNoteId)
    .executeTakeFirst();
  if (Number(locked.numUpdatedRows) === 0) throw new Error(`Credit note ${creditNoteId} is not in account ${store.accountId}`);
  const [note, allocated, refunded] = await Promise.all([
    store.selectFrom('credit_notes').select(['total_cents', 'currency']).where('id', '=', creditNoteId).executeTakeFirstOrThrow(),
    store
      .selectFrom('credit_note_allocations')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('sum'))
      .where('credit_note_id', '=', creditNoteId)
      .executeTakeFirstOrThrow(),
    store
      .selectFrom('credit_note_refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('sum'))
      .where('credit_note_id', '=', creditNoteId)
      .executeTakeFirstOrThrow(),
  ]);
  return { remaining: Number(note.total_cents) - Number(allocated.sum) - Number(refunded.sum), currency: note.currency };
}

/** Uses credit to pay an invoice: an allocation on the credit note, a payment on the invoice. */
export async function allocateCreditNote(
  ctx: InvoiceWriteContext,
  creditNoteId: number,
  invoiceId: number,
  amountCents: number,
  at: number,
  notes: string | null = null,
): Promise<void> {
  const { remaining, currency } = await remainingCredit(ctx, creditNoteId);
  if (amountCents <= 0 || amountCents > remaining) throw invalidPaymentDetails('The allocation exceeds the credit left');
  const target = await ctx.store.selectFrom('invoices').select(['currency', 'status']).where('id', '=', invoiceId).executeTakeFirst();
  if (!target || target.currency !== currency) throw invalidPaymentDetails('Credit can only pay an invoice in its currency');
  if (target.status === InvoiceStatus.cancelled) throw invalidPaymentDetails('A cancelled invoice cannot take credit');
  const { paymentId } = await applyPayment(ctx, invoiceId, {
    amountCents,
    paidAt: at,
    method: PaymentMethod.unknown,
    notes: `Credit note ${creditNoteReference(creditNoteId)}`,
  });
  await ctx.store
    .insertInto('credit_note_allocations', {
      credit_note_id: creditNoteId,
      invoice_id: invoiceId,
      payment_id: paymentId,
      amount_cents: amountCents,
      credit_at: at,
      notes,
    })
    .execute();
  await ctx.store.updateTable('credit_notes').set({ modified_at: ctx.now }).where('id', '=', creditNoteId).execute();
}

/** Pays credit back to the customer. */
export async function refundCreditNote(
  ctx: InvoiceWriteContext,
  creditNoteId: number,
  input: { amountCents: number; refundAt: number; notes?: string | null; refundMethodId?: number | null },
): Promise<number> {
  const { remaining } = await remainingCredit(ctx, creditNoteId);
  if (input.amountCents <= 0 || input.amountCents > remaining) throw invalidPaymentDetails('The refund exceeds the credit left');
  const refundId = await insertRefund(ctx, input);
  await ctx.store
    .insertInto('credit_note_refunds', {
      credit_note_id: creditNoteId,
      refund_id: refundId,
      amount_cents: input.amountCents,
      notes: input.notes ?? null,
    })
    .execute();
  await ctx.store.updateTable('credit_notes').set({ modified_at: ctx.now }).where('id', '=', creditNoteId).execute();
  return refundId;
}
