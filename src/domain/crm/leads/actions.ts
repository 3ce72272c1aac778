/**
 * getLeadList and getOpportunityList. Both read the one lead table: leads have no venue,
 * opportunities have one. Filters are every scalar field of the item with the generic
 * modifiers, plus fromModifiedDate/toModifiedDate (inclusive, one-second precision) for
 * incremental sync.
 */
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { array, collection, id, type CollectionParams } from '../../../registry/params.js';
import { fetchPage, type FilterSpec, type Page, type PageOptions } from '../../../storage/collection.js';
import type { Database } from '../../../storage/schema.js';
import type { Scope } from '../../../storage/scope.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { collectionOf } from '../schemas.js';
import { leadResult, opportunityResult } from './schemas.js';
import { leadShape, opportunityShape } from './shapes.js';
import { findLeadsWithRefs, type LeadWithRefs } from './store.js';

const LEAD_FILTERS: FilterSpec = {
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

const OPPORTUNITY_FILTERS: FilterSpec = {
  ...LEAD_FILTERS,
  venueId: { column: 'crm_leads.venue_id', type: 'integer' },
};

/**
 * A page of leads: the page's ids from the lead table alone (count and offset never touch the
 * referenced tables), then those rows with everything their shape names in one joined query.
 */
async function leadPage(
  store: Scope,
  params: CollectionParams,
  filters: FilterSpec,
  where: NonNullable<PageOptions<{ id: number }>['where']>,
): Promise<Page<LeadWithRefs>> {
  const page = await fetchPage<{ id: number }>({
    dialect: store.dialect,
    from: store.selectFrom('crm_leads'),
    where,
    filters,
    params,
    idColumn: 'crm_leads.id',
    select: (qb) => (qb as SelectQueryBuilder<Database, 'crm_leads', {}>).select('crm_leads.id'),
  });
  return { meta: page.meta, rows: await findLeadsWithRefs(store, page.rows.map((r) => r.id)) };
}

export const getLeadList = defineAction({
  namespace: 'crm',
  action: 'getLeadList',
  kind: 'read',
  params: z.object(collection),
  result: collectionOf(leadResult),
  async handler(ctx, params) {
    const page = await leadPage(ctx.store, params, LEAD_FILTERS, (eb) => eb('crm_leads.venue_id', 'is', null));
    return { meta: page.meta, results: page.rows.map(leadShape) };
  },
});

/** The page documents `venueIds` (an array); its example sends `venueId`. Both are accepted. */
const venueList = z.preprocess((v) => (Array.isArray(v) ? v : [v]), array(id()));

export const getOpportunityList = defineAction({
  namespace: 'crm',
  action: 'getOpportunityList',
  kind: 'read',
  params: z.object({ ...collection, venueIds: venueList.optional(), venueId: venueList.optional() }),
  result: collectionOf(opportunityResult),
  async handler(ctx, params) {
    const venues = [...new Set([...(params.venueIds ?? []), ...(params.venueId ?? [])])];
    const page = await leadPage(ctx.store, params, OPPORTUNITY_FILTERS, (eb) =>
      venues.length > 0 ? eb('crm_leads.venue_id', 'in', venues) : eb('crm_leads.venue_id', 'is not', null),
    );
    return { meta: page.meta, results: page.rows.map(opportunityShape) };
  },
});
