/** The documented shapes of getRegistration and getRegistrationList. */
import { z } from 'zod';
import { REGISTRATION_STATUSES } from '../codes.js';
import { int, oneOf, privacyConsentResult, utcTimestamp } from '../schemas.js';

/** getRegistration, in get-registration.md's order. */
export const registrationResult = z.strictObject({
  id: int(),
  currentStatus: oneOf(REGISTRATION_STATUSES),
  isExhibitor: z.boolean(),
  completedDate: utcTimestamp.nullable(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  privacyConsentData: privacyConsentResult,
  modifiedDate: utcTimestamp,
  mainContactId: int().nullable(),
  invoiceTotalCost: z.number(),
  invoiceTotalPaid: z.number(),
  createdDate: utcTimestamp,
});

/** One result of getRegistrationList, in get-registration-list.md's order. */
export const registrationListItemResult = z.strictObject({
  id: int(),
  eventName: z.string(),
  currentStatus: oneOf(REGISTRATION_STATUSES),
  isExhibitor: z.boolean(),
  completedDate: utcTimestamp.nullable(),
  mainContactId: int().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  privacyConsentData: privacyConsentResult,
  invoiceTotalCost: z.number(),
  invoiceTotalPaid: z.number(),
  createdDate: utcTimestamp,
  modifiedDate: utcTimestamp,
});

export type RegistrationDetail = z.input<typeof registrationResult>;
export type RegistrationListItem = z.input<typeof registrationListItemResult>;
