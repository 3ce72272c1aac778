/**
 * The public pages of the event namespace (one route plugin, registered in server/plugins.ts):
 * invite links, the registration they lead to, ticket pages and barcodes, the event website
 * and createLoginToken's login link.
 */
import type { FastifyReply } from 'fastify';
import type { RoutePlugin } from '../../../server/route-plugin.js';
import { BARCODE_PATH, EVENT_SITE_PATH, INVITATION_PATH, TICKET_PATH } from '../urls.js';
import { barcodePng } from './barcode.js';
import { answerInvitation, registerFromInvitation } from './invitation.js';
import { notFound, privatePage, sendPage } from './respond.js';
import { eventSite, loginWithToken, registrationPage } from './site.js';
import { loadTicketSheet, printable, ticketsHtml, ticketsPdf } from './tickets.js';

const positive = (text: string): number | undefined => (/^\d{1,15}$/.test(text) && Number(text) > 0 ? Number(text) : undefined);
const splitPdf = (file: string): { name: string; pdf: boolean } =>
  file.endsWith('.pdf') ? { name: file.slice(0, -4), pdf: true } : { name: file, pdf: false };

export const eventRoutes: RoutePlugin = (app, runtime) => {
  app.get<{ Params: { invitationId: string; secret: string; answer: string } }>(
    `${INVITATION_PATH}/:invitationId/:secret/:answer`,
    (request, reply) => answerInvitation(runtime, request, reply),
  );
  app.post<{ Params: { invitationId: string; secret: string } }>(`${INVITATION_PATH}/:invitationId/:secret/register`, (request, reply) =>
    registerFromInvitation(runtime, request, reply),
  );

  const tickets = async (registrationText: string, file: string, attendeeFile: string | undefined, reply: FastifyReply) => {
    const registrationId = positive(registrationText);
    const { name: secretOrName, pdf: sheetPdf } = splitPdf(file);
    const attendee = attendeeFile === undefined ? undefined : splitPdf(attendeeFile);
    const attendeeId = attendee ? positive(attendee.name) : undefined;
    if (registrationId === undefined || (attendee && attendeeId === undefined) || (attendee && sheetPdf)) return notFound(reply, 'Ticket');
    const sheet = await loadTicketSheet(runtime.storage.db, registrationId, secretOrName, attendeeId);
    if (!sheet) return notFound(reply, 'Ticket');
    if (!printable(sheet)) return sendPage(reply, 410, sheet.event.title, '<h1>Tickets not available</h1><p>This registration is not active.</p>');
    if (sheetPdf || attendee?.pdf) {
      return privatePage(reply)
        .type('application/pdf')
        .header('content-disposition', `inline; filename="tickets-${sheet.registration.id}.pdf"`)
        .send(await ticketsPdf(sheet));
    }
    return sendPage(reply, 200, sheet.event.title, ticketsHtml(sheet, runtime.publicUrl));
  };
  app.get<{ Params: { file: string } }>(`${BARCODE_PATH}/:file`, async (request, reply) => {
    const match = /^([0-9A-Z]{16})\.png$/.exec(request.params.file);
    const found = match
      ? await runtime.storage.db.selectFrom('event_attendees').select('barcode').where('barcode', '=', match[1]!).executeTakeFirst()
      : undefined;
    if (!found) return notFound(reply, 'Barcode');
    return privatePage(reply).type('image/png').send(await barcodePng(found.barcode));
  });
  app.get<{ Params: { registrationId: string; file: string } }>(`${TICKET_PATH}/:registrationId/:file`, (request, reply) =>
    tickets(request.params.registrationId, request.params.file, undefined, reply),
  );
  app.get<{ Params: { registrationId: string; secret: string; attendee: string } }>(
    `${TICKET_PATH}/:registrationId/:secret/:attendee`,
    (request, reply) => tickets(request.params.registrationId, request.params.secret, request.params.attendee, reply),
  );

  app.get<{ Params: { code: string } }>(`${EVENT_SITE_PATH}/:code/`, (request, reply) => eventSite(runtime, request, reply));
  app.get<{ Params: { code: string } }>(`${EVENT_SITE_PATH}/:code`, (request, reply) => eventSite(runtime, request, reply));
  app.get<{ Params: { code: string }; Querystring: Record<string, string | undefined> }>(
    `${EVENT_SITE_PATH}/:code/registration/login/token`,
    (request, reply) => loginWithToken(runtime, request, reply),
  );
  app.get<{ Params: { code: string } }>(`${EVENT_SITE_PATH}/:code/registration`, (request, reply) => registrationPage(runtime, request, reply));
};
