/**
 * Room reservation statuses (get-booking-room-reservation-list.md, Room Reservation Status and
 * Reserved Room Status) and the transitions between them. The page's transition diagram is an
 * image the reference does not carry; its text gives the arrows Marquee takes:
 *
 *   1 Not confirmed ──confirm──> 2 Confirmed ──check in──> 4 Checked In ──check out──> 5 Checked Out
 *   1, 2, 4, 5 ──cancel──> 3 Cancelled (cancel-booking-room-reservation.md, errorType 6's list)
 *
 * Adding always makes a "not confirmed" reservation; only a "not confirmed" one can be removed.
 * A reservation's status follows its rooms: Cancelled when every room is, else the earliest
 * status of its rooms that are not cancelled.
 */
export const RESERVATION_STATUS = {
  notConfirmed: 1,
  confirmed: 2,
  cancelled: 3,
  checkedIn: 4,
  checkedOut: 5,
} as const;

const S = RESERVATION_STATUS;

/** Where change-status (4, 5) may come from: the step before it. */
export const CHECK_STEPS: Readonly<Record<number, number>> = { [S.checkedIn]: S.confirmed, [S.checkedOut]: S.checkedIn };

/** The progression order; Cancelled is outside it. */
const ORDER = [S.notConfirmed, S.confirmed, S.checkedIn, S.checkedOut] as const;

/** The status of a reservation whose rooms have these statuses (its own when it has none). */
export function reservationStatusOf(roomStatuses: readonly number[], current: number): number {
  if (roomStatuses.length === 0) return current;
  const live = roomStatuses.filter((s) => s !== S.cancelled);
  if (live.length === 0) return S.cancelled;
  return ORDER.find((s) => live.includes(s)) ?? current;
}

/** A reserved room that is not cancelled holds its place in its group. */
export const holdsRoom = (status: number): boolean => status !== S.cancelled;
