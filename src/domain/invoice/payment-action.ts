/**
 * addPayment (add-payment.md). Type errors in parameters are the platform's 23016; what the
 * page documents is answered with its codes: an empty request 24235, an unknown or unusable
 * payment method 24236, gateway payments 24237, a missing invoice 24238, and amounts the
 * invoice cannot take (not positive, more than two decimals, over the balance, an invoice
 * that is cancelled, refunded, paid or written off) 24239.
 */
import { z } from 'zod';
import { isRequired } from '../../protocol/specific-codes.js';
import { defineAction } from '../../registry/define-action.js';
import { array, id, int, number, string, timestamp } from '../../registry/params.js';
import { settleRegistration } from '../event/registrations/store.js';
import { CARD_TYPES, InvoiceRefType, isPaymentMethod, PaymentMethod } from './codes.js';
import { gatewayNotAllowed, invalidPaymentDetails, invalidPaymentMethod, requestEmpty } from './errors.js';
import { centsOf } from './money.js';
import { applyPayment } from './payments.js';
import { addPaymentResult } from './schemas.js';

const params = z.object({
  invoiceId: id().nullish(),
  paidDate: timestamp().nullish(),
  amountPaid: number().nullish(),
  paymentMethod: int().nullish(),
  customPaymentMethodId: id().nullish(),
  receiptNum: string(100).nullish(),
  reconciledDate: timestamp().nullish(),
  cardType: int().nullish(),
  feePercentage: number().nullish(),
  feeAmount: number().nullish(),
  feeExcludedTaxIds: array(id(), 100).nullish(),
  chequeNumber: string(100).nullish(),
  chequeDrawerName: string(255).nullish(),
  chequeBankBranch: string(255).nullish(),
  eftTransferDate: timestamp().nullish(),
  eftPaymentReference: string(255).nullish(),
  notes: string(2000).nullish(),
  // Only declared so that their presence can be refused with 24237.
  gateway: z.unknown().optional(),
  paymentId: z.unknown().optional(),
});

type Params = z.output<typeof params>;

function required<T>(value: T | null | undefined, name: string): T {
  if (value === undefined || value === null) throw isRequired(name);
  return value;
}

function amountCents(value: number, what: string): number {
  const cents = centsOf(value);
  if (cents === null) throw invalidPaymentDetails(`The ${what} must be an amount with at most two decimal places`);
  return cents;
}

export const addPayment = defineAction({
  namespace: 'invoice',
  action: 'addPayment',
  kind: 'write',
  params,
  result: addPaymentResult,
  async handler(ctx, p: Params) {
    if (Object.values(p).every((v) => v === undefined)) throw requestEmpty();
    if (p.gateway !== undefined || p.paymentId !== undefined) throw gatewayNotAllowed();
    const invoiceId = required(p.invoiceId, 'invoiceId');
    const amount = required(p.amountPaid, 'amountPaid');

    const method = p.paymentMethod ?? PaymentMethod.unknown;
    if (!isPaymentMethod(method)) throw invalidPaymentMethod(`${method} is not a payment method`);
    let customPaymentMethodId: number | null = null;
    if (method === PaymentMethod.custom) {
      customPaymentMethodId = required(p.customPaymentMethodId, 'customPaymentMethodId');
      const known = await ctx.store
        .selectFrom('custom_payment_methods')
        .select('id')
        .where('id', '=', customPaymentMethodId)
        .where('is_active', '=', 1)
        .executeTakeFirst();
      if (!known) throw invalidPaymentMethod(`There is no active custom payment method ${customPaymentMethodId}`);
    }
    let cardType: number | null = null;
    if (method === PaymentMethod.creditCard) {
      cardType = required(p.cardType, 'cardType');
      if (!(CARD_TYPES as readonly number[]).includes(cardType)) throw invalidPaymentDetails(`${cardType} is not a card type`);
    }
    if (method === PaymentMethod.cheque) required(p.chequeNumber, 'chequeNumber');

    const cents = amountCents(amount, 'amount paid');
    if (cents <= 0) throw invalidPaymentDetails('The amount paid must be greater than 0');
    let feeCents: number | null = null;
    if (p.feeAmount !== undefined && p.feeAmount !== null) {
      feeCents = amountCents(p.feeAmount, 'fee amount');
      if (feeCents < 0) throw invalidPaymentDetails('The fee amount must not be negative');
    }
    const feePercentage = feeCents === null ? (p.feePercentage ?? null) : null;
    if (feePercentage !== null && (feePercentage < 0 || feePercentage >= 100)) {
      throw invalidPaymentDetails('The fee percentage must be at least 0 and less than 100');
    }

    const { paymentId } = await applyPayment(ctx, invoiceId, {
      amountCents: cents,
      paidAt: p.paidDate ?? ctx.now,
      method,
      customPaymentMethodId,
      cardType,
      receiptNum: p.receiptNum ?? null,
      reconciledAt: p.reconciledDate ?? null,
      feeCents,
      feePercentage,
      feeExcludedTaxIds: p.feeExcludedTaxIds ?? [],
      chequeNumber: method === PaymentMethod.cheque ? (p.chequeNumber ?? null) : null,
      chequeDrawerName: method === PaymentMethod.cheque ? (p.chequeDrawerName ?? null) : null,
      chequeBankBranch: method === PaymentMethod.cheque ? (p.chequeBankBranch ?? null) : null,
      eftTransferAt: method === PaymentMethod.directDeposit ? (p.eftTransferDate ?? null) : null,
      eftPaymentReference: method === PaymentMethod.directDeposit ? (p.eftPaymentReference ?? null) : null,
      notes: p.notes ?? null,
    });
    // Paying a registration's invoice completes the registration, as paying on the
    // registration page does (docs/compatibility.md, Events).
    const source = await ctx.store.selectFrom('invoices').select(['ref_type', 'ref_id']).where('id', '=', invoiceId).executeTakeFirst();
    if (source?.ref_type === InvoiceRefType.eventRegistration && source.ref_id !== null) {
      await settleRegistration(ctx, source.ref_id);
    }
    return { success: true as const, id: paymentId };
  },
});
