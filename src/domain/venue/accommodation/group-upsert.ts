/**
 * venue.addOrUpdateBookingAccommodation (add-or-update-booking-accommodation.md): a group of
 * rooms of one room type on a booking that includes accommodation, with a rate for every night
 * and room options. Updating overlays: day rates replace the stored ones night by night, room
 * options by option and night; nights outside new dates go, and new nights need rates. A room
 * option with numRooms 0 is removed; lowering a night's numRooms lowers the options above it.
 *
 * While the booking reserves rooms the group holds them (allocations.ts): each night's rooms
 * must be available unless overrideCapacity, else 24248 "<night>: The number of rooms can't
 * exceed N" as the page's example words it. A group cannot drop below, or move away from, the
 * rooms reserved from it. Groups reaching past the booking's accommodation dates widen them.
 *
 * numOptions is the announcement's name (booking-accommodation-room-options-update.md) for the
 * former numOptionsPerRoom, which is still taken when numOptions is absent.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, bool, date, id, int, intEnum, number } from '../../../registry/params.js';
import { trackBookingChange } from '../bookings/changes.js';
import { CHANGELOG_REF, logBookingChange } from '../bookings/changelog.js';
import { STATUS } from '../bookings/status.js';
import type { BookingRow } from '../bookings/store.js';
import { findVenues } from '../venues/store.js';
import { blockRooms, groupRoomType, lockRoomTypes, reservedByNight, roomsLeft, stayNights, syncGroupAllocations } from './allocations.js';
import { groupInvalid, requiredParam } from './errors.js';
import { groupItem } from './group-shapes.js';
import { upsertResult } from './schemas.js';
import { groupDays, groupOptions, requireGroup, requireVenueAndBooking, reservesRooms, roomsOfGroups, takesAccommodation, touchBooking, type GroupDayRow, type GroupOptionRow, type GroupRow } from './store.js';
import type { BookingAccommodationDaysTable, BookingAccommodationOptionsTable } from './tables.js';

const count = () => int().refine((n) => n >= 0, { message: 'Value must be 0 or greater' });
const amount = () => number().refine((n) => n >= 0, { message: 'Value must be 0 or greater' });
const OCC_TYPES = [1, 2, 3, 4] as const;

const dayRateParam = z.object({
  bookingDate: date(),
  numRooms: count(),
  cost: amount(),
  discount: amount().optional(),
  numPayableByGuest: count().optional(),
  numFreeRooms: count().optional(),
});
const multiOccParam = dayRateParam.extend({ occType: intEnum(OCC_TYPES) });

const roomOptionParam = z.object({
  bookingDate: date(),
  roomOptionId: id(),
  numRooms: count(),
  priceType: intEnum([1, 2] as const).optional(),
  numOptions: count().optional(),
  numOptionsPerRoom: count().optional(),
  price: amount(),
  excludedTaxIds: array(id()).optional(),
  costcenterId: id().nullable().optional(),
  numPayableByGuest: count().optional(),
});

export const groupParams = z.object({
  id: id().optional(),
  venueId: id(),
  bookingId: id(),
  roomVenueId: id().optional(),
  barId: id().nullable().optional(),
  roomId: id().optional(),
  startDate: date().optional(),
  endDate: date().optional(),
  overrideCapacity: bool().optional(),
  cutOffDate: date().nullable().optional(),
  costcenterId: id().nullable().optional(),
  dayRatesActual: array(dayRateParam, 400).optional(),
  dayRatesForecast: array(dayRateParam, 400).optional(),
  dayRatesNet: array(dayRateParam, 400).optional(),
  dayRates: array(dayRateParam, 400).optional(),
  dayRatesActualMultiOcc: array(multiOccParam, 1600).optional(),
  dayRatesForecastMultiOcc: array(multiOccParam, 1600).optional(),
  dayRatesNetMultiOcc: array(multiOccParam, 1600).optional(),
  dayRatesMultiOcc: array(multiOccParam, 1600).optional(),
  excludedTaxIds: array(id()).optional(),
  roomOptions: array(roomOptionParam, 2000).optional(),
});
type GroupParams = z.output<typeof groupParams>;
type DayInput = z.output<typeof dayRateParam> & { occType?: number };

/** A group of at most a year of nights: rates are sent night by night. */
const MAX_NIGHTS = 366;

