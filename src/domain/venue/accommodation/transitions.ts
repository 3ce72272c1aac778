/**
 * The status actions of a room reservation (status.ts has the arrows):
 * venue.confirmBookingRoomReservation (1 → 2), venue.cancelBookingRoomReservation (→ 3) and
 * venue.changeStatusOfBookingRoomReservation (2 → 4 checked in, 4 → 5 checked out).
 *
 * Each answers a refusal in its result, `{"success": false, "errorType": n}`, with its page's
 * Response Error Types, and changes nothing then. Without `roomIds` the whole reservation moves
 * (every room in the status it moves from); with `roomIds` each room moves on its own, those
 * that cannot are listed in `failedRooms` as `{roomId, code, message}` with the page's Failed
 * Rooms Error Codes, the others move, and a failure of any answers the page's partial errorType.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, id, int } from '../../../registry/params.js';
import { lockRoomTypes, syncGroupAllocations } from './allocations.js';
import { trackReservationChange } from './reservation-changes.js';
import { transitionResult } from './schemas.js';
import { CHECK_STEPS, RESERVATION_STATUS as S } from './status.js';
import { findGroups, requireReservation, requireVenueAndBooking, roomsOfReservations, type ReservedRoomRow } from './store.js';

interface Failed {
  roomId: number;
  code: number;
  message: string;
}
interface Outcome {
  success: boolean;
  errorType: number | null;
  failedRooms?: Failed[];
}

const refused = (errorType: number, failedRooms?: Failed[]): Outcome => ({ success: false, errorType, ...(failedRooms ? { failedRooms } : {}) });

/** A room's verdict: the failed-room code and message, or null when it can move. */
type Verdict = (room: ReservedRoomRow | undefined) => readonly [number, string] | null;

interface Transition {
  /** The refusal of the reservation as a whole, before any room is looked at. */
  whole: (status: number, rooms: readonly ReservedRoomRow[]) => number | null;
  /** The rooms a whole-reservation move applies to. */
  movers: (rooms: readonly ReservedRoomRow[]) => ReservedRoomRow[];
  verdict: Verdict;
  partial: number;
  notEditable: number;
  to: number;
  note: string;
  /** Whether failedRooms is answered without roomIds too (the cancel page's example). */
  alwaysListFailed: boolean;
}

async function run(ctx: ActionContext, p: { venueId: number; bookingId: number; id: number; roomIds?: number[] | undefined }, t: Transition): Promise<Outcome> {
  const booking = await requireVenueAndBooking(ctx.store, p.venueId, p.bookingId);
  const reservation = await requireReservation(ctx.store, p.id, booking.id);
  const rooms = await roomsOfReservations(ctx.store, [reservation.id]);
  const listed = p.roomIds !== undefined || t.alwaysListFailed;
  if (reservation.can_be_edited === 0) return refused(t.notEditable, listed ? [] : undefined);
  let movers: ReservedRoomRow[];
  const failed: Failed[] = [];
  if (p.roomIds === undefined) {
    const whole = t.whole(reservation.current_status, rooms);
    if (whole !== null) return refused(whole, listed ? [] : undefined);
    movers = t.movers(rooms);
  } else {
    movers = [];
    for (const roomId of new Set(p.roomIds)) {
      const room = rooms.find((r) => r.id === roomId);
      const verdict = t.verdict(room);
      if (verdict) failed.push({ roomId, code: verdict[0], message: verdict[1] });
      else movers.push(room!);
    }
  }
  if (movers.length > 0 || (p.roomIds === undefined && rooms.length === 0)) {
    const groups = await findGroups(ctx.store, movers.map((r) => r.accommodation_id));
    await lockRoomTypes(ctx.store, groups.map((g) => g.room_id));
    await trackReservationChange(
      ctx,
      booking,
      reservation.id,
      async () => {
        if (movers.length > 0) {
          await ctx.store
            .updateTable('booking_reserved_rooms')
            .set({ current_status: t.to, modified_at: ctx.now, ...(t.to === S.cancelled ? { cancelled_at: ctx.now } : {}) })
            .where('id', 'in', movers.map((r) => r.id))
            .execute();
        } else {
          // A reservation without rooms has no room to carry its status.
          await ctx.store.updateTable('booking_room_reservations').set({ current_status: t.to, cancelled_at: t.to === S.cancelled ? ctx.now : null }).where('id', '=', reservation.id).execute();
        }
        await syncGroupAllocations(ctx, groups.map((g) => g.id));
      },
      `Room reservation ${reservation.reference}: ${t.note}${p.roomIds === undefined ? '' : ` (rooms ${movers.map((r) => r.id).join(', ')})`}`,
    );
  }
  if (failed.length > 0) return refused(t.partial, failed);
  return { success: true, errorType: null, ...(listed ? { failedRooms: [] } : {}) };
}

