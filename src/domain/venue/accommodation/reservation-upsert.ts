/**
 * venue.addOrUpdateBookingRoomReservation (add-or-update-booking-room-reservation.md). A
 * reservation of a tentative or confirmed booking that includes accommodation reserves rooms,
 * one guest each, from the booking's groups; it starts "not confirmed". Updating overlays:
 * `removeRooms` go first, then each room of `rooms` is updated (with its `id`) or added;
 * additionalGuests, when sent, become the room's list. Guests are resolved by guests.ts.
 *
 * Rooms come out of their group's rooms night by night. Past them only a room with
 * overrideBlockCapacity, and only while the room type has a room left that night (the night's
 * inventory less everything else allocated); else 24257. The check runs under the room types'
 * inventory locks (allocations.ts), so two requests for the last room leave one reservation.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, bool, date, id, int, intEnum, number, string } from '../../../registry/params.js';
import { lockNaturalKey } from '../../../storage/natural-key-lock.js';
import { STATUS } from '../bookings/status.js';
import type { BookingRow } from '../bookings/store.js';
import { blockRooms, groupRoomType, lockRoomTypes, reservedByNight, roomsLeft, stayNights, syncGroupAllocations } from './allocations.js';
import { requiredParam, reservationInvalid } from './errors.js';
import { GuestResolver, guestParam, type GuestRow } from './guests.js';
import { logReservation, refreshReservationStatus, trackReservationChange } from './reservation-changes.js';
import { reservationItem } from './reservation-shapes.js';
import { reservationUpsertResult } from './schemas.js';
import { RESERVATION_STATUS, holdsRoom } from './status.js';
import { groupsOfBookings, requireReservation, requireVenueAndBooking, roomsOfGroups, roomsOfReservations, takesAccommodation, type GroupRow, type ReservationRow, type ReservedRoomRow } from './store.js';

const guests = () => int().refine((n) => n >= 0 && n <= 10, { message: 'Value must be from 0 to 10' });

const additionalGuestParam = z.object({
  guestId: id().optional(),
  guest: guestParam.optional(),
  arrivalDate: date().optional(),
  departureDate: date().optional(),
  guestType: intEnum([1, 2] as const).optional(),
});

const roomParam = z.object({
  id: id().optional(),
  guest: guestParam.optional(),
  groupId: id().optional(),
  arrivalDate: date().optional(),
  departureDate: date().optional(),
  excludedTaxIds: array(id()).optional(),
  numAdultGuests: guests().optional(),
  numChildGuests: guests().optional(),
  dayRates: array(z.object({ dayDate: date(), cost: number().refine((n) => n >= 0, { message: 'Value must be 0 or greater' }) }), 400).optional(),
  additionalGuests: array(additionalGuestParam, 20).optional(),
  overrideBlockCapacity: bool().optional(),
  externalReference: string(254).nullable().optional(),
  occType: intEnum([1, 2, 3, 4] as const).nullable().optional(),
});
type RoomInput = z.output<typeof roomParam>;

export const reservationParams = z.object({
  id: id().optional(),
  venueId: id(),
  bookingId: id(),
  canBeEdited: bool().optional(),
  mainGuest: guestParam.optional(),
  rooms: array(roomParam, 100).optional(),
  removeRooms: array(id(), 100).optional(),
});
type ReservationParams = z.output<typeof reservationParams>;

/** What one room of the request will be. */
interface RoomPlan {
  index: number;
  input: RoomInput;
  was: ReservedRoomRow | undefined;
  group: GroupRow;
  arrival: string;
  departure: string;
  nights: string[];
  rates: Map<string, number>;
  excluded: number[];
  override: boolean;
}

const cents = (amount: number) => Math.round(amount * 100);

function checkBooking(booking: BookingRow, groups: readonly GroupRow[]): void {
  if (booking.current_status !== STATUS.tentative && booking.current_status !== STATUS.confirmed) {
    throw reservationInvalid(`bookingId: Room reservations need a tentative or confirmed booking; booking ${booking.id} is not one`);
  }
  if (!takesAccommodation(booking)) throw reservationInvalid(`bookingId: The booking ${booking.id} does not include accommodation`);
  if (groups.length === 0) throw reservationInvalid(`bookingId: The booking ${booking.id} has no accommodation groups to reserve rooms from`);
}

