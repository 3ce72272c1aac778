/**
 * Invoices as a shared service. Other namespaces raise invoices for what they sell (event
 * registrations now, venue bookings later) and show them next to their own records; they do
 * it through the functions here, inside their own write transaction, so an invoice commits or
 * rolls back with the registration it bills and its InvoiceAdded notification goes with it.
 *
 * Stable API (other modules depend on these signatures):
 * - createInvoice(ctx, input)            -> the new invoice, getInvoice shape
 * - cancelInvoice(ctx, invoiceId)        -> the cancelled invoice, getInvoice shape
 * - applyPayment(ctx, invoiceId, input)  -> the payment id and the updated invoice (payments.ts)
 * - refundInvoice(ctx, invoiceId, input) -> the refund id and the updated invoice (refunds.ts)
 * - createCreditNote / allocateCreditNote / refundCreditNote (credit-notes.ts)
 * - loadInvoicesForSources(store, publicUrl, refType, refIds)
 *                                        -> each source's invoices, contact/get-contact.md shape
 * - invoiceResult / sourceInvoiceResult  -> their result schemas (schemas.ts)
 */
import type { Scope } from '../../storage/scope.js';
import { InvoiceStatus, TaxRateType, type InvoiceRefTypeCode } from './codes.js';
import { sendInvoiceEmail } from './email.js';
import { invoiceNotFound } from './errors.js';
import type { InvoiceDetail, SourceInvoice } from './schemas.js';
import { loadInvoiceDetails, sourceInvoiceOf, type StoredAdjustment } from './shapes.js';
import { updateInvoice, type InvoiceWriteContext } from './update.js';
import { newInvoiceToken } from './urls.js';
import { excludedTax, includedTaxes, type ComputedTax, type InvoiceTaxInput } from './tax-math.js';

export { applyPayment, type PaymentInput } from './payments.js';
export { refundInvoice, type RefundInput } from './refunds.js';
export { allocateCreditNote, createCreditNote, refundCreditNote, type NewCreditNote } from './credit-notes.js';
export { invoiceResult, sourceInvoiceResult, type InvoiceDetail, type SourceInvoice } from './schemas.js';
export type { InvoiceTaxInput } from './tax-math.js';
export { lockInvoice, updateInvoice, type InvoiceWriteContext } from './update.js';
export { InvoiceRefType, InvoiceStatus, ItemRefType, PaymentMethod } from './codes.js';

export interface InvoiceItemInput {
  description: string;
  /** Defaults to 1; may be fractional (hours, kilograms). */
  quantity?: number;
  /** Price of one unit in cents, including the line's own taxes. */
  unitCostCents: number;
  /** get-invoice.md, Item Ref Type (ItemRefType); defaults to 0 (unknown). */
  refType?: number;
  refId?: number | null;
  ref2Id?: number | null;
  /** `yyyy-mm-dd` */
  serviceDate?: { start: string; end?: string } | null;
  /** Taxes included in the unit cost (GST-style): they are carved out of the line total. */
  taxes?: InvoiceTaxInput[];
  costCenters?: Array<{ costcenterId: number; totalCents: number; taxCents: number }>;
  adjustments?: StoredAdjustment[];
}

export interface NewInvoice {
  /** What the invoice bills: InvoiceRefType (1 = event registration, 4 = venue booking, …). */
  refType: InvoiceRefTypeCode;
  refId: number | null;
  /** The invoice belongs to a contact and/or a company of the caller's account. */
  contactId?: number | null;
  companyId?: number | null;
  title: string;
  description?: string | null;
  /** ISO 4217, e.g. `AUD`. */
  currency: string;
  items: InvoiceItemInput[];
  /** Taxes charged on top of the items' ex-tax total (getInvoice's venueExTaxes). */
  excludedTaxes?: InvoiceTaxInput[];
  eventId?: number | null;
  venueId?: number | null;
  bookingId?: number | null;
  bookingCode?: string | null;
  purchaseOrderReference?: string | null;
  /** Defaults to ctx.now. */
  issuedAt?: number;
  /** Defaults to 14 days after issue. */
  dueAt?: number;
  /** Not paid (default), un-confirmed paid (the payer says they paid offline) or cancelled. */
  status?: typeof InvoiceStatus.notPaid | typeof InvoiceStatus.unconfirmedPaid | typeof InvoiceStatus.cancelled;
  /** Overrides of the addressee copied from the contact/company. */
  to?: {
    name?: string | null;
    email?: string | null;
    address?: Partial<Record<'line1' | 'line2' | 'line3' | 'line4' | 'city' | 'stateCode' | 'stateName' | 'countryCode' | 'postalCode', string | null>>;
  };
  /** Email the invoice to its contact (default true, when the contact has an address). */
  email?: boolean;
}

const DAY = 86_400_000;
const CURRENCY = /^[A-Z]{3}$/;

