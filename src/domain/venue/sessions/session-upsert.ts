/**
 * venue.addOrUpdateBookingSession (add-or-update-booking-session.md). A session books a
 * function space of `spaceVenueId` for its booking from startDate startTime to endTime on that
 * venue's clock, held from set-up to set-down. The space is taken in the writing transaction
 * under the venue's hold lock (holds.ts): a session that would double-book it, or one of its
 * parts or combinations, is refused with 24363 naming what holds it, and so is one over a
 * blockout. Everything is checked before anything is written; the whole write is atomic.
 *
 * Required when adding, besides the page's list: spaceId, startTime and endTime (a session
 * without a space or times cannot hold one). A session of a cancelled booking cannot be added
 * or changed: a cancelled booking holds nothing.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, bool, id, intEnum, number, string, text } from '../../../registry/params.js';
import { LAYOUT_TYPES } from '../spaces/layout-types.js';
import { findSpace } from '../spaces/function-spaces/store.js';
import { clockOf, clockTime, clockWindow, dateOn } from './clock.js';
import { date } from '../../../registry/params.js';
import { guardLineWrite, invalid, missing, rejected, required, SESSION_CODES } from './errors.js';
import { holdSpace, lockVenueHolds } from './holds.js';
import { cents, checkCostCenter, checkTaxes, jsonIds } from './references.js';
import { count, optionalRef, orNull } from './params.js';
import { placeSessionResources, resourceVenues } from './resource-placement.js';
import { REF, logChange, sessionItem, trackSessionChange } from './changes.js';
import { CANCELLED, findSession, requireBooking, venueZoneOf, type SessionRow } from './store.js';
import { sessionUpsertResult } from './schemas.js';
import type { BookingSessionsTable } from './tables.js';
import type { Insertable } from 'kysely';

const C = SESSION_CODES;

export const sessionParams = z.object({
  id: id().optional(),
  venueId: id().optional(),
  spaceVenueId: id().optional(),
  bookingId: id().optional(),
  contactId: id().optional(),
  name: text(255).optional(),
  minAttendeesGuaranteed: count().optional(),
  agreedAttendees: count().nullable().optional(),
  expectedAttendees: count().nullable().optional(),
  guaranteedAttendees: count().nullable().optional(),
  setAttendees: count().nullable().optional(),
  actualAttendees: count().nullable().optional(),
  spaceId: id().optional(),
  spaceLayout: optionalRef().nullable().optional(),
  layoutType: intEnum(LAYOUT_TYPES).optional(),
  customLayoutName: string(255).nullable().optional(),
  startDate: date().optional(),
  startTime: clockTime().optional(),
  endTime: clockTime().optional(),
  setupTime: count().optional(),
  setdownTime: count().optional(),
  includeInPackage: bool().optional(),
  bookingPackageId: optionalRef().nullable().optional(),
  tariffId: optionalRef().nullable().optional(),
  roomHireType: intEnum([1, 2, 3, 4, 5] as const)
    .nullable()
    .optional(),
  costcenterId: optionalRef().nullable().optional(),
  cost: number().optional(),
  excludedTaxIds: array(id()).nullable().optional(),
  sessionTypeId: optionalRef().nullable().optional(),
  overridePax: bool().optional(),
  isSignageVisible: bool().optional(),
  signage: string(1000).nullable().optional(),
});
type SessionParams = z.output<typeof sessionParams>;

/** Required when adding, in the page's order (the first missing one is reported). */
const REQUIRED_ON_ADD = ['bookingId', 'spaceVenueId', 'contactId', 'name', 'minAttendeesGuaranteed', 'spaceId', 'startDate', 'startTime', 'endTime'] as const;