const baseParams = { venueId: id(), bookingId: id(), id: id(), roomIds: array(id(), 100).optional() };

/** confirm-booking-room-reservation.md, Response Error Types and Failed Rooms Error Codes. */
export const CONFIRM_ERRORS = { alreadyConfirmed: 1, cancelled: 2, noRooms: 3, notEditable: 9, partial: 10 } as const;

export const confirmBookingRoomReservation = defineAction({
  namespace: 'venue',
  action: 'confirmBookingRoomReservation',
  kind: 'write',
  params: z.object(baseParams),
  result: transitionResult,
  handler: (ctx, p) =>
    run(ctx, p, {
      whole: (status, rooms) =>
        status === S.cancelled ? CONFIRM_ERRORS.cancelled : rooms.length === 0 ? CONFIRM_ERRORS.noRooms : rooms.some((r) => r.current_status === S.notConfirmed) ? null : CONFIRM_ERRORS.alreadyConfirmed,
      movers: (rooms) => rooms.filter((r) => r.current_status === S.notConfirmed),
      verdict: (room) =>
        !room
          ? [4, 'Room cannot be booked']
          : room.current_status === S.cancelled
            ? [2, 'The room has been cancelled']
            : room.current_status !== S.notConfirmed
              ? [1, 'The room has already been confirmed']
              : null,
      partial: CONFIRM_ERRORS.partial,
      notEditable: CONFIRM_ERRORS.notEditable,
      to: S.confirmed,
      note: 'confirmed',
      alwaysListFailed: false,
    }),
});

/** cancel-booking-room-reservation.md, Response Error Types and Failed Rooms Error Codes. */
export const CANCEL_ERRORS = { alreadyCancelled: 1, notEditable: 7, partial: 8 } as const;

export const cancelBookingRoomReservation = defineAction({
  namespace: 'venue',
  action: 'cancelBookingRoomReservation',
  kind: 'write',
  // roomId is the page's deprecated form of roomIds.
  params: z.object({ ...baseParams, roomId: id().optional() }),
  result: transitionResult,
  handler: (ctx, { roomId, ...p }) =>
    run(ctx, { ...p, roomIds: p.roomIds ?? (roomId !== undefined ? [roomId] : undefined) }, {
      whole: (status) => (status === S.cancelled ? CANCEL_ERRORS.alreadyCancelled : null),
      movers: (rooms) => rooms.filter((r) => r.current_status !== S.cancelled),
      verdict: (room) => (!room ? [2, 'The room cannot be cancelled'] : room.current_status === S.cancelled ? [1, 'The room has already been cancelled'] : null),
      partial: CANCEL_ERRORS.partial,
      notEditable: CANCEL_ERRORS.notEditable,
      to: S.cancelled,
      note: 'cancelled',
      alwaysListFailed: true,
    }),
});

/** change-status-of-booking-room-reservation.md, Response Error Types and Failed Rooms Error Codes. */
export const CHANGE_ERRORS = { same: 1, notAllowed: 2, notSupported: 3, notEditable: 4, partial: 5 } as const;

export const changeStatusOfBookingRoomReservation = defineAction({
  namespace: 'venue',
  action: 'changeStatusOfBookingRoomReservation',
  kind: 'write',
  params: z.object({ ...baseParams, status: int() }),
  result: transitionResult,
  async handler(ctx, { status, ...p }) {
    const from = CHECK_STEPS[status];
    if (from === undefined) {
      await requireReservation(ctx.store, p.id, (await requireVenueAndBooking(ctx.store, p.venueId, p.bookingId)).id);
      return refused(CHANGE_ERRORS.notSupported, p.roomIds === undefined ? undefined : p.roomIds.map((roomId) => ({ roomId, code: 3, message: 'The new status is not supported' })));
    }
    return run(ctx, p, {
      whole: (current) => (current === status ? CHANGE_ERRORS.same : current !== from ? CHANGE_ERRORS.notAllowed : null),
      movers: (rooms) => rooms.filter((r) => r.current_status === from),
      verdict: (room) =>
        !room
          ? [2, 'The current status cannot transition to the new status']
          : room.current_status === status
            ? [1, 'The new status is the same as the current status']
            : room.current_status !== from
              ? [2, 'The current status cannot transition to the new status']
              : null,
      partial: CHANGE_ERRORS.partial,
      notEditable: CHANGE_ERRORS.notEditable,
      to: status,
      note: status === S.checkedIn ? 'checked in' : 'checked out',
      alwaysListFailed: false,
    });
  },
});