const LISTS = [
  ['dayRates', 'dayRatesMultiOcc', 'rate'],
  ['dayRatesActual', 'dayRatesActualMultiOcc', 'actual'],
  ['dayRatesForecast', 'dayRatesForecastMultiOcc', 'forecast'],
  ['dayRatesNet', 'dayRatesNetMultiOcc', 'net'],
] as const;

const cents = (amount: number) => Math.round(amount * 100);
const nightKey = (occ: number, night: string) => `${occ}|${night}`;
type Day = Omit<BookingAccommodationDaysTable, 'account_id' | 'accommodation_id'>;
type Option = Omit<BookingAccommodationOptionsTable, 'account_id' | 'accommodation_id'>;

function checkNight(param: string, night: string, nights: ReadonlySet<string>, start: string, end: string): void {
  if (!nights.has(night)) throw groupInvalid(`${param}: ${night} is not a night of the group (${start} to ${end}, departing ${end})`);
}

/** The stored rate lists overlaid with the request's, night by night, within the group's nights. */
function mergeDays(p: GroupParams, current: readonly GroupDayRow[], nights: ReadonlySet<string>, start: string, end: string): Day[] {
  const out: Day[] = [];
  for (const [single, multi, kind] of LISTS) {
    const merged = new Map<string, Day>();
    for (const d of current) if (d.kind === kind && nights.has(d.night)) merged.set(nightKey(d.occ_type, d.night), { ...d });
    const given: Array<[string, DayInput[] | undefined]> = [
      [single, p[single]],
      [multi, p[multi]],
    ];
    for (const [param, list] of given) {
      for (const r of list ?? []) {
        checkNight(param, r.bookingDate, nights, start, end);
        const occ = r.occType ?? 0;
        const was = merged.get(nightKey(occ, r.bookingDate));
        const day: Day = {
          kind,
          occ_type: occ,
          night: r.bookingDate,
          num_rooms: r.numRooms,
          cost: cents(r.cost),
          discount: r.discount !== undefined ? cents(r.discount) : (was?.discount ?? 0),
          num_payable_by_guest: r.numPayableByGuest ?? Math.min(was?.num_payable_by_guest ?? 0, r.numRooms),
          num_free_rooms: r.numFreeRooms ?? Math.min(was?.num_free_rooms ?? 0, r.numRooms),
        };
        if (day.num_payable_by_guest > day.num_rooms) throw groupInvalid(`${param}: ${r.bookingDate}: numPayableByGuest can't exceed numRooms (${day.num_rooms})`);
        if (day.num_free_rooms > day.num_rooms) throw groupInvalid(`${param}: ${r.bookingDate}: numFreeRooms can't exceed numRooms (${day.num_rooms})`);
        merged.set(nightKey(occ, r.bookingDate), day);
      }
    }
    out.push(...merged.values());
  }
  const rated = new Set(out.filter((d) => d.kind === 'rate' && d.occ_type === 0).map((d) => d.night));
  for (const night of nights) if (!rated.has(night)) throw groupInvalid(`dayRates: A rate for ${night} is required`);
  return out;
}

