/**
 * A Banquet Event Order as a PDF: the booking and its sessions (time on the venue's clock,
 * space, layout, attendees), drawn with pdfkit's built-in Helvetica as the invoices are.
 */
import { newPdf } from '../../../pdf/new-pdf.js';

export interface BeoSheet {
  title: string;
  beoNumber: number;
  version: number;
  venueName: string;
  timezone: string;
  bookingName: string;
  bookingCode: string;
  versionNote: string;
  sessions: Array<{ name: string; start: string; end: string; space: string; attendees: number | null }>;
}

const MARGIN = 50;

export async function renderBeoPdf(sheet: BeoSheet, now: Date): Promise<Buffer> {
  const { doc, bytes } = await newPdf({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `BEO ${sheet.beoNumber}-${sheet.version} ${sheet.bookingName}`, Subject: sheet.title, Creator: 'Marquee', CreationDate: now },
  });
  doc.font('Helvetica-Bold').fontSize(18).text(`${sheet.title} ${sheet.beoNumber}-${sheet.version}`);
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(`${sheet.venueName} · times in ${sheet.timezone}`);
  doc.fillColor('#000').moveDown();
  doc.font('Helvetica-Bold').text('Booking');
  doc.font('Helvetica').text(`${sheet.bookingName} (${sheet.bookingCode})`);
  if (sheet.versionNote) doc.moveDown().font('Helvetica-Bold').text('Note').font('Helvetica').text(sheet.versionNote);
  doc.moveDown().font('Helvetica-Bold').text('Sessions');
  if (sheet.sessions.length === 0) doc.font('Helvetica').text('No sessions.');
  for (const s of sheet.sessions) {
    doc.moveDown(0.5).font('Helvetica-Bold').text(s.name);
    doc.font('Helvetica').text(`${s.start} – ${s.end}`);
    doc.text(`Space: ${s.space}`);
    if (s.attendees !== null) doc.text(`Attendees: ${s.attendees}`);
  }
  doc.end();
  return bytes;
}
