/** The documented shapes of getContact and getContactList (get-contact.md, get-contact-list.md). */
import { z } from 'zod';
import { customFieldResult } from '../custom-fields/values.js';
import { externalUrlResult } from '../external-urls.js';
import { bareTimestampText, timestampText } from '../schemas.js';

export const EMAIL_STATUSES = [1, 2, 3, 4, 5] as const;
/** Status 4 (Registering) is set by event registration, never through addOrUpdateContact. */
export const SETTABLE_EMAIL_STATUSES = [1, 2, 3, 5] as const;
export const SMS_STATUSES = [1, 2, 3, 4] as const;
/** Privacy Consent Source: 5 = API. */
export const CONSENT_SOURCES = [1, 2, 3, 4, 5] as const;
export const CONSENT_SOURCE_API = 5;

const oneOf = <const T extends readonly number[]>(values: T) =>
  z.number().int().refine((n) => values.includes(n), { message: `Expected one of ${values.join(', ')}` });

export const groupMembershipResult = z.strictObject({
  contactId: z.number().int(),
  groupId: z.number().int(),
  /** Shown without the UTC suffix in get-contact.md. */
  joinDate: bareTimestampText,
});

export const eventInvitationResult = z.strictObject({
  eventId: z.number().int(),
  eventCode: z.string().nullable(),
  eventStartDateTime: timestampText,
  inviteLinkYes: z.string(),
  inviteLinkNo: z.string(),
  response: z.enum(['U', 'Y', 'N']),
});

export const guestDetailResult = z.strictObject({
  contactId: z.number().int().nullable(),
  fullName: z.string(),
  email: z.string().nullable(),
  attended: z.boolean(),
  attendedDateTime: timestampText.nullable(),
});

export const registrationInvoiceResult = z.strictObject({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  /** Invoice current status 0–5: not paid, unconfirmed paid, written off, failed, cancelled, refunded. */
  currentStatus: oneOf([0, 1, 2, 3, 4, 5]),
  description: z.string().nullable(),
  currency: z.string(),
  totalCost: z.number(),
  totalPaid: z.number(),
  invoiceUrl: z.string(),
  invoiceUrlPdf: z.string(),
});

export const eventRegistrationResult = z.strictObject({
  eventId: z.number().int(),
  eventCode: z.string().nullable(),
  eventStartDateTime: timestampText,
  registrationId: z.number().int(),
  /** 2 completed, 3 cancelled, 4 payment required. */
  currentStatus: oneOf([2, 3, 4]),
  confirmedDate: timestampText.nullable(),
  isPaymentWaiting: z.boolean(),
  printTicketUrl: z.string().nullable(),
  printTicketUrlPdf: z.string().nullable(),
  attendeeCount: z.number().int().min(0),
  invoiceUrl: z.string().nullable(),
  invoiceUrlPdf: z.string().nullable(),
  guestDetails: z.array(guestDetailResult),
  invoices: z.array(registrationInvoiceResult),
});

export type EventInvitation = z.input<typeof eventInvitationResult>;
export type EventRegistration = z.input<typeof eventRegistrationResult>;

const contactFields = {
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  status: oneOf(EMAIL_STATUSES),
  smsStatus: oneOf(SMS_STATUSES),
  customFields: z.array(customFieldResult),
  groups: z.array(groupMembershipResult),
  companies: z.array(z.number().int()),
  companiesData: z.array(z.strictObject({ id: z.number().int(), businessName: z.string() })),
  externalId: z.string().nullable(),
  modifiedDate: timestampText,
  isAnonymised: z.boolean(),
  externalUrls: z.array(externalUrlResult),
  privacyConsentData: z.strictObject({ source: oneOf(CONSENT_SOURCES), dateTime: timestampText }).nullable(),
};

/** One result of getContactList. */
export const contactListItemResult = z.strictObject(contactFields);

/** getContact: the list shape plus the contact's event invitations and registrations. */
export const contactResult = z.strictObject({
  ...contactFields,
  eventInvitations: z.array(eventInvitationResult),
  eventRegistrations: z.array(eventRegistrationResult),
});

export type ContactListItem = z.input<typeof contactListItemResult>;
export type ContactDetail = z.input<typeof contactResult>;
