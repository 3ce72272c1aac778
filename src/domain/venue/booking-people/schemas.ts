/** Result shapes of the attendee, note and release schedule pages. */
import { z } from 'zod';
import { timestampText } from '../../../registry/result-schemas.js';

const int = z.number().int();
/** Ids as text, as the attendee pages' examples show them (`"id": "10"`). */
const idText = z.string().regex(/^\d+$/);

export const attendeeMenuItemResult = z.strictObject({ sessionId: idText, menuId: idText, inventoryId: idText });

/**
 * get-booking-attendee-list.md / get-booking-attendee-by-hash.md. `hash` is not on the pages: it
 * is the only way an API client can learn what getBookingAttendeeByHash takes.
 */
export const attendeeResult = z.strictObject({
  id: idText,
  venueId: idText,
  bookingId: idText,
  hash: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  email: z.string(),
  dietaryRequirement: z.string().nullable(),
  isFromCateringWebsite: z.boolean(),
  menuItems: z.array(attendeeMenuItemResult),
});
export type AttendeeItem = z.infer<typeof attendeeResult>;

/** get-booking-note-list.md, Booking Notes. */
export const noteResult = z.strictObject({
  id: int,
  venueId: int,
  bookingId: int,
  isPrivate: z.boolean(),
  description: z.string(),
  typeId: int,
  createdBy: int.nullable(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});
export type NoteItem = z.infer<typeof noteResult>;

/** get-booking-release-schedule.md: type 0 a number of rooms, 1 a percentage of them. */
export const releaseTermResult = z.strictObject({
  bookingId: int,
  venueId: int,
  type: z.union([z.literal(0), z.literal(1)]),
  numDaysFromEvent: int,
  numOfRooms: int,
  percentageOfRooms: z.number(),
});

export const upsertResult = z.strictObject({ success: z.literal(true), id: int });
