/**
 * contact.addOrUpdateLead (contact/add-or-update-lead.md). The lead lives in the CRM's tables;
 * the rules are in src/domain/crm/leads/upsert.ts, shared with the venue namespace's
 * opportunity actions.
 */
import { defineAction } from '../../../registry/define-action.js';
import { leadInput } from '../../crm/leads/params.js';
import { upsertLead } from '../../crm/leads/upsert.js';
import { upserted, upsertResult } from '../../crm/schemas.js';

export const addOrUpdateLead = defineAction({
  namespace: 'contact',
  action: 'addOrUpdateLead',
  kind: 'write',
  params: leadInput,
  result: upsertResult,
  async handler(ctx, params) {
    const { id } = await upsertLead(ctx, params);
    return upserted(id);
  },
});
