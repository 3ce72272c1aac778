/**
 * The invoice as an HTML document: the page behind invoiceUrl and the body of the invoice
 * email. Inline styles only, so mail clients render it as browsers do.
 */
import { button, escapeHtml, htmlDocument } from '../../mail/html.js';
import { STATUS_DESCRIPTIONS, type InvoiceStatusCode } from './codes.js';
import { formatMoney } from './money.js';
import type { InvoiceDetail } from './schemas.js';

export interface InvoiceLinks {
  html: string;
  pdf: string;
}

const cents = (amount: number): number => Math.round(amount * 100);
const CELL = 'padding: 6px 8px; border-bottom: 1px solid #ddd;';
const NUM = `${CELL} text-align: right; white-space: nowrap;`;

export function addressLines(invoice: InvoiceDetail): string[] {
  const a = invoice.toAddress;
  const cityLine = [a.city, a.stateCode || a.stateName || '', a.postalCode].filter((s) => s).join(' ');
  return [a.line1, a.line2, a.line3, a.line4, cityLine, a.countryName ?? a.countryCode].filter((s): s is string => !!s);
}

/** The invoice itself: addressee, lines, totals and payments. */
export function invoiceBodyHtml(invoice: InvoiceDetail): string {
  const money = (amount: number) => escapeHtml(formatMoney(cents(amount), invoice.currency));
  const balance = cents(invoice.totalCost) - cents(invoice.amountPaid);
  const to = [invoice.toContactName, invoice.company?.businessName, ...addressLines(invoice), invoice.toContactEmail]
    .filter((s): s is string => !!s)
    .map(escapeHtml)
    .join('<br>');
  const rows = invoice.items
    .map(
      (i) =>
        `<tr><td style="${CELL}">${escapeHtml(i.description)}${
          i.serviceDate ? `<br><span style="color: #666; font-size: 12px;">${escapeHtml(i.serviceDate.start)}${i.serviceDate.end !== i.serviceDate.start ? ` – ${escapeHtml(i.serviceDate.end)}` : ''}</span>` : ''
        }</td><td style="${NUM}">${escapeHtml(i.quantity)}</td><td style="${NUM}">${money(i.unitCost)}</td><td style="${NUM}">${money(i.totalTaxCost)}</td><td style="${NUM}">${money(i.totalCost)}</td></tr>`,
    )
    .join('\n');
  const exTaxes = invoice.venueExTaxes
    .map((t) => `<tr><td colspan="4" style="${NUM}">Tax ${escapeHtml(t.taxId)} (${escapeHtml(t.taxRateAmountType === 1 ? `${t.taxRateAmount}%` : 'fixed')})</td><td style="${NUM}">${money(t.amount)}</td></tr>`)
    .join('\n');
  const payments = invoice.payments
    .map((p) => `<tr><td style="${CELL}">${escapeHtml(p.paidDate)}</td><td style="${CELL}">${escapeHtml(p.receiptNum ?? '')}</td><td style="${NUM}">${money(p.amountPaid)}</td></tr>`)
    .join('\n');
  return [
    `<h1 style="margin-bottom: 4px;">${escapeHtml(invoice.title)}</h1>`,
    `<p style="margin-top: 0; color: #555;">Invoice ${escapeHtml(invoice.reference)} · ${escapeHtml(STATUS_DESCRIPTIONS[invoice.currentStatus as InvoiceStatusCode])}</p>`,
    invoice.description ? `<p>${escapeHtml(invoice.description)}</p>` : '',
    `<table style="width: 100%; margin: 16px 0;"><tr>`,
    `<td style="vertical-align: top;"><strong>To</strong><br>${to || '—'}</td>`,
    `<td style="vertical-align: top; text-align: right;">Issued ${escapeHtml(invoice.issuedDate)}<br>Due ${escapeHtml(invoice.paymentDueDate)}</td>`,
    `</tr></table>`,
    `<table style="width: 100%; border-collapse: collapse; font-size: 14px;">`,
    `<tr style="background: #f3f3f3;"><th style="${CELL} text-align: left;">Description</th><th style="${NUM}">Qty</th><th style="${NUM}">Unit</th><th style="${NUM}">Tax</th><th style="${NUM}">Total</th></tr>`,
    rows,
    exTaxes,
    `<tr><td colspan="4" style="${NUM}"><strong>Total (${escapeHtml(invoice.currency)})</strong></td><td style="${NUM}"><strong>${money(invoice.totalCost)}</strong></td></tr>`,
    `<tr><td colspan="4" style="${NUM}">Includes tax</td><td style="${NUM}">${money(invoice.totalTaxCost)}</td></tr>`,
    `<tr><td colspan="4" style="${NUM}">Paid</td><td style="${NUM}">${money(invoice.amountPaid)}</td></tr>`,
    `<tr><td colspan="4" style="${NUM}"><strong>Balance due</strong></td><td style="${NUM}"><strong>${escapeHtml(formatMoney(balance, invoice.currency))}</strong></td></tr>`,
    `</table>`,
    payments
      ? `<h2 style="font-size: 16px; margin-top: 24px;">Payments</h2><table style="width: 100%; border-collapse: collapse; font-size: 14px;">${payments}</table>`
      : '',
  ].join('\n');
}

/** The public invoice page. */
export function renderInvoicePage(invoice: InvoiceDetail, links: InvoiceLinks): string {
  return htmlDocument(
    `Invoice ${invoice.reference}`,
    `${invoiceBodyHtml(invoice)}\n<p style="margin-top: 24px;">${button(links.pdf, 'Download PDF')}</p>`,
  );
}
