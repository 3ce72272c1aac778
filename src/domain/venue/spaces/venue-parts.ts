/** What getVenue and the venue lists show of a venue's function spaces. */
import type { Scope } from '../../../storage/scope.js';
import type { FunctionSpaceSummary } from '../venues/schemas.js';

export interface SpaceFigures {
  numMeetingRooms: number;
  maxSpaceArea: number | null;
  totalSpaceArea: number | null;
  maxSpaceCapacity: number | null;
}

/** Figures per venue id; venues without spaces are absent. */
export async function spaceFiguresOf(_store: Scope, _venueIds: readonly number[]): Promise<Map<number, SpaceFigures>> {
  return new Map();
}

/** The venue's function spaces with their layouts (get-venue.md, functionSpace). */
export async function functionSpacesOfVenue(_store: Scope, _venueId: number): Promise<FunctionSpaceSummary[]> {
  return [];
}
