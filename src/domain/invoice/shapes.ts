/**
 * Invoice rows -> the documented JSON. Every loader takes a batch of ids and issues one query
 * per relation for the whole batch, so a page of 100 invoices costs the same handful of
 * queries as one invoice.
 */
import type { Selectable } from 'kysely';
import { formatTimestamp } from '../../protocol/timestamp.js';
import type { Scope } from '../../storage/scope.js';
import { FEE_ITEM_REF_TYPES, InvoiceRefType, type InvoiceRefTypeCode, type InvoiceStatusCode } from './codes.js';
import { toAmount, toOptionalAmount } from './money.js';
import type {
  InvoiceDetail,
  InvoiceListItem,
  SourceInvoice,
} from './schemas.js';
import type { InvoicesTable } from './tables.js';
import { invoicePdfUrl, invoiceUrl } from './urls.js';

/** The number printed on an invoice: iVvy's are seven digits, so Marquee's start at 1000001. */
export const invoiceReference = (id: number): string => String(1_000_000 + id);

export type InvoiceRow = Selectable<InvoicesTable> & {
  contact_first_name: string | null;
  contact_last_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  company_business_name: string | null;
  company_business_number: string | null;
  company_phone: string | null;
  company_email: string | null;
};

/** The scoped invoices with their contact and company (if any), before selection. */
export function invoicesFrom(store: Scope) {
  return store
    .selectFrom('invoices')
    .leftJoin('contacts', 'contacts.id', 'invoices.contact_id')
    .leftJoin('companies', 'companies.id', 'invoices.company_id');
}

export function selectInvoiceRow(qb: ReturnType<typeof invoicesFrom>) {
  return qb
    .selectAll('invoices')
    .select([
      'contacts.first_name as contact_first_name',
      'contacts.last_name as contact_last_name',
      'contacts.email as contact_email',
      'contacts.phone as contact_phone',
      'companies.business_name as company_business_name',
      'companies.business_number as company_business_number',
      'companies.phone as company_phone',
      'companies.email as company_email',
    ]);
}

