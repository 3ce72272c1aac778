/**
 * Changes to a lead or opportunity move its modifiedDate only when something about it really
 * changed (its list shape or its custom field values), so writing back what was read is not a
 * change. notifications/crm-endpoint.md documents notifications for opportunities only:
 * OpportunityAdded with the getOpportunityList item, OpportunityUpdated with it before and
 * after. Leads without a venue have no subject, so their changes are not recorded.
 */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { leadFieldValues } from './custom-fields.js';
import { leadShape, opportunityShape } from './shapes.js';
import { findLeadsWithRefs, type LeadWithRefs } from './store.js';

async function snapshot(ctx: ActionContext, leadId: number): Promise<{ row: LeadWithRefs; fields: string } | undefined> {
  const [row] = await findLeadsWithRefs(ctx.store, [leadId]);
  if (!row) return undefined;
  return { row, fields: await leadFieldValues(ctx.store, leadId) };
}

function content(s: { row: LeadWithRefs; fields: string }): string {
  const { modifiedDate: _ignored, ...rest } = leadShape(s.row);
  return JSON.stringify([rest, s.row.venue_id, s.row.external_urls, s.row.industry_id, s.fields]);
}

/** Runs `mutate` on an existing lead and records the change, if there was one. */
export async function trackLeadChange(ctx: ActionContext, leadId: number, mutate: () => Promise<void>): Promise<boolean> {
  const before = await snapshot(ctx, leadId);
  if (!before) throw new Error(`lead ${leadId} vanished inside its own transaction`);
  await mutate();
  const after = await snapshot(ctx, leadId);
  if (!after) throw new Error(`lead ${leadId} vanished inside its own transaction`);
  if (content(before) === content(after)) return false;
  await ctx.store.updateTable('crm_leads').set({ modified_at: ctx.now }).where('id', '=', leadId).execute();
  if (after.row.venue_id !== null) {
    const data = { ...opportunityShape(after.row), modifiedDate: formatTimestamp(ctx.now) };
    // A lead converted into an opportunity had no opportunity shape before: it is added.
    if (before.row.venue_id === null) await ctx.recordChange('OpportunityAdded', { data });
    else await ctx.recordChange('OpportunityUpdated', { data, previousData: opportunityShape(before.row) });
  }
  return true;
}

export async function recordLeadAdded(ctx: ActionContext, leadId: number): Promise<void> {
  const [row] = await findLeadsWithRefs(ctx.store, [leadId]);
  if (!row) throw new Error(`lead ${leadId} vanished inside its own transaction`);
  if (row.venue_id !== null) await ctx.recordChange('OpportunityAdded', { data: opportunityShape(row) });
}
