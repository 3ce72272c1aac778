/** The documented shapes of getEvent, getEventList and addOrUpdateEvent. */
import { z } from 'zod';
import { EVENT_STATUSES, EVENT_TYPES } from '../codes.js';
import { int, oneOf, utcTimestamp } from '../schemas.js';

export const eventTagResult = z.strictObject({ id: int(), name: z.string() });

/** getEvent, field for field as get-event.md's example. */
export const eventResult = z.strictObject({
  id: int(),
  code: z.string(),
  eventType: oneOf(EVENT_TYPES),
  title: z.string(),
  timezone: z.string(),
  capacity: int().min(0),
  domainName: z.string().nullable(),
  startDateTime: utcTimestamp,
  endDateTime: utcTimestamp,
  numRegistered: int().min(0),
  currentStatus: oneOf(EVENT_STATUSES),
  contactName: z.string(),
  contactEmail: z.string(),
  websiteUrl: z.string(),
  websiteTemplateBannerImageUrl: z.string(),
  eventTags: z.array(eventTagResult),
  appTitle: z.string().nullable(),
  twitter: z.string().nullable(),
  appBanner: int(),
  map: z.string().nullable(),
  includeSpeakers: z.boolean(),
  displaySpeakers: z.boolean(),
  includeSponsors: z.boolean(),
  displaySponsors: z.boolean(),
  includeBooths: z.boolean(),
  displayExhibitors: z.boolean(),
  includeAbstracts: z.boolean(),
  displayAbstracts: z.boolean(),
  useMultipleSessions: z.boolean(),
  includeHotels: z.boolean(),
  includeTravel: z.boolean(),
  includeMembership: z.boolean(),
});

export const venueResult = z
  .strictObject({
    name: z.string(),
    description: z.string().nullable(),
    address: z.string().nullable(),
    imageUrl: z.string().nullable(),
  })
  .nullable();

export const ticketResult = z.strictObject({
  id: int(),
  title: z.string(),
  capacity: int().min(0),
  description: z.string().nullable(),
  amount: z.number(),
  isTaxFree: z.boolean(),
  subscriptionGroups: z.array(z.strictObject({ id: int(), groupName: z.string(), tagColour: z.string() })),
});

export const informationResult = z.strictObject({
  description: z.string(),
  information: z.string(),
  fileUrl: z.string().nullable(),
  sortOrder: int(),
});

/** One result of getEventList; the include… request flags add venue, tickets, information, homepageContent. */
export const eventListItemResult = z.strictObject({
  id: int(),
  code: z.string(),
  eventType: oneOf(EVENT_TYPES),
  title: z.string(),
  domainName: z.string().nullable(),
  startDateTime: utcTimestamp,
  endDateTime: utcTimestamp,
  numRegistered: int().min(0),
  currentStatus: oneOf(EVENT_STATUSES),
  contactEmail: z.string(),
  websiteUrl: z.string(),
  websiteTemplateBannerImageUrl: z.string(),
  venue: venueResult.optional(),
  tickets: z.array(ticketResult).optional(),
  information: z.array(informationResult).optional(),
  homepageContent: z.string().nullable().optional(),
  eventTags: z.array(eventTagResult),
  modifiedDate: utcTimestamp,
});

export const addOrUpdateEventResult = z.strictObject({ success: z.boolean(), id: int().nullable(), code: z.string().nullable() });

export type EventDetail = z.input<typeof eventResult>;
export type EventListItem = z.input<typeof eventListItemResult>;
export type TicketItem = z.input<typeof ticketResult>;
