/** The lead and opportunity shapes of get-lead-list.md and get-opportunity-list.md. */
import { z } from 'zod';
import { externalUrlResult } from '../../contact/external-urls.js';
import { instantText } from '../schemas.js';

const person = z.strictObject({
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
});

const company = z.strictObject({
  id: z.number().int(),
  businessName: z.string(),
  businessNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

const id = z.number().int();

const leadFields = {
  id,
  name: z.string(),
  description: z.string().nullable(),
  ownerUser: person.nullable(),
  contact: person.nullable(),
  company: company.nullable(),
  currentBookingId: id.nullable(),
  qualityId: id.nullable(),
  quality: z.string().nullable(),
  stageId: id.nullable(),
  stageName: z.string().nullable(),
  stageReasonId: id.nullable(),
  stageReasonName: z.string().nullable(),
  adminStatusChangedDate: instantText.nullable(),
  typeId: id.nullable(),
  type: z.string().nullable(),
  subtypeId: id.nullable(),
  sourceId: id.nullable(),
  sourceName: z.string().nullable(),
  channelId: id.nullable(),
  channelName: z.string().nullable(),
  leadBccEmail: z.string().nullable(),
  closedDate: instantText.nullable(),
  lostToCompetition: z.string().nullable(),
  createdDate: instantText,
  modifiedDate: instantText,
};

export const leadResult = z.strictObject(leadFields);
export type Lead = z.input<typeof leadResult>;

export const opportunityResult = z.strictObject({
  ...leadFields,
  venueId: id,
  externalUrls: z.array(externalUrlResult),
});
export type Opportunity = z.input<typeof opportunityResult>;
