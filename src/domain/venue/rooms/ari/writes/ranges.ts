/**
 * The stay dates of the ARI writes. The pages set no limits; Marquee holds a write to what a
 * channel manager sends (a year or two of nights for every room and plan) and, like the reads
 * (get-room-inventory.md, "Past dates are not allowed"), to nights from the venue's today on,
 * in its own time zone: a night that has begun can no longer be sold, so setting it means
 * nothing. Every item is checked before anything is written.
 */
import { doesNotValidate } from '../../../../../protocol/specific-codes.js';
import type { VenueRow } from '../../../venues/store.js';
import { nightsBetween, venueToday } from '../../nights.js';

/** Nights one item or one removal may span, both ends included: two years. */
export const MAX_ITEM_NIGHTS = 731;
/** Nights × items one call may set: a year of every night for some thirty room-and-plan pairs. */
export const MAX_CALL_NIGHTS = 20_000;

export interface NightRange {
  readonly startDate: string;
  readonly endDate: string;
}

/** The nights of a range, or the 23016 its dates deserve; `at` names the range in the message (`items.2`). */
export function rangeNights(venue: VenueRow, range: NightRange, now: number, at?: string): string[] {
  const name = (field: string) => (at === undefined ? field : `${at}.${field}`);
  const nights = nightsBetween(range.startDate, range.endDate);
  if (nights.length === 0) throw doesNotValidate(name('endDate'), ['The end date must not be before the start date']);
  if (nights.length > MAX_ITEM_NIGHTS) throw doesNotValidate(name('endDate'), [`The maximum date range is ${MAX_ITEM_NIGHTS} days`]);
  const today = venueToday(venue.timezone, now);
  if (range.startDate < today) throw doesNotValidate(name('startDate'), [`Past dates are not allowed: the venue's date today is ${today}`]);
  return nights;
}

/** Every item's nights, in the items' order; the whole call bounded by MAX_CALL_NIGHTS. */
export function itemNights(venue: VenueRow, items: readonly NightRange[], now: number): string[][] {
  if (items.length === 0) throw doesNotValidate('items', ['At least one item is required']);
  let total = 0;
  return items.map((item, n) => {
    const nights = rangeNights(venue, item, now, `items.${n}`);
    total += nights.length;
    if (total > MAX_CALL_NIGHTS) throw doesNotValidate('items', [`The items may set at most ${MAX_CALL_NIGHTS} nights in one call`]);
    return nights;
  });
}
