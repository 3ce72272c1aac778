/** What getVenue and the venue lists show of a venue's guest rooms. */
import type { Scope } from '../../../storage/scope.js';
import type { AccommodationSummary } from '../venues/schemas.js';

/** Number of accommodation rooms per venue id; venues without rooms are absent. */
export async function roomCountsOf(_store: Scope, _venueIds: readonly number[]): Promise<Map<number, number>> {
  return new Map();
}

/** The venue's guest room types (get-venue.md, accommodation). */
export async function accommodationOfVenue(_store: Scope, _venueId: number): Promise<AccommodationSummary[]> {
  return [];
}