/** The stored options overlaid with the request's by option and night; rooms capped by the night's day rate. */
async function mergeOptions(
  ctx: ActionContext,
  p: GroupParams,
  current: readonly GroupOptionRow[],
  roomsOn: ReadonlyMap<string, number>,
  roomVenueId: number,
  venueId: number,
  start: string,
  end: string,
): Promise<Option[]> {
  const nights = new Set(roomsOn.keys());
  const merged = new Map<string, Option>();
  for (const o of current) {
    if (!nights.has(o.night)) continue;
    const cap = roomsOn.get(o.night)!;
    // A lower day rate lowers the options above it; a higher one leaves them as they are.
    merged.set(`${o.room_option_id}|${o.night}`, { ...o, num_rooms: Math.min(o.num_rooms, cap), num_payable_by_guest: Math.min(o.num_payable_by_guest, cap) });
  }
  const given = p.roomOptions ?? [];
  const optionIds = [...new Set(given.map((o) => o.roomOptionId))];
  if (optionIds.length > 0) {
    const known = await ctx.store.selectFrom('venue_room_options').select('id').where('venue_id', '=', roomVenueId).where('id', 'in', optionIds).execute();
    const missing = optionIds.find((id) => !known.some((k) => k.id === id));
    if (missing !== undefined) throw groupInvalid(`roomOptions: ${missing} is not a room option of venue ${roomVenueId}`);
  }
  await checkCostCenters(ctx, venueId, given.map((o) => o.costcenterId ?? null), 'roomOptions');
  await checkTaxes(ctx, venueId, given.flatMap((o) => o.excludedTaxIds ?? []), 'roomOptions');
  // The same option twice on one night: the last one counts (the page's note).
  for (const o of given) {
    checkNight('roomOptions', o.bookingDate, nights, start, end);
    const key = `${o.roomOptionId}|${o.bookingDate}`;
    if (o.numRooms === 0) {
      merged.delete(key);
      continue;
    }
    const was = merged.get(key);
    const numOptions = o.numOptions ?? o.numOptionsPerRoom ?? was?.num_options;
    if (numOptions === undefined) throw groupInvalid(requiredParam('roomOptions.numOptions'));
    const cap = roomsOn.get(o.bookingDate)!;
    const payable = o.numPayableByGuest ?? Math.min(was?.num_payable_by_guest ?? 0, o.numRooms);
    if (o.numRooms > cap || payable > cap) {
      throw groupInvalid(`roomOptions: ${o.bookingDate}: numRooms and numPayableByGuest of room option ${o.roomOptionId} can't exceed the ${cap} rooms of the night`);
    }
    merged.set(key, {
      night: o.bookingDate,
      room_option_id: o.roomOptionId,
      num_rooms: o.numRooms,
      price_type: o.priceType ?? was?.price_type ?? 1,
      num_options: numOptions,
      price: cents(o.price),
      excluded_tax_ids: JSON.stringify(o.excludedTaxIds !== undefined ? [...new Set(o.excludedTaxIds)] : JSON.parse(was?.excluded_tax_ids ?? '[]')),
      cost_center_id: o.costcenterId !== undefined ? o.costcenterId : (was?.cost_center_id ?? null),
      num_payable_by_guest: payable,
    });
  }
  return [...merged.values()].filter((o) => o.num_rooms > 0);
}

async function checkCostCenters(ctx: ActionContext, venueId: number, ids: ReadonlyArray<number | null>, param: string): Promise<void> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return;
  const rows = await ctx.store.selectFrom('venue_cost_centers').select('id').where('venue_id', '=', venueId).where('id', 'in', wanted).execute();
  const missing = wanted.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw groupInvalid(`${param}: ${missing} is not a cost center of venue ${venueId}`);
}

async function checkTaxes(ctx: ActionContext, venueId: number, ids: readonly number[], param: string): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const rows = await ctx.store.selectFrom('venue_taxes').select('id').where('venue_id', '=', venueId).where('id', 'in', wanted).execute();
  const missing = wanted.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw groupInvalid(`${param}: ${missing} is not a tax of venue ${venueId}`);
}

/** The room type and rate plan the group will have, checked against the room venue. */
async function roomPlacement(ctx: ActionContext, p: GroupParams, current: GroupRow | undefined) {
  const roomVenueId = p.roomVenueId ?? current?.room_venue_id;
  const roomId = p.roomId ?? current?.room_id;
  if (roomVenueId === undefined) throw groupInvalid(requiredParam('roomVenueId'));
  if (roomId === undefined) throw groupInvalid(requiredParam('roomId'));
  const [venue] = await findVenues(ctx.store, [roomVenueId]);
  if (!venue) throw groupInvalid(`roomVenueId: The venue ${roomVenueId} does not exist`);
  const room = await ctx.store.selectFrom('venue_rooms').select(['id', 'capacity']).where('id', '=', roomId).where('venue_id', '=', roomVenueId).executeTakeFirst();
  if (!room) throw groupInvalid(`roomId: ${roomId} is not a room type of venue ${roomVenueId}`);
  const barId = p.barId !== undefined ? p.barId : (current?.rate_plan_id ?? null);
  if (barId !== null) {
    const plan = await ctx.store.selectFrom('venue_rate_plans').select('id').where('id', '=', barId).where('venue_id', '=', roomVenueId).executeTakeFirst();
    if (!plan) throw groupInvalid(`barId: ${barId} is not a rate plan of venue ${roomVenueId}`);
  }
  return { roomVenueId, room, barId };
}

function checkBooking(booking: BookingRow): void {
  if (!takesAccommodation(booking)) throw groupInvalid(`bookingId: The booking ${booking.id} does not include accommodation`);
  if (booking.current_status === STATUS.cancelled) throw groupInvalid(`bookingId: The booking ${booking.id} is cancelled`);
}