export async function loadInvoiceRows(store: Scope, ids: readonly number[]): Promise<InvoiceRow[]> {
  if (ids.length === 0) return [];
  return selectInvoiceRow(invoicesFrom(store)).where('invoices.id', 'in', [...ids]).orderBy('invoices.id').execute();
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** English name of an ISO 3166 country code, or null when the code is unknown. */
export function countryName(code: string | null): string | null {
  if (!code || !/^[A-Z]{2}$/.test(code)) return null;
  try {
    const name = regionNames.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

interface AddressColumns {
  to_line1: string | null;
  to_line2: string | null;
  to_line3: string | null;
  to_line4: string | null;
  to_city: string | null;
  to_state_code: string | null;
  to_state_name: string | null;
  to_country_code: string | null;
  to_postal_code: string | null;
}

export function addressOf(row: AddressColumns): InvoiceDetail['toAddress'] {
  return {
    line1: row.to_line1 ?? '',
    line2: row.to_line2 ?? '',
    line3: row.to_line3 ?? '',
    line4: row.to_line4 ?? '',
    city: row.to_city ?? '',
    stateCode: row.to_state_code ?? '',
    stateName: row.to_state_name,
    countryCode: row.to_country_code ?? '',
    countryName: countryName(row.to_country_code),
    postalCode: row.to_postal_code ?? '',
  };
}

/** The fields getInvoiceList and getInvoice share. */
function invoiceFields(row: InvoiceRow): Omit<InvoiceListItem, 'payments'> {
  return {
    id: row.id,
    reference: invoiceReference(row.id),
    title: row.title,
    description: row.description,
    currency: row.currency,
    totalCost: toAmount(row.total_cents),
    totalTaxCost: toAmount(row.tax_cents),
    amountPaid: toAmount(row.amount_paid_cents),
    toContactEmail: row.to_email,
    toContactName: row.to_name,
    contact:
      row.contact_id !== null && row.contact_first_name !== null
        ? {
            id: row.contact_id,
            firstName: row.contact_first_name,
            lastName: row.contact_last_name ?? '',
            email: row.contact_email ?? '',
            phone: row.contact_phone,
          }
        : null,
    company:
      row.company_id !== null && row.company_business_name !== null
        ? {
            id: row.company_id,
            businessName: row.company_business_name,
            businessNumber: row.company_business_number,
            phone: row.company_phone,
            email: row.company_email,
          }
        : null,
    currentStatus: row.status as InvoiceStatusCode,
    createdDate: formatTimestamp(Number(row.created_at)),
    issuedDate: formatTimestamp(Number(row.issued_at)),
    modifiedDate: formatTimestamp(Number(row.modified_at)),
    refType: row.ref_type as InvoiceRefTypeCode,
    refId: row.ref_id,
    taxRateUsed: row.tax_rate_used === null ? null : Number(row.tax_rate_used),
    isTaxCharged: row.is_tax_charged === 1 ? 1 : 0,
    paymentDueDate: formatTimestamp(Number(row.due_at)),
    eventId: row.event_id,
    venueId: row.venue_id,
    toContactId: row.contact_id,
    toAddress: addressOf(row),
    bookingCode: row.booking_code,
    bookingId: row.booking_id,
  };
}

type ListPayment = NonNullable<InvoiceListItem['payments']>[number];

/** A page of getInvoiceList; payments only when the caller asked for them (one query). */
export async function invoiceListShapes(
  store: Scope,
  rows: readonly InvoiceRow[],
  includePayments: boolean,
): Promise<InvoiceListItem[]> {
  let payments: Map<number, ListPayment[]> | null = null;
  if (includePayments && rows.length > 0) {
    payments = new Map(rows.map((r) => [r.id, []]));
    const paymentRows = await store
      .selectFrom('invoice_payments')
      .selectAll('invoice_payments')
      .where('invoice_payments.invoice_id', 'in', rows.map((r) => r.id))
      .orderBy('invoice_payments.id')
      .execute();
    for (const p of paymentRows) {
      payments.get(p.invoice_id)?.push({
        id: p.id,
        paymentId: p.gateway_payment_id,
        receiptNum: p.receipt_num,
        amountPaid: toAmount(p.amount_cents),
        notes: p.notes,
        chequeNumber: p.cheque_number,
        paymentMethod: p.payment_method,
        paidDate: formatTimestamp(Number(p.paid_at)),
        feePercentage: p.fee_percentage === null ? null : Number(p.fee_percentage),
        feeAmount: toOptionalAmount(p.fee_cents === null ? null : Number(p.fee_cents)),
        invoiceId: p.invoice_id,
      });
    }
  }
  return rows.map((row) => ({ ...invoiceFields(row), payments: payments?.get(row.id) ?? null }));
}

type TaxOut = InvoiceDetail['venueExTaxes'][number];

function taxOut(t: {
  tax_id: number;
  amount_cents: number;
  tax_rate_id: number;
  tax_rate_amount: number;
  tax_rate_amount_type: number;
  costcenter_id: number;
}): TaxOut {
  return {
    taxId: t.tax_id,
    amount: toAmount(Number(t.amount_cents)),
    taxRateId: t.tax_rate_id,
    taxRateAmount: Number(t.tax_rate_amount),
    taxRateAmountType: t.tax_rate_amount_type,
    costcenterId: t.costcenter_id,
  };
}

interface StoredCostCenter {
  costcenterId: number;
  totalCents: number;
  taxCents: number;
}

export function costCentersOut(json: string): InvoiceDetail['items'][number]['costCenters'] {
  return (JSON.parse(json) as StoredCostCenter[]).map((c) => ({
    costcenterId: c.costcenterId,
    totalCost: toAmount(c.totalCents),
    totalTaxCost: toAmount(c.taxCents),
  }));
}

export interface StoredAdjustment {
  adjustmentType: 1 | 2;
  adjustmentTypeId: number;
  costcenterId: number;
  adjustmentValue: number;
  adjustmentValueType: 1 | 2;
  amountCents: number;
  description: string;
}

/**
 * What each item has been paid: the invoice's amount paid settles fee lines first (a fee is
 * part of the payment that created it), then the other lines in order.
 */
export function allocatePaid(
  amountPaidCents: number,
  items: ReadonlyArray<{ id: number; total_cents: number; ref_type: number }>,
): Map<number, number> {
  const paid = new Map<number, number>();
  let left = amountPaidCents;
  const ordered = [
    ...items.filter((i) => FEE_ITEM_REF_TYPES.has(i.ref_type)),
    ...items.filter((i) => !FEE_ITEM_REF_TYPES.has(i.ref_type)),
  ];
  for (const item of ordered) {
    const total = Number(item.total_cents);
    const share = total > 0 ? Math.max(0, Math.min(total, left)) : 0;
    paid.set(item.id, share);
    left -= share;
  }
  return paid;
}

/** getInvoice for a batch of ids (missing ids are simply absent from the map). */
export async function loadInvoiceDetails(store: Scope, ids: readonly number[]): Promise<Map<number, InvoiceDetail>> {
  const rows = await loadInvoiceRows(store, ids);
  const out = new Map<number, InvoiceDetail>();
  if (rows.length === 0) return out;
  const found = rows.map((r) => r.id);
  const [items, taxes, payments, refunds] = await Promise.all([
    store
      .selectFrom('invoice_items')
      .selectAll('invoice_items')
      .where('invoice_items.invoice_id', 'in', found)
      .orderBy('invoice_items.invoice_id')
      .orderBy('invoice_items.position')
      .execute(),
    store
      .selectFrom('invoice_taxes')
      .selectAll('invoice_taxes')
      .where('invoice_taxes.invoice_id', 'in', found)
      .orderBy('invoice_taxes.id')
      .execute(),
    store
      .selectFrom('invoice_payments')
      .selectAll('invoice_payments')
      .where('invoice_payments.invoice_id', 'in', found)
      .orderBy('invoice_payments.id')
      .execute(),
    store
      .selectFrom('invoice_refunds')
      .innerJoin('refunds', 'refunds.id', 'invoice_refunds.refund_id')
      .select([
        'invoice_refunds.id',
        'invoice_refunds.invoice_id',
        'invoice_refunds.refund_id',
        'invoice_refunds.amount_cents',
        'invoice_refunds.notes',
        'invoice_refunds.created_at',
        'invoice_refunds.modified_at',
        'refunds.refund_at',
        'refunds.refund_method_id',
      ])
      .where('invoice_refunds.invoice_id', 'in', found)
      .orderBy('invoice_refunds.id')
      .execute(),
  ]);

  const group = <T extends { invoice_id: number }>(list: T[]): Map<number, T[]> => {
    const m = new Map<number, T[]>();
    for (const x of list) {
      const bucket = m.get(x.invoice_id);
      if (bucket) bucket.push(x);
      else m.set(x.invoice_id, [x]);
    }
    return m;
  };
  const itemsBy = group(items);
  const paymentsBy = group(payments);
  const refundsBy = group(refunds);
  const itemTaxes = new Map<number, TaxOut[]>();
  const exTaxesBy = new Map<number, TaxOut[]>();
  const taxNamesBy = new Map<number, Map<number, string>>();
  for (const t of taxes) {
    const names = taxNamesBy.get(t.invoice_id) ?? new Map<number, string>();
    names.set(t.tax_id, t.tax_name);
    taxNamesBy.set(t.invoice_id, names);
    const target = t.item_id === null ? exTaxesBy : itemTaxes;
    const key = t.item_id ?? t.invoice_id;
    const bucket = target.get(key);
    if (bucket) bucket.push(taxOut(t));
    else target.set(key, [taxOut(t)]);
  }

  for (const row of rows) {
    const invoiceItems = itemsBy.get(row.id) ?? [];
    const paid = allocatePaid(Number(row.amount_paid_cents), invoiceItems);
    out.set(row.id, {
      ...invoiceFields(row),
      items: invoiceItems.map((i) => ({
        id: i.id,
        description: i.description,
        quantity: Number(i.quantity),
        quantityUnit: 1,
        serviceDate:
          i.service_start !== null ? { start: i.service_start, end: i.service_end ?? i.service_start } : null,
        unitCost: toAmount(Number(i.unit_cost_cents)),
        unitCostExTax: toAmount(Number(i.unit_cost_ex_tax_cents)),
        totalCost: toAmount(Number(i.total_cents)),
        totalTaxCost: toAmount(Number(i.tax_cents)),
        amountPaid: toAmount(paid.get(i.id) ?? 0),
        refType: i.ref_type,
        refId: i.ref_id,
        ref2Id: i.ref2_id,
        costCenters: costCentersOut(i.cost_centers),
        taxes: itemTaxes.get(i.id) ?? [],
        adjustments: (JSON.parse(i.adjustments) as StoredAdjustment[]).map(({ amountCents, ...rest }) => ({
          ...rest,
          amount: toAmount(amountCents),
        })),
      })),
      payments: (paymentsBy.get(row.id) ?? []).map((p) => ({
        id: p.id,
        paymentId: p.gateway_payment_id,
        receiptNum: p.receipt_num,
        amountPaid: toAmount(Number(p.amount_cents)),
        feeAmount: toOptionalAmount(p.fee_cents === null ? null : Number(p.fee_cents)),
        feePercentage: p.fee_percentage === null ? null : Number(p.fee_percentage),
        notes: p.notes,
        chequeNumber: p.cheque_number,
        paymentMethod: p.payment_method,
        customPaymentMethodId: p.custom_payment_method_id,
        paidDate: formatTimestamp(Number(p.paid_at)),
        cardType: p.card_type,
      })),
      refunds: (refundsBy.get(row.id) ?? []).map((r) => ({
        id: r.id,
        invoiceId: r.invoice_id,
        refundId: r.refund_id,
        refundDate: formatTimestamp(Number(r.refund_at)),
        amountRefunded: toAmount(Number(r.amount_cents)),
        notes: r.notes,
        refundMethodId: r.refund_method_id,
        createdDate: formatTimestamp(Number(r.created_at)),
        modifiedDate: formatTimestamp(Number(r.modified_at)),
      })),
      venueExTaxes: exTaxesBy.get(row.id) ?? [],
      additionalData:
        row.ref_type === InvoiceRefType.venueBooking
          ? {
              purchaseOrderReference: row.purchase_order_reference,
              taxes: [...(taxNamesBy.get(row.id) ?? new Map<number, string>())].map(([id, name]) => ({ id, name })),
            }
          : {},
    });
  }
  return out;
}

/** An invoice as its source (a registration) shows it: contact/get-contact.md, Invoice Details. */
export function sourceInvoiceOf(
  row: Pick<InvoicesTable, 'title' | 'status' | 'description' | 'currency' | 'total_cents' | 'amount_paid_cents' | 'token'> & {
    id: number;
  },
  publicUrl: string,
): SourceInvoice {
  return {
    id: row.id,
    reference: invoiceReference(row.id),
    title: row.title,
    currentStatus: row.status as InvoiceStatusCode,
    description: row.description,
    currency: row.currency,
    totalCost: toAmount(Number(row.total_cents)),
    totalPaid: toAmount(Number(row.amount_paid_cents)),
    invoiceUrl: invoiceUrl(publicUrl, row.token),
    invoiceUrlPdf: invoicePdfUrl(publicUrl, row.token),
  };
}
