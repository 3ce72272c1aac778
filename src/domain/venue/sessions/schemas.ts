/** The answers of the session pages: list items, and what the writes return. */
import { z } from 'zod';
import { dateText, timestampText } from '../../../registry/result-schemas.js';

const int = z.number().int();
const money = z.number();
const flag = z.union([z.literal(0), z.literal(1)]);
const timeText = z.string().regex(/^\d{2}:\d{2}:\d{2}$/);

export const projectedSpendResult = z.strictObject({ priceMethod: int, costcenterId: int.nullable(), total: money, amount: money });

export const taxDetailResult = z.strictObject({ id: int, tax: money, rateId: int, rateAmount: money, rateAmountType: int });

/** get-booking-session-list.md, one result. */
export const sessionListItemResult = z.strictObject({
  id: int,
  bookingId: int,
  name: z.string(),
  startDate: dateText,
  endDate: dateText,
  startTime: timeText,
  endTime: timeText,
  spaceVenueId: int,
  spaceId: int,
  spaceLayout: int.nullable(),
  customLayoutName: z.string().nullable(),
  tariffId: int.nullable(),
  cost: money,
  costAfterAdjustment: money,
  costDiscount: money,
  costSurcharge: money.nullable(),
  amount: money,
  totalDiscount: money,
  totalSurcharge: money.nullable(),
  totalTaxAmount: money,
  excludedTaxIds: z.array(int),
  // "an array when it is empty otherwise it is an object" (service fee id → excluded tax ids).
  sfExcludedTaxIds: z.union([z.tuple([]), z.record(z.string(), z.array(int))]),
  setupTime: int.nullable(),
  setdownTime: int.nullable(),
  canBeMoved: flag,
  minAttendeesGuaranteed: int,
  agreedAttendees: int.nullable(),
  expectedAttendees: int.nullable(),
  guaranteedAttendees: int.nullable(),
  setAttendees: int.nullable(),
  actualAttendees: int.nullable(),
  signage: z.string(),
  isSignageVisible: flag,
  createdDate: timestampText,
  modifiedDate: timestampText,
  roomHireType: int.nullable(),
  includeInPackage: z.boolean(),
  bookingPackageId: int,
  costcenterId: int.nullable(),
  overridePax: flag,
  sessionTypeId: int,
  beoNumbers: z.array(z.string()).nullable(),
  booking: z
    .strictObject({
      name: z.string(),
      code: z.string(),
      contact: z
        .strictObject({ id: int, firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string().nullable() })
        .nullable(),
    })
    .optional(),
  projectedSpend: z.array(projectedSpendResult),
});
export type SessionListItem = z.input<typeof sessionListItemResult>;

/** get-booking.md, Session: a booking's session as getBooking shows it. */
export const bookingSessionPartResult = z.strictObject({
  id: int,
  name: z.string(),
  startDate: dateText,
  endDate: dateText,
  startTime: timeText,
  endTime: timeText,
  spaceVenueId: int,
  spaceId: int,
  spaceLayout: int.nullable(),
  customLayoutName: z.string().nullable(),
  tariffId: int.nullable(),
  cost: money,
  discount: money,
  costcenterId: int.nullable(),
  totalAmount: money,
  totalDiscount: money,
  totalSurcharge: money,
  totalTaxAmount: money,
  taxDetails: z.array(taxDetailResult),
  excludedTaxIds: z.array(int),
  includeInPackage: z.boolean(),
  bookingPackageId: int.nullable(),
  beoNumbers: z.array(z.string()),
  createdDate: timestampText,
  modifiedDate: timestampText,
  totalAttendees: int,
  projectedSpend: z.array(projectedSpendResult),
});
export type BookingSessionPart = z.input<typeof bookingSessionPartResult>;

const menuItemResult = z.strictObject({
  _type: z.literal('item'),
  id: int,
  name: z.string(),
  description: z.string(),
  quantity: int,
  price: money,
  itemCost: money,
  isOptional: flag,
  servingTime: timeText.nullable(),
});

const menuGroupResult = z.strictObject({
  _type: z.literal('group'),
  id: z.string(),
  name: z.string(),
  marketplaceName: z.string().nullable(),
  minSelection: int,
  maxSelection: int,
  servingTime: timeText.nullable(),
  items: z.array(menuItemResult),
});

export const menuCostCenterResult = z.strictObject({ costcenterId: int, costPerPerson: money, costPerPersonExcludedTaxIds: z.array(int) });

/** get-booking-session-menu-list.md, one result: ids are strings, as the page's example shows them. */
export const sessionMenuListItemResult = z.strictObject({
  id: z.string(),
  venueId: z.string(),
  bookingId: z.string(),
  sessionId: z.string(),
  menuId: z.string(),
  menuVenueId: z.string(),
  name: z.string(),
  minAttendeesGuaranteed: int,
  sameAsSessionTime: z.boolean(),
  startTime: timeText.nullable(),
  endTime: timeText.nullable(),
  includeInPackage: z.boolean(),
  bookingPackageId: int.nullable(),
  costcenterId: int.nullable(),
  cost: money,
  excludedTaxIds: z.array(int),
  costcenters: z.array(menuCostCenterResult).optional(),
  items: z.array(z.union([menuItemResult, menuGroupResult])),
  sortOrder: int,
  createdDate: timestampText,
  modifiedDate: timestampText,
});
export type SessionMenuListItem = z.input<typeof sessionMenuListItemResult>;

/** add-or-update-booking-session.md: `{"success": true, "id": 8821, "warnings": null}`. */
export const sessionUpsertResult = z.strictObject({ success: z.literal(true), id: int, warnings: z.null() });

/** The other add-or-update and remove pages: `{"success": true, "id": 1234}`. */
export const lineResult = z.strictObject({ success: z.literal(true), id: int });

/** remove-booking-session-resource.md, remove-blockoutspace.md: `{"success": true, "errorType": null}`. */
export const removedResult = z.strictObject({ success: z.literal(true), errorType: z.null() });