/** What reservations already hold of the group: its dates, room type and each night's rooms. */
async function checkReservations(ctx: ActionContext, current: GroupRow, roomId: number, start: string, end: string, days: readonly Day[]): Promise<void> {
  const rooms = (await roomsOfGroups(ctx.store, [current.id])).filter((r) => r.current_status !== 3);
  if (rooms.length === 0) return;
  if (roomId !== current.room_id) throw groupInvalid(`roomId: The group has room reservations; its room type cannot change`);
  for (const r of rooms) {
    if (r.arrival_date < start || r.departure_date > end) {
      throw groupInvalid(`startDate: Reserved room ${r.id} stays from ${r.arrival_date} to ${r.departure_date}, outside ${start} to ${end}`);
    }
  }
  const before = (await blockRooms(ctx.store, [current.id])).get(current.id)!;
  const reserved = reservedByNight(rooms).get(current.id) ?? new Map<string, number>();
  for (const d of days) {
    if (d.kind !== 'rate' || d.occ_type !== 0) continue;
    const taken = reserved.get(d.night) ?? 0;
    if (d.num_rooms < taken && d.num_rooms < (before.get(d.night) ?? 0)) {
      throw groupInvalid(`${d.night}: The number of rooms can't be less than the ${taken} reserved`);
    }
  }
}

/** Every night's rooms must be there unless the group overrides capacity; the caller holds the room type's lock. */
async function checkCapacity(ctx: ActionContext, groupId: number, room: { id: number; capacity: number }, days: readonly Day[], reserved: ReadonlyMap<string, number>, heldBefore: ReadonlyMap<string, number>): Promise<void> {
  const need = new Map<string, number>();
  for (const d of days) if (d.kind === 'rate' && d.occ_type === 0) need.set(d.night, Math.max(d.num_rooms, reserved.get(d.night) ?? 0));
  const nights = [...need.keys()].sort();
  const left = await roomsLeft(ctx.store, room, nights, groupId);
  for (const night of nights) {
    const wanted = need.get(night)!;
    if (wanted > (heldBefore.get(night) ?? 0) && wanted > left.get(night)!) {
      throw groupInvalid(`${night}: The number of rooms can't exceed ${Math.max(0, left.get(night)!)}`);
    }
  }
}

async function heldRows(ctx: ActionContext, groupId: number, roomId: number): Promise<Map<string, number>> {
  const rows = await ctx.store
    .selectFrom('venue_room_allocations')
    .select(['night', 'rooms'])
    .where('source', '=', 'booking-accommodation')
    .where('source_id', '=', groupId)
    .where('room_id', '=', roomId)
    .execute();
  return new Map(rows.map((r) => [r.night, r.rooms]));
}

/** Widens the booking's accommodation dates to the group's (the page's note on dates). */
async function widenBookingDates(ctx: ActionContext, booking: BookingRow, start: string, end: string): Promise<void> {
  const from = booking.date_accom_start === null || start < booking.date_accom_start ? start : undefined;
  const to = booking.date_accom_end === null || end > booking.date_accom_end ? end : undefined;
  if (from === undefined && to === undefined) return;
  await trackBookingChange(
    ctx,
    booking.id,
    async () => {
      await ctx.store
        .updateTable('bookings')
        .set({ ...(from !== undefined ? { date_accom_start: from } : {}), ...(to !== undefined ? { date_accom_end: to } : {}) })
        .where('id', '=', booking.id)
        .execute();
    },
    () => `Accommodation dates widened to the accommodation group (${start} to ${end})`,
  );
}

