/**
 * Every page, PDF and email Marquee renders shows stored text as text: hostile values in
 * every stored field that reaches one are rendered, and each rendering must hold them only
 * in escaped form (and still hold them: dropping data is no fix). The tables below say
 * which field shows where; the test fails when a public route or an email kind appears
 * that they do not cover.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import Fastify from 'fastify';
import { SMTPServer } from 'smtp-server';
import { cancelRegistration, registerForEvent } from '../../src/domain/event/registrations/store.js';
import { attendeeTicketUrl, barcodeUrl, ticketsUrl } from '../../src/domain/event/urls.js';
import { applyPayment, createInvoice } from '../../src/domain/invoice/store.js';
import { escapeHtml } from '../../src/mail/html.js';
import { EmailType } from '../../src/mail/queue.js';
import { createSmtpTransport } from '../../src/mail/transport.js';
import { createMailWorker } from '../../src/mail/worker.js';
import { topicArn } from '../../src/notify/topics.js';
import type { Runtime } from '../../src/runtime.js';
import { ROUTE_PLUGINS } from '../../src/server/plugins.js';
import { addEvent, addSession, addTicket, fetchPage, inTransaction, setEventColumns } from '../domain/event/fixtures.js';
import { write } from '../domain/invoice/fixtures.js';
import { addVenue } from '../domain/venue/fixtures.js';
import { addSpace } from '../domain/venue/spaces-fixtures.js';
import { assertPdfStructure, pdfText } from '../domain/invoice/pdf-text.js';
import type { TestServer } from '../support/server.js';
import { describeEachDatabase } from '../support/suite.js';
import { assertNoInjectedMarkup, headerNames } from './markup.js';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  // Marquee's templates quote attributes with ": this is the quote that would break out.
  '" onmouseover="alert(1)',
  '</textarea><svg onload=alert(1)>',
  'javascript:alert(1)',
  'Gala\r\nBcc: injected@evil.example\r\nX-Injected: yes',
];

/** Everything rendered from stored text, with the public routes that serve it (none: an email). */
const ARTIFACTS = {
  'email:invitation': [],
  'email:registration-awaiting-payment': [],
  'email:registration-completed': [],
  'email:exhibitor-confirmation': [],
  'email:registration-invoice': [],
  'email:invoice': [],
  'page:invitation-no': ['GET /invitations/:invitationId/:secret/:answer'],
  'page:invitation-yes': ['GET /invitations/:invitationId/:secret/:answer'],
  'page:invitation-refused': ['POST /invitations/:invitationId/:secret/register'],
  'page:invitation-registered': ['GET /invitations/:invitationId/:secret/:answer'],
  'page:tickets': ['GET /tickets/:registrationId/:file'],
  'page:tickets-attendee': ['GET /tickets/:registrationId/:secret/:attendee'],
  'page:tickets-unavailable': ['GET /tickets/:registrationId/:file'],
  'pdf:tickets': ['GET /tickets/:registrationId/:file'],
  'pdf:tickets-attendee': ['GET /tickets/:registrationId/:secret/:attendee'],
  'page:site': ['GET /event/:code/', 'GET /event/:code'],
  'page:site-registration': ['GET /event/:code/registration'],
  'page:site-signed-out': ['GET /event/:code/registration'],
  'page:login-refused': ['GET /event/:code/registration/login/token'],
  'page:invoice': ['GET /invoices/:file'],
  'pdf:invoice': ['GET /invoices/:file'],
  'xml:subscription-confirmed': ['GET /notifications/sns'],
  'page:venue-order': ['GET /venue/order/start'],
} as const satisfies Record<string, readonly string[]>;
type Artifact = keyof typeof ARTIFACTS;

/** Public routes that render no stored text, and what they serve instead. */
const NO_STORED_TEXT: Record<string, string> = {
  'GET /tickets/barcodes/:file': 'a PNG of the generated barcode',
  'GET /notifications/:file': 'the signing certificate',
  'GET /notifications/accounts/:accountId/:keyId/notifcert.txt': 'the signing public key',
  'GET /venue/booking-files/:id': 'stored document and BEO files, byte for byte (HTML uploads download, never render)',
};

