/**
 * BEOs (Banquet Event Orders). The pages only list them: iVvy's users generate BEOs in its web
 * interface, which Marquee does not have. Marquee generates a Booking BEO (type 3) from the
 * booking's sessions as a PDF (beo-pdf.ts) and stores it as the next version of its number;
 * the seed data and tools call `generateBookingBeo`. The booking shapes read `beosOfBookings`
 * (beoNumbers, isBeoFinalised, beoFinalisedDate of get-booking.md).
 */
import type { ActionContext } from '../../../registry/context.js';
import type { Scope } from '../../../storage/scope.js';
import type { BookingBeo } from '../bookings/booking-parts.js';
import { CHANGELOG_REF, logBookingChange } from '../bookings/changelog.js';
import { requireBooking } from '../bookings/store.js';
import { formatLocal } from '../spaces/venue-time.js';
import { beoItems } from './beo-lists.js';
import { renderBeoPdf } from './beo-pdf.js';
import { nextBeoVersion, storeFile, type BeoRow } from './store.js';

/** get-booking-beo-list.md: BEO Type 3, and the template name its example shows. */
export const BOOKING_BEO_TYPE = 3;
export const BOOKING_BEO_TEMPLATE = 'Generic Venue Booking BEO';
/** get-booking-beo-list.md, Status. */
export const BEO_STATUS = { generated: 4, finalised: 9 } as const;

export interface BeoOptions {
  /** Make the next version of this BEO (of the same booking) rather than a new BEO. */
  beoNumber?: number;
  versionNote?: string;
  status?: (typeof BEO_STATUS)[keyof typeof BEO_STATUS];
}

/** Generates and stores a Booking BEO version inside a write; throws if `beoNumber` is not the booking's. */
export async function generateBookingBeo(ctx: ActionContext, bookingId: number, options: BeoOptions = {}): Promise<BeoRow> {
  const booking = await requireBooking(ctx.store, bookingId);
  const next = await nextBeoVersion(ctx.store, options.beoNumber, booking.id);
  if (next === null) throw new Error(`booking ${booking.id} has no BEO ${options.beoNumber}`);
  const venue = await ctx.store.selectFrom('venues').select(['business_name', 'timezone']).where('id', '=', booking.venue_id).executeTakeFirstOrThrow();
  const sessions = await ctx.store
    .selectFrom('booking_sessions')
    .innerJoin('function_spaces', 'function_spaces.id', 'booking_sessions.space_id')
    .select(['booking_sessions.name', 'booking_sessions.starts_at', 'booking_sessions.ends_at', 'booking_sessions.expected_attendees', 'function_spaces.name as space'])
    .where('booking_sessions.booking_id', '=', booking.id)
    .orderBy('booking_sessions.starts_at')
    .orderBy('booking_sessions.id')
    .execute();
  const versionNote = options.versionNote ?? '';
  const pdf = await renderBeoPdf(
    {
      title: 'Banquet Event Order',
      beoNumber: next.number,
      version: next.version,
      venueName: venue.business_name,
      timezone: venue.timezone,
      bookingName: booking.name,
      bookingCode: booking.code,
      versionNote,
      sessions: sessions.map((s) => ({
        name: s.name,
        start: formatLocal(venue.timezone, s.starts_at),
        end: formatLocal(venue.timezone, s.ends_at),
        space: s.space,
        attendees: s.expected_attendees,
      })),
    },
    new Date(ctx.now),
  );
  const fileId = await storeFile(ctx, booking.id, {
    filename: `BEO ${next.number}-${next.version} - ${booking.name}.pdf`.replace(/[\\/]/g, '-'),
    contentType: 'application/pdf',
    bytes: pdf,
  });
  const row = await ctx.store
    .insertInto('booking_beos', {
      venue_id: booking.venue_id,
      booking_id: booking.id,
      beo_type: BOOKING_BEO_TYPE,
      beo_number: next.number,
      version: next.version,
      version_note: versionNote,
      template_name: BOOKING_BEO_TEMPLATE,
      status: options.status ?? BEO_STATUS.generated,
      file_id: fileId,
      created_by: ctx.caller.userId,
      created_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await logBookingChange(ctx, booking, {
    refType: CHANGELOG_REF.booking,
    refId: booking.id,
    beoId: row.id,
    note: `BEO ${next.number}-${next.version} generated`,
  });
  const [item] = await beoItems(ctx, [row]);
  await ctx.recordChange('BookingBeoGenerated', { data: item, previousData: {} });
  return row;
}

/**
 * get-booking.md's BEO fields for a page of bookings: `"<number>-<version>"` of the latest
 * version of each BEO; finalised when every BEO's latest version is (status 9), at the
 * latest of those versions' times.
 */
export async function beosOfBookings(store: Scope, ids: readonly number[]): Promise<Map<number, BookingBeo>> {
  const found = new Map<number, BookingBeo>();
  if (ids.length === 0) return found;
  const rows = await store
    .selectFrom('booking_beos')
    .select(['booking_id', 'beo_number', 'version', 'status', 'created_at'])
    .where('booking_id', 'in', [...new Set(ids)])
    .orderBy('beo_number')
    .orderBy('version')
    .execute();
  const latest = new Map<number, Map<number, (typeof rows)[number]>>();
  for (const r of rows) {
    const ofBooking = latest.get(r.booking_id) ?? new Map();
    ofBooking.set(r.beo_number, r);
    latest.set(r.booking_id, ofBooking);
  }
  for (const [bookingId, beos] of latest) {
    const versions = [...beos.values()];
    const finalised = versions.every((v) => v.status === BEO_STATUS.finalised);
    found.set(bookingId, {
      beoNumbers: versions.map((v) => `${v.beo_number}-${v.version}`),
      isBeoFinalised: finalised,
      beoFinalisedAt: finalised ? Math.max(...versions.map((v) => v.created_at)) : null,
    });
  }
  return found;
}