function assertInput(input: NewInvoice): void {
  if (input.items.length === 0) throw new Error('An invoice needs at least one item');
  if (!CURRENCY.test(input.currency)) throw new Error(`Invalid currency ${input.currency}`);
  for (const item of input.items) {
    if (!Number.isSafeInteger(item.unitCostCents)) throw new Error('unitCostCents must be an integer number of cents');
    if (item.quantity !== undefined && !(Number.isFinite(item.quantity) && item.quantity > 0)) {
      throw new Error('quantity must be greater than 0');
    }
  }
}

async function addressee(store: Scope, input: NewInvoice) {
  const [contact, company] = await Promise.all([
    input.contactId
      ? store.selectFrom('contacts').select(['first_name', 'last_name', 'email']).where('id', '=', input.contactId).executeTakeFirst()
      : undefined,
    input.companyId
      ? store.selectFrom('companies').selectAll('companies').where('id', '=', input.companyId).executeTakeFirst()
      : undefined,
  ]);
  if (input.contactId && !contact) throw new Error(`Contact ${input.contactId} is not in account ${store.accountId}`);
  if (input.companyId && !company) throw new Error(`Company ${input.companyId} is not in account ${store.accountId}`);
  const a = input.to?.address ?? {};
  const pick = (key: keyof typeof a, fallback: string | null | undefined): string | null => {
    const value = key in a ? a[key] : fallback;
    return value === undefined || value === null || value.trim() === '' ? null : value.trim();
  };
  const contactName = contact ? `${contact.first_name} ${contact.last_name}`.trim() : null;
  return {
    to_name: input.to?.name !== undefined ? input.to.name : (contactName ?? company?.business_name ?? null),
    to_email:
      input.to?.email !== undefined ? input.to.email : contact ? contact.email || null : (company?.email ?? null),
    to_line1: pick('line1', company?.address_line1),
    to_line2: pick('line2', company?.address_line2),
    to_line3: pick('line3', company?.address_line3),
    to_line4: pick('line4', company?.address_line4),
    to_city: pick('city', company?.address_city),
    to_state_code: pick('stateCode', company?.address_state_code),
    to_state_name: pick('stateName', company?.address_state_name),
    to_country_code: pick('countryCode', company?.address_country_code)?.toUpperCase() ?? null,
    to_postal_code: pick('postalCode', company?.address_postal_code),
  };
}

/** The single percentage the invoice was taxed at, when there is one. */
function singleRate(taxes: readonly InvoiceTaxInput[]): number | null {
  const rates = new Set(taxes.filter((t) => t.rateType !== 'amount').map((t) => t.rate));
  return rates.size === 1 ? [...rates][0]! : null;
}

/**
 * Issues an invoice in the caller's transaction: writes it with its lines and taxes, records
 * InvoiceAdded, and emails it to its contact (when the caller can send email and the contact
 * has an address). Returns the invoice as getInvoice shows it.
 */
