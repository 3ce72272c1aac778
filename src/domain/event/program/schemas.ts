/**
 * The documented shapes of getSessionList, getSpeakerList and getSponsorshipList. The speaker
 * and sponsor examples show ids, levels and amounts as JSON strings; Marquee sends them the
 * same way (docs/compatibility.md, Events).
 */
import { z } from 'zod';
import { int, utcTimestamp } from '../schemas.js';

export const sessionResult = z.strictObject({
  id: int(),
  eventId: int(),
  name: z.string(),
  startDate: utcTimestamp,
  endDate: utcTimestamp,
  description: z.string().nullable(),
  roomId: int().nullable(),
  isOptional: z.boolean(),
  maxCapacity: int().min(0),
  costAmount: z.number(),
  isTaxFree: z.boolean(),
  autoCloseDate: utcTimestamp.nullable(),
  setupTime: int().min(0),
  breakdownTime: int().min(0),
  speakers: z.array(int()),
  showInAgenda: z.boolean(),
  showTime: z.boolean(),
  onlyForCertainTickets: z.boolean(),
  tickets: z.array(int()),
  notes: z.string().nullable(),
  setupNotes: z.string().nullable(),
  createdDate: utcTimestamp,
  modifiedDate: utcTimestamp,
  allowGuests: z.boolean(),
});

const digits = z.string().regex(/^\d+$/);
const decimalText = z.string().regex(/^-?\d+(\.\d{1,2})?$/);

export const speakerResult = z.strictObject({
  id: digits,
  fullName: z.string(),
  organisation: z.string().nullable(),
  position: z.string().nullable(),
  profileDescription: z.string().nullable(),
  profileImageUrl: z.string().nullable(),
});

export const sponsorResult = z.strictObject({
  id: digits,
  name: z.string(),
  description: z.string().nullable(),
  websiteAddress: z.string().nullable(),
  logoImageUrl: z.string().nullable(),
  level: digits,
  customLevelId: digits.nullable(),
  sponsorshipAmount: decimalText,
  sponsorshipAmountPaid: decimalText,
});

export type SessionItem = z.input<typeof sessionResult>;
export type SpeakerItem = z.input<typeof speakerResult>;
export type SponsorItem = z.input<typeof sponsorResult>;
