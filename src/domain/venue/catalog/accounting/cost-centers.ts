/**
 * venue.getCostCenterList (get-cost-center-list.md of the venue namespace). A venue's cost
 * centers are rows of their own, each rolling up to an account cost center (`parentId`, with
 * that one's `defaultType` as `parentDefaultType`). The page documents 24271 for an unknown
 * venue; its 24270 "Account does not exist" cannot happen.
 */
import { z } from 'zod';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import type { ExpressionFilter } from '../../../../storage/collection.js';
import { requireVenue } from '../../venues/store.js';
import { COST_CENTER_VENUE_NOT_FOUND } from '../errors.js';

const venueCostCenterResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  parentId: z.number().int().nullable(),
  parentDefaultType: z.number().int().min(1).max(7).nullable(),
});

const parentDefaultType: ExpressionFilter = {
  type: 'integer',
  where: (eb, value) =>
    eb(
      eb.selectFrom('cost_centers').select('cost_centers.default_type').whereRef('cost_centers.id', '=', 'venue_cost_centers.parent_id'),
      value === null ? 'is' : '=',
      value,
    ),
};

export const getCostCenterList = defineListAction({
  namespace: 'venue',
  action: 'getCostCenterList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_cost_centers.id', type: 'integer' },
    name: { column: 'venue_cost_centers.name', type: 'string' },
    code: { column: 'venue_cost_centers.code', type: 'string' },
    description: { column: 'venue_cost_centers.description', type: 'string' },
    parentId: { column: 'venue_cost_centers.parent_id', type: 'integer' },
    parentDefaultType,
  },
  item: venueCostCenterResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId, COST_CENTER_VENUE_NOT_FOUND);
    return {
      from: ctx.store.selectFrom('venue_cost_centers'),
      idColumn: 'venue_cost_centers.id',
      select: (qb) =>
        qb
          .selectAll('venue_cost_centers')
          .select((eb) =>
            eb
              .selectFrom('cost_centers')
              .select('cost_centers.default_type')
              .whereRef('cost_centers.id', '=', 'venue_cost_centers.parent_id')
              .as('parent_default_type'),
          ),
      where: (eb) => eb('venue_cost_centers.venue_id', '=', venueId),
    };
  },
  items: (rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      code: r.code,
      description: r.description,
      parentId: r.parent_id,
      parentDefaultType: r.parent_default_type ?? null,
    })),
});
