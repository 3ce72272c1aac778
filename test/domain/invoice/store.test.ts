import assert from 'node:assert/strict';
import { it } from 'node:test';
import { invoiceSeeder } from '../../../src/domain/invoice/seed.js';
import { cancelInvoice, createInvoice, loadInvoicesForSources, sourceInvoiceResult } from '../../../src/domain/invoice/store.js';
import { contactSeeder } from '../../../src/domain/contact/seed/seed.js';
import { Faker, en } from '@faker-js/faker';
import { describeEachDatabase } from '../../support/suite.js';
import { addContact, menuInvoice, write } from './fixtures.js';
import type { Json } from '../../support/json.js';
import { createActionContext, internalCaller } from '../../../src/registry/context.js';


describeEachDatabase('invoices as a shared service', ({ server }) => {
  const changes = async (invoiceId: number) =>
    (await server().store().selectFrom('changes').select(['subject', 'endpoint', 'body']).orderBy('id').execute())
      .map((r) => ({ ...r, body: JSON.parse(r.body) as Json }))
      .filter((r) => r.body.data?.id === invoiceId);

  it('records InvoiceAdded with the getInvoice shape in the caller\'s transaction', async () => {
    const invoice = await write(server(), (ctx) => createInvoice(ctx, menuInvoice()));
    const rows = await changes(invoice.id);
    assert.deepEqual(rows.map((r) => [r.endpoint, r.subject]), [['payments', 'InvoiceAdded']]);
    assert.deepEqual(rows[0]!.body, { data: await server().client.call('invoice', 'getInvoice', { id: invoice.id }) });
  });

  it('rolls back with the caller: no invoice, no notification, no email', async () => {
    const contactId = await addContact(server());
    let id = 0;
    await assert.rejects(
      write(server(), async (ctx) => {
        id = (await createInvoice(ctx, menuInvoice({ contactId, email: true }))).id;
        throw new Error('registration failed after invoicing');
      }),
      /registration failed/,
    );
    assert.ok(id > 0);
    assert.equal(await server().store().selectFrom('invoices').select('id').where('id', '=', id).executeTakeFirst(), undefined);
    assert.deepEqual(await changes(id), []);
    const emails = await server().store().selectFrom('email_log').select('id').where('ref_type', '=', 6).where('ref_id', '=', id).execute();
    assert.deepEqual(emails, []);
  });

  it('refuses to write outside a transaction', async () => {
    const store = server().store();
    await assert.rejects(
      createInvoice(createActionContext(server().runtime, store, internalCaller(store.accountId)), menuInvoice()),
      /transaction/,
    );
  });

  it('loads each source\'s invoices in the getContact shape, in one call for many sources', async () => {
    const a = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ refType: 1, refId: 501, title: 'Registration' })));
    const b = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ refType: 1, refId: 501, title: 'Extra guest' })));
    const c = await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ refType: 1, refId: 502 })));
    await write(server(), (ctx) => createInvoice(ctx, menuInvoice({ refType: 4, refId: 501 })));
    const bySource = await loadInvoicesForSources(server().store(), server().url, 1, [501, 502, 503]);
    assert.deepEqual([...bySource.keys()], [501, 502, 503]);
    assert.deepEqual(bySource.get(501)!.map((i) => i.id), [a.id, b.id]);
    assert.deepEqual(bySource.get(502)!.map((i) => i.id), [c.id]);
    assert.deepEqual(bySource.get(503), []);
    const first = bySource.get(501)![0]!;
    sourceInvoiceResult.parse(first);
    assert.deepEqual(
      { ...first, invoiceUrl: undefined, invoiceUrlPdf: undefined },
      { id: a.id, reference: a.reference, title: 'Registration', currentStatus: 0, description: 'Christmas party', currency: 'AUD', totalCost: 230, totalPaid: 0, invoiceUrl: undefined, invoiceUrlPdf: undefined },
    );
    const page = await fetch(first.invoiceUrl);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes(`Invoice ${a.reference}`));
    assert.equal((await fetch(first.invoiceUrlPdf)).headers.get('content-type'), 'application/pdf');
    const other = await server().newAccount();
    const elsewhere = await loadInvoicesForSources(server().store(other.accountId), server().url, 1, [501]);
    assert.deepEqual(elsewhere.get(501), []);
  });

  it('cancels an invoice once: a second cancel records nothing', async () => {
    const invoice = await write(server(), (ctx) => createInvoice(ctx, menuInvoice()));
    const cancelled = await write(server(), (ctx) => cancelInvoice(ctx, invoice.id));
    assert.equal(cancelled.currentStatus, 4);
    await write(server(), (ctx) => cancelInvoice(ctx, invoice.id));
    assert.deepEqual((await changes(invoice.id)).map((r) => r.subject), ['InvoiceAdded', 'InvoiceUpdated']);
  });

  it('seeds invoices in every status with payments, refunds and credit notes, all valid API shapes', async () => {
    const account = await server().newAccount();
    const faker = new Faker({ locale: [en] });
    faker.seed(11);
    const ctx = { store: server().store(account.accountId), faker, log: server().runtime.log, publicUrl: server().url, mail: server().runtime.mail, now: Date.now(), contacts: 60 };
    await contactSeeder.seed(ctx);
    const counts = await invoiceSeeder.seed(ctx);
    assert.ok(counts.invoices! >= 9);
    assert.ok(counts.creditNotes! >= 1);
    const statuses = new Set<number>();
    let listed = 0;
    for await (const invoice of account.client.paginate<Json>('invoice', 'getInvoiceList', { filter: { includePaymentDetails: true } })) {
      statuses.add(invoice.currentStatus);
      listed++;
      const detail = await account.client.call<Json>('invoice', 'getInvoice', { id: invoice.id });
      const paid = detail.payments.reduce((s: number, p: Json) => s + Math.round(p.amountPaid * 100), 0);
      assert.equal(paid, Math.round(detail.amountPaid * 100), 'amountPaid is the sum of the payments');
      assert.ok(detail.amountPaid <= detail.totalCost, 'no seeded invoice is over-paid');
    }
    assert.equal(listed, counts.invoices);
    assert.deepEqual([...statuses].sort(), [0, 1, 2, 3, 4, 5]);
    const notes = await account.client.call<Json>('invoice', 'getCreditNoteList', {});
    assert.equal(notes.meta.totalResults, counts.creditNotes);
    for (const n of notes.results) await account.client.call('invoice', 'getCreditNote', { id: n.id });
    const options = await account.client.call<Json>('invoice', 'getOptions', {});
    assert.equal(Object.keys(options.customPaymentMethods).length, 3);
    const outbox = await server().store(account.accountId).selectFrom('changes').select('id').execute();
    assert.deepEqual(outbox, [], 'seed data is a starting state, not changes');
  });
});