export async function createInvoice(ctx: InvoiceWriteContext, input: NewInvoice): Promise<InvoiceDetail> {
  const store = ctx.store;
  if (!store.inTransaction) throw new Error('createInvoice must run inside the caller\'s write transaction');
  assertInput(input);
  const to = await addressee(store, input);

  const lines = input.items.map((item, position) => {
    const quantity = item.quantity ?? 1;
    const totalCents = Math.round(item.unitCostCents * quantity);
    const taxes = includedTaxes(totalCents, quantity, item.taxes ?? []);
    const taxCents = taxes.reduce((s, t) => s + t.amountCents, 0);
    return { item, position, quantity, totalCents, taxes, taxCents };
  });
  const exTaxBase = lines.reduce((s, l) => s + l.totalCents - l.taxCents, 0);
  const extra = (input.excludedTaxes ?? []).map((t) => excludedTax(exTaxBase, t));
  const extraCents = extra.reduce((s, t) => s + t.amountCents, 0);
  const allTaxes = [...lines.flatMap((l) => l.taxes.map((t) => t.input)), ...(input.excludedTaxes ?? [])];

  const issuedAt = input.issuedAt ?? ctx.now;
  const inserted = await store
    .insertInto('invoices', {
      token: newInvoiceToken(),
      title: input.title,
      description: input.description ?? null,
      currency: input.currency,
      total_cents: lines.reduce((s, l) => s + l.totalCents, 0) + extraCents,
      tax_cents: lines.reduce((s, l) => s + l.taxCents, 0) + extraCents,
      amount_paid_cents: 0,
      amount_refunded_cents: 0,
      status: input.status ?? InvoiceStatus.notPaid,
      ref_type: input.refType,
      ref_id: input.refId,
      event_id: input.eventId ?? null,
      venue_id: input.venueId ?? null,
      booking_id: input.bookingId ?? null,
      booking_code: input.bookingCode ?? null,
      purchase_order_reference: input.purchaseOrderReference ?? null,
      contact_id: input.contactId ?? null,
      company_id: input.companyId ?? null,
      ...to,
      tax_rate_used: singleRate(allTaxes),
      is_tax_charged: allTaxes.length > 0 ? 1 : 0,
      issued_at: issuedAt,
      due_at: input.dueAt ?? issuedAt + 14 * DAY,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const invoiceId = inserted.id;

  const itemIds = await store
    .insertInto(
      'invoice_items',
      lines.map((l) => ({
        invoice_id: invoiceId,
        position: l.position,
        description: l.item.description,
        quantity: l.quantity,
        quantity_unit: 1,
        unit_cost_cents: l.item.unitCostCents,
        unit_cost_ex_tax_cents: Math.round((l.totalCents - l.taxCents) / l.quantity),
        total_cents: l.totalCents,
        tax_cents: l.taxCents,
        ref_type: l.item.refType ?? 0,
        ref_id: l.item.refId ?? null,
        ref2_id: l.item.ref2Id ?? null,
        service_start: l.item.serviceDate?.start ?? null,
        service_end: l.item.serviceDate ? (l.item.serviceDate.end ?? l.item.serviceDate.start) : null,
        cost_centers: JSON.stringify(l.item.costCenters ?? []),
        adjustments: JSON.stringify(l.item.adjustments ?? []),
      })),
    )
    .returning(['id', 'position'])
    .execute();
  const idAt = new Map(itemIds.map((r) => [r.position, r.id]));

  const taxRows = [
    ...lines.flatMap((l) => l.taxes.map((t) => taxRow(invoiceId, idAt.get(l.position) ?? null, t))),
    ...extra.map((t) => taxRow(invoiceId, null, t)),
  ];
  if (taxRows.length > 0) await store.insertInto('invoice_taxes', taxRows).execute();

  const detail = (await loadInvoiceDetails(store, [invoiceId])).get(invoiceId);
  if (!detail) throw new Error(`invoice ${invoiceId} vanished inside its own transaction`);
  await ctx.recordChange('InvoiceAdded', { data: detail });

  const status = input.status ?? InvoiceStatus.notPaid;
  if (input.email !== false && ctx.sendEmail && input.contactId && to.to_email && status !== InvoiceStatus.cancelled) {
    await sendInvoiceEmail(ctx.sendEmail, ctx.publicUrl, detail, await tokenOf(store, invoiceId));
  }
  return detail;
}

function taxRow(invoiceId: number, itemId: number | null, t: ComputedTax) {
  return {
    invoice_id: invoiceId,
    item_id: itemId,
    tax_id: t.input.taxId,
    tax_name: t.input.name,
    amount_cents: t.amountCents,
    tax_rate_id: t.input.taxRateId ?? 0,
    tax_rate_amount: t.input.rate,
    tax_rate_amount_type: t.input.rateType === 'amount' ? TaxRateType.amount : TaxRateType.percentage,
    costcenter_id: t.input.costcenterId ?? 0,
  };
}

async function tokenOf(store: Scope, invoiceId: number): Promise<string> {
  const row = await store.selectFrom('invoices').select('token').where('id', '=', invoiceId).executeTakeFirstOrThrow();
  return row.token;
}

/**
 * Cancels an invoice (a registration was cancelled, a booking lost). Cancelling a cancelled
 * invoice changes nothing and records nothing.
 */
export async function cancelInvoice(ctx: InvoiceWriteContext, invoiceId: number): Promise<InvoiceDetail> {
  const current = (await loadInvoiceDetails(ctx.store, [invoiceId])).get(invoiceId);
  if (!current) throw invoiceNotFound();
  if (current.currentStatus === InvoiceStatus.cancelled) return current;
  return updateInvoice(ctx, invoiceId, async () => {
    await ctx.store.updateTable('invoices').set({ status: InvoiceStatus.cancelled }).where('id', '=', invoiceId).execute();
  });
}

/**
 * The invoices raised for each source record (e.g. refType 1 and registration ids), in id
 * order, as contact/get-contact.md shows them under eventRegistrations[].invoices. One query
 * for the whole batch; sources without invoices map to an empty array.
 */
/**
 * Invoices of a batch of sources, by source, then id: the order of the (account, ref_type,
 * ref_id) index. Ordered by id alone, SQLite (which has no statistics) walks every invoice of
 * the account in id order instead.
 */
export function sourceInvoicesQuery(store: Scope, refType: InvoiceRefTypeCode, refIds: readonly number[]) {
  return store
    .selectFrom('invoices')
    .select(['id', 'ref_id', 'title', 'status', 'description', 'currency', 'total_cents', 'amount_paid_cents', 'token'])
    .where('ref_type', '=', refType)
    .where('ref_id', 'in', [...new Set(refIds)])
    .orderBy('ref_id')
    .orderBy('id');
}

export async function loadInvoicesForSources(
  store: Scope,
  publicUrl: string,
  refType: InvoiceRefTypeCode,
  refIds: readonly number[],
): Promise<Map<number, SourceInvoice[]>> {
  const out = new Map<number, SourceInvoice[]>(refIds.map((id) => [id, []]));
  if (refIds.length === 0) return out;
  const rows = await sourceInvoicesQuery(store, refType, refIds).execute();
  for (const row of rows) {
    if (row.ref_id !== null) out.get(row.ref_id)?.push(sourceInvoiceOf(row, publicUrl));
  }
  return out;
}
