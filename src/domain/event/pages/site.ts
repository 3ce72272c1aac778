/**
 * The event website (websiteUrl) and the sign-in behind createLoginToken's loginUrl: the token
 * is checked (unused, not expired, for this event and contact, from the saved referrer),
 * consumed, and exchanged for a session cookie scoped to the event's pages; the registration
 * page then lists the contact's registrations with their tickets and invoices.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { button, escapeHtml } from '../../../mail/html.js';
import type { Runtime } from '../../../runtime.js';
import { createScope } from '../../../storage/scope.js';
import { InvoiceRefType, loadInvoicesForSources } from '../../invoice/store.js';
import { RegistrationStatus, WEB_SESSION_TTL_MS } from '../codes.js';
import { eventWhen } from '../display.js';
import { openWebSession, referrerMatches } from '../login/store.js';
import { hashToken } from '../tokens.js';
import { EVENT_SITE_PATH, registrationPageUrl, ticketsUrl } from '../urls.js';
import { inAccount, notFound, sendPage } from './respond.js';

const COOKIE = 'marquee_event_session';
const STATUS_TEXT: Record<number, string> = {
  [RegistrationStatus.inProgress]: 'In progress',
  [RegistrationStatus.completed]: 'Completed',
  [RegistrationStatus.cancelled]: 'Cancelled',
  [RegistrationStatus.paymentRequired]: 'Payment required',
};

async function findEvent(runtime: Runtime, code: string) {
  if (!/^[0-9A-Z]{1,16}$/.test(code)) return undefined;
  return runtime.storage.db.selectFrom('events').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function eventSite(runtime: Runtime, request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) {
  const event = await findEvent(runtime, request.params.code);
  if (!event) return notFound(reply, 'Event');
  const where = [event.venue_name, event.venue_address].filter((p): p is string => !!p).map(escapeHtml).join('<br>');
  const body = [
    `<h1>${escapeHtml(event.title)}</h1>`,
    `<p>${escapeHtml(eventWhen(Number(event.start_at), Number(event.end_at), event.timezone))}</p>`,
    where ? `<p>${where}</p>` : '',
    event.homepage_content ? `<div>${escapeHtml(event.homepage_content.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim())}</div>` : '',
    event.is_invite_only === 1 ? '<p>Registration is by invitation.</p>' : '',
  ].join('\n');
  return sendPage(reply, 200, event.title, body);
}

function cookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

const refused = (reply: FastifyReply, message: string) =>
  sendPage(reply, 403, 'Login link not valid', `<h1>Login link not valid</h1><p>${escapeHtml(message)}</p>`);

export async function loginWithToken(
  runtime: Runtime,
  request: FastifyRequest<{ Params: { code: string }; Querystring: Record<string, string | undefined> }>,
  reply: FastifyReply,
) {
  const event = await findEvent(runtime, request.params.code);
  if (!event) return notFound(reply, 'Event');
  const token = request.query.t ?? '';
  const contactId = Number(request.query.contact);
  if (!/^[0-9a-f]{32}$/.test(token) || !Number.isSafeInteger(contactId)) return refused(reply, 'The link is incomplete.');
  if (request.method === 'HEAD') return sendPage(reply, 200, event.title, '');
  const db = runtime.storage.db;
  const row = await db.selectFrom('event_login_tokens').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  const now = Date.now();
  if (!row || row.event_id !== event.id || row.contact_id !== contactId) return refused(reply, 'This login link is not valid.');
  if (row.used_at !== null) return refused(reply, 'This login link has already been used.');
  if (Number(row.expires_at) <= now) return refused(reply, 'This login link has expired.');
  if (!referrerMatches(row.referrer, request.headers.referer)) return refused(reply, 'This login link must be opened from the website that issued it.');
  const secret = await inAccount(runtime, row.account_id, async (ctx) => {
    // Single use even under concurrent requests: only the request that flips used_at signs in.
    const used = await ctx.store
      .updateTable('event_login_tokens')
      .set({ used_at: ctx.now })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1 ? openWebSession(ctx, row.event_id, row.contact_id) : undefined;
  });
  if (!secret) return refused(reply, 'This login link has already been used.');
  const secure = runtime.publicUrl.startsWith('https:') ? '; Secure' : '';
  return reply
    .code(303)
    .header(
      'set-cookie',
      `${COOKIE}=${secret}; Path=${EVENT_SITE_PATH}/${event.code}/; Max-Age=${WEB_SESSION_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure}`,
    )
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('location', registrationPageUrl(runtime.publicUrl, event.code))
    .send();
}

export async function registrationPage(runtime: Runtime, request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) {
  const event = await findEvent(runtime, request.params.code);
  if (!event) return notFound(reply, 'Event');
  const secret = cookieOf(request);
  const session = secret
    ? await runtime.storage.db
        .selectFrom('event_web_sessions')
        .select(['contact_id', 'event_id', 'expires_at'])
        .where('token_hash', '=', hashToken(secret))
        .executeTakeFirst()
    : undefined;
  if (!session || session.event_id !== event.id || Number(session.expires_at) <= Date.now()) {
    return sendPage(reply, 401, event.title, `<h1>${escapeHtml(event.title)}</h1><p>Please sign in with the login link you were sent.</p>`);
  }
  const store = createScope(runtime.storage.db, event.account_id, runtime.storage.dialect);
  const [contact, registrations] = await Promise.all([
    store.selectFrom('contacts').select(['first_name', 'last_name']).where('id', '=', session.contact_id).executeTakeFirst(),
    store
      .selectFrom('event_registrations')
      .select(['id', 'status', 'ticket_token', 'is_exhibitor'])
      .where('event_id', '=', event.id)
      .where('contact_id', '=', session.contact_id)
      .orderBy('id')
      .execute(),
  ]);
  const invoices = await loadInvoicesForSources(
    store,
    runtime.publicUrl,
    InvoiceRefType.eventRegistration,
    registrations.map((r) => r.id),
  );
  const items = registrations
    .map((r) => {
      const links = [
        r.status === RegistrationStatus.completed || r.status === RegistrationStatus.paymentRequired
          ? button(ticketsUrl(runtime.publicUrl, r.id, r.ticket_token), 'Tickets')
          : '',
        ...(invoices.get(r.id) ?? []).map((inv) => button(inv.invoiceUrl, `Invoice ${inv.reference}`, '#57606a')),
      ].join('');
      return `<li><p>${r.is_exhibitor === 1 ? 'Exhibitor' : 'Delegate'} registration ${r.id}: ${escapeHtml(STATUS_TEXT[r.status] ?? '')}</p><p>${links}</p></li>`;
    })
    .join('\n');
  const name = contact ? `${contact.first_name} ${contact.last_name}` : '';
  return sendPage(
    reply,
    200,
    event.title,
    `<h1>${escapeHtml(event.title)}</h1><p>Signed in as ${escapeHtml(name)}.</p>${items ? `<ul>${items}</ul>` : '<p>You have no registrations for this event.</p>'}`,
  );
}
