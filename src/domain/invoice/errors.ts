/**
 * The invoice namespace's documented specific codes: add-payment.md (24235–24240),
 * get-invoice.md (24137), get-credit-note.md (24406). Type errors in parameters stay the
 * platform's 23016/23017 (docs/compatibility.md, Invoices).
 */
import { ApiError } from '../../protocol/errors.js';

export const InvoiceCodes = {
  invoiceNotFound: 24137,
  requestEmpty: 24235,
  invalidPaymentMethod: 24236,
  gatewayNotAllowed: 24237,
  paymentInvoiceNotFound: 24238,
  invalidPaymentDetails: 24239,
  unknownPaymentError: 24240,
  creditNoteNotFound: 24406,
} as const;

export const invoiceNotFound = (): ApiError => new ApiError(404, InvoiceCodes.invoiceNotFound, 'Unable to find invoice');

export const creditNoteNotFound = (): ApiError =>
  new ApiError(404, InvoiceCodes.creditNoteNotFound, 'The credit note does not exist');

export const requestEmpty = (): ApiError => new ApiError(400, InvoiceCodes.requestEmpty, 'The request is empty');

export const invalidPaymentMethod = (reason: string): ApiError =>
  new ApiError(400, InvoiceCodes.invalidPaymentMethod, 'Invalid payment method', [reason]);

export const gatewayNotAllowed = (): ApiError =>
  new ApiError(400, InvoiceCodes.gatewayNotAllowed, 'Cannot use "gateway" or "paymentId" to make the invoice payment');

export const paymentInvoiceNotFound = (): ApiError =>
  new ApiError(404, InvoiceCodes.paymentInvoiceNotFound, 'Unable to find invoice');

export const invalidPaymentDetails = (reason: string): ApiError =>
  new ApiError(400, InvoiceCodes.invalidPaymentDetails, 'The payment details are invalid', [reason]);