async function upsertGroup(ctx: ActionContext, p: GroupParams) {
  const booking = await requireVenueAndBooking(ctx.store, p.venueId, p.bookingId);
  const current = p.id === undefined ? undefined : await requireGroup(ctx.store, p.id, booking.id);
  checkBooking(booking);
  if (!current) {
    for (const name of ['roomVenueId', 'roomId', 'startDate', 'endDate', 'dayRates'] as const) if (p[name] === undefined) throw groupInvalid(requiredParam(name));
  }
  const { roomVenueId, room, barId } = await roomPlacement(ctx, p, current);
  const start = p.startDate ?? current!.start_date;
  const end = p.endDate ?? current!.end_date;
  const nightList = stayNights(start, end);
  if (nightList.length === 0) throw groupInvalid('endDate: The departure date must be after the arrival date');
  if (nightList.length > MAX_NIGHTS) throw groupInvalid(`endDate: A group can run at most ${MAX_NIGHTS} nights`);
  const nights = new Set(nightList);

  const [storedDays, storedOptions] = current ? await Promise.all([groupDays(ctx.store, [current.id]), groupOptions(ctx.store, [current.id])]) : [[], []];
  const days = mergeDays(p, storedDays, nights, start, end);
  const roomsOn = new Map(days.filter((d) => d.kind === 'rate' && d.occ_type === 0).map((d) => [d.night, d.num_rooms]));
  const options = await mergeOptions(ctx, p, storedOptions, roomsOn, roomVenueId, booking.venue_id, start, end);
  const excluded = p.excludedTaxIds !== undefined ? [...new Set(p.excludedTaxIds)] : current ? (JSON.parse(current.excluded_tax_ids) as number[]) : [];
  await checkTaxes(ctx, booking.venue_id, excluded, 'excludedTaxIds');
  const costCenterId = p.costcenterId !== undefined ? p.costcenterId : (current?.cost_center_id ?? null);
  await checkCostCenters(ctx, booking.venue_id, [costCenterId], 'costcenterId');
  const override = p.overrideCapacity ?? current?.override_capacity === 1;

  // Inventory: lock the room types whose allocations may change, then check against what is held.
  await lockRoomTypes(ctx.store, [room.id, ...(current ? [current.room_id] : [])]);
  if (current) await checkReservations(ctx, current, room.id, start, end, days);
  if (reservesRooms(booking.current_status) && !override) {
    const reserved = current ? (reservedByNight(await roomsOfGroups(ctx.store, [current.id])).get(current.id) ?? new Map<string, number>()) : new Map<string, number>();
    const held = current && current.room_id === room.id ? await heldRows(ctx, current.id, room.id) : new Map<string, number>();
    await checkCapacity(ctx, current?.id ?? 0, await groupRoomType(ctx.store, { room_id: room.id }), days, reserved, held);
  }

  const columns = {
    room_venue_id: roomVenueId,
    rate_plan_id: barId,
    room_id: room.id,
    start_date: start,
    end_date: end,
    override_capacity: override ? 1 : 0,
    cut_off_date: p.cutOffDate !== undefined ? p.cutOffDate : (current?.cut_off_date ?? null),
    cost_center_id: costCenterId,
    excluded_tax_ids: JSON.stringify(excluded),
  };
  const before = current ? await groupItem(ctx.store, current.id) : undefined;
  const groupId = current
    ? current.id
    : (
        await ctx.store
          .insertInto('booking_accommodations', { venue_id: booking.venue_id, booking_id: booking.id, ...columns, include_in_package: 0, created_at: ctx.now, modified_at: ctx.now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  if (current) await ctx.store.updateTable('booking_accommodations').set(columns).where('id', '=', groupId).execute();
  await ctx.store.deleteFrom('booking_accommodation_days').where('accommodation_id', '=', groupId).execute();
  await ctx.store.insertInto('booking_accommodation_days', days.map((d) => ({ ...d, accommodation_id: groupId }))).execute();
  await ctx.store.deleteFrom('booking_accommodation_options').where('accommodation_id', '=', groupId).execute();
  if (options.length > 0) await ctx.store.insertInto('booking_accommodation_options', options.map((o) => ({ ...o, accommodation_id: groupId }))).execute();
  await syncGroupAllocations(ctx, [groupId]);

  const after = await groupItem(ctx.store, groupId);
  const unchanged = before !== undefined && JSON.stringify({ ...before, modifiedDate: null }) === JSON.stringify({ ...after, modifiedDate: null });
  if (!unchanged) {
    if (current) await ctx.store.updateTable('booking_accommodations').set({ modified_at: ctx.now }).where('id', '=', groupId).execute();
    const note = current ? `Accommodation group ${groupId} updated` : `Accommodation group ${groupId} added (${start} to ${end})`;
    await logBookingChange(ctx, booking, { refType: CHANGELOG_REF.accommodation, refId: groupId, note });
    await touchBooking(ctx.store, booking.id, ctx.now);
    if (current) await ctx.recordChange('BookingAccommodationUpdated', { data: await groupItem(ctx.store, groupId), previousData: before });
    else await ctx.recordChange('BookingAccommodationAdded', { data: after });
  }
  await widenBookingDates(ctx, booking, start, end);
  return { success: true as const, id: groupId };
}

export const addOrUpdateBookingAccommodation = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingAccommodation',
  kind: 'write',
  params: groupParams,
  result: upsertResult,
  handler: (ctx, p) => upsertGroup(ctx, p),
});
