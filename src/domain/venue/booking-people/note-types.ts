/**
 * Booking note types (add-or-update-booking-note.md, Booking Note Type; get-booking-note-list.md,
 * typeId) and what each note must be about.
 *
 * A note may take the types the add page lists, plus 1 "Type Booking", the type of a note about
 * the booking as a whole and the one a note without typeId gets. The list page's other codes
 * (0 No Type, 9 Contact, 10 Company, 28 Lead Description, -1 Lead Original) are notes of other
 * records. The add page's "Required when…" column says what a type needs: the booking days of
 * a departmental note, or the accommodation blocks, sessions, menus, beverage packages,
 * resources or products it is about.
 */

export const BOOKING_NOTE = 1;

export const NOTE_TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'Booking'],
  [2, 'Session'],
  [3, 'Billing Instructions'],
  [4, 'Menu'],
  [5, 'Beverage'],
  [6, 'Resources'],
  [7, 'Products'],
  [8, 'Accommodation'],
  [11, 'Couriers'],
  [12, 'VIP Guests'],
  [13, 'Security'],
  [14, 'Onsite Contractors'],
  [15, 'Signatories'],
  [16, 'Front Office'],
  [17, 'Transfers'],
  [18, 'Room Drops'],
  [19, 'Luggage Services'],
  [20, 'Group Profile'],
  [21, 'Lead'],
  [22, 'Dietary Requirements'],
  [23, 'All Departments'],
  [24, 'Food & Beverages'],
  [25, 'Car Parking'],
  [26, 'Suppliers'],
  [27, 'Internet'],
  [29, 'Signage'],
  [30, 'Sales office'],
  [31, 'Bellman / Van Service'],
  [32, 'Reservations'],
  [33, 'Housekeeping'],
  [34, 'Engineering'],
  [35, 'Audio Visual'],
  [36, 'Set-up'],
  [37, 'Onsite Contact'],
]);

/** The lists a note can be about, by parameter name. */
export type NoteSubject = 'bookingDays' | 'accommodationIds' | 'sessionIds' | 'menuIds' | 'beverageIds' | 'resourceIds' | 'productIds';

export const NOTE_SUBJECTS: readonly NoteSubject[] = ['bookingDays', 'accommodationIds', 'sessionIds', 'menuIds', 'beverageIds', 'resourceIds', 'productIds'];

const BY_LINE: ReadonlyMap<number, NoteSubject> = new Map([
  [2, 'sessionIds'],
  [4, 'menuIds'],
  [5, 'beverageIds'],
  [6, 'resourceIds'],
  [7, 'productIds'],
  [8, 'accommodationIds'],
]);

/** The list a note of `typeId` must name (the page's "Required when typeId is…"), if any. */
export function subjectOf(typeId: number): NoteSubject | null {
  const line = BY_LINE.get(typeId);
  if (line) return line;
  return typeId === 3 || (typeId >= 11 && typeId <= 37 && typeId !== 28) ? 'bookingDays' : null;
}

/** Template Applies To: 1 BEO, 2 Quotes & Contracts, 3 Resume. */
export const TEMPLATES = [1, 2, 3] as const;
