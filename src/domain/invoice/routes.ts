/**
 * The public invoice pages: GET /invoices/<token> (HTML) and /invoices/<token>.pdf. The token
 * is the credential, so a lookup by token is what binds the request to its account; after
 * that everything reads through that account's Scope.
 */
import type { FastifyReply } from 'fastify';
import { escapeHtml, htmlDocument } from '../../mail/html.js';
import type { RoutePlugin } from '../../server/route-plugin.js';
import { createScope } from '../../storage/scope.js';
import { renderInvoicePage } from './render-html.js';
import { renderInvoicePdf } from './render-pdf.js';
import { loadInvoiceDetails } from './shapes.js';
import { INVOICE_PATH, invoicePdfUrl, invoiceUrl, isInvoiceToken } from './urls.js';

/** Links must not leak the token (Referer), pages must not be cached or indexed. */
function privatePage(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
}

const NOT_FOUND = htmlDocument('Invoice not found', `<h1>Invoice not found</h1><p>${escapeHtml('This invoice link is not valid.')}</p>`);

export const invoiceRoutes: RoutePlugin = (app, runtime) => {
  app.get<{ Params: { file: string } }>(`${INVOICE_PATH}/:file`, async (request, reply) => {
    const file = request.params.file;
    const pdf = file.endsWith('.pdf');
    const token = pdf ? file.slice(0, -4) : file;
    const found = isInvoiceToken(token)
      ? await runtime.storage.db.selectFrom('invoices').select(['id', 'account_id']).where('token', '=', token).executeTakeFirst()
      : undefined;
    const invoice = found
      ? (await loadInvoiceDetails(createScope(runtime.storage.db, found.account_id, runtime.storage.dialect), [found.id])).get(found.id)
      : undefined;
    privatePage(reply);
    if (!invoice) return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND);
    if (pdf) {
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="invoice-${invoice.reference}.pdf"`)
        .send(await renderInvoicePdf(invoice));
    }
    const links = { html: invoiceUrl(runtime.publicUrl, token), pdf: invoicePdfUrl(runtime.publicUrl, token) };
    return reply.type('text/html; charset=utf-8').send(renderInvoicePage(invoice, links));
  });
};
