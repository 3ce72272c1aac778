/**
 * venue.getBookingBeoList and venue.getBookingBeoVersionList (get-booking-beo-list.md,
 * get-booking-beo-version-list.md): a booking's BEOs (the latest version of each BEO number)
 * and every version of them, oldest first.
 */
import type { ExpressionBuilder } from 'kysely';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { bool, id } from '../../../registry/params.js';
import type { Database } from '../../../storage/schema.js';
import { requireBooking } from '../bookings/store.js';
import { NOT_GENERATED } from './document-lists.js';
import { beoResult, type BeoItem } from './schemas.js';
import { fileShape, filesOf, type BeoRow } from './store.js';

export async function beoItems(ctx: ActionContext, rows: BeoRow[]): Promise<BeoItem[]> {
  const files = await filesOf(ctx.store, rows.map((r) => r.file_id));
  return rows.map((r) => ({
    id: r.id,
    venueId: r.venue_id,
    bookingId: r.booking_id,
    beoType: r.beo_type,
    beoNumber: r.beo_number,
    version: r.version,
    versionNote: r.version_note,
    file: fileShape(ctx, r.file_id === null ? undefined : files.get(r.file_id)),
    templateName: r.template_name,
    status: r.status,
    createdBy: r.created_by,
    createdDate: formatTimestamp(r.created_at),
  }));
}

const filters = {
  id: { column: 'booking_beos.id', type: 'integer' },
  beoType: { column: 'booking_beos.beo_type', type: 'integer' },
  status: { column: 'booking_beos.status', type: 'integer' },
  createdDate: { column: 'booking_beos.created_at', type: 'timestamp' },
} as const;

type Eb = ExpressionBuilder<Database, 'booking_beos'>;

const latest = (eb: Eb) =>
  eb(
    'booking_beos.version',
    '=',
    eb
      .selectFrom('booking_beos as later')
      .select((sub) => sub.fn.max('later.version').as('version'))
      .whereRef('later.account_id', '=', 'booking_beos.account_id')
      .whereRef('later.beo_number', '=', 'booking_beos.beo_number'),
  );

export const getBookingBeoList = defineListAction({
  namespace: 'venue',
  action: 'getBookingBeoList',
  params: { venueId: id().optional(), bookingId: id(), onlyGenerated: bool().optional() },
  filters,
  item: beoResult,
  async rows(ctx, p) {
    const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
    return {
      from: ctx.store.selectFrom('booking_beos'),
      idColumn: 'booking_beos.id',
      select: (qb) => qb.selectAll('booking_beos'),
      where: (eb) =>
        eb.and([
          eb('booking_beos.booking_id', '=', booking.id),
          latest(eb),
          ...(p.onlyGenerated === true ? [eb('booking_beos.status', 'not in', NOT_GENERATED)] : []),
        ]),
    };
  },
  items: (rows, ctx) => beoItems(ctx, rows),
});

export const getBookingBeoVersionList = defineListAction({
  namespace: 'venue',
  action: 'getBookingBeoVersionList',
  params: { venueId: id().optional(), bookingId: id(), onlyGenerated: bool().optional(), beoNumber: id().optional() },
  filters,
  item: beoResult,
  async rows(ctx, p) {
    const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
    return {
      from: ctx.store.selectFrom('booking_beos'),
      idColumn: 'booking_beos.id',
      select: (qb) => qb.selectAll('booking_beos'),
      where: (eb) =>
        eb.and([
          eb('booking_beos.booking_id', '=', booking.id),
          ...(p.beoNumber !== undefined ? [eb('booking_beos.beo_number', '=', p.beoNumber)] : []),
          ...(p.onlyGenerated === true ? [eb('booking_beos.status', 'not in', NOT_GENERATED)] : []),
        ]),
    };
  },
  items: (rows, ctx) => beoItems(ctx, rows),
});
