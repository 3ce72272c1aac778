/** Parameters of venue.addOrUpdateBooking (add-or-update-booking.md, Booking). */
import { z } from 'zod';
import { bool, date, id, int, intEnum, number, string } from '../../../registry/params.js';
import { companyInput } from '../../contact/companies/params.js';
import { contactInput } from '../../contact/contacts/params.js';
import { externalUrlsInput } from '../../contact/external-urls.js';
import { NEW_BOOKING_STATUSES, NEW_BOOKING_TYPES } from './status.js';

/** bookingRoleUserId1…5 are "string" on the page: an id, as text or a number; null or "" unassigns. */
const roleUser = () =>
  z
    .preprocess((v) => (v === '' ? null : v), id().nullable())
    .optional();

export const bookingParams = z.object({
  id: id().optional(),
  venueId: id(),
  leadId: id().optional(),
  bookingType: intEnum(NEW_BOOKING_TYPES).optional(),
  currentStatus: intEnum(NEW_BOOKING_STATUSES).optional(),
  code: string(50).optional(),
  name: string(255).optional(),
  companyId: id().optional(),
  company: companyInput.optional(),
  contactId: id().optional(),
  contact: contactInput.optional(),
  industryId: id().nullable().optional(),
  purchaseOrderNumber: string(100).nullable().optional(),
  eventTypeId: id().optional(),
  eventSubTypeId: id().nullable().optional(),
  bookedById: id().optional(),
  canBeMoved: bool().optional(),
  dateEventStart: date().optional(),
  dateEventEnd: date().optional(),
  totalAttendees: int()
    .refine((n) => n >= 0, { message: 'Value must be 0 or greater' })
    .optional(),
  packageId: id().optional(),
  packagePrice: number().optional(),
  isAccommIncluded: bool().optional(),
  dateAccomStart: date().optional(),
  dateAccomEnd: date().optional(),
  accommCutOffDate: date().nullable().optional(),
  accommCancellationDate: date().nullable().optional(),
  accommChargingMethod: intEnum([0, 1, 2, 3, 4] as const).optional(),
  accommGuaranteeRequired: bool().optional(),
  accommExternalBlockId: string(100).nullable().optional(),
  accommReservationMethod: intEnum([1, 2, 3, 4] as const).optional(),
  accommReservationCancellationDate: date().nullable().optional(),
  accommArrivalMethod: intEnum([1, 2] as const).optional(),
  isConfidential: bool().optional(),
  otaFolioRef: string(100).nullable().optional(),
  bookingRoleUserId1: roleUser(),
  bookingRoleUserId2: roleUser(),
  bookingRoleUserId3: roleUser(),
  bookingRoleUserId4: roleUser(),
  bookingRoleUserId5: roleUser(),
  discountCode: string(100).nullable().optional(),
  externalUrls: externalUrlsInput(),
});

export type BookingParams = z.output<typeof bookingParams>;

export const ROLE_PARAMS = ['bookingRoleUserId1', 'bookingRoleUserId2', 'bookingRoleUserId3', 'bookingRoleUserId4', 'bookingRoleUserId5'] as const;