async function planRoom(ctx: ActionContext, r: RoomInput, index: number, existing: readonly ReservedRoomRow[], groups: readonly GroupRow[], venueId: number): Promise<RoomPlan> {
  const param = `rooms[${index}]`;
  const was = r.id === undefined ? undefined : existing.find((e) => e.id === r.id);
  if (r.id !== undefined && !was) throw reservationInvalid(`${param}.id: ${r.id} is not a room of the reservation`);
  if (!was) {
    for (const name of ['guest', 'groupId', 'arrivalDate', 'departureDate', 'numAdultGuests', 'numChildGuests', 'dayRates'] as const) {
      if (r[name] === undefined) throw reservationInvalid(requiredParam(`${param}.${name}`));
    }
  } else if (!holdsRoom(was.current_status)) {
    throw reservationInvalid(`${param}.id: The room ${was.id} is cancelled and cannot change`);
  }
  const groupId = r.groupId ?? was!.accommodation_id;
  const group = groups.find((g) => g.id === groupId);
  if (!group) throw reservationInvalid(`${param}.groupId: ${groupId} is not an accommodation group of the booking`);
  const arrival = r.arrivalDate ?? was!.arrival_date;
  const departure = r.departureDate ?? was!.departure_date;
  const nights = stayNights(arrival, departure);
  if (nights.length === 0) throw reservationInvalid(`${param}.departureDate: The departure date must be after the arrival date`);
  if (arrival < group.start_date || departure > group.end_date) {
    throw reservationInvalid(`${param}: The stay ${arrival} to ${departure} is outside the group's dates (${group.start_date} to ${group.end_date})`);
  }
  const rates = new Map<string, number>();
  if (was) {
    const stored = await ctx.store.selectFrom('booking_reserved_room_days').select(['night', 'cost']).where('reserved_room_id', '=', was.id).execute();
    for (const d of stored) if (nights.includes(d.night)) rates.set(d.night, d.cost);
  }
  for (const d of r.dayRates ?? []) {
    if (!nights.includes(d.dayDate)) throw reservationInvalid(`${param}.dayRates: ${d.dayDate} is not a night of the stay (${arrival} to ${departure})`);
    rates.set(d.dayDate, cents(d.cost));
  }
  for (const night of nights) if (!rates.has(night)) throw reservationInvalid(`${param}.dayRates: A rate for ${night} is required`);
  const excluded = r.excludedTaxIds !== undefined ? [...new Set(r.excludedTaxIds)] : was ? (JSON.parse(was.excluded_tax_ids) as number[]) : [];
  if (excluded.length > 0) {
    const known = await ctx.store.selectFrom('venue_taxes').select('id').where('venue_id', '=', venueId).where('id', 'in', excluded).execute();
    const missing = excluded.find((t) => !known.some((k) => k.id === t));
    if (missing !== undefined) throw reservationInvalid(`${param}.excludedTaxIds: ${missing} is not a tax of venue ${venueId}`);
  }
  return { index, input: r, was, group, arrival, departure, nights, rates, excluded, override: r.overrideBlockCapacity ?? was?.override_block_capacity === 1 };
}

interface AdditionalGuest {
  guest: GuestRow;
  arrival: string;
  departure: string;
  type: number;
}

