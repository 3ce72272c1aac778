import assert from 'node:assert/strict';
import { it } from 'node:test';
import { htmlDocument } from '../../src/mail/html.js';
import { EmailRefType, EmailType, queueEmail } from '../../src/mail/queue.js';
import { formatTimestamp } from '../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../support/suite.js';

interface EmailRow {
  id: number;
  contactId: number | null;
  eventId: number | null;
  sentTime: string | null;
  success: boolean;
  body: string;
  subject: string;
  refType: number;
  type: number;
}
interface EmailPage {
  meta: { totalResults: number; count: number };
  results: EmailRow[];
}

describeEachDatabase('account.getEmailLogList (log-only mode)', ({ server }) => {
  const logOnly = { delivers: false, from: 'Marquee <no-reply@marquee.local>' };
  const t0 = Date.UTC(2026, 0, 10, 9, 0, 0);

  it('lists logged emails with the documented fields, HTML bodies intact', async () => {
    const html = htmlDocument('Invitation', '<p>Hello <b>Ann</b></p>');
    await server()
      .store()
      .transaction(async (tx) => {
        await queueEmail(tx, logOnly, { to: 'ann@example.com', subject: 'Invitation', html, type: EmailType.notification, refType: EmailRefType.event, refId: 7, contactId: 11, eventId: 7 }, t0);
        await queueEmail(tx, logOnly, { to: 'bob@example.com', subject: 'Invoice 3', html, type: EmailType.invoice, refType: EmailRefType.invoice, refId: 3, contactId: 12 }, t0 + 3600_000);
      });
    const page = await server().client.call<EmailPage>('account', 'getEmailLogList', {});
    assert.equal(page.meta.totalResults, 2);
    const first = page.results[0] as EmailRow;
    assert.equal(first.body, html);
    assert.equal(first.success, true, 'without SMTP the log is the delivery');
    assert.equal(first.sentTime, formatTimestamp(t0));
    assert.equal(first.refType, EmailRefType.event);
  });

  it('filters by contact, event and sent time', async () => {
    const byContact = await server().client.call<EmailPage>('account', 'getEmailLogList', { filter: { contactId: 12 } });
    assert.deepEqual(byContact.results.map((e) => e.subject), ['Invoice 3']);
    const byEvent = await server().client.call<EmailPage>('account', 'getEmailLogList', { filter: { eventId: 7 } });
    assert.deepEqual(byEvent.results.map((e) => e.subject), ['Invitation']);
    const since = await server().client.call<EmailPage>('account', 'getEmailLogList', {
      filter: { sentTime__GREATERTHAN: formatTimestamp(t0 + 1000) },
    });
    assert.deepEqual(since.results.map((e) => e.subject), ['Invoice 3']);
    const atSecond = await server().client.call<EmailPage>('account', 'getEmailLogList', {
      filter: { sentTime: formatTimestamp(t0, false) },
    });
    assert.deepEqual(atSecond.results.map((e) => e.subject), ['Invitation']);
  });

  it('rejects unknown filters and bad values with 23016', async () => {
    const unknown = await server().client.raw('account', 'getEmailLogList', { filter: { colour: 'red' } });
    assert.equal(unknown.status, 400);
    assert.equal((unknown.body as { specificCode: number }).specificCode, 23016);
    const bad = await server().client.raw('account', 'getEmailLogList', { filter: { sentTime: 'last week' } });
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { message: string }).message, "'filter.sentTime' does not validate");
  });

  it('shows an account only its own emails', async () => {
    const other = await server().newAccount();
    const page = await other.client.call<EmailPage>('account', 'getEmailLogList', {});
    assert.equal(page.meta.totalResults, 0);
  });

  it('logs nothing when the transaction rolls back', async () => {
    await assert.rejects(
      server()
        .store()
        .transaction(async (tx) => {
          await queueEmail(tx, logOnly, { to: 'x@example.com', subject: 'Never', html: '<p/>', type: 0, refType: 0 }, t0);
          throw new Error('abort');
        }),
    );
    const page = await server().client.call<EmailPage>('account', 'getEmailLogList', { filter: { subject: 'Never' } });
    assert.equal(page.meta.totalResults, 0);
  });
});
