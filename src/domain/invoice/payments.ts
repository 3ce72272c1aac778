/**
 * Payments against an invoice (add-payment.md). "Payments will only be accepted if that
 * amount is outstanding on the invoice. Over pays will not be accepted": the check and the
 * write happen under the invoice's row lock (store.ts, updateInvoice), so two payments racing
 * for the same balance cannot both pass it.
 *
 * A fee (feeAmount, or feePercentage) is included in amountPaid: it becomes a fee line on the
 * invoice, the rest settles the balance — as get-invoice.md's example shows (a 230.00 invoice
 * paid with 233.45 including a 1.5% fee of 3.45 becomes a 233.45 invoice, fully paid).
 */
import { FEE_ITEM_REF_TYPES, InvoiceStatus, ItemRefType, PaymentMethod, STATUS_DESCRIPTIONS, TaxRateType, type InvoiceStatusCode } from './codes.js';
import { invalidPaymentDetails, paymentInvoiceNotFound } from './errors.js';
import { formatMoney } from './money.js';
import type { InvoiceDetail } from './schemas.js';
import { updateInvoice, type InvoiceWriteContext } from './update.js';

export interface PaymentInput {
  /** The whole amount received, fee included, in cents. */
  amountCents: number;
  paidAt: number;
  /** PaymentMethod (add-payment.md). */
  method: number;
  customPaymentMethodId?: number | null;
  cardType?: number | null;
  receiptNum?: string | null;
  reconciledAt?: number | null;
  /** Fee included in amountCents: a flat amount, or else a percentage of the amount before the fee. */
  feeCents?: number | null;
  feePercentage?: number | null;
  /** Taxes (by tax id) the fee line is not taxed with. */
  feeExcludedTaxIds?: number[];
  chequeNumber?: string | null;
  chequeDrawerName?: string | null;
  chequeBankBranch?: string | null;
  eftTransferAt?: number | null;
  eftPaymentReference?: string | null;
  notes?: string | null;
  /** Card gateway transaction id; 0 for payments recorded by hand. */
  gatewayPaymentId?: number;
}

/** Statuses an invoice can take a payment in: the money still owed can be paid. */
const PAYABLE: ReadonlySet<number> = new Set([InvoiceStatus.notPaid, InvoiceStatus.unconfirmedPaid]);

/**
 * The fee part of a payment. A flat fee wins over a percentage (add-payment.md); a
 * percentage p means the amount is base × (1 + p/100).
 */
export function feeOf(input: Pick<PaymentInput, 'amountCents' | 'feeCents' | 'feePercentage'>): number {
  if (input.feeCents !== undefined && input.feeCents !== null) return input.feeCents;
  if (input.feePercentage !== undefined && input.feePercentage !== null && input.feePercentage > 0) {
    return input.amountCents - Math.round((input.amountCents * 100) / (100 + input.feePercentage));
  }
  return 0;
}

/** The status after a payment: settled in full is Paid, or Written Off when a write-off settled it. */
function settledStatus(before: number, paidCents: number, totalCents: number, method: number): number {
  if (paidCents < totalCents) return before;
  return method === PaymentMethod.writeOff ? InvoiceStatus.writtenOff : InvoiceStatus.paid;
}

/**
 * Records a payment on an invoice in the caller's transaction and updates its amount paid and
 * status atomically; records InvoiceUpdated. Throws the documented 24238 / 24239 errors.
 */
