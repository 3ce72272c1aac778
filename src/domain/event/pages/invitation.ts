/**
 * The invite links: following the yes or no link records the contact's response and answers
 * with a small page. The yes page offers to register right away (one attendee, the contact,
 * with a choice of the event's delegate tickets); registering links the invitation to the new
 * registration and sends the confirmation.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { button, escapeHtml } from '../../../mail/html.js';
import type { Runtime } from '../../../runtime.js';
import { EventStatus, RegistrationStatus } from '../codes.js';
import { eventWhen } from '../display.js';
import { respondToInvitation } from '../invitations/store.js';
import { registerForEvent, RegistrationRefused } from '../registrations/store.js';
import { isLinkSecret, sameSecret } from '../tokens.js';
import { inviteLink, invitationRegisterPath, ticketsUrl } from '../urls.js';
import { inAccount, notFound, sendPage } from './respond.js';

type Params = { invitationId: string; secret: string };

/** The invitation a link names, with its event and contact, when the secret matches. */
async function findInvitation(runtime: Runtime, params: Params) {
  const id = Number(params.invitationId);
  if (!Number.isSafeInteger(id) || id <= 0 || !isLinkSecret(params.secret)) return undefined;
  const row = await runtime.storage.db
    .selectFrom('event_invitations')
    .innerJoin('events', 'events.id', 'event_invitations.event_id')
    .innerJoin('contacts', 'contacts.id', 'event_invitations.contact_id')
    .select([
      'event_invitations.id',
      'event_invitations.account_id',
      'event_invitations.token',
      'event_invitations.contact_id',
      'event_invitations.registration_id',
      'events.id as event_id',
      'events.title',
      'events.start_at',
      'events.end_at',
      'events.timezone',
      'events.status as event_status',
      'contacts.first_name',
      'contacts.last_name',
      'contacts.email',
    ])
    .where('event_invitations.id', '=', id)
    .executeTakeFirst();
  return row && sameSecret(params.secret, row.token) ? row : undefined;
}

type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

async function registrationOf(runtime: Runtime, invitation: Invitation) {
  if (invitation.registration_id === null) return undefined;
  return runtime.storage.db
    .selectFrom('event_registrations')
    .select(['id', 'status', 'ticket_token'])
    .where('id', '=', invitation.registration_id)
    .executeTakeFirst();
}

function registerForm(invitation: Invitation, tickets: Array<{ id: number; title: string; amount_cents: number }>, currency: string): string {
  const price = (cents: number) => (cents === 0 ? 'free' : new Intl.NumberFormat('en-AU', { style: 'currency', currency }).format(cents / 100));
  const choices = tickets
    .map(
      (t, i) =>
        `<p><label><input type="radio" name="ticketId" value="${t.id}"${i === 0 ? ' checked' : ''}> ${escapeHtml(t.title)} (${escapeHtml(price(Number(t.amount_cents)))})</label></p>`,
    )
    .join('\n');
  return `<form method="post" action="${escapeHtml(invitationRegisterPath(invitation.id, invitation.token))}">
${choices}
<p><button type="submit" style="padding: 10px 18px; background: #1f6feb; color: #fff; border: 0; border-radius: 4px;">Register now</button></p>
</form>`;
}

export async function answerInvitation(runtime: Runtime, request: FastifyRequest<{ Params: Params & { answer: string } }>, reply: FastifyReply) {
  const answer = request.params.answer;
  if (answer !== 'yes' && answer !== 'no') return notFound(reply, 'Invitation');
  const invitation = await findInvitation(runtime, request.params);
  if (!invitation) return notFound(reply, 'Invitation');
  // HEAD requests (link checkers, previews) see the page but do not answer for the contact.
  if (request.method !== 'HEAD') {
    await inAccount(runtime, invitation.account_id, (ctx) => respondToInvitation(ctx, invitation.id, answer === 'yes' ? 'Y' : 'N'));
  }
  const title = escapeHtml(invitation.title);
  const when = escapeHtml(eventWhen(Number(invitation.start_at), Number(invitation.end_at), invitation.timezone));
  const greeting = `<p>Thank you, ${escapeHtml(invitation.first_name)}.</p>`;
  if (answer === 'no') {
    const yes = inviteLink(runtime.publicUrl, invitation.id, invitation.token, 'yes');
    return sendPage(
      reply,
      200,
      invitation.title,
      `<h1>${title}</h1>${greeting}<p>We have recorded that you cannot attend.</p><p>Changed your mind? ${button(yes, 'Yes, I will attend', '#1a7f37')}</p>`,
    );
  }
  const registration = await registrationOf(runtime, invitation);
  let next: string;
  if (registration && registration.status === RegistrationStatus.inProgress) {
    next = '<p>Your registration has been started but not completed. Please contact the organiser to complete it.</p>';
  } else if (registration && registration.status !== RegistrationStatus.cancelled) {
    next = `<p>You are registered. ${button(ticketsUrl(runtime.publicUrl, registration.id, registration.ticket_token), 'Your tickets')}</p>`;
  } else if (invitation.event_status === EventStatus.closed || Number(invitation.end_at) < Date.now()) {
    next = '<p>Registrations for this event are closed.</p>';
  } else {
    const [tickets, event] = await Promise.all([
      runtime.storage.db
        .selectFrom('event_tickets')
        .select(['id', 'title', 'amount_cents'])
        .where('event_id', '=', invitation.event_id)
        .where('is_exhibitor', '=', 0)
        .orderBy('sort_order')
        .orderBy('id')
        .execute(),
      runtime.storage.db.selectFrom('events').select('currency').where('id', '=', invitation.event_id).executeTakeFirstOrThrow(),
    ]);
    next = `<p>Complete your registration:</p>${registerForm(invitation, tickets, event.currency)}`;
  }
  return sendPage(reply, 200, invitation.title, `<h1>${title}</h1><p>${when}</p>${greeting}<p>We have recorded that you will attend.</p>${next}`);
}

/** The registration form's POST (application/x-www-form-urlencoded, kept raw by the app). */
export async function registerFromInvitation(runtime: Runtime, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  const invitation = await findInvitation(runtime, request.params);
  if (!invitation) return notFound(reply, 'Invitation');
  const body = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : typeof request.body === 'string' ? request.body : '';
  const form = new URLSearchParams(body);
  const ticketText = form.get('ticketId');
  const ticketId = ticketText && /^\d{1,15}$/.test(ticketText) ? Number(ticketText) : null;
  try {
    const registered = await inAccount(runtime, invitation.account_id, (ctx) =>
      registerForEvent(ctx, {
        eventId: invitation.event_id,
        contactId: invitation.contact_id,
        attendees: [{ contactId: invitation.contact_id, firstName: invitation.first_name, lastName: invitation.last_name, email: invitation.email, ticketId }],
      }),
    );
    const token = await runtime.storage.db
      .selectFrom('event_registrations')
      .select('ticket_token')
      .where('id', '=', registered.registrationId)
      .executeTakeFirstOrThrow();
    // Post/redirect/get: a reload of the result page must not register twice.
    return reply.code(303).header('location', ticketsUrl(runtime.publicUrl, registered.registrationId, token.ticket_token)).send();
  } catch (error) {
    if (!(error instanceof RegistrationRefused)) throw error;
    return sendPage(reply, 409, invitation.title, `<h1>${escapeHtml(invitation.title)}</h1><p>${escapeHtml(error.message)}</p>`);
  }
}
