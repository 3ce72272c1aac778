/**
 * The stay dates of the ARI reads (get-room-inventory.md, get-room-rates.md,
 * get-rate-plan-booking-rules.md, "Date Range Restrictions"): at most 31 nights, both ends
 * included, and none before the venue's today in its own time zone.
 */
import { doesNotValidate } from '../../../../protocol/specific-codes.js';
import { array, id } from '../../../../registry/params.js';
import { prepared } from '../../../../storage/prepared.js';
import type { Scope } from '../../../../storage/scope.js';
import { venueNotFound } from '../../errors.js';
import type { VenueRow } from '../../venues/store.js';
import { nightsBetween, venueToday } from '../nights.js';

export const MAX_RANGE_NIGHTS = 31;

/** `roomIds`: the room types to answer for; absent or empty, all of the venue's. */
export const roomIdsParam = array(id()).optional();

export const roomFilter = (roomIds: readonly number[] | undefined) => (roomIds !== undefined && roomIds.length > 0 ? roomIds : undefined);

/** What the dates alone can refuse, before anything is read. */
export function checkRangeShape(startDate: string, endDate: string): void {
  const nights = nightsBetween(startDate, endDate).length;
  if (nights === 0) throw doesNotValidate('endDate', ['The end date must not be before the start date']);
  if (nights > MAX_RANGE_NIGHTS) throw doesNotValidate('endDate', [`The maximum date range is ${MAX_RANGE_NIGHTS} days`]);
}

// The reads are what channel managers poll: the venue is read by a prepared query (bench/room-rates.ts).
const venueById = prepared((store, p: { id: number }) => store.selectFrom('venues').selectAll('venues').where('venues.id', '=', p.id));

/** The venue and the requested nights, or the error the call deserves. */
export async function venueNights(store: Scope, venueId: number, startDate: string, endDate: string, now: number): Promise<{ venue: VenueRow; nights: string[] }> {
  checkRangeShape(startDate, endDate);
  const [venue] = await venueById(store, { id: venueId });
  if (!venue) throw venueNotFound();
  const today = venueToday(venue.timezone, now);
  if (startDate < today) throw doesNotValidate('startDate', [`Past dates are not allowed: the venue's date today is ${today}`]);
  return { venue, nights: nightsBetween(startDate, endDate) };
}
