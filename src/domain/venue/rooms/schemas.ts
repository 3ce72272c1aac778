/** Result schemas of the rooms area, as the pages document them. */
import { z } from 'zod';
import { dateText, timestampText } from '../../../registry/result-schemas.js';
import { accommodationSummaryResult } from '../venues/schemas.js';

const int = () => z.number().int();
const idList = () => z.array(int());

/** get-venue-room-list.md: getVenue's accommodation item without its image. */
export const guestRoomResult = accommodationSummaryResult.omit({ image: true });
export type GuestRoomItem = z.input<typeof guestRoomResult>;

/** get-venue-room-option-list.md, Venue Room Option. */
export const roomOptionResult = z.strictObject({
  id: int(),
  venueId: int(),
  name: z.string(),
  description: z.string().nullable(),
  price: z.number(),
  priceExcludedTaxIds: idList(),
  cost: z.number(),
  costExcludedTaxIds: idList(),
  costcenterId: int().nullable(),
  createdDate: timestampText,
  modifiedDate: timestampText,
});

/** get-venue-rate-plan-list.md */
export const ratePlanResult = z.strictObject({
  id: int(),
  name: z.string(),
  code: z.string().nullable(),
  description: z.string().nullable(),
});

/** get-rate-plan-rate-list.md, Rate Plan Rate. */
export const ratePlanRateResult = z.strictObject({
  id: int(),
  barId: int(),
  startDate: dateText,
  endDate: dateText,
  minAcceptableRate: z.number(),
  daysOfWeek: z.array(int().min(0).max(6)),
});

/** get-room-rate-list.md, Rate Plan Room Rate. */
export const roomRateResult = z.strictObject({
  id: int(),
  barId: int(),
  barRateId: int(),
  roomId: int(),
  cost: z.number(),
  costDouble: z.number().nullable(),
  costTriple: z.number().nullable(),
  costQuad: z.number().nullable(),
  costExcludedTaxIds: idList(),
  actualCost: z.number(),
  actualCostDouble: z.number().nullable(),
  actualCostTriple: z.number().nullable(),
  actualCostQuad: z.number().nullable(),
  actualCostExcludedTaxIds: idList(),
});

/** get-room-inventory.md (and the RoomInventoryUpdated body of ari-endpoint.md). */
export const inventoryNightResult = z.strictObject({
  date: dateText,
  roomId: int(),
  inventoryCount: int(),
  availableCount: int(),
});
export type InventoryNight = z.input<typeof inventoryNightResult>;

/** get-room-rates.md (and the RoomRatesUpdated body). */
export const rateNightResult = z.strictObject({
  barId: int(),
  roomId: int(),
  date: dateText,
  cost: z.number().nullable(),
  costDouble: z.number().nullable(),
  costTriple: z.number().nullable(),
  costQuad: z.number().nullable(),
});
export type RateNight = z.input<typeof rateNightResult>;

/** get-rate-plan-booking-rules.md (and the RatePlanBookingRulesUpdated body). */
export const bookingRuleNightResult = z.strictObject({
  barId: int(),
  roomId: int(),
  date: dateText,
  closeOutStatus: z.union([z.literal(1), z.literal(2)]).nullable(),
});
export type BookingRuleNight = z.input<typeof bookingRuleNightResult>;

/**
 * The collection envelope of the actions that answer every result at once (no start or
 * perPage): the examples show perPage equal to the count, which is 0 for an empty answer.
 */
export function wholeCollectionResult<T extends z.ZodType>(item: T) {
  return z.strictObject({
    meta: z.strictObject({ totalResults: int().min(0), start: z.literal(0), perPage: int().min(0), count: int().min(0) }),
    results: z.array(item),
  });
}

export function wholeCollection<T>(results: T[]) {
  const n = results.length;
  return { meta: { totalResults: n, start: 0 as const, perPage: n, count: n }, results };
}

export const guestRoomUpsertResult = z.strictObject({ success: z.literal(true), id: int().positive() });