/** Every kind of email Marquee sends (email log `type`), and the rendering that stands for it. */
const EMAIL_KINDS: Record<number, Artifact> = {
  [EmailType.notification]: 'email:invitation',
  [EmailType.registrationAwaitingPayment]: 'email:registration-awaiting-payment',
  [EmailType.completedRegistration]: 'email:registration-completed',
  [EmailType.exhibitorConfirmation]: 'email:exhibitor-confirmation',
  [EmailType.invoice]: 'email:invoice',
};

/** Email log types Marquee declares but no code sends yet. */
const NEVER_SENT: Record<number, string> = {
  [EmailType.paymentReminder]: 'no payment reminders yet',
  [EmailType.creditNote]: 'credit notes are not emailed yet',
};

interface Field {
  /** Every rendering that shows the field: each must hold it, escaped. */
  shows: readonly Artifact[];
  /** The stored value, when the field's validator wants another form than `field payload`. */
  value?: (payload: string) => string;
  /** What is shown of the value, when it is not the value itself. */
  shown?: (value: string) => string;
}

const TICKETS = ['page:tickets', 'page:tickets-attendee', 'pdf:tickets', 'pdf:tickets-attendee'] as const;
const INVOICE = ['email:invoice', 'page:invoice', 'pdf:invoice'] as const;
const CONFIRMATIONS = ['email:registration-awaiting-payment', 'email:registration-completed', 'email:exhibitor-confirmation'] as const;

/** Every stored text field that reaches a rendering, and where it shows. */
const FIELDS = {
  'events.title': {
    shows: [
      'email:invitation', ...CONFIRMATIONS, 'email:registration-invoice', 'page:invitation-no', 'page:invitation-yes', 'page:invitation-refused',
      'page:invitation-registered', ...TICKETS, 'page:tickets-unavailable', 'page:site', 'page:site-registration', 'page:site-signed-out',
    ],
  },
  'events.venue_name': { shows: ['email:invitation', ...TICKETS, 'page:site'] },
  'events.venue_address': { shows: ['email:invitation', ...TICKETS, 'page:site'] },
  // The homepage is HTML written for the event website: the page shows its text, tags removed.
  'events.homepage_content': { shows: ['page:site'], shown: (v) => v.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() },
  'event_tickets.title': { shows: ['page:invitation-yes', 'page:invitation-refused', ...CONFIRMATIONS, 'email:registration-invoice', ...TICKETS] },
  'event_sessions.name': { shows: ['email:registration-invoice'] },
  'contacts.first_name': {
    shows: ['email:invitation', 'page:invitation-no', 'page:invitation-yes', 'page:invitation-registered', ...CONFIRMATIONS, 'email:registration-invoice', ...INVOICE, 'page:site-registration'],
  },
  'contacts.last_name': { shows: ['email:registration-awaiting-payment', 'email:registration-invoice', ...INVOICE, 'page:site-registration'] },
  // The validator takes any address without whitespace and with one @.
  'contacts.email': { shows: ['email:registration-invoice', ...INVOICE], value: (p) => `contacts.email${p.replace(/[\s@]+/g, '/')}@evil.example` },
  'event_attendees.first_name': { shows: ['email:registration-completed', 'email:exhibitor-confirmation', 'email:registration-invoice', ...TICKETS] },
  'event_attendees.last_name': { shows: ['email:registration-completed', 'email:exhibitor-confirmation', 'email:registration-invoice', ...TICKETS] },
  'companies.business_name': { shows: INVOICE },
  'companies.address_line1': { shows: INVOICE },
  'companies.address_line2': { shows: INVOICE },
  'companies.address_line3': { shows: INVOICE },
  'companies.address_line4': { shows: INVOICE },
  'companies.address_city': { shows: INVOICE },
  'companies.address_state_code': { shows: INVOICE },
  'companies.address_postal_code': { shows: INVOICE },
  'invoices.title': { shows: INVOICE },
  'invoices.description': { shows: INVOICE },
  'invoice_items.description': { shows: INVOICE },
  'invoice_payments.receipt_num': { shows: ['page:invoice', 'pdf:invoice'] },
  'accounts.region': { shows: ['xml:subscription-confirmed'] },
  'venues.business_name': { shows: ['page:venue-order'] },
  'venues.description': { shows: ['page:venue-order'] },
  'venues.address_line1': { shows: ['page:venue-order'] },
  'venues.address_city': { shows: ['page:venue-order'] },
  'venues.phone': { shows: ['page:venue-order'] },
  'venues.email': { shows: ['page:venue-order'] },
  'venues.website': { shows: ['page:venue-order'] },
  'venues.checkin_time': { shows: ['page:venue-order'] },
  'function_spaces.name': { shows: ['page:venue-order'] },
} satisfies Record<string, Field>;
type FieldName = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
const fieldOf = (name: FieldName): Field => FIELDS[name];
/** The field name leads its value, so each field can be found in a rendering. */
const valueOf = (name: FieldName, payload: string): string => fieldOf(name).value?.(payload) ?? `${name} ${payload}`;
const shownOf = (name: FieldName, payload: string): string => {
  const value = valueOf(name, payload);
  return fieldOf(name).shown?.(value) ?? value;
};

