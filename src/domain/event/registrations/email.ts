/** The registration confirmation email (with the ticket and invoice links). */
import { button, escapeHtml, htmlDocument } from '../../../mail/html.js';
import { EmailRefType, EmailType, type OutgoingEmail } from '../../../mail/queue.js';
import { RegistrationStatus } from '../codes.js';
import { eventWhen, fullName } from '../display.js';

export interface ConfirmationInput {
  event: { id: number; title: string; start_at: number; end_at: number; timezone: string };
  registration: { id: number; status: number; isExhibitor: boolean };
  contact: { id: number; firstName: string; email: string };
  attendees: Array<{ firstName: string; lastName: string; ticketTitle: string | null }>;
  ticketsUrl: string;
  invoiceUrl: string | null;
}

/**
 * get-email-log-list.md types: 1 Completed Event Registration, 2 Completed Event Registration
 * (Waiting on Payment), 20 Exhibitor Confirmation; refType 5 (Registration), refId the
 * registration.
 */
export function confirmationEmail(input: ConfirmationInput): OutgoingEmail {
  const { event, registration, contact } = input;
  const waiting = registration.status === RegistrationStatus.paymentRequired;
  const type = registration.isExhibitor
    ? EmailType.exhibitorConfirmation
    : waiting
      ? EmailType.registrationAwaitingPayment
      : EmailType.completedRegistration;
  const list = input.attendees
    .map((a) => `<li>${escapeHtml(fullName(a.firstName, a.lastName))}${a.ticketTitle ? ` – ${escapeHtml(a.ticketTitle)}` : ''}</li>`)
    .join('');
  const body = [
    `<p>Hi ${escapeHtml(contact.firstName)},</p>`,
    `<p>Your ${registration.isExhibitor ? 'exhibitor ' : ''}registration for <strong>${escapeHtml(event.title)}</strong> is ${
      waiting ? 'complete and waiting on payment' : 'confirmed'
    }.</p>`,
    `<p>${escapeHtml(eventWhen(Number(event.start_at), Number(event.end_at), event.timezone))}</p>`,
    `<p>Registration number: ${registration.id}</p>`,
    list ? `<ul>${list}</ul>` : '',
    `<p>${button(input.ticketsUrl, 'Print your tickets')}${input.invoiceUrl ? button(input.invoiceUrl, waiting ? 'View and pay the invoice' : 'View the invoice', '#57606a') : ''}</p>`,
  ].join('\n');
  return {
    to: contact.email,
    subject: `${waiting ? 'Registration received' : 'Registration confirmed'}: ${event.title}`,
    html: htmlDocument(event.title, body),
    type,
    refType: EmailRefType.registration,
    refId: registration.id,
    contactId: contact.id,
    eventId: event.id,
  };
}