export async function applyPayment(
  ctx: InvoiceWriteContext,
  invoiceId: number,
  input: PaymentInput,
): Promise<{ paymentId: number; invoice: InvoiceDetail }> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw invalidPaymentDetails('The amount paid must be greater than 0');
  }
  const fee = feeOf(input);
  if (!Number.isSafeInteger(fee) || fee < 0 || fee >= input.amountCents) {
    throw invalidPaymentDetails('The fee must be at least 0 and less than the amount paid');
  }
  let paymentId = 0;
  const invoice = await updateInvoice(
    ctx,
    invoiceId,
    async (before) => {
      if (!PAYABLE.has(before.currentStatus)) {
        throw invalidPaymentDetails(`An invoice with status ${statusName(before.currentStatus)} cannot take payments`);
      }
      const totalCents = Math.round(before.totalCost * 100);
      const paidCents = Math.round(before.amountPaid * 100);
      const outstanding = totalCents - paidCents;
      const settles = input.amountCents - fee;
      if (settles > outstanding) {
        throw invalidPaymentDetails(
          `The payment of ${formatMoney(settles, before.currency)} exceeds the outstanding amount of ${formatMoney(outstanding, before.currency)}`,
        );
      }
      const store = ctx.store;
      const row = await store
        .insertInto('invoice_payments', {
          invoice_id: invoiceId,
          gateway_payment_id: input.gatewayPaymentId ?? 0,
          receipt_num: input.receiptNum ?? null,
          amount_cents: input.amountCents,
          fee_percentage: input.feeCents !== undefined && input.feeCents !== null ? null : (input.feePercentage ?? null),
          fee_cents: fee > 0 ? fee : null,
          fee_excluded_tax_ids: JSON.stringify(input.feeExcludedTaxIds ?? []),
          notes: input.notes ?? '',
          payment_method: input.method,
          custom_payment_method_id: input.customPaymentMethodId ?? null,
          card_type: input.cardType ?? null,
          cheque_number: input.chequeNumber ?? null,
          cheque_drawer_name: input.chequeDrawerName ?? null,
          cheque_bank_branch: input.chequeBankBranch ?? null,
          eft_transfer_at: input.eftTransferAt ?? null,
          eft_payment_reference: input.eftPaymentReference ?? null,
          paid_at: input.paidAt,
          reconciled_at: input.reconciledAt ?? null,
          created_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      paymentId = row.id;
      const feeTax = fee > 0 ? await addFeeLine(ctx, before, paymentId, fee, input) : 0;
      const newTotal = totalCents + fee;
      const newPaid = paidCents + input.amountCents;
      await store
        .updateTable('invoices')
        .set((eb) => ({
          total_cents: eb('total_cents', '+', fee),
          tax_cents: eb('tax_cents', '+', feeTax),
          amount_paid_cents: eb('amount_paid_cents', '+', input.amountCents),
          status: settledStatus(before.currentStatus, newPaid, newTotal, input.method),
        }))
        .where('id', '=', invoiceId)
        .execute();
    },
    paymentInvoiceNotFound,
  );
  return { paymentId, invoice };
}

/**
 * Adds the fee line a payment brings. The fee is taxed like the invoice's other lines (each
 * percentage tax they carry, included in the fee) except for the taxes the payer excluded.
 */
async function addFeeLine(
  ctx: InvoiceWriteContext,
  before: InvoiceDetail,
  paymentId: number,
  fee: number,
  input: PaymentInput,
): Promise<number> {
  const excluded = new Set(input.feeExcludedTaxIds ?? []);
  const rates = new Map<number, { taxId: number; rate: number; costcenterId: number }>();
  for (const item of before.items) {
    if (FEE_ITEM_REF_TYPES.has(item.refType)) continue;
    for (const t of item.taxes) {
      if (t.taxRateAmountType === TaxRateType.percentage && !excluded.has(t.taxId) && !rates.has(t.taxId)) {
        rates.set(t.taxId, { taxId: t.taxId, rate: t.taxRateAmount, costcenterId: t.costcenterId });
      }
    }
  }
  const taxes = [...rates.values()];
  const percentSum = taxes.reduce((s, t) => s + t.rate, 0);
  const amounts = taxes.map((t) => Math.round((fee * t.rate) / (100 + percentSum)));
  const feeTax = amounts.reduce((s, a) => s + a, 0);
  const isCard = input.method === PaymentMethod.creditCard;
  const position = before.items.length;
  const pct = input.feeCents === undefined || input.feeCents === null ? input.feePercentage : null;
  const description = `${pct ? `${pct}% ` : ''}${isCard ? 'card' : 'payment'} fee included in ${formatMoney(input.amountCents, before.currency)} payment`;
  const item = await ctx.store
    .insertInto('invoice_items', {
      invoice_id: before.id,
      position,
      description: description.charAt(0).toUpperCase() + description.slice(1),
      quantity: 1,
      quantity_unit: 1,
      unit_cost_cents: fee,
      unit_cost_ex_tax_cents: fee - feeTax,
      total_cents: fee,
      tax_cents: feeTax,
      ref_type: isCard ? ItemRefType.cardFee : ItemRefType.paymentFee,
      ref_id: paymentId,
      ref2_id: null,
      service_start: null,
      service_end: null,
      cost_centers: '[]',
      adjustments: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (taxes.length > 0) {
    const names = await ctx.store
      .selectFrom('invoice_taxes')
      .select(['tax_id', 'tax_name'])
      .where('invoice_id', '=', before.id)
      .where('tax_id', 'in', taxes.map((t) => t.taxId))
      .execute();
    const nameOf = new Map(names.map((n) => [n.tax_id, n.tax_name]));
    await ctx.store
      .insertInto(
        'invoice_taxes',
        taxes.map((t, i) => ({
          invoice_id: before.id,
          item_id: item.id,
          tax_id: t.taxId,
          tax_name: nameOf.get(t.taxId) ?? `Tax ${t.taxId}`,
          amount_cents: amounts[i]!,
          tax_rate_id: 0,
          tax_rate_amount: t.rate,
          tax_rate_amount_type: TaxRateType.percentage,
          costcenter_id: t.costcenterId,
        })),
      )
      .execute();
  }
  return feeTax;
}

const statusName = (code: number): string => STATUS_DESCRIPTIONS[code as InvoiceStatusCode] ?? String(code);
