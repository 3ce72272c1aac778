/** The invoice namespace: invoices, payments, payment options and credit notes. */
import { defineNamespace } from '../../registry/namespace.js';
import { getCreditNote, getCreditNoteList } from './credit-note-actions.js';
import { getInvoice, getInvoiceList } from './invoice-actions.js';
import { invoice as invoiceMigration } from './migrations/0006_invoice.js';
import { getOptions } from './options-action.js';
import { addPayment } from './payment-action.js';
import { invoiceRoutes } from './routes.js';
import { invoiceSeeder } from './seed.js';

export const invoice = defineNamespace({
  namespace: 'invoice',
  actions: {
    getInvoiceList,
    getInvoice,
    addPayment,
    getOptions,
    getCreditNoteList,
    getCreditNote,
  },
  migrations: [invoiceMigration],
  seeder: invoiceSeeder,
  routes: invoiceRoutes,
});
