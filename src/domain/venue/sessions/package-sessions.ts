/**
 * The sessions a venue package brings to a booking (add-or-update-booking-package.md): when a
 * package is added, each of its sessions (get-venue-package.md, Session Details) becomes a
 * session of the booking on the booking package's date, at the package session's times of day
 * on the space venue's clock, for the booking package's attendees. A package session without
 * a space takes the request's main space and layout; when neither names one the request is
 * refused, as the page says the main space "should be provided".
 *
 * Optional package sessions are the venue's suggestions and are not added. A session that
 * cannot be added — it has no times, its space is taken (or blocked out) then, or the
 * attendees are more than the space holds without overridePax — is left out and the answer
 * carries the page's `packageSessionErrors` warning; the package and its other sessions are
 * still added. Each added session holds its space, is logged and notified exactly as
 * addOrUpdateBookingSession adds one. The package session's menus, beverage packages,
 * products and resources are not copied: the page does not say that they are.
 */
import type { Selectable } from 'kysely';
import type { ActionContext } from '../../../registry/context.js';
import type { ApiError } from '../../../protocol/errors.js';
import type { VenuePackageSessionsTable } from '../catalog/tables.js';
import { findSpace } from '../spaces/function-spaces/store.js';
import { findSpaceConflict } from '../spaces/space-blocking.js';
import { REF, logChange, sessionItem } from './changes.js';
import { clockWindow } from './clock.js';
import { holdSpace, lockVenueHolds } from './holds.js';
import { venueZoneOf } from './store.js';

type PackageSessionRow = Selectable<VenuePackageSessionsTable>;

const MINUTE = 60_000;

export interface PackageCopy {
  booking: { id: number; venue_id: number; contact_id: number | null };
  bookingPackageId: number;
  packageId: number;
  /** yyyy-mm-dd: the day the sessions are held. */
  date: string;
  attendees: {
    min: number;
    agreed: number | null;
    expected: number | null;
    guaranteed: number | null;
    set: number | null;
    actual: number | null;
  };
  /** The request's main space, for package sessions without one. */
  main: { spaceId: number | null; layoutId: number | null };
}

/** The package sessions the copy adds, in the package's order. */
async function packageSessions(ctx: ActionContext, packageId: number): Promise<PackageSessionRow[]> {
  return ctx.store.selectFrom('venue_package_sessions').selectAll().where('package_id', '=', packageId).where('is_optional', '=', 0).orderBy('sort_order').orderBy('id').execute();
}

/**
 * Adds the package's sessions to the booking (see the header). Refuses, with `refuse`, before
 * writing anything when a session has no space to go to. Whether every session was added.
 */
export async function addPackageSessions(ctx: ActionContext, copy: PackageCopy, refuse: (reason: string) => ApiError): Promise<boolean> {
  const sessions = await packageSessions(ctx, copy.packageId);
  const homeless = sessions.find((s) => s.space_id === null);
  if (homeless && copy.main.spaceId === null) throw refuse(`mainSpaceId: package session '${homeless.name}' has no space; name the main space it is held in`);

  const placed = [];
  for (const s of sessions) {
    const own = s.space_id !== null;
    const spaceId = own ? s.space_id! : copy.main.spaceId!;
    const space = await findSpace(ctx.store, spaceId);
    if (!space) throw refuse(`mainSpaceId: ${spaceId} is not a function space`);
    const layoutId = own ? s.space_layout_id : copy.main.layoutId;
    const layout =
      layoutId === null
        ? undefined
        : await ctx.store.selectFrom('function_space_layouts').selectAll().where('id', '=', layoutId).where('space_id', '=', space.id).executeTakeFirst();
    placed.push({ s, space, layout });
  }
  for (const venueId of [...new Set(placed.map((p) => p.space.venue_id))].sort((a, b) => a - b)) await lockVenueHolds(ctx.store, venueId);

  let all = true;
  for (const { s, space, layout } of placed) {
    const capacity = Math.min(space.max_pax > 0 ? space.max_pax : Infinity, layout?.pax_maximum ?? Infinity);
    if (s.start_time === null || s.end_time === null || (s.override_pax !== 1 && copy.attendees.min > capacity)) {
      all = false;
      continue;
    }
    const zone = await venueZoneOf(ctx.store, space.venue_id);
    const window = clockWindow(zone, copy.date, s.start_time, s.end_time);
    const held = { from: window.from - s.setup_minutes * MINUTE, to: window.to + s.setdown_minutes * MINUTE };
    if (window.to <= window.from || (await findSpaceConflict(ctx.store, space, held.from, held.to))) {
      all = false;
      continue;
    }
    const inPackage = s.include_in_package === 1;
    const row = await ctx.store
      .insertInto('booking_sessions', {
        venue_id: copy.booking.venue_id,
        booking_id: copy.booking.id,
        space_venue_id: space.venue_id,
        space_id: space.id,
        layout_id: layout?.id ?? null,
        custom_layout_name: s.space_custom_layout_name?.trim() || null,
        contact_id: copy.booking.contact_id,
        name: s.name,
        min_attendees_guaranteed: copy.attendees.min,
        agreed_attendees: copy.attendees.agreed,
        expected_attendees: copy.attendees.expected,
        guaranteed_attendees: copy.attendees.guaranteed,
        set_attendees: copy.attendees.set,
        actual_attendees: copy.attendees.actual,
        starts_at: window.from,
        ends_at: window.to,
        setup_minutes: s.setup_minutes,
        setdown_minutes: s.setdown_minutes,
        tariff_id: s.tariff_id,
        room_hire_type: s.room_hire_type,
        session_type_id: s.session_type_id,
        override_pax: s.override_pax === 1 ? 1 : 0,
        is_signage_visible: 0,
        signage: '',
        include_in_package: inPackage ? 1 : 0,
        booking_package_id: inPackage ? copy.bookingPackageId : null,
        cost_center_id: s.cost_center_id,
        // The package session's amount is charged on top of the package only when it is not included.
        cost: inPackage ? 0 : (s.amount ?? 0),
        excluded_tax_ids: s.excluded_tax_ids,
        created_at: ctx.now,
        modified_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const hold = {
      sourceId: row.id,
      bookingId: copy.booking.id,
      layoutId: layout?.id ?? null,
      pax: copy.attendees.min,
      startsAt: window.from,
      endsAt: window.to,
      setupMinutes: s.setup_minutes,
      takedownMinutes: s.setdown_minutes,
    };
    // Checked just above under the venue's lock, so this cannot be refused.
    await holdSpace(ctx.store, zone, space, hold, ctx.now, refuse);
    await logChange(ctx, { id: row.id, venue_id: copy.booking.venue_id, booking_id: copy.booking.id }, { refType: REF.session, refId: row.id, note: `Session '${s.name}' added` });
    await ctx.recordChange('BookingSessionAdded', { data: await sessionItem(ctx, row.id) });
  }
  return all;
}