type Rendered = { kind: 'html' | 'xml'; text: string } | { kind: 'pdf'; pdf: Buffer };

interface Smtp {
  port: number;
  received: Array<{ to: string[]; data: string }>;
  close(): Promise<void>;
}

function startSmtp(): Promise<Smtp> {
  const received: Smtp['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ port, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** The public routes the page plugins register (HEAD twins left out). */
async function publicRoutes(runtime: Runtime): Promise<string[]> {
  const app = Fastify();
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  for (const plugin of ROUTE_PLUGINS) await plugin(app, runtime);
  await app.ready();
  await app.close();
  return routes.sort();
}

async function page(url: string, status: number, init: RequestInit = {}): Promise<{ text: string; headers: Headers }> {
  const res = await fetchPage(url, init);
  assert.equal(res.status, status, `${url}: ${res.text.slice(0, 300)}`);
  return res;
}

async function pdf(url: string): Promise<Buffer> {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Stores `payload` in every field of FIELDS (through the API where it takes the field, else
 * the way seed data and the sync engine do), then renders every artifact and sends every
 * kind of email. Returns the renderings and the ids of the emails written.
 */
async function renderAll(s: TestServer, payload: string): Promise<{ rendered: Map<Artifact, Rendered>; emailIds: number[] }> {
  const used = new Set<FieldName>();
  const v = (name: FieldName): string => {
    used.add(name);
    return valueOf(name, payload);
  };
  const rendered = new Map<Artifact, Rendered>();
  const html = async (artifact: Artifact, url: string, status: number, init: RequestInit = {}) => {
    rendered.set(artifact, { kind: 'html', text: (await page(url, status, init)).text });
  };
  const last = await s.store().selectFrom('email_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();

  const event = await addEvent(s, v('events.title'));
  await setEventColumns(s, event.id, {
    venue_name: v('events.venue_name'),
    venue_address: v('events.venue_address'),
    homepage_content: `<p>${v('events.homepage_content')}</p>`,
  });
  const delegate = await addTicket(s, event.id, v('event_tickets.title'), 5000);
  const booth = await addTicket(s, event.id, v('event_tickets.title'), 9000, { isExhibitor: true });
  const session = await addSession(s, event.id, v('event_sessions.name'), event.start, { costCents: 2000 });
  const { id: contactId } = await s.client.call<{ id: number }>('contact', 'addOrUpdateContact', {
    firstName: v('contacts.first_name'),
    lastName: v('contacts.last_name'),
    email: v('contacts.email'),
  });
  const guest = { firstName: v('event_attendees.first_name'), lastName: v('event_attendees.last_name') };

  // The invitation, its answer pages, and registering from it (refused, then accepted).
  const invited = await s.client.call<{ results: Array<{ inviteLinkYes: string; inviteLinkNo: string }> }>('event', 'inviteContacts', {
    event: event.id,
    contacts: [contactId],
  });
  const links = invited.results[0]!;
  await html('page:invitation-no', links.inviteLinkNo, 200);
  await html('page:invitation-yes', links.inviteLinkYes, 200);
  const register = (ticketId: number) =>
    fetchPage(links.inviteLinkYes.replace(/\/yes$/, '/register'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `ticketId=${ticketId}`,
    });
  const refused = await register(booth);
  assert.equal(refused.status, 409, refused.text);
  rendered.set('page:invitation-refused', { kind: 'html', text: refused.text });
  assert.equal((await register(delegate)).status, 303);
  await html('page:invitation-registered', links.inviteLinkYes, 200);

  // A paid registration with a guest and a session; an exhibitor registration, then cancelled.
  const paid = await inTransaction(s, (ctx) =>
    registerForEvent(ctx, {
      eventId: event.id,
      contactId,
      administrative: true,
      attendees: [{ ...guest, ticketId: delegate, sessionIds: [session] }],
      payment: { method: 1 },
    }),
  );
  const exhibitor = await inTransaction(s, (ctx) =>
    registerForEvent(ctx, { eventId: event.id, contactId, isExhibitor: true, attendees: [{ ...guest, ticketId: booth }] }),
  );
  await inTransaction(s, (ctx) => cancelRegistration(ctx, exhibitor.registrationId));
  const tokenOf = async (id: number) =>
    (await s.store().selectFrom('event_registrations').select('ticket_token').where('id', '=', id).executeTakeFirstOrThrow()).ticket_token;
  const paidToken = await tokenOf(paid.registrationId);
  const attendeeUrl = attendeeTicketUrl(s.url, paid.registrationId, paidToken, paid.attendeeIds[0]!);
  await html('page:tickets', ticketsUrl(s.url, paid.registrationId, paidToken), 200);
  await html('page:tickets-attendee', attendeeUrl, 200);
  rendered.set('pdf:tickets', { kind: 'pdf', pdf: await pdf(ticketsUrl(s.url, paid.registrationId, paidToken, true)) });
  rendered.set('pdf:tickets-attendee', { kind: 'pdf', pdf: await pdf(`${attendeeUrl}.pdf`) });
  await html('page:tickets-unavailable', ticketsUrl(s.url, exhibitor.registrationId, await tokenOf(exhibitor.registrationId)), 410);
  const { barcode } = await s.store().selectFrom('event_attendees').select('barcode').where('id', '=', paid.attendeeIds[0]!).executeTakeFirstOrThrow();
  const png = await fetch(barcodeUrl(s.url, barcode));
  assert.equal(png.headers.get('content-type'), 'image/png');
  await png.arrayBuffer();

  // The event website, and the registration page behind the login link.
  const site = await page(`${s.url}/event/${event.code}/`, 200);
  assert.equal((await page(`${s.url}/event/${event.code}`, 200)).text, site.text);
  rendered.set('page:site', { kind: 'html', text: site.text });
  const login = await s.client.call<{ loginUrl: string }>('event', 'createLoginToken', { event: event.id, contact: contactId });
  const signedIn = await page(login.loginUrl, 303);
  const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  await html('page:site-registration', signedIn.headers.get('location')!, 200, { headers: { cookie } });
  await html('page:site-signed-out', signedIn.headers.get('location')!, 401);
  await html('page:login-refused', login.loginUrl, 403);

  // An invoice to a company, emailed, then part paid.
  const { id: companyId } = await s.client.call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: v('companies.business_name') });
  await s
    .store()
    .updateTable('companies')
    .set({
      address_line1: v('companies.address_line1'),
      address_line2: v('companies.address_line2'),
      address_line3: v('companies.address_line3'),
      address_line4: v('companies.address_line4'),
      address_city: v('companies.address_city'),
      address_state_code: v('companies.address_state_code'),
      address_postal_code: v('companies.address_postal_code'),
      address_country_code: 'AU',
    })
    .where('id', '=', companyId)
    .execute();
  const invoice = await write(s, (ctx) =>
    createInvoice(ctx, {
      refType: 0,
      refId: null,
      contactId,
      companyId,
      title: v('invoices.title'),
      description: v('invoices.description'),
      currency: 'AUD',
      items: [{ description: v('invoice_items.description'), quantity: 2, unitCostCents: 1500 }],
      email: true,
    }),
  );
  await write(s, (ctx) => applyPayment(ctx, invoice.id, { amountCents: 1000, paidAt: Date.now(), method: 6, receiptNum: v('invoice_payments.receipt_num') }));
  const { token } = await s.store().selectFrom('invoices').select('token').where('id', '=', invoice.id).executeTakeFirstOrThrow();
  await html('page:invoice', `${s.url}/invoices/${token}`, 200);
  rendered.set('pdf:invoice', { kind: 'pdf', pdf: await pdf(`${s.url}/invoices/${token}.pdf`) });

  // The SubscribeURL of an account whose region (part of every topic ARN) is hostile.
  const other = await s.newAccount({ withUser: 'primary' });
  const region = v('accounts.region');
  await s.runtime.storage.db.updateTable('accounts').set({ region }).where('id', '=', other.accountId).execute();
  await other.client.call('account', 'subscribeToNotifications', { contactsEndpoint: `${s.url}/no-such-receiver` });
  const subscription = await s.store(other.accountId).selectFrom('notification_subscriptions').select('token').executeTakeFirstOrThrow();
  const topic = encodeURIComponent(topicArn(region, other.accountId, 'contacts'));
  const confirmed = await page(`${s.url}/notifications/sns?Action=ConfirmSubscription&TopicArn=${topic}&Token=${subscription.token}`, 200);
  rendered.set('xml:subscription-confirmed', { kind: 'xml', text: confirmed.text });

  // The instant-book page of a venue that allows live booking (its link is on getVenue).
  const venueId = await addVenue(s.store(), { name: v('venues.business_name'), allowsLiveBook: true });
  await s
    .store()
    .updateTable('venues')
    .set({
      description: v('venues.description'),
      address_line1: v('venues.address_line1'),
      address_city: v('venues.address_city'),
      phone: v('venues.phone'),
      email: v('venues.email'),
      website: v('venues.website'),
      checkin_time: v('venues.checkin_time'),
    })
    .where('id', '=', venueId)
    .execute();
  await addSpace(s.client, venueId, { name: v('function_spaces.name'), isViewable: true });
  const { instantBookUrl } = await s.client.call<{ instantBookUrl: string }>('venue', 'getVenue', { id: venueId });
  await html('page:venue-order', instantBookUrl, 200);

  const emails = await s.store().selectFrom('email_log').selectAll().where('id', '>', last?.id ?? 0).orderBy('id').execute();
  const kinds = new Set(emails.map((e) => e.type));
  assert.deepEqual([...kinds].sort(), Object.keys(EMAIL_KINDS).map(Number).sort(), 'every kind of email was sent, and no other');
  for (const [type, artifact] of Object.entries(EMAIL_KINDS)) {
    // The invoice kind stands for the company invoice; the registration invoice is its own entry.
    const email = emails.find((e) => e.type === Number(type) && (artifact !== 'email:invoice' || e.ref_id === invoice.id));
    rendered.set(artifact, { kind: 'html', text: email!.body });
  }
  const registrationInvoice = emails.find((e) => e.type === EmailType.invoice && e.ref_id === paid.invoiceId);
  rendered.set('email:registration-invoice', { kind: 'html', text: registrationInvoice!.body });
  // Every email is checked, not only those standing for their kind.
  emails.forEach((e, i) => assertNoInjectedMarkup(e.body, `email ${i} (type ${e.type})`, 'html'));

  assert.deepEqual([...used].sort(), [...FIELD_NAMES].sort(), 'every field of the table was stored');
  return { rendered, emailIds: emails.map((e) => e.id) };
}

describeEachDatabase('security: stored values are escaped in every page, PDF and email', ({ server }) => {
  let smtp: Smtp;
  before(async () => {
    smtp = await startSmtp();
  });
  after(async () => {
    await smtp.close();
  });

  it('the tables cover every public route and every field shows somewhere', async () => {
    const covered = new Set([...Object.values(ARTIFACTS).flat(), ...Object.keys(NO_STORED_TEXT)]);
    assert.deepEqual(await publicRoutes(server().runtime), [...covered].sort());
    for (const [name, field] of Object.entries(FIELDS) as Array<[string, Field]>) assert.ok(field.shows.length > 0, name);
    const kinds = [...Object.keys(EMAIL_KINDS), ...Object.keys(NEVER_SENT)].map(Number).sort();
    assert.deepEqual(kinds, Object.values(EmailType).sort(), 'every email type is rendered here or listed as never sent');
  });

  for (const payload of PAYLOADS) {
    it(`renders ${JSON.stringify(payload)} as text everywhere`, async () => {
      const s = server();
      const { rendered, emailIds } = await renderAll(s, payload);
      assert.deepEqual([...rendered.keys()].sort(), Object.keys(ARTIFACTS).sort(), 'every artifact was rendered');
      const special = /[<>"']/.test(payload);
      for (const [artifact, r] of rendered) {
        const shownHere = FIELD_NAMES.filter((name) => fieldOf(name).shows.includes(artifact));
        const shown = (name: FieldName) => shownOf(name, payload);
        if (r.kind === 'pdf') {
          // pdfkit draws strings as text; wrapped lines come back as separate strings.
          assertPdfStructure(r.pdf);
          const text = pdfText(r.pdf).join('').replace(/\s+/g, '');
          for (const name of shownHere) assert.ok(text.includes(shown(name).replace(/\s+/g, '')), `${artifact} shows ${name}`);
          continue;
        }
        assertNoInjectedMarkup(r.text, artifact, r.kind);
        if (special) assert.ok(!r.text.includes(payload), `${artifact} holds the payload unescaped`);
        for (const name of shownHere) assert.ok(r.text.includes(escapeHtml(shown(name))), `${artifact} shows ${name}, escaped`);
      }

      // The log keeps each subject as it is sent: one line.
      const subjects = await s.store().selectFrom('email_log').select('subject').where('id', 'in', emailIds).execute();
      assert.deepEqual(subjects.filter((e) => /[\r\n]/.test(e.subject)), []);

      // Deliver the emails over SMTP: a CR or LF in a subject must not start a header of its own.
      // Recipients are set to one reader: a stored address holds no whitespace (so no CR/LF).
      await s.store().updateTable('email_log').set({ status: 'queued', next_attempt_at: 0, to_address: 'reader@example.com', bcc: null }).where('id', 'in', emailIds).execute();
      smtp.received.length = 0;
      const worker = createMailWorker(s.runtime.storage, await createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`), s.runtime.log);
      assert.equal(await worker.drain(), emailIds.length);
      await worker.stop();
      assert.equal(smtp.received.length, emailIds.length);
      const allowed = new Set(['from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-type', 'content-transfer-encoding']);
      for (const message of smtp.received) {
        assert.deepEqual(message.to, ['reader@example.com']);
        const names = headerNames(message.data);
        assert.ok(names.every((n) => allowed.has(n)), `unexpected headers: ${names.join(', ')}`);
        assert.equal(names.filter((n) => n === 'subject').length, 1);
      }
    });
  }
});
