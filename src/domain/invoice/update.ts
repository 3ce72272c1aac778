/**
 * The one way to change an existing invoice: lock it, read it, change it, and record
 * InvoiceUpdated with the invoice before and after, all in the caller's transaction.
 */
import type { ActionContext } from '../../registry/context.js';
import type { Scope } from '../../storage/scope.js';
import { invoiceNotFound } from './errors.js';
import type { InvoiceDetail } from './schemas.js';
import { loadInvoiceDetails } from './shapes.js';

/**
 * What writing an invoice needs from its caller. An ActionContext of a write action is one;
 * seeders build one around their own transaction. Without `sendEmail` no email is sent.
 */
export type InvoiceWriteContext = Pick<ActionContext, 'store' | 'now' | 'publicUrl' | 'recordChange'> & {
  sendEmail?: ActionContext['sendEmail'];
};

/**
 * Locks an invoice row for the rest of the transaction. A no-op UPDATE takes the row lock on
 * PostgreSQL (concurrent writers queue behind it and then see this transaction's result) and
 * the database write lock on SQLite, so read-check-write sequences on an invoice are safe on
 * both without dialect-specific SQL. Returns false when the invoice is not in the account.
 */
export async function lockInvoice(store: Scope, invoiceId: number): Promise<boolean> {
  const result = await store
    .updateTable('invoices')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', invoiceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Applies `change` to a locked invoice and records InvoiceUpdated with the invoice before and
 * after. Every writer of an existing invoice goes through here.
 */
export async function updateInvoice(
  ctx: InvoiceWriteContext,
  invoiceId: number,
  change: (before: InvoiceDetail) => Promise<void>,
  notFound: () => Error = invoiceNotFound,
): Promise<InvoiceDetail> {
  if (!ctx.store.inTransaction) throw new Error('updateInvoice must run inside the caller\'s write transaction');
  if (!(await lockInvoice(ctx.store, invoiceId))) throw notFound();
  const before = (await loadInvoiceDetails(ctx.store, [invoiceId])).get(invoiceId);
  if (!before) throw notFound();
  await change(before);
  await ctx.store.updateTable('invoices').set({ modified_at: ctx.now }).where('id', '=', invoiceId).execute();
  const after = (await loadInvoiceDetails(ctx.store, [invoiceId])).get(invoiceId);
  if (!after) throw new Error(`invoice ${invoiceId} vanished inside its own transaction`);
  await ctx.recordChange('InvoiceUpdated', { data: after, previousData: before });
  return after;
}