/** The room's additional guests as they will be: the request's list when sent, else the stored one checked against the new stay. */
async function additionalGuests(ctx: ActionContext, plan: RoomPlan, resolver: GuestResolver): Promise<AdditionalGuest[] | undefined> {
  const param = `rooms[${plan.index}].additionalGuests`;
  const stored = plan.was
    ? await ctx.store.selectFrom('booking_reserved_room_guests').selectAll().where('reserved_room_id', '=', plan.was.id).orderBy('position').execute()
    : [];
  const within = (arrival: string, departure: string, at: string) => {
    if (departure <= arrival) throw reservationInvalid(`${at}: The departure date must be after the arrival date`);
    if (arrival < plan.arrival || departure > plan.departure) throw reservationInvalid(`${at}: ${arrival} to ${departure} is outside the room's stay (${plan.arrival} to ${plan.departure})`);
  };
  if (plan.input.additionalGuests === undefined) {
    for (const s of stored) within(s.arrival_date, s.departure_date, `${param}: guest ${s.guest_id}`);
    return undefined;
  }
  const out: AdditionalGuest[] = [];
  for (const [i, a] of plan.input.additionalGuests.entries()) {
    const at = `${param}[${i}]`;
    if (a.guestId === undefined && a.guest === undefined) throw reservationInvalid(requiredParam(`${at}.guest`));
    const onRoom = (guestId: number) => stored.find((s) => s.guest_id === guestId);
    const guest = a.guest !== undefined
      ? await resolver.resolve(a.guestId !== undefined && a.guest.id === undefined ? { ...a.guest, id: a.guestId } : a.guest, `${at}.guest`, a.guestId === undefined || !onRoom(a.guestId))
      : await resolver.byId(a.guestId!, `${at}.guestId`);
    const was = onRoom(guest.id);
    if (!was && resolver.isAnonymised(guest.id)) throw reservationInvalid(`${at}: The guest ${guest.id} is anonymised and cannot be added to a reservation; send the guest's contact details instead`);
    const type = a.guestType ?? was?.guest_type;
    if (type === undefined) throw reservationInvalid(requiredParam(`${at}.guestType`));
    const arrival = a.arrivalDate ?? was?.arrival_date ?? plan.arrival;
    const departure = a.departureDate ?? was?.departure_date ?? plan.departure;
    within(arrival, departure, at);
    out.push({ guest, arrival, departure, type });
  }
  return out;
}

/**
 * Rooms past their group's rooms on a night: the rooms without overrideBlockCapacity must fit in
 * the group's rooms; the group may go past them only with rooms that override, and only while the
 * room type has a room left (its allocation grows by them). Checked for the nights each room
 * newly takes.
 */
async function checkCapacity(ctx: ActionContext, plans: readonly RoomPlan[]): Promise<void> {
  const groupIds = [...new Set(plans.map((p) => p.group.id))];
  const [blocks, rooms] = await Promise.all([blockRooms(ctx.store, groupIds), roomsOfGroups(ctx.store, groupIds)]);
  const reserved = reservedByNight(rooms);
  const bound = reservedByNight(rooms.filter((r) => r.override_block_capacity === 0));
  for (const plan of plans) {
    const param = `rooms[${plan.index}]`;
    const kept = plan.was && plan.was.accommodation_id === plan.group.id && !(plan.was.override_block_capacity === 1 && !plan.override) ? stayNights(plan.was.arrival_date, plan.was.departure_date) : [];
    const fresh = plan.nights.filter((n) => !kept.includes(n));
    const block = blocks.get(plan.group.id)!;
    const taken = reserved.get(plan.group.id) ?? new Map<string, number>();
    if (!plan.override) {
      const within = bound.get(plan.group.id) ?? new Map<string, number>();
      const n = fresh.find((night) => (within.get(night) ?? 0) > (block.get(night) ?? 0));
      if (n !== undefined) {
        throw reservationInvalid(`${param}: Group ${plan.group.id} has no room left on ${n}: its ${block.get(n) ?? 0} rooms are reserved (overrideBlockCapacity reserves past the group)`);
      }
    }
    const beyond = fresh.filter((n) => (taken.get(n) ?? 0) > (block.get(n) ?? 0));
    if (beyond.length === 0) continue;
    const left = await roomsLeft(ctx.store, await groupRoomType(ctx.store, plan.group), beyond, plan.group.id);
    for (const n of beyond) {
      if ((taken.get(n) ?? 0) > left.get(n)!) throw reservationInvalid(`${param}: No room of the room type is available on ${n}`);
    }
  }
}

