/** The invoice namespace: invoices, payments, payment options and credit notes. */
import { getCreditNote, getCreditNoteList } from './credit-note-actions.js';
import { getInvoice, getInvoiceList } from './invoice-actions.js';
import { getOptions } from './options-action.js';
import { addPayment } from './payment-action.js';

export const invoiceActions = [
  getInvoiceList,
  getInvoice,
  addPayment,
  getOptions,
  getCreditNoteList,
  getCreditNote,
] as const;
