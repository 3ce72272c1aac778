/**
 * venue.getResourceList (get-resource-list.md). The Returns table lists hourlyCostExcludedTaxIds,
 * dailyCostExcludedTaxIds and subResourceIds, which the example leaves out: they are answered.
 * Costs are stored in cents and answered in the venue's currency units. `venueId` names the
 * venue; without it the list holds every venue's resources.
 */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { formatTimestamp } from '../../../../protocol/timestamp.js';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { timestampText } from '../../../../registry/result-schemas.js';
import type { Scope } from '../../../../storage/scope.js';
import { modifiedDateFilters } from '../../../contact/modified-filters.js';
import { requireVenue } from '../../venues/store.js';
import type { ResourcesTable } from '../tables.js';

export type ResourceRow = Selectable<ResourcesTable>;

const ids = z.array(z.number().int());

export const resourceResult = z.strictObject({
  id: z.number().int(),
  venueId: z.number().int(),
  name: z.string(),
  code: z.string(),
  categoryId: z.number().int().nullable(),
  shortDescription: z.string(),
  longDescription: z.string().nullable(),
  quantity: z.number().int().nullable(),
  canBookByHour: z.boolean(),
  hourlyCost: z.number(),
  hourlyCostExcludedTaxIds: ids,
  dailyCost: z.number(),
  dailyCostExcludedTaxIds: ids,
  isRestrictedToSpaces: z.boolean(),
  hasSubResources: z.boolean(),
  subResourceIds: ids,
  costcenterId: z.number().int().nullable(),
  isViewable: z.boolean(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});
export type ResourceItem = z.input<typeof resourceResult>;

export function resourceShape(row: ResourceRow, subResourceIds: number[]): ResourceItem {
  return {
    id: row.id,
    venueId: row.venue_id,
    name: row.name,
    code: row.code,
    categoryId: row.category_id,
    shortDescription: row.short_description,
    longDescription: row.long_description,
    quantity: row.quantity,
    canBookByHour: row.can_book_by_hour === 1,
    hourlyCost: row.hourly_cost / 100,
    hourlyCostExcludedTaxIds: JSON.parse(row.hourly_cost_excluded_tax_ids) as number[],
    dailyCost: row.daily_cost / 100,
    dailyCostExcludedTaxIds: JSON.parse(row.daily_cost_excluded_tax_ids) as number[],
    isRestrictedToSpaces: row.is_restricted_to_spaces === 1,
    hasSubResources: subResourceIds.length > 0,
    subResourceIds,
    costcenterId: row.cost_center_id,
    isViewable: row.is_viewable === 1,
    createdDate: formatTimestamp(row.created_at),
    modifiedDate: formatTimestamp(row.modified_at),
  };
}

async function resourceItems(store: Scope, rows: readonly ResourceRow[]): Promise<ResourceItem[]> {
  const parents = rows.map((r) => r.id);
  const subs =
    parents.length === 0
      ? []
      : await store.selectFrom('resources').select(['id', 'parent_id']).where('parent_id', 'in', parents).orderBy('id').execute();
  return rows.map((r) =>
    resourceShape(
      r,
      subs.filter((s) => s.parent_id === r.id).map((s) => s.id),
    ),
  );
}

export const getResourceList = defineListAction({
  namespace: 'venue',
  action: 'getResourceList',
  params: { venueId: id().optional() },
  filters: {
    id: { column: 'resources.id', type: 'integer' },
    venueId: { column: 'resources.venue_id', type: 'integer' },
    name: { column: 'resources.name', type: 'string' },
    code: { column: 'resources.code', type: 'string' },
    categoryId: { column: 'resources.category_id', type: 'integer' },
    quantity: { column: 'resources.quantity', type: 'integer' },
    canBookByHour: { column: 'resources.can_book_by_hour', type: 'boolean' },
    isRestrictedToSpaces: { column: 'resources.is_restricted_to_spaces', type: 'boolean' },
    costcenterId: { column: 'resources.cost_center_id', type: 'integer' },
    isViewable: { column: 'resources.is_viewable', type: 'boolean' },
    createdDate: { column: 'resources.created_at', type: 'timestamp' },
    modifiedDate: { column: 'resources.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('resources.modified_at'),
  },
  item: resourceResult,
  async rows(ctx, { venueId }) {
    if (venueId !== undefined) await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('resources'),
      idColumn: 'resources.id',
      select: (qb) => qb.selectAll('resources'),
      ...(venueId !== undefined ? { where: (eb) => eb('resources.venue_id', '=', venueId) } : {}),
    };
  },
  items: (rows, ctx) => resourceItems(ctx.store, rows),
});
