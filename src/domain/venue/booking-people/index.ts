/** The venue actions of a booking's people and notes (attendees, notes) and its accommodation release schedule. */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { getBookingAttendeeByHash, getBookingAttendeeList } from './attendee-reads.js';
import { addOrUpdateBookingAttendee } from './attendee-upsert.js';
import { getBookingNoteList } from './note-list.js';
import { addOrUpdateBookingNote } from './note-upsert.js';
import { getBookingReleaseSchedule } from './release-schedule.js';

export const bookingPeopleActions: Partial<NamespaceActions<'venue'>> = {
  addOrUpdateBookingAttendee,
  getBookingAttendeeList,
  getBookingAttendeeByHash,
  addOrUpdateBookingNote,
  getBookingNoteList,
  getBookingReleaseSchedule,
};

export { bookingPeopleMigration } from './migrations/0021_venue_booking_people.js';
