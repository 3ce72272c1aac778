/** The venue actions of the accommodation area: group blocks on bookings and room reservations. */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { updateBookingRoomReservationGuestContact } from './guest-contact.js';
import { getBookingAccommodationList, removeBookingAccommodation } from './group-actions.js';
import { addOrUpdateBookingAccommodation } from './group-upsert.js';
import { getBookingRoomReservationList, removeBookingRoomReservation } from './reservation-actions.js';
import { addOrUpdateBookingRoomReservation } from './reservation-upsert.js';
import { cancelBookingRoomReservation, changeStatusOfBookingRoomReservation, confirmBookingRoomReservation } from './transitions.js';

export const accommodationActions: Partial<NamespaceActions<'venue'>> = {
  addOrUpdateBookingAccommodation,
  getBookingAccommodationList,
  removeBookingAccommodation,
  addOrUpdateBookingRoomReservation,
  updateBookingRoomReservationGuestContact,
  getBookingRoomReservationList,
  removeBookingRoomReservation,
  confirmBookingRoomReservation,
  cancelBookingRoomReservation,
  changeStatusOfBookingRoomReservation,
};
