/**
 * venue.getEventTypeList (get-event-type-list.md): the account's event types with their sub
 * types; no venue parameter. Function spaces and bookings name these ids.
 */
import { z } from 'zod';
import { formatTimestamp } from '../../../../protocol/timestamp.js';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { timestampText } from '../../../../registry/result-schemas.js';
import type { Scope } from '../../../../storage/scope.js';
import { modifiedDateFilters } from '../../../contact/modified-filters.js';
import { groupBy } from '../group.js';
import { bool } from '../values.js';

/** get-event-type-list.md, Marketplace Event Types. */
export const MARKETPLACE_EVENT_TYPES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14] as const;

const eventTypeResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  marketplaceEventType: z.number().int().nullable(),
  contactType: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  isViewable: z.boolean(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  subTypes: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
});

async function subTypesOf(store: Scope, typeIds: readonly number[]): Promise<Map<number, Array<{ id: number; name: string }>>> {
  if (typeIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('venue_event_sub_types')
    .select(['id', 'event_type_id', 'name'])
    .where('event_type_id', 'in', typeIds)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return groupBy(rows, (r) => r.event_type_id, (r) => ({ id: r.id, name: r.name }));
}

export const getEventTypeList = defineListAction({
  namespace: 'venue',
  action: 'getEventTypeList',
  filters: {
    id: { column: 'venue_event_types.id', type: 'integer' },
    name: { column: 'venue_event_types.name', type: 'string' },
    description: { column: 'venue_event_types.description', type: 'string' },
    marketplaceEventType: { column: 'venue_event_types.marketplace_event_type', type: 'integer' },
    contactType: { column: 'venue_event_types.contact_type', type: 'integer' },
    isViewable: { column: 'venue_event_types.is_viewable', type: 'boolean' },
    createdDate: { column: 'venue_event_types.created_at', type: 'timestamp' },
    modifiedDate: { column: 'venue_event_types.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('venue_event_types.modified_at'),
  },
  item: eventTypeResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('venue_event_types'),
    idColumn: 'venue_event_types.id',
    select: (qb) => qb.selectAll('venue_event_types'),
  }),
  async items(rows, ctx) {
    const subTypes = await subTypesOf(ctx.store, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      marketplaceEventType: r.marketplace_event_type,
      contactType: r.contact_type as 0 | 1 | 2,
      isViewable: bool(r.is_viewable),
      createdDate: formatTimestamp(r.created_at),
      modifiedDate: formatTimestamp(r.modified_at),
      subTypes: subTypes.get(r.id) ?? [],
    }));
  },
});
