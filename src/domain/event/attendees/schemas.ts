/** The documented shapes of getAttendee and getAttendeeList. */
import { z } from 'zod';
import { REGISTRATION_STATUSES } from '../codes.js';
import { int, oneOf, privacyConsentResult, utcTimestamp } from '../schemas.js';

/** get-attendee.md, Session details. */
export const attendeeSessionResult = z.strictObject({
  sessionId: int(),
  sessionName: z.string(),
  isOptional: z.boolean(),
  hasAttended: z.boolean(),
  attendedDatetime: utcTimestamp.nullable(),
  isSessionReserved: z.boolean(),
});

const customFieldResult = z.strictObject({ name: z.string(), value: z.string() });

const common = {
  id: int(),
  registrationStatus: oneOf(REGISTRATION_STATUSES),
  contactId: int().nullable(),
};

const details = {
  ticketTitle: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  privacyConsentData: privacyConsentResult,
  hasAttended: z.boolean(),
  sessionHasAttended: z.boolean(),
  isPublic: z.boolean(),
  barcode: z.string(),
  barcodeUrl: z.string(),
  ticketUrl: z.string(),
  attendedDatetime: utcTimestamp.nullable(),
  sessionAttendedTimestamp: utcTimestamp.nullable(),
  cost: z.number(),
  customFields: z.array(customFieldResult),
  sessions: z.array(attendeeSessionResult),
};

/** getAttendee, in get-attendee.md's order. */
export const attendeeResult = z.strictObject({ ...common, registrationId: int(), ...details });

/** One result of getAttendeeList, in get-attendee-list.md's order. */
export const attendeeListItemResult = z.strictObject({
  ...common,
  ...details,
  createdDate: utcTimestamp,
  modifiedDate: utcTimestamp,
});

export type AttendeeDetail = z.input<typeof attendeeResult>;
export type AttendeeListItem = z.input<typeof attendeeListItemResult>;
export type AttendeeSession = z.input<typeof attendeeSessionResult>;
