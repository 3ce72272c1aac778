/**
 * Room codes are unique within a venue, ignoring case (channel managers map room types by
 * code). A room added without one gets `<account id>-<room id>`, the form every example of the
 * pages shows ("2-6" for room 6 of account 2).
 */
import { sql } from 'kysely';
import { lockNaturalKey } from '../../../../storage/natural-key-lock.js';
import type { Scope } from '../../../../storage/scope.js';

/**
 * Whether `code` is free for room `roomId` (or a new room) of the venue. The check holds a
 * lock on the code until the transaction ends, so two writers cannot both find it free.
 */
export async function claimCode(store: Scope, venueId: number, code: string, roomId?: number): Promise<boolean> {
  await lockNaturalKey(store, `venue-room-code:${venueId}:${code.toLowerCase()}`);
  let taken = store
    .selectFrom('venue_rooms')
    .select('venue_rooms.id')
    .where('venue_rooms.venue_id', '=', venueId)
    .where(sql<string>`lower(venue_rooms.code)`, '=', code.toLowerCase());
  if (roomId !== undefined) taken = taken.where('venue_rooms.id', '<>', roomId);
  return (await taken.executeTakeFirst()) === undefined;
}

/** The room's default code, suffixed in the unlikely case a client already gave that code to another room. */
export async function defaultCode(store: Scope, venueId: number, roomId: number): Promise<string> {
  const base = `${store.accountId}-${roomId}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (await claimCode(store, venueId, candidate, roomId)) return candidate;
  }
}
