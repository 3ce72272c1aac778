/** The email that issues an invoice to its contact (logged in the email log, type 1501). */
import { button, escapeHtml, htmlDocument } from '../../mail/html.js';
import { EmailRefType, EmailType } from '../../mail/queue.js';
import type { ActionContext } from '../../registry/context.js';
import { invoiceBodyHtml } from './render-html.js';
import type { InvoiceDetail } from './schemas.js';
import { invoicePdfUrl, invoiceUrl } from './urls.js';

export async function sendInvoiceEmail(
  send: ActionContext['sendEmail'],
  publicUrl: string,
  invoice: InvoiceDetail,
  token: string,
): Promise<number | null> {
  if (!invoice.toContactEmail) return null;
  const greeting = invoice.contact ? `Dear ${invoice.contact.firstName},` : 'Hello,';
  const html = htmlDocument(
    `Invoice ${invoice.reference}`,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>Please find your invoice ${escapeHtml(invoice.reference)} below.</p>`,
      invoiceBodyHtml(invoice),
      `<p style="margin-top: 24px;">${button(invoiceUrl(publicUrl, token), 'View invoice')}${button(invoicePdfUrl(publicUrl, token), 'Download PDF', '#555')}</p>`,
    ].join('\n'),
  );
  return send({
    to: invoice.toContactEmail,
    subject: `Invoice ${invoice.reference}: ${invoice.title}`,
    html,
    type: EmailType.invoice,
    refType: EmailRefType.invoice,
    refId: invoice.id,
    contactId: invoice.toContactId,
    eventId: invoice.eventId,
  });
}
