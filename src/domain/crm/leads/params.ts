/** Parameters of contact.addOrUpdateLead (contact/add-or-update-lead.md). */
import { z } from 'zod';
import { array, id, string, text } from '../../../registry/params.js';
import { companyInput } from '../../contact/companies/params.js';
import { contactInput } from '../../contact/contacts/params.js';
import { leadCustomFieldInput } from './custom-fields.js';

export const leadInput = z.object({
  id: id().optional(),
  name: text(255).optional(),
  description: string(65_535).nullable().optional(),
  qualityId: id().nullable().optional(),
  industryId: id().nullable().optional(),
  sourceId: id().optional(),
  typeId: id().optional(),
  subtypeId: id().nullable().optional(),
  stageId: id().optional(),
  stageReasonId: id().nullable().optional(),
  channelId: id().nullable().optional(),
  ownerUserId: id().nullable().optional(),
  companyId: id().optional(),
  company: companyInput.optional(),
  companyLeadContactId: id().optional(),
  contactId: id().optional(),
  contact: contactInput.optional(),
  customFields: array(leadCustomFieldInput).nullable().optional(),
});

export type LeadInput = z.output<typeof leadInput>;
