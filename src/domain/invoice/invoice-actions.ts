/** getInvoiceList and getInvoice (get-invoice-list.md, get-invoice.md). */
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import { defineAction } from '../../registry/define-action.js';
import { defineListAction } from '../../registry/define-list-action.js';
import { id } from '../../registry/params.js';
import { modifiedDateFilters } from '../contact/modified-filters.js';
import { invoiceNotFound } from './errors.js';
import { invoiceListItemResult, invoiceResult } from './schemas.js';
import { invoiceListShapes, invoicesFrom, loadInvoiceDetails, selectInvoiceRow } from './shapes.js';

/** Whether the filter (already validated when items are made) asks for payment details. */
function wantsPayments(filter: Record<string, unknown> | null | undefined): boolean {
  const value = filter?.includePaymentDetails;
  return value === true || value === 1 || value === '1' || value === 'true';
}

export const getInvoiceList = defineListAction({
  namespace: 'invoice',
  action: 'getInvoiceList',
  /**
   * The documented filters (fromModifiedDate, toModifiedDate, includePaymentDetails, venueId,
   * refType) plus the invoice's scalar result fields, each with filtering.md's modifiers.
   * includePaymentDetails selects no rows: it asks for each invoice's payments.
   */
  filters: {
    id: { column: 'invoices.id', type: 'integer' },
    title: { column: 'invoices.title', type: 'string' },
    description: { column: 'invoices.description', type: 'string' },
    currency: { column: 'invoices.currency', type: 'string' },
    currentStatus: { column: 'invoices.status', type: 'integer' },
    refType: { column: 'invoices.ref_type', type: 'integer' },
    refId: { column: 'invoices.ref_id', type: 'integer' },
    eventId: { column: 'invoices.event_id', type: 'integer' },
    venueId: { column: 'invoices.venue_id', type: 'integer' },
    bookingId: { column: 'invoices.booking_id', type: 'integer' },
    bookingCode: { column: 'invoices.booking_code', type: 'string' },
    toContactId: { column: 'invoices.contact_id', type: 'integer' },
    toContactEmail: { column: 'invoices.to_email', type: 'string' },
    toContactName: { column: 'invoices.to_name', type: 'string' },
    isTaxCharged: { column: 'invoices.is_tax_charged', type: 'boolean' },
    createdDate: { column: 'invoices.created_at', type: 'timestamp' },
    issuedDate: { column: 'invoices.issued_at', type: 'timestamp' },
    modifiedDate: { column: 'invoices.modified_at', type: 'timestamp' },
    paymentDueDate: { column: 'invoices.due_at', type: 'timestamp' },
    ...modifiedDateFilters('invoices.modified_at'),
    includePaymentDetails: { type: 'boolean', where: () => sql<SqlBool>`1 = 1` },
  },
  item: invoiceListItemResult,
  rows: (ctx) => ({ from: invoicesFrom(ctx.store), idColumn: 'invoices.id', select: selectInvoiceRow }),
  items: (rows, ctx, params) => invoiceListShapes(ctx.store, rows, wantsPayments(params.filter)),
});

export const getInvoice = defineAction({
  namespace: 'invoice',
  action: 'getInvoice',
  kind: 'read',
  params: z.object({ id: id() }),
  result: invoiceResult,
  async handler(ctx, params) {
    const invoice = (await loadInvoiceDetails(ctx.store, [params.id])).get(params.id);
    if (!invoice) throw invoiceNotFound();
    return invoice;
  },
});
