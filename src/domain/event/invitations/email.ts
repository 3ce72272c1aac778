/** The invitation email, with the contact's own yes and no links. */
import { button, escapeHtml, htmlDocument } from '../../../mail/html.js';
import { EmailRefType, EmailType, type OutgoingEmail } from '../../../mail/queue.js';
import { eventWhen } from '../display.js';

export interface InvitationEmailInput {
  event: { id: number; title: string; start_at: number; end_at: number; timezone: string; venue_name: string | null; venue_address: string | null };
  contact: { id: number; first_name: string; email: string };
  invitationId: number;
  yes: string;
  no: string;
}

/**
 * get-email-log-list.md has no invitation type: invitations are logged as 1001 Notification
 * about the event (refType 2, refId the event), with the contact and event ids set.
 */
export function invitationEmail(input: InvitationEmailInput): OutgoingEmail {
  const { event, contact } = input;
  const where = [event.venue_name, event.venue_address].filter((p): p is string => !!p).join(', ');
  const body = [
    `<p>Hi ${escapeHtml(contact.first_name)},</p>`,
    `<p>You are invited to <strong>${escapeHtml(event.title)}</strong>.</p>`,
    `<p>${escapeHtml(eventWhen(Number(event.start_at), Number(event.end_at), event.timezone))}${where ? `<br>${escapeHtml(where)}` : ''}</p>`,
    '<p>Will you attend?</p>',
    `<p>${button(input.yes, 'Yes, I will attend', '#1a7f37')}${button(input.no, 'No, I cannot attend', '#8c959f')}</p>`,
  ].join('\n');
  return {
    to: contact.email,
    subject: `Invitation: ${event.title}`,
    html: htmlDocument(`Invitation: ${event.title}`, body),
    type: EmailType.notification,
    refType: EmailRefType.event,
    refId: event.id,
    contactId: contact.id,
    eventId: event.id,
  };
}
