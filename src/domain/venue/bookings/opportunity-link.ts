/**
 * Every booking belongs to an opportunity (a crm lead with a venue). A booking added with a
 * `leadId` joins that opportunity, which must be one of the booking's venue; a booking added
 * without one gets its own, named after it, for the same company and contact, owned by the
 * caller's user — what a venue's sales team does when a booking comes in directly. The
 * opportunity's currentBookingId follows its newest booking, through the crm's own change
 * tracking (OpportunityAdded / OpportunityUpdated).
 */
import type { ActionContext } from '../../../registry/context.js';
import { recordLeadAdded, trackLeadChange } from '../../crm/leads/changes.js';
import { findLead, type LeadRow } from '../../crm/leads/store.js';
import { invalidData, type BookingWriteCodes } from './errors.js';
import type { Party } from './party.js';

/** The opportunity `leadId` names, when it is one of the venue's; otherwise the page's invalid-data error. */
export async function requireVenueOpportunity(ctx: ActionContext, codes: BookingWriteCodes, leadId: number, venueId: number): Promise<LeadRow> {
  const lead = await findLead(ctx.store, leadId);
  if (!lead) throw invalidData(codes, `leadId: The opportunity ${leadId} does not exist`);
  if (lead.venue_id === null) throw invalidData(codes, `leadId: ${leadId} is a lead, not an opportunity (convert it with convertLeadToOpportunity first)`);
  if (lead.venue_id !== venueId) throw invalidData(codes, `leadId: The opportunity ${leadId} belongs to another venue`);
  return lead;
}

/** A new opportunity for a booking added without one; recorded once the booking points at it (`adoptBooking`). */
export async function newBookingOpportunity(ctx: ActionContext, venueId: number, name: string, party: Party): Promise<number> {
  const row = await ctx.store
    .insertInto('crm_leads', {
      venue_id: venueId,
      name,
      description: null,
      owner_user_id: ctx.caller.userId,
      contact_id: party.contactId,
      company_id: party.companyId,
      industry_id: null,
      current_booking_id: null,
      quality_id: null,
      stage_id: null,
      stage_reason_id: null,
      admin_status_changed_at: ctx.now,
      type_id: null,
      subtype_id: null,
      source_id: null,
      channel_id: null,
      closed_at: null,
      lost_to_competition: null,
      external_urls: null,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Makes `bookingId` the opportunity's current booking, recording the opportunity's change. */
export async function adoptBooking(ctx: ActionContext, leadId: number, bookingId: number, created: boolean): Promise<void> {
  if (created) {
    await ctx.store.updateTable('crm_leads').set({ current_booking_id: bookingId }).where('id', '=', leadId).execute();
    await recordLeadAdded(ctx, leadId);
    return;
  }
  await trackLeadChange(ctx, leadId, async () => {
    await ctx.store.updateTable('crm_leads').set({ current_booking_id: bookingId }).where('id', '=', leadId).execute();
  });
}
