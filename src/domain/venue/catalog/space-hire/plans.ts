/** venue.getSpaceHirePlanList (get-space-hire-plan-list.md): the venue's space hire plans (tariffs). */
import { formatTimestamp } from '../../../../protocol/timestamp.js';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { modifiedDateFilters } from '../../../contact/modified-filters.js';
import { requireVenue } from '../../venues/store.js';
import { spaceHirePlanResult } from './schemas.js';

export const getSpaceHirePlanList = defineListAction({
  namespace: 'venue',
  action: 'getSpaceHirePlanList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_space_hire_plans.id', type: 'integer' },
    name: { column: 'venue_space_hire_plans.name', type: 'string' },
    code: { column: 'venue_space_hire_plans.code', type: 'string' },
    description: { column: 'venue_space_hire_plans.description', type: 'string' },
    createdDate: { column: 'venue_space_hire_plans.created_at', type: 'timestamp' },
    modifiedDate: { column: 'venue_space_hire_plans.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('venue_space_hire_plans.modified_at'),
  },
  item: spaceHirePlanResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_space_hire_plans'),
      idColumn: 'venue_space_hire_plans.id',
      select: (qb) => qb.selectAll('venue_space_hire_plans'),
      where: (eb) => eb('venue_space_hire_plans.venue_id', '=', venueId),
    };
  },
  items: (rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      code: r.code,
      description: r.description,
      createdDate: formatTimestamp(r.created_at),
      modifiedDate: formatTimestamp(r.modified_at),
    })),
});
