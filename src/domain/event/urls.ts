/**
 * The public URLs Marquee serves for events (pages/routes.ts): invite links, ticket pages and
 * barcodes, the event website and the login link of createLoginToken.
 */
export const INVITATION_PATH = '/invitations';
export const TICKET_PATH = '/tickets';
export const BARCODE_PATH = '/tickets/barcodes';
export const EVENT_SITE_PATH = '/event';

const base = (publicUrl: string): string => publicUrl.replace(/\/+$/, '');

export const inviteLink = (publicUrl: string, invitationId: number, secret: string, answer: 'yes' | 'no'): string =>
  `${base(publicUrl)}${INVITATION_PATH}/${invitationId}/${secret}/${answer}`;

export const invitationRegisterPath = (invitationId: number, secret: string): string =>
  `${INVITATION_PATH}/${invitationId}/${secret}/register`;

export const ticketsUrl = (publicUrl: string, registrationId: number, secret: string, pdf = false): string =>
  `${base(publicUrl)}${TICKET_PATH}/${registrationId}/${secret}${pdf ? '.pdf' : ''}`;

export const attendeeTicketUrl = (publicUrl: string, registrationId: number, secret: string, attendeeId: number): string =>
  `${base(publicUrl)}${TICKET_PATH}/${registrationId}/${secret}/${attendeeId}`;

export const barcodeUrl = (publicUrl: string, barcode: string): string => `${base(publicUrl)}${BARCODE_PATH}/${barcode}.png`;

export const websiteUrl = (publicUrl: string, code: string): string => `${base(publicUrl)}${EVENT_SITE_PATH}/${code}/`;

export const registrationPageUrl = (publicUrl: string, code: string): string =>
  `${base(publicUrl)}${EVENT_SITE_PATH}/${code}/registration`;

/** Mirrors iVvy's `/event/{code}/registration/login/token?t=…&contact=…`. */
export const loginUrl = (publicUrl: string, code: string, token: string, contactId: number): string =>
  `${base(publicUrl)}${EVENT_SITE_PATH}/${code}/registration/login/token?t=${token}&contact=${contactId}`;
