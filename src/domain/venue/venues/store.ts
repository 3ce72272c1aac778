/** Reading venues of the caller's account. */
import type { Selectable } from 'kysely';
import { prepared } from '../../../storage/prepared.js';
import type { Scope } from '../../../storage/scope.js';
import { venueNotFound } from '../errors.js';
import type { VenuesTable } from '../tables.js';

export type VenueRow = Selectable<VenuesTable>;

export async function findVenues(store: Scope, ids: readonly number[]): Promise<VenueRow[]> {
  if (ids.length === 0) return [];
  return store.selectFrom('venues').selectAll('venues').where('venues.id', 'in', ids).orderBy('venues.id').execute();
}

// Nearly every venue action starts here: built and compiled once (storage/prepared.ts).
export const venueById = prepared((store, p: { id: number }) => store.selectFrom('venues').selectAll('venues').where('venues.id', '=', p.id));

/** The venue, or the 404 an action names it with (24102 unless its page gives another code). */
export async function requireVenue(store: Scope, id: number, code?: number): Promise<VenueRow> {
  const [row] = await venueById(store, { id });
  if (!row) throw venueNotFound(code);
  return row;
}
