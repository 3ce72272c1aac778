/**
 * venue.getVenueRoomOptionList (get-venue-room-option-list.md): extras sold with rooms. Unlike
 * the other room lists its items carry their venue, and `venueId` is optional: without it the
 * list spans every venue of the account.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id } from '../../../registry/params.js';
import { toAmount } from '../../invoice/money.js';
import { requireVenue } from '../venues/store.js';
import { amountFilter, taxIds } from './amounts.js';
import { roomOptionResult } from './schemas.js';
import type { VenueRoomOptionsTable } from './tables.js';

function roomOptionItem(row: Selectable<VenueRoomOptionsTable>): z.input<typeof roomOptionResult> {
  return {
    id: row.id,
    venueId: row.venue_id,
    name: row.name,
    description: row.description,
    price: toAmount(row.price),
    priceExcludedTaxIds: taxIds(row.price_excluded_tax_ids),
    cost: toAmount(row.cost),
    costExcludedTaxIds: taxIds(row.cost_excluded_tax_ids),
    costcenterId: row.cost_center_id,
    createdDate: formatTimestamp(row.created_at),
    modifiedDate: formatTimestamp(row.modified_at),
  };
}

export const getVenueRoomOptionList = defineListAction({
  namespace: 'venue',
  action: 'getVenueRoomOptionList',
  params: { venueId: id().optional() },
  filters: {
    id: { column: 'venue_room_options.id', type: 'integer' },
    venueId: { column: 'venue_room_options.venue_id', type: 'integer' },
    name: { column: 'venue_room_options.name', type: 'string' },
    description: { column: 'venue_room_options.description', type: 'string' },
    price: amountFilter('venue_room_options.price'),
    cost: amountFilter('venue_room_options.cost'),
    costcenterId: { column: 'venue_room_options.cost_center_id', type: 'integer' },
    createdDate: { column: 'venue_room_options.created_at', type: 'timestamp' },
    modifiedDate: { column: 'venue_room_options.modified_at', type: 'timestamp' },
  },
  item: roomOptionResult,
  async rows(ctx, { venueId }) {
    if (venueId !== undefined) await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_room_options'),
      idColumn: 'venue_room_options.id',
      select: (qb) => qb.selectAll('venue_room_options'),
      ...(venueId !== undefined ? { where: (eb) => eb('venue_room_options.venue_id', '=', venueId) } : {}),
    };
  },
  items: (rows) => rows.map(roomOptionItem),
});
