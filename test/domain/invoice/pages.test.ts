import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyPayment, createInvoice } from '../../../src/domain/invoice/store.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addCompany, addContact, menuInvoice, write } from './fixtures.js';
import { assertPdfStructure, pdfText } from './pdf-text.js';
import type { Json } from '../../support/json.js';


describeEachDatabase('invoice pages and email', ({ server }) => {
  async function issued() {
    const contactId = await addContact(server(), { firstName: 'Ada', lastName: 'Lovelace <script>', email: 'ada@example.com' });
    const companyId = await addCompany(server(), { businessName: 'Engines & Co' });
    const invoice = await write(server(), (ctx) =>
      createInvoice(ctx, menuInvoice({ contactId, companyId, email: true, description: 'Analytical <b>dinner</b>' })),
    );
    await write(server(), (ctx) => applyPayment(ctx, invoice.id, { amountCents: 5000, paidAt: Date.UTC(2025, 0, 2), method: 6, receiptNum: 'R-77' }));
    return { contactId, invoice };
  }

  async function urlsOf(invoiceId: number): Promise<{ html: string; pdf: string }> {
    const row = await server().store().selectFrom('invoices').select(['token', 'ref_type', 'ref_id']).where('id', '=', invoiceId).executeTakeFirstOrThrow();
    return { html: `${server().url}/invoices/${row.token}`, pdf: `${server().url}/invoices/${row.token}.pdf` };
  }

  it('serves the invoice as an HTML page behind its token, escaped and private', async () => {
    const { invoice } = await issued();
    const { html, pdf } = await urlsOf(invoice.id);
    const res = await fetch(html);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    const page = await res.text();
    assert.match(page, /^<!DOCTYPE html>/);
    assert.ok(page.includes(`Invoice ${invoice.reference}`));
    assert.ok(page.includes('Ada Lovelace &lt;script&gt;'), 'names are escaped');
    assert.ok(page.includes('Analytical &lt;b&gt;dinner&lt;/b&gt;'));
    assert.ok(!page.includes('<script>'));
    assert.ok(page.includes('Engines &amp; Co'));
    assert.match(page, /AUD\s?230\.00/);
    assert.match(page, /AUD\s?180\.00/, 'balance due after the 50.00 payment');
    assert.ok(page.includes(`href="${pdf}"`));
  });

  it('serves a real PDF of the invoice', async () => {
    const { invoice } = await issued();
    const res = await fetch((await urlsOf(invoice.id)).pdf);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`invoice-${invoice.reference}\\.pdf`));
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.deepEqual(assertPdfStructure(pdf), { pages: 1 });
    const text = pdfText(pdf).join('\n');
    assert.ok(text.includes(invoice.reference), text);
    assert.ok(text.includes('Ada Lovelace <script>'));
    assert.match(text, /AUD\s?230\.00/);
    assert.ok(text.includes('R-77'));
  });

  it('puts many lines on as many pages as they need', async () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ description: `Line ${i + 1} with a description long enough to wrap onto a second line of the table`, unitCostCents: 1000 }));
    const invoice = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ items })));
    const pdf = Buffer.from(await (await fetch((await urlsOf(invoice.id)).pdf)).arrayBuffer());
    assert.ok(assertPdfStructure(pdf).pages >= 3);
    const text = pdfText(pdf).join('\n');
    assert.ok(text.includes('Line 80 with'));
  });

  it('answers 404 for unknown, malformed and other-shaped tokens', async () => {
    for (const path of ['/invoices/AAAAAAAAAAAAAAAAAAAAAAAA', '/invoices/AAAAAAAAAAAAAAAAAAAAAAAA.pdf', '/invoices/1', '/invoices/..%2F..%2Fetc']) {
      const res = await fetch(`${server().url}${path}`);
      assert.equal(res.status, 404, path);
      assert.match(await res.text(), /Invoice not found/);
    }
  });

  it('emails an issued invoice to its contact and logs it, with working links', async () => {
    const { contactId, invoice } = await issued();
    const { html, pdf } = await urlsOf(invoice.id);
    const log = await server().client.call<Json>('account', 'getEmailLogList', { filter: { contactId } });
    assert.equal(log.meta.totalResults, 1);
    const email = log.results[0];
    assert.equal(email.to, 'ada@example.com');
    assert.equal(email.type, 1501);
    assert.equal(email.refType, 6);
    assert.equal(email.refId, invoice.id);
    assert.equal(email.subject, `Invoice ${invoice.reference}: Tax Invoice`);
    assert.ok(email.body.includes(`href="${html}"`));
    assert.ok(email.body.includes(`href="${pdf}"`));
    assert.ok(email.body.includes('Dear Ada,'));
  });

  it('sends no email without a contact, when asked not to, or for a cancelled invoice', async () => {
    const companyId = await addCompany(server());
    const contactId = await addContact(server());
    const invoices = [
      await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ companyId, email: true }))),
      await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ contactId, email: false }))),
      await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ contactId, email: true, status: 4 }))),
    ];
    assert.ok(invoices[0]!.toContactEmail, 'the company invoice has an address to send to');
    for (const invoice of invoices) {
      const log = await server().client.call<Json>('account', 'getEmailLogList', { filter: { refType: 6, refId: invoice.id } });
      assert.equal(log.meta.totalResults, 0, `invoice ${invoice.id}`);
    }
  });
});
