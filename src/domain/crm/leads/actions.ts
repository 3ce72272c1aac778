/**
 * getLeadList and getOpportunityList. Both read the one lead table: leads have no venue,
 * opportunities have one. Filters are every scalar field of the item with the generic
 * modifiers, plus fromModifiedDate/toModifiedDate (inclusive, one-second precision) for
 * incremental sync.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { array, collection, id } from '../../../registry/params.js';
import type { FilterSpec } from '../../../storage/collection.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { leadResult, opportunityResult } from './schemas.js';
import { leadShape, opportunityShape } from './shapes.js';
import { findLeadsWithRefs } from './store.js';

const LEAD_FILTERS: FilterSpec<'crm_leads'> = {
  id: { column: 'crm_leads.id', type: 'integer' },
  name: { column: 'crm_leads.name', type: 'string' },
  description: { column: 'crm_leads.description', type: 'string' },
  ownerUserId: { column: 'crm_leads.owner_user_id', type: 'integer' },
  contactId: { column: 'crm_leads.contact_id', type: 'integer' },
  companyId: { column: 'crm_leads.company_id', type: 'integer' },
  currentBookingId: { column: 'crm_leads.current_booking_id', type: 'integer' },
  qualityId: { column: 'crm_leads.quality_id', type: 'integer' },
  stageId: { column: 'crm_leads.stage_id', type: 'integer' },
  stageReasonId: { column: 'crm_leads.stage_reason_id', type: 'integer' },
  typeId: { column: 'crm_leads.type_id', type: 'integer' },
  subtypeId: { column: 'crm_leads.subtype_id', type: 'integer' },
  sourceId: { column: 'crm_leads.source_id', type: 'integer' },
  channelId: { column: 'crm_leads.channel_id', type: 'integer' },
  adminStatusChangedDate: { column: 'crm_leads.admin_status_changed_at', type: 'timestamp' },
  closedDate: { column: 'crm_leads.closed_at', type: 'timestamp' },
  lostToCompetition: { column: 'crm_leads.lost_to_competition', type: 'string' },
  createdDate: { column: 'crm_leads.created_at', type: 'timestamp' },
  modifiedDate: { column: 'crm_leads.modified_at', type: 'timestamp' },
  ...modifiedDateFilters('crm_leads.modified_at'),
};

/**
 * Pages are cut from the lead table alone (count and offset never touch the referenced tables);
 * only a page's rows are then read with everything their shape names, in one joined query.
 */
const withRefs = (ctx: ActionContext, rows: ReadonlyArray<{ id: number }>) => findLeadsWithRefs(ctx.store, rows.map((r) => r.id));

export const getLeadList = defineListAction({
  namespace: 'crm',
  action: 'getLeadList',
  filters: LEAD_FILTERS,
  item: leadResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('crm_leads'),
    idColumn: 'crm_leads.id',
    select: (qb) => qb.select('crm_leads.id'),
    where: (eb) => eb('crm_leads.venue_id', 'is', null),
  }),
  items: async (rows, ctx) => (await withRefs(ctx, rows)).map(leadShape),
});

/** The page documents `venueIds` (an array); its example sends `venueId`. Both are accepted. */
const venueList = z.preprocess((v) => (Array.isArray(v) ? v : [v]), array(id()));

export const getOpportunityList = defineListAction({
  namespace: 'crm',
  action: 'getOpportunityList',
  params: { ...collection, venueIds: venueList.optional(), venueId: venueList.optional() },
  filters: { ...LEAD_FILTERS, venueId: { column: 'crm_leads.venue_id', type: 'integer' } },
  item: opportunityResult,
  rows(ctx, params) {
    const venues = [...new Set([...(params.venueIds ?? []), ...(params.venueId ?? [])])];
    return {
      from: ctx.store.selectFrom('crm_leads'),
      idColumn: 'crm_leads.id',
      select: (qb) => qb.select('crm_leads.id'),
      where: (eb) => (venues.length > 0 ? eb('crm_leads.venue_id', 'in', venues) : eb('crm_leads.venue_id', 'is not', null)),
    };
  },
  items: async (rows, ctx) => (await withRefs(ctx, rows)).map(opportunityShape),
});
