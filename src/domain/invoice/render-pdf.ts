/**
 * The invoice as a PDF (invoiceUrlPdf), drawn with pdfkit in its built-in Helvetica: no font
 * files to ship, and every PDF reader has the metrics.
 */
import { STATUS_DESCRIPTIONS, type InvoiceStatusCode } from './codes.js';
import { formatMoney } from './money.js';
import { addressLines } from './render-html.js';
import type { InvoiceDetail } from './schemas.js';
import { newPdf } from '../../pdf/new-pdf.js';

const MARGIN = 50;
const PAGE_BOTTOM = 780;
/** Column x positions and widths of the item table on an A4 page (595 pt wide). */
const COLUMNS = { description: [MARGIN, 245], qty: [300, 45], unit: [345, 70], tax: [415, 60], total: [475, 70] } as const;

export async function renderInvoicePdf(invoice: InvoiceDetail, now: Date = new Date()): Promise<Buffer> {
  const { doc, bytes } = await newPdf({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Invoice ${invoice.reference}`, Subject: invoice.title, Creator: 'Marquee', CreationDate: now },
  });
  const money = (amount: number) => formatMoney(Math.round(amount * 100), invoice.currency);

  doc.font('Helvetica-Bold').fontSize(20).text(invoice.title);
  doc.font('Helvetica').fontSize(10).fillColor('#555');
  doc.text(`Invoice ${invoice.reference} · ${STATUS_DESCRIPTIONS[invoice.currentStatus as InvoiceStatusCode]}`);
  doc.text(`Issued ${invoice.issuedDate}   Due ${invoice.paymentDueDate}`);
  doc.fillColor('#000').moveDown();
  if (invoice.description) doc.text(invoice.description).moveDown();

  const to = [invoice.toContactName, invoice.company?.businessName, ...addressLines(invoice), invoice.toContactEmail].filter(
    (s): s is string => !!s,
  );
  doc.font('Helvetica-Bold').text('To');
  doc.font('Helvetica').text(to.length > 0 ? to.join('\n') : '—');
  doc.moveDown();

  const row = (cells: Record<keyof typeof COLUMNS, string>, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    const height = Math.max(
      ...Object.entries(cells).map(([k, text]) => doc.heightOfString(text, { width: COLUMNS[k as keyof typeof COLUMNS][1] })),
    );
    if (doc.y + height > PAGE_BOTTOM) doc.addPage();
    const y = doc.y;
    for (const [key, text] of Object.entries(cells) as Array<[keyof typeof COLUMNS, string]>) {
      const [x, width] = COLUMNS[key];
      doc.text(text, x, y, { width, align: key === 'description' ? 'left' : 'right' });
    }
    doc.x = MARGIN;
    doc.y = y + height + 4;
  };
  row({ description: 'Description', qty: 'Qty', unit: 'Unit', tax: 'Tax', total: 'Total' }, true);
  for (const item of invoice.items) {
    const service = item.serviceDate
      ? `\n${item.serviceDate.start}${item.serviceDate.end !== item.serviceDate.start ? ` – ${item.serviceDate.end}` : ''}`
      : '';
    row({
      description: `${item.description}${service}`,
      qty: String(item.quantity),
      unit: money(item.unitCost),
      tax: money(item.totalTaxCost),
      total: money(item.totalCost),
    });
  }
  for (const tax of invoice.venueExTaxes) {
    row({ description: `Tax ${tax.taxId}${tax.taxRateAmountType === 1 ? ` (${tax.taxRateAmount}%)` : ''}`, qty: '', unit: '', tax: '', total: money(tax.amount) });
  }
  doc.moveDown(0.5);
  const balance = Math.round(invoice.totalCost * 100) - Math.round(invoice.amountPaid * 100);
  row({ description: `Total (${invoice.currency})`, qty: '', unit: '', tax: '', total: money(invoice.totalCost) }, true);
  row({ description: 'Includes tax', qty: '', unit: '', tax: '', total: money(invoice.totalTaxCost) });
  row({ description: 'Paid', qty: '', unit: '', tax: '', total: money(invoice.amountPaid) });
  row({ description: 'Balance due', qty: '', unit: '', tax: '', total: formatMoney(balance, invoice.currency) }, true);

  if (invoice.payments.length > 0) {
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Payments');
    doc.font('Helvetica');
    for (const p of invoice.payments) {
      row({ description: `${p.paidDate}${p.receiptNum ? `  receipt ${p.receiptNum}` : ''}`, qty: '', unit: '', tax: '', total: money(p.amountPaid) });
    }
  }
  doc.end();
  return bytes;
}
