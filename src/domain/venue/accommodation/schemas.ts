/** Result schemas of the accommodation area, as the pages document them. */
import { z } from 'zod';
import { dateText, timestampText } from '../../../registry/result-schemas.js';

const int = () => z.number().int();
const idList = () => z.array(int());

/** get-booking-accommodation-list.md, Booking Accommodation Day Rates (Actual, Forecast, Net). */
export const dayRateResult = z.strictObject({
  bookingDate: dateText,
  numRooms: int(),
  cost: z.number(),
  discount: z.number(),
  numPayableByGuest: int(),
});

/** Booking Accommodation Day Rates: the per-room list adds its complimentary rooms. */
export const mainDayRateResult = dayRateResult.extend({ numFreeRooms: int() });

const occType = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const multiOccDayRateResult = dayRateResult.extend({ occType });
export const multiOccMainDayRateResult = mainDayRateResult.extend({ occType });

/** Booking Accommodation Room Option: numOptions and its former name numOptionsPerRoom, with one value. */
export const groupRoomOptionResult = z.strictObject({
  bookingDate: dateText,
  roomOptionId: int(),
  numRooms: int(),
  priceType: z.union([z.literal(1), z.literal(2)]),
  numOptions: int(),
  numOptionsPerRoom: int(),
  price: z.number(),
  discount: z.number(),
  excludedTaxIds: idList(),
  totalAmount: z.number(),
  totalDiscount: z.number(),
  totalTaxAmount: z.number(),
  costcenterId: int().nullable(),
  numPayableByGuest: int(),
  commission: z.number(),
});

/** get-booking-accommodation-list.md, Booking Accommodation (Group). */
export const groupResult = z.strictObject({
  id: int(),
  venueId: int(),
  bookingId: int(),
  roomVenueId: int(),
  barId: int().nullable(),
  roomId: int(),
  startDate: dateText,
  endDate: dateText,
  overrideCapacity: z.boolean(),
  costcenterId: int().nullable(),
  includeInPackage: z.boolean(),
  cutOffDate: dateText.nullable(),
  dayRatesActual: z.array(dayRateResult),
  dayRates: z.array(mainDayRateResult),
  dayRatesNet: z.array(dayRateResult),
  dayRatesForecast: z.array(dayRateResult),
  dayRatesActualMultiOcc: z.array(multiOccDayRateResult),
  dayRatesMultiOcc: z.array(multiOccMainDayRateResult),
  dayRatesNetMultiOcc: z.array(multiOccDayRateResult),
  dayRatesForecastMultiOcc: z.array(multiOccDayRateResult),
  excludedTaxIds: idList(),
  roomOptions: z.array(groupRoomOptionResult),
  createdDate: timestampText,
  modifiedDate: timestampText,
});
export type GroupItem = z.input<typeof groupResult>;

export const upsertResult = z.strictObject({ success: z.literal(true), id: int().positive() });

/** `{"success": true, "errorType": null}`, or the page's reason when refused. */
export const removeResult = z.strictObject({ success: z.boolean(), errorType: int().nullable() });

/** A room a per-room transition could not apply to (the pages' Failed Rooms Error Codes). */
export const failedRoomResult = z.strictObject({ roomId: int(), code: int(), message: z.string() });

export const transitionResult = z.strictObject({
  success: z.boolean(),
  errorType: int().nullable(),
  failedRooms: z.array(failedRoomResult).optional(),
});

/** get-booking-room-reservation-list.md, Guest Contact Details. */
const guestContactResult = z.strictObject({
  id: int(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});

const addressResult = z.strictObject({
  line1: z.string(),
  line2: z.string(),
  line3: z.string(),
  line4: z.string(),
  city: z.string(),
  postalCode: z.string(),
  countryCode: z.string(),
  stateCode: z.string(),
  stateName: z.string(),
});

/** get-booking-room-reservation-list.md, Guest (without the `contact` the announcement removed). */
export const guestResult = z.strictObject({
  id: int(),
  guestContact: guestContactResult,
  primaryPhone: z.string(),
  address: addressResult.nullable(),
  isAnonymised: z.boolean(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});
export type GuestItem = z.input<typeof guestResult>;

const reservedDayResult = z.strictObject({
  dayDate: dateText,
  barId: int().nullable(),
  cost: z.number(),
  totalAmount: z.number(),
  totalTaxAmount: z.number(),
});

const additionalGuestResult = z.strictObject({
  guestId: int(),
  guest: guestResult,
  arrivalDate: dateText,
  departureDate: dateText,
  guestType: z.union([z.literal(1), z.literal(2)]),
});

const status = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

/** get-booking-room-reservation-list.md, Reserved Room. */
export const reservedRoomResult = z.strictObject({
  id: int(),
  guestId: int(),
  guest: guestResult,
  barId: int().nullable(),
  roomId: int(),
  groupId: int(),
  currentStatus: status,
  numRooms: z.literal(1),
  arrivalDate: dateText,
  departureDate: dateText,
  totalAmount: z.number(),
  excludedTaxIds: idList(),
  numAdultGuests: int(),
  numChildGuests: int(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  isCancelled: z.boolean(),
  cancelledDate: timestampText.nullable(),
  dayRates: z.array(reservedDayResult),
  additionalGuests: z.array(additionalGuestResult),
  overrideBlockCapacity: z.boolean(),
  occType: z.union([occType, z.null()]),
  externalReference: z.string().nullable(),
});

/** get-booking-room-reservation-list.md, Booking Room Reservation. */
export const reservationResult = z.strictObject({
  id: int(),
  venueId: int(),
  bookingId: int(),
  canBeEdited: z.boolean(),
  reference: int(),
  mainGuestId: int(),
  mainGuest: guestResult,
  currentStatus: status,
  cancelledDate: timestampText.nullable(),
  isFromGroup: z.boolean(),
  totalAmount: z.number(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  rooms: z.array(reservedRoomResult),
});
export type ReservationItem = z.input<typeof reservationResult>;

const guestRef = z.strictObject({ id: int(), guestContactId: int() });

/** add-or-update-booking-room-reservation.md, the 200 example: rooms in the request's order. */
export const reservationUpsertResult = z.strictObject({
  success: z.literal(true),
  id: int(),
  reference: z.string(),
  mainGuest: guestRef,
  rooms: z.array(
    z.strictObject({
      id: int(),
      guest: guestRef,
      additionalGuests: z.array(z.strictObject({ guestId: int(), guestContactId: int(), guestType: z.union([z.literal(1), z.literal(2)]) })),
    }),
  ),
});

/** update-booking-room-reservation-guest-contact.md, Returns. */
export const guestContactUpdateResult = z.strictObject({ success: z.literal(true), id: int() });
