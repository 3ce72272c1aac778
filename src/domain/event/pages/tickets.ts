/**
 * The ticket pages behind printTicketUrl / printTicketUrlPdf (every attendee of a
 * registration) and an attendee's ticketUrl: HTML with the barcode image, or a PDF with one
 * ticket per page.
 */
import { newPdf } from '../../../pdf/new-pdf.js';
import type { Kysely } from 'kysely';
import { escapeHtml } from '../../../mail/html.js';
import type { Database } from '../../../storage/schema.js';
import { RegistrationStatus } from '../codes.js';
import { eventWhen, fullName } from '../display.js';
import { sameSecret } from '../tokens.js';
import { barcodeUrl } from '../urls.js';
import { barcodePng } from './barcode.js';

export interface TicketSheet {
  event: { title: string; start_at: number; end_at: number; timezone: string; venue_name: string | null; venue_address: string | null };
  registration: { id: number; status: number; isExhibitor: boolean };
  attendees: Array<{ id: number; name: string; ticketTitle: string | null; barcode: string }>;
}

/**
 * The tickets a ticket URL names, or undefined when the registration does not exist or the
 * secret is wrong (compared in constant time). `attendeeId` narrows to one attendee.
 */
export async function loadTicketSheet(
  db: Kysely<Database>,
  registrationId: number,
  secret: string,
  attendeeId?: number,
): Promise<TicketSheet | undefined> {
  const reg = await db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select([
      'event_registrations.id',
      'event_registrations.ticket_token',
      'event_registrations.status',
      'event_registrations.is_exhibitor',
      'events.title',
      'events.start_at',
      'events.end_at',
      'events.timezone',
      'events.venue_name',
      'events.venue_address',
    ])
    .where('event_registrations.id', '=', registrationId)
    .executeTakeFirst();
  if (!reg || !sameSecret(secret, reg.ticket_token)) return undefined;
  let query = db
    .selectFrom('event_attendees')
    .leftJoin('event_tickets', 'event_tickets.id', 'event_attendees.ticket_id')
    .select(['event_attendees.id', 'event_attendees.first_name', 'event_attendees.last_name', 'event_attendees.barcode', 'event_tickets.title'])
    .where('event_attendees.registration_id', '=', reg.id);
  if (attendeeId !== undefined) query = query.where('event_attendees.id', '=', attendeeId);
  const attendees = await query.orderBy('event_attendees.id').execute();
  if (attendeeId !== undefined && attendees.length === 0) return undefined;
  return {
    event: reg,
    registration: { id: reg.id, status: reg.status, isExhibitor: reg.is_exhibitor === 1 },
    attendees: attendees.map((a) => ({ id: a.id, name: fullName(a.first_name, a.last_name), ticketTitle: a.title, barcode: a.barcode })),
  };
}

const where = (sheet: TicketSheet): string =>
  [sheet.event.venue_name, sheet.event.venue_address].filter((p): p is string => !!p).join(', ');

/** Tickets can only be printed for registrations that hold their places. */
export const printable = (sheet: TicketSheet): boolean =>
  sheet.registration.status === RegistrationStatus.completed || sheet.registration.status === RegistrationStatus.paymentRequired;

export function ticketsHtml(sheet: TicketSheet, publicUrl: string): string {
  const when = eventWhen(Number(sheet.event.start_at), Number(sheet.event.end_at), sheet.event.timezone);
  const notice =
    sheet.registration.status === RegistrationStatus.paymentRequired
      ? '<p style="color: #9a6700;">This registration is waiting on payment.</p>'
      : '';
  const cards = sheet.attendees
    .map(
      (a) => `<div style="border: 1px solid #d0d7de; border-radius: 6px; padding: 16px; margin: 16px 0;">
<h2 style="margin: 0 0 4px;">${escapeHtml(a.name)}</h2>
<p style="margin: 0 0 8px;">${escapeHtml(a.ticketTitle ?? (sheet.registration.isExhibitor ? 'Exhibitor' : 'Delegate'))}</p>
<img src="${escapeHtml(barcodeUrl(publicUrl, a.barcode))}" alt="${escapeHtml(a.barcode)}" style="max-width: 100%;">
</div>`,
    )
    .join('\n');
  return [
    `<h1>${escapeHtml(sheet.event.title)}</h1>`,
    `<p>${escapeHtml(when)}${where(sheet) ? `<br>${escapeHtml(where(sheet))}` : ''}</p>`,
    `<p>Registration number ${sheet.registration.id}</p>`,
    notice,
    cards,
  ].join('\n');
}

export async function ticketsPdf(sheet: TicketSheet): Promise<Buffer> {
  const { doc, bytes } = await newPdf({ size: 'A4', margin: 50, autoFirstPage: false, info: { Title: `Tickets – ${sheet.event.title}`, Creator: 'Marquee' } });
  const when = eventWhen(Number(sheet.event.start_at), Number(sheet.event.end_at), sheet.event.timezone);
  const images = await Promise.all(sheet.attendees.map((a) => barcodePng(a.barcode)));
  if (sheet.attendees.length === 0) doc.addPage().font('Helvetica').fontSize(12).text('This registration has no tickets.');
  sheet.attendees.forEach((a, i) => {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(20).text(sheet.event.title);
    doc.font('Helvetica').fontSize(11).fillColor('#555').text(when);
    if (where(sheet)) doc.text(where(sheet));
    doc.fillColor('#000').moveDown(2);
    doc.font('Helvetica-Bold').fontSize(16).text(a.name);
    doc.font('Helvetica').fontSize(12).text(a.ticketTitle ?? (sheet.registration.isExhibitor ? 'Exhibitor' : 'Delegate'));
    doc.text(`Registration number ${sheet.registration.id}`);
    doc.moveDown();
    doc.image(images[i]!, { width: 260 });
  });
  doc.end();
  return bytes;
}
