/**
 * venue.getSpaceHirePlanRateList (the page "get-space-hire-plan-rate-list copy.md"): the
 * periods of the venue's space hire plans. `tariffId` narrows the list to one plan (404 / 24106
 * when it is not the venue's). The filter keys `startDateFilter` and `endDateFilter` keep the
 * rates whose period overlaps the given one: ending on or after the start, starting on or
 * before the end.
 */
import { sql, type SqlBool } from 'kysely';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import type { ExpressionFilter } from '../../../../storage/collection.js';
import { modifiedDateFilters } from '../../../contact/modified-filters.js';
import { requireVenue } from '../../venues/store.js';
import { planRateResult } from './schemas.js';
import { planRateItem } from './shapes.js';
import { requirePlan } from './store.js';

const never = sql<SqlBool>`1 = 0`;

const overlap = (column: 'end_date' | 'start_date', op: '>=' | '<='): ExpressionFilter => ({
  type: 'date',
  where: (eb, value) => (value === null ? never : eb(`venue_space_hire_plan_rates.${column}`, op, value)),
});

export const getSpaceHirePlanRateList = defineListAction({
  namespace: 'venue',
  action: 'getSpaceHirePlanRateList',
  params: { venueId: id(), tariffId: id().optional() },
  filters: {
    id: { column: 'venue_space_hire_plan_rates.id', type: 'integer' },
    tariffId: { column: 'venue_space_hire_plan_rates.plan_id', type: 'integer' },
    colour: { column: 'venue_space_hire_plan_rates.colour', type: 'string' },
    startDate: { column: 'venue_space_hire_plan_rates.start_date', type: 'date' },
    endDate: { column: 'venue_space_hire_plan_rates.end_date', type: 'date' },
    createdDate: { column: 'venue_space_hire_plan_rates.created_at', type: 'timestamp' },
    modifiedDate: { column: 'venue_space_hire_plan_rates.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('venue_space_hire_plan_rates.modified_at'),
    startDateFilter: overlap('end_date', '>='),
    endDateFilter: overlap('start_date', '<='),
  },
  item: planRateResult,
  async rows(ctx, { venueId, tariffId }) {
    await requireVenue(ctx.store, venueId);
    if (tariffId !== undefined) await requirePlan(ctx.store, venueId, tariffId);
    return {
      from: ctx.store.selectFrom('venue_space_hire_plan_rates'),
      idColumn: 'venue_space_hire_plan_rates.id',
      select: (qb) => qb.selectAll('venue_space_hire_plan_rates'),
      where: (eb) =>
        tariffId !== undefined
          ? eb('venue_space_hire_plan_rates.plan_id', '=', tariffId)
          : eb(
              'venue_space_hire_plan_rates.plan_id',
              'in',
              eb.selectFrom('venue_space_hire_plans').select('venue_space_hire_plans.id').where('venue_space_hire_plans.venue_id', '=', venueId),
            ),
    };
  },
  items: (rows, _ctx, { venueId }) => rows.map((r) => planRateItem(r, venueId)),
});