const has = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** The space, layout and clock the session will have, checked against the account's data. */
async function placement(ctx: ActionContext, p: SessionParams, current: SessionRow | undefined) {
  const spaceVenueId = p.spaceVenueId ?? current!.space_venue_id;
  const spaceId = p.spaceId ?? current!.space_id;
  const space = await findSpace(ctx.store, spaceId);
  if (!space || space.venue_id !== spaceVenueId) throw rejected(C, `spaceId: ${spaceId} is not a function space of venue ${spaceVenueId}`);
  const zone = await venueZoneOf(ctx.store, spaceVenueId);

  const sameSpace = current !== undefined && current.space_id === spaceId;
  let layoutId: number | null = sameSpace ? current.layout_id : null;
  if (p.spaceLayout !== undefined) layoutId = orNull(p.spaceLayout) ?? null;
  else if (p.layoutType !== undefined) {
    const typed = await ctx.store
      .selectFrom('function_space_layouts')
      .select('id')
      .where('space_id', '=', spaceId)
      .where('type', '=', p.layoutType)
      .orderBy('id')
      .executeTakeFirst();
    if (!typed) throw rejected(C, `layoutType: '${space.name}' has no layout of type ${p.layoutType}`);
    layoutId = typed.id;
  }
  const layout =
    layoutId === null ? undefined : await ctx.store.selectFrom('function_space_layouts').selectAll().where('id', '=', layoutId).executeTakeFirst();
  if (layoutId !== null && layout?.space_id !== spaceId) throw rejected(C, `spaceLayout: ${layoutId} is not a layout of space ${spaceId}`);
  const layoutChanged = layoutId !== (current?.layout_id ?? null) || !sameSpace;

  const was = current ? clockOf(zone, { from: current.starts_at, to: current.ends_at }) : undefined;
  const day = p.startDate ?? (current ? dateOn(zone, current.starts_at) : undefined)!;
  const window = clockWindow(zone, day, p.startTime ?? was!.startTime, p.endTime ?? was!.endTime);
  if (window.to <= window.from) throw invalid(C, `endTime: the session has no length on the venue's clock (daylight saving skips it)`);
  const setup = p.setupTime ?? (!layoutChanged && current ? current.setup_minutes : (layout?.setup_minutes ?? current?.setup_minutes ?? 0));
  const setdown = p.setdownTime ?? (!layoutChanged && current ? current.setdown_minutes : (layout?.takedown_minutes ?? current?.setdown_minutes ?? 0));

  const attendees = p.minAttendeesGuaranteed ?? current!.min_attendees_guaranteed;
  const override = p.overridePax ?? current?.override_pax === 1;
  const capacity = Math.min(space.max_pax > 0 ? space.max_pax : Infinity, layout?.pax_maximum ?? Infinity);
  if (!override && attendees > capacity) {
    throw rejected(C, `minAttendeesGuaranteed: ${attendees} is more than the ${capacity} '${space.name}' holds${layout ? ` in layout ${layout.name}` : ''} (overridePax books it anyway)`);
  }
  return { space, zone, layoutId, window, setup, setdown, attendees, override };
}

/** The pricing columns, checked against the booking venue's catalogue. */
async function pricing(ctx: ActionContext, p: SessionParams, current: SessionRow | undefined, venueId: number, spaceVenueId: number) {
  const inPackage = p.includeInPackage ?? current?.include_in_package === 1;
  if (!current) {
    if (inPackage) {
      for (const name of ['bookingPackageId', 'tariffId', 'roomHireType'] as const) if (!has(orNull(p[name]))) throw required(C, name);
    } else {
      if (!has(orNull(p.costcenterId))) throw required(C, 'costcenterId');
      if (p.cost === undefined) throw required(C, 'cost');
    }
  }
  const costCenterId = p.costcenterId !== undefined ? (orNull(p.costcenterId) ?? null) : (current?.cost_center_id ?? null);
  const excluded = p.excludedTaxIds !== undefined ? (p.excludedTaxIds ?? []) : current ? (JSON.parse(current.excluded_tax_ids) as number[]) : [];
  const tariffId = p.tariffId !== undefined ? (orNull(p.tariffId) ?? null) : (current?.tariff_id ?? null);
  const sessionTypeId = p.sessionTypeId !== undefined ? (orNull(p.sessionTypeId) ?? null) : (current?.session_type_id ?? null);
  await checkCostCenter(ctx.store, C, venueId, costCenterId, 'costcenterId');
  await checkTaxes(ctx.store, C, venueId, excluded, 'excludedTaxIds');
  if (tariffId !== null) {
    const plan = await ctx.store.selectFrom('venue_space_hire_plans').select('id').where('id', '=', tariffId).where('venue_id', '=', spaceVenueId).executeTakeFirst();
    if (!plan) throw rejected(C, `tariffId: ${tariffId} is not a space hire plan of venue ${spaceVenueId}`);
  }
  if (sessionTypeId !== null) {
    const type = await ctx.store.selectFrom('venue_session_types').select('id').where('id', '=', sessionTypeId).executeTakeFirst();
    if (!type) throw rejected(C, `sessionTypeId: ${sessionTypeId} is not a session type of the account`);
  }
  return {
    include_in_package: inPackage ? 1 : 0,
    // A package id means something only for a session in the package.
    booking_package_id: inPackage ? (p.bookingPackageId !== undefined ? (orNull(p.bookingPackageId) ?? null) : (current?.booking_package_id ?? null)) : null,
    cost_center_id: costCenterId,
    cost: p.cost !== undefined ? cents(C, p.cost, 'cost') : (current?.cost ?? 0),
    excluded_tax_ids: jsonIds(excluded),
    tariff_id: tariffId,
    room_hire_type: p.roomHireType !== undefined ? p.roomHireType : (current?.room_hire_type ?? null),
    session_type_id: sessionTypeId,
  };
}

