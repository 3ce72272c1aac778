/**
 * venue.getSpaceBlockoutList (get-space-blockout-list.md). Start and end are shown as dates and
 * times on the venue's clock, like every diary time of the venue (a blockout is stored as
 * instants; add-or-update-blockoutspace.md sends them in UTC). `venueId` names the venue;
 * without it the list holds every venue's blockouts.
 */
import { z } from 'zod';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import { dateText } from '../../../../registry/result-schemas.js';
import { requireVenue } from '../../venues/store.js';
import { localDate, localTime, zoneOf } from '../venue-time.js';
import type { BlockoutRow } from './store.js';

export const blockoutResult = z.strictObject({
  id: z.number().int(),
  venueId: z.number().int(),
  spaceId: z.number().int(),
  name: z.string(),
  startDate: dateText,
  startTime: z.string().regex(/^\d{2}:\d{2}:\d{2}$/),
  endDate: dateText,
  endTime: z.string().regex(/^\d{2}:\d{2}:\d{2}$/),
  bookedById: z.number().int().nullable(),
});
export type BlockoutItem = z.input<typeof blockoutResult>;

/** The list item of a blockout of a venue in `timezone` (also the SpaceBlockout… change body). */
export function blockoutShape(row: BlockoutRow, timezone: string): BlockoutItem {
  const zone = zoneOf(timezone);
  return {
    id: row.id,
    venueId: row.venue_id,
    spaceId: row.space_id,
    name: row.name,
    startDate: localDate(zone, row.starts_at),
    startTime: localTime(zone, row.starts_at),
    endDate: localDate(zone, row.ends_at),
    endTime: localTime(zone, row.ends_at),
    bookedById: row.booked_by_id,
  };
}

export const getSpaceBlockoutList = defineListAction({
  namespace: 'venue',
  action: 'getSpaceBlockoutList',
  params: { venueId: id().optional() },
  filters: {
    id: { column: 'space_blockouts.id', type: 'integer' },
    venueId: { column: 'space_blockouts.venue_id', type: 'integer' },
    spaceId: { column: 'space_blockouts.space_id', type: 'integer' },
    name: { column: 'space_blockouts.name', type: 'string' },
    bookedById: { column: 'space_blockouts.booked_by_id', type: 'integer' },
  },
  item: blockoutResult,
  async rows(ctx, { venueId }) {
    if (venueId !== undefined) await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('space_blockouts'),
      idColumn: 'space_blockouts.id',
      select: (qb) =>
        qb
          .selectAll('space_blockouts')
          .select((eb) => eb.selectFrom('venues').select('venues.timezone').whereRef('venues.id', '=', 'space_blockouts.venue_id').as('timezone')),
      ...(venueId !== undefined ? { where: (eb) => eb('space_blockouts.venue_id', '=', venueId) } : {}),
    };
  },
  items: (rows) => rows.map((r) => blockoutShape(r, r.timezone ?? 'UTC')),
});
