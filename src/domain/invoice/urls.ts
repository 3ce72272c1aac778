/**
 * Public invoice URLs. Whoever holds the link can read the invoice (that is how iVvy mails
 * them), so the path carries a random 144-bit token rather than the guessable invoice id.
 */
import { randomBytes } from 'node:crypto';

export const INVOICE_PATH = '/invoices';

export const newInvoiceToken = (): string => randomBytes(18).toString('base64url');

/** Tokens are base64url of 18 bytes: exactly 24 characters of [A-Za-z0-9_-]. */
export const isInvoiceToken = (text: string): boolean => /^[A-Za-z0-9_-]{24}$/.test(text);

export const invoiceUrl = (publicUrl: string, token: string): string => `${trimSlash(publicUrl)}${INVOICE_PATH}/${token}`;

export const invoicePdfUrl = (publicUrl: string, token: string): string =>
  `${trimSlash(publicUrl)}${INVOICE_PATH}/${token}.pdf`;

const trimSlash = (url: string): string => url.replace(/\/+$/, '');