async function upsertSession(ctx: ActionContext, p: SessionParams) {
  const current = p.id === undefined ? undefined : await findSession(ctx.store, p.id);
  if (p.id !== undefined && (!current || (p.bookingId !== undefined && p.bookingId !== current.booking_id))) throw missing(C.session);
  if (!current) for (const name of REQUIRED_ON_ADD) if (p[name] === undefined) throw required(C, name);
  const booking = await requireBooking(ctx.store, C, current?.booking_id ?? p.bookingId!, p.venueId);
  if (booking.current_status === CANCELLED) throw rejected(C, `bookingId: booking ${booking.id} is cancelled and holds no space`);
  if (p.contactId !== undefined) {
    const contact = await ctx.store.selectFrom('contacts').select('id').where('id', '=', p.contactId).executeTakeFirst();
    if (!contact) throw rejected(C, `contactId: contact ${p.contactId} does not exist`);
  }
  const place = await placement(ctx, p, current);
  const priced = await pricing(ctx, p, current, booking.venue_id, place.space.venue_id);

  const columns = {
    space_venue_id: place.space.venue_id,
    space_id: place.space.id,
    layout_id: place.layoutId,
    custom_layout_name: p.customLayoutName !== undefined ? p.customLayoutName?.trim() || null : (current?.custom_layout_name ?? null),
    contact_id: p.contactId ?? current?.contact_id ?? null,
    name: p.name?.trim() ?? current!.name,
    min_attendees_guaranteed: place.attendees,
    agreed_attendees: p.agreedAttendees !== undefined ? p.agreedAttendees : (current?.agreed_attendees ?? null),
    expected_attendees: p.expectedAttendees !== undefined ? p.expectedAttendees : (current?.expected_attendees ?? null),
    guaranteed_attendees: p.guaranteedAttendees !== undefined ? p.guaranteedAttendees : (current?.guaranteed_attendees ?? null),
    set_attendees: p.setAttendees !== undefined ? p.setAttendees : (current?.set_attendees ?? null),
    actual_attendees: p.actualAttendees !== undefined ? p.actualAttendees : (current?.actual_attendees ?? null),
    starts_at: place.window.from,
    ends_at: place.window.to,
    setup_minutes: place.setup,
    setdown_minutes: place.setdown,
    override_pax: place.override ? 1 : 0,
    is_signage_visible: p.isSignageVisible !== undefined ? (p.isSignageVisible ? 1 : 0) : (current?.is_signage_visible ?? 0),
    signage: p.signage !== undefined ? (p.signage ?? '') : (current?.signage ?? ''),
    ...priced,
  } satisfies Partial<Insertable<BookingSessionsTable>>;

  // Every venue whose holds this write may change, locked in one order so writers never deadlock.
  const venues = new Set([place.space.venue_id, ...(current ? [current.space_venue_id, ...(await resourceVenues(ctx.store, current.id))] : [])]);
  for (const venueId of [...venues].sort((a, b) => a - b)) await lockVenueHolds(ctx.store, venueId);

  const hold = async (sessionId: number) => {
    await holdSpace(
      ctx.store,
      place.zone,
      place.space,
      {
        sourceId: sessionId,
        bookingId: booking.id,
        layoutId: place.layoutId,
        pax: place.attendees,
        startsAt: place.window.from,
        endsAt: place.window.to,
        setupMinutes: place.setup,
        takedownMinutes: place.setdown,
      },
      ctx.now,
      (reason) => rejected(C, reason),
    );
  };

  if (current) {
    await trackSessionChange(
      ctx,
      current,
      async () => {
        await ctx.store.updateTable('booking_sessions').set(columns).where('id', '=', current.id).execute();
        await hold(current.id);
        // The session's resources follow it to its new date.
        if (current.starts_at !== place.window.from || current.space_venue_id !== place.space.venue_id) await placeSessionResources(ctx, current.id, C);
      },
      (changed) => ({ refType: REF.session, refId: current.id, note: `Session '${columns.name}' updated: ${changed.join(', ')}` }),
    );
    return { success: true as const, id: current.id, warnings: null };
  }

  const row = await ctx.store
    .insertInto('booking_sessions', { venue_id: booking.venue_id, booking_id: booking.id, ...columns, created_at: ctx.now, modified_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await hold(row.id);
  await logChange(ctx, { id: row.id, venue_id: booking.venue_id, booking_id: booking.id }, { refType: REF.session, refId: row.id, note: `Session '${columns.name}' added` });
  await ctx.recordChange('BookingSessionAdded', { data: await sessionItem(ctx, row.id) });
  return { success: true as const, id: row.id, warnings: null };
}

export const addOrUpdateBookingSession = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingSession',
  kind: 'write',
  params: sessionParams,
  result: sessionUpsertResult,
  handler: (ctx, p) => guardLineWrite(ctx, C.failed, () => upsertSession(ctx, p)),
});
