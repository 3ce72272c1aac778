/** What the venue setup areas' seeders receive: the seeded venues, by kind. */
import type { SeedContext } from '../../../seed/types.js';

export type VenueKind = 'hotel' | 'conference' | 'restaurant';

export interface SeededVenue {
  readonly id: number;
  readonly kind: VenueKind;
  readonly name: string;
  readonly timezone: string;
  readonly currency: string;
}

export interface VenueSeedContext extends SeedContext {
  readonly venues: readonly SeededVenue[];
}
