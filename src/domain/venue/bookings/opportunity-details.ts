/** The venue_opportunity_details row of an opportunity (tables.ts): made when a field is first set. */
import type { Updateable } from 'kysely';
import type { ActionContext } from '../../../registry/context.js';
import type { VenueOpportunityDetailsTable } from './tables.js';

export type OpportunityDetails = Omit<Updateable<VenueOpportunityDetailsTable>, 'account_id' | 'lead_id' | 'modified_at'>;

export async function setOpportunityDetails(ctx: ActionContext, leadId: number, details: OpportunityDetails): Promise<void> {
  const set = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as OpportunityDetails;
  if (Object.keys(set).length === 0) return;
  const existing = await ctx.store.selectFrom('venue_opportunity_details').select('lead_id').where('lead_id', '=', leadId).executeTakeFirst();
  if (existing) {
    await ctx.store.updateTable('venue_opportunity_details').set({ ...set, modified_at: ctx.now }).where('lead_id', '=', leadId).execute();
  } else {
    await ctx.store.insertInto('venue_opportunity_details', { ...set, lead_id: leadId, modified_at: ctx.now }).execute();
  }
}