/** The next reference of the venue's reservations, under a lock until the transaction ends. */
async function nextReference(ctx: ActionContext, venueId: number): Promise<number> {
  await lockNaturalKey(ctx.store, `room-reservation-reference:${venueId}`);
  const row = await ctx.store
    .selectFrom('booking_room_reservations')
    .select((eb) => eb.fn.max('reference').as('top'))
    .where('venue_id', '=', venueId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

async function writeRoom(ctx: ActionContext, reservationId: number, plan: RoomPlan, guest: GuestRow, extras: AdditionalGuest[] | undefined): Promise<number> {
  const r = plan.input;
  const columns = {
    accommodation_id: plan.group.id,
    guest_id: guest.id,
    arrival_date: plan.arrival,
    departure_date: plan.departure,
    excluded_tax_ids: JSON.stringify(plan.excluded),
    num_adult_guests: r.numAdultGuests ?? plan.was!.num_adult_guests,
    num_child_guests: r.numChildGuests ?? plan.was!.num_child_guests,
    override_block_capacity: plan.override ? 1 : 0,
    external_reference: r.externalReference !== undefined ? r.externalReference?.trim() || null : (plan.was?.external_reference ?? null),
    occ_type: r.occType !== undefined ? r.occType : (plan.was?.occ_type ?? null),
    modified_at: ctx.now,
  };
  let roomId: number;
  if (plan.was) {
    roomId = plan.was.id;
    await ctx.store.updateTable('booking_reserved_rooms').set(columns).where('id', '=', roomId).execute();
    await ctx.store.deleteFrom('booking_reserved_room_days').where('reserved_room_id', '=', roomId).execute();
  } else {
    roomId = (
      await ctx.store
        .insertInto('booking_reserved_rooms', { ...columns, reservation_id: reservationId, current_status: RESERVATION_STATUS.notConfirmed, cancelled_at: null, created_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await ctx.store
    .insertInto('booking_reserved_room_days', [...plan.rates].sort(([a], [b]) => a.localeCompare(b)).map(([night, cost]) => ({ reserved_room_id: roomId, night, cost })))
    .execute();
  if (extras !== undefined) {
    await ctx.store.deleteFrom('booking_reserved_room_guests').where('reserved_room_id', '=', roomId).execute();
    if (extras.length > 0) {
      await ctx.store
        .insertInto(
          'booking_reserved_room_guests',
          extras.map((e, position) => ({ reserved_room_id: roomId, guest_id: e.guest.id, arrival_date: e.arrival, departure_date: e.departure, guest_type: e.type, position })),
        )
        .execute();
    }
  }
  return roomId;
}

async function upsertReservation(ctx: ActionContext, p: ReservationParams) {
  const booking = await requireVenueAndBooking(ctx.store, p.venueId, p.bookingId);
  const current: ReservationRow | undefined = p.id === undefined ? undefined : await requireReservation(ctx.store, p.id, booking.id);
  const groups = await groupsOfBookings(ctx.store, [booking.id]);
  checkBooking(booking, groups);
  if (current) {
    if (current.can_be_edited === 0 && p.canBeEdited !== true) throw reservationInvalid(`id: The room reservation ${current.id} cannot be edited (canBeEdited is false)`);
    if (current.current_status === RESERVATION_STATUS.cancelled && (p.rooms !== undefined || p.removeRooms !== undefined || p.mainGuest !== undefined)) {
      throw reservationInvalid(`id: The room reservation ${current.id} is cancelled`);
    }
  } else {
    if (p.mainGuest === undefined) throw reservationInvalid(requiredParam('mainGuest'));
    if (p.rooms === undefined || p.rooms.length === 0) throw reservationInvalid(requiredParam('rooms'));
  }
  const stored = current ? await roomsOfReservations(ctx.store, [current.id]) : [];
  const removed = [...new Set(p.removeRooms ?? [])];
  for (const roomId of removed) if (!stored.some((r) => r.id === roomId)) throw reservationInvalid(`removeRooms: ${roomId} is not a room of the reservation`);
  const existing = stored.filter((r) => !removed.includes(r.id));
  const plans: RoomPlan[] = [];
  for (const [i, r] of (p.rooms ?? []).entries()) plans.push(await planRoom(ctx, r, i, existing, groups, booking.venue_id));
  const named = plans.flatMap((plan) => (plan.was ? [plan.was.id] : []));
  if (new Set(named).size !== named.length) throw reservationInvalid('rooms: A room appears more than once');

  // Every group whose rooms may change: lock their room types before anything is counted.
  const touched = new Set<number>([...plans.map((plan) => plan.group.id), ...stored.filter((r) => removed.includes(r.id) || named.includes(r.id)).map((r) => r.accommodation_id)]);
  await lockRoomTypes(ctx.store, groups.filter((g) => touched.has(g.id)).map((g) => g.room_id));

  const resolver = new GuestResolver(ctx, booking.venue_id);
  const mainGuest = p.mainGuest ? await resolver.resolve(p.mainGuest, 'mainGuest', p.mainGuest.id === undefined || p.mainGuest.id !== current?.main_guest_id) : undefined;
  const roomGuests: GuestRow[] = [];
  const extras: Array<AdditionalGuest[] | undefined> = [];
  for (const plan of plans) {
    const g = plan.input.guest;
    roomGuests.push(g ? await resolver.resolve(g, `rooms[${plan.index}].guest`, g.id === undefined || g.id !== plan.was?.guest_id) : await resolver.byId(plan.was!.guest_id, `rooms[${plan.index}].guest`));
    extras.push(await additionalGuests(ctx, plan, resolver));
  }

  const write = async (reservationId: number) => {
    if (removed.length > 0) await ctx.store.deleteFrom('booking_reserved_rooms').where('id', 'in', removed).execute();
    const ids: number[] = [];
    for (const [i, plan] of plans.entries()) ids.push(await writeRoom(ctx, reservationId, plan, roomGuests[i]!, extras[i]));
    await checkCapacity(ctx, plans);
    await syncGroupAllocations(ctx, [...touched]);
    return ids;
  };

  let reservationId: number;
  let roomIds: number[];
  if (current) {
    reservationId = current.id;
    roomIds = [];
    await trackReservationChange(
      ctx,
      booking,
      current.id,
      async () => {
        const set = {
          ...(mainGuest ? { main_guest_id: mainGuest.id } : {}),
          ...(p.canBeEdited !== undefined ? { can_be_edited: p.canBeEdited ? 1 : 0 } : {}),
        };
        if (Object.keys(set).length > 0) await ctx.store.updateTable('booking_room_reservations').set(set).where('id', '=', current.id).execute();
        roomIds = await write(current.id);
      },
      `Room reservation ${current.reference} updated`,
    );
  } else {
    const reference = await nextReference(ctx, booking.venue_id);
    reservationId = (
      await ctx.store
        .insertInto('booking_room_reservations', {
          venue_id: booking.venue_id,
          booking_id: booking.id,
          reference,
          main_guest_id: mainGuest!.id,
          current_status: RESERVATION_STATUS.notConfirmed,
          can_be_edited: p.canBeEdited === false ? 0 : 1,
          cancelled_at: null,
          created_at: ctx.now,
          modified_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    roomIds = await write(reservationId);
    await refreshReservationStatus(ctx, reservationId);
    await logReservation(ctx, booking, reservationId, `Room reservation ${reference} added`);
    await ctx.recordChange('BookingRoomReservationAdded', { data: await reservationItem(ctx.store, reservationId) });
  }

  const item = await reservationItem(ctx.store, reservationId);
  const ref = (guestId: number) => {
    const g = item.rooms.flatMap((r) => [r.guest, ...r.additionalGuests.map((a) => a.guest)]).concat(item.mainGuest).find((x) => x.id === guestId)!;
    return { id: g.id, guestContactId: g.guestContact.id };
  };
  return {
    success: true as const,
    id: reservationId,
    reference: String(item.reference),
    mainGuest: ref(item.mainGuestId),
    rooms: roomIds.map((roomId) => {
      const room = item.rooms.find((r) => r.id === roomId)!;
      return {
        id: room.id,
        guest: ref(room.guestId),
        additionalGuests: room.additionalGuests.map((a) => ({ guestId: a.guestId, guestContactId: a.guest.guestContact.id, guestType: a.guestType })),
      };
    }),
  };
}

export const addOrUpdateBookingRoomReservation = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingRoomReservation',
  kind: 'write',
  params: reservationParams,
  result: reservationUpsertResult,
  handler: (ctx, p) => upsertReservation(ctx, p),
});
