/**
 * venue.getRevenueTemplateList (get-revenue-template-list.md): the venue's revenue templates,
 * each mapping cost centers to the ones a booking's revenue moves to.
 */
import { z } from 'zod';
import { formatTimestamp } from '../../../../protocol/timestamp.js';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { timestampText } from '../../../../registry/result-schemas.js';
import type { Scope } from '../../../../storage/scope.js';
import { modifiedDateFilters } from '../../../contact/modified-filters.js';
import { requireVenue } from '../../venues/store.js';
import { groupBy } from '../group.js';
import { bool } from '../values.js';

const mappingResult = z.strictObject({ costcenterId: z.number().int(), newCostcenterId: z.number().int() });
type Mapping = z.input<typeof mappingResult>;

const revenueTemplateResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  isDefault: z.boolean(),
  costcenters: z.array(mappingResult),
  createdDate: timestampText,
  modifiedDate: timestampText,
});

async function mappingsOf(store: Scope, templateIds: readonly number[]): Promise<Map<number, Mapping[]>> {
  if (templateIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('venue_revenue_template_cost_centers')
    .select(['template_id', 'cost_center_id', 'new_cost_center_id'])
    .where('template_id', 'in', templateIds)
    .orderBy('template_id')
    .orderBy('cost_center_id')
    .execute();
  return groupBy(rows, (r) => r.template_id, (r) => ({ costcenterId: r.cost_center_id, newCostcenterId: r.new_cost_center_id }));
}

export const getRevenueTemplateList = defineListAction({
  namespace: 'venue',
  action: 'getRevenueTemplateList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_revenue_templates.id', type: 'integer' },
    name: { column: 'venue_revenue_templates.name', type: 'string' },
    isDefault: { column: 'venue_revenue_templates.is_default', type: 'boolean' },
    createdDate: { column: 'venue_revenue_templates.created_at', type: 'timestamp' },
    modifiedDate: { column: 'venue_revenue_templates.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('venue_revenue_templates.modified_at'),
  },
  item: revenueTemplateResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_revenue_templates'),
      idColumn: 'venue_revenue_templates.id',
      select: (qb) => qb.selectAll('venue_revenue_templates'),
      where: (eb) => eb('venue_revenue_templates.venue_id', '=', venueId),
    };
  },
  async items(rows, ctx) {
    const mappings = await mappingsOf(ctx.store, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      isDefault: bool(r.is_default),
      costcenters: mappings.get(r.id) ?? [],
      createdDate: formatTimestamp(r.created_at),
      modifiedDate: formatTimestamp(r.modified_at),
    }));
  },
});
