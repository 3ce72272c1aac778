/**
 * Reservations as getBookingRoomReservationList answers them, and as the reservation subjects
 * carry them. A reserved room's amount is the sum of its nights' rates as entered (with or
 * without tax, as the venue is configured); each night also shows its amount with tax and the
 * tax in it (the venue's percentage taxes less the room's excluded ones). A reservation's amount
 * is that of its rooms that are not cancelled.
 */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { toAmount } from '../../invoice/money.js';
import { lineTotals, venueTaxes } from '../sessions/taxes.js';
import { guestItems } from './guests.js';
import type { ReservationItem } from './schemas.js';
import { holdsRoom } from './status.js';
import { findGroups, findReservation, roomsOfReservations, type ReservationRow } from './store.js';

type Status = 1 | 2 | 3 | 4 | 5;
const ids = (json: string): number[] => JSON.parse(json) as number[];

export async function reservationItems(store: Scope, reservations: readonly ReservationRow[]): Promise<ReservationItem[]> {
  if (reservations.length === 0) return [];
  const rooms = await roomsOfReservations(store, reservations.map((r) => r.id));
  const roomIds = rooms.map((r) => r.id);
  const [days, extras, groups, taxes] = await Promise.all([
    roomIds.length ? store.selectFrom('booking_reserved_room_days').selectAll().where('reserved_room_id', 'in', roomIds).orderBy('reserved_room_id').orderBy('night').execute() : [],
    roomIds.length ? store.selectFrom('booking_reserved_room_guests').selectAll().where('reserved_room_id', 'in', roomIds).orderBy('reserved_room_id').orderBy('position').execute() : [],
    findGroups(store, rooms.map((r) => r.accommodation_id)),
    venueTaxes(store, reservations.map((r) => r.venue_id)),
  ]);
  const guests = await guestItems(store, [...reservations.map((r) => r.main_guest_id), ...rooms.map((r) => r.guest_id), ...extras.map((e) => e.guest_id)]);
  const groupOf = new Map(groups.map((g) => [g.id, g]));
  return reservations.map((res) => {
    const shaped = rooms
      .filter((r) => r.reservation_id === res.id)
      .map((r) => {
        const group = groupOf.get(r.accommodation_id)!;
        const excluded = ids(r.excluded_tax_ids);
        const nights = days.filter((d) => d.reserved_room_id === r.id);
        const total = nights.reduce((sum, d) => sum + d.cost, 0);
        return {
          id: r.id,
          guestId: r.guest_id,
          guest: guests.get(r.guest_id)!,
          barId: group.rate_plan_id,
          roomId: group.room_id,
          groupId: group.id,
          currentStatus: r.current_status as Status,
          numRooms: 1 as const,
          arrivalDate: r.arrival_date,
          departureDate: r.departure_date,
          totalAmount: toAmount(total),
          excludedTaxIds: excluded,
          numAdultGuests: r.num_adult_guests,
          numChildGuests: r.num_child_guests,
          createdDate: formatTimestamp(r.created_at),
          modifiedDate: formatTimestamp(r.modified_at),
          isCancelled: !holdsRoom(r.current_status),
          cancelledDate: r.cancelled_at === null ? null : formatTimestamp(r.cancelled_at),
          dayRates: nights.map((d) => {
            const line = lineTotals(taxes.get(res.venue_id), { cents: d.cost, costCenterId: group.cost_center_id, excludedTaxIds: excluded, inPackage: false });
            return { dayDate: d.night, barId: group.rate_plan_id, cost: toAmount(d.cost), totalAmount: toAmount(line.totalAmount), totalTaxAmount: toAmount(line.totalTaxAmount) };
          }),
          additionalGuests: extras
            .filter((e) => e.reserved_room_id === r.id)
            .map((e) => ({ guestId: e.guest_id, guest: guests.get(e.guest_id)!, arrivalDate: e.arrival_date, departureDate: e.departure_date, guestType: e.guest_type as 1 | 2 })),
          overrideBlockCapacity: r.override_block_capacity === 1,
          occType: r.occ_type as 1 | 2 | 3 | 4 | null,
          externalReference: r.external_reference,
          cents: holdsRoom(r.current_status) ? total : 0,
        };
      });
    return {
      id: res.id,
      venueId: res.venue_id,
      bookingId: res.booking_id,
      canBeEdited: res.can_be_edited === 1,
      reference: res.reference,
      mainGuestId: res.main_guest_id,
      mainGuest: guests.get(res.main_guest_id)!,
      currentStatus: res.current_status as Status,
      cancelledDate: res.cancelled_at === null ? null : formatTimestamp(res.cancelled_at),
      isFromGroup: true,
      totalAmount: toAmount(shaped.reduce((sum, r) => sum + r.cents, 0)),
      createdDate: formatTimestamp(res.created_at),
      modifiedDate: formatTimestamp(res.modified_at),
      rooms: shaped.map(({ cents: _, ...room }) => room),
    };
  });
}

export async function reservationItem(store: Scope, id: number): Promise<ReservationItem> {
  const row = await findReservation(store, id);
  if (!row) throw new Error(`room reservation ${id} vanished inside its own transaction`);
  return (await reservationItems(store, [row]))[0]!;
}
