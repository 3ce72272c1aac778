/**
 * Space blockouts and the occupancy each stands for, written together. The seed writes through
 * these functions now; venue.addOrUpdateSpaceBlockout and removeSpaceBlockout
 * (add-or-update-blockoutspace.md, remove-blockoutspace.md) will, in their transactions.
 */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../../storage/scope.js';
import { occupySpace, releaseOccupancy } from '../occupancy.js';
import type { SpaceBlockoutsTable } from '../tables.js';

export type BlockoutRow = Selectable<SpaceBlockoutsTable>;

export interface BlockoutFields {
  venueId: number;
  spaceId: number;
  name: string;
  startsAt: number;
  endsAt: number;
  bookedById: number | null;
}

export async function findBlockout(store: Scope, id: number): Promise<BlockoutRow | undefined> {
  return store.selectFrom('space_blockouts').selectAll().where('id', '=', id).executeTakeFirst();
}

async function occupy(store: Scope, row: BlockoutRow, now: number): Promise<void> {
  await occupySpace(store, { venueId: row.venue_id, spaceId: row.space_id, source: 'blockout', sourceId: row.id, startsAt: row.starts_at, endsAt: row.ends_at }, now);
}

/** Adds a blockout of a space of the venue; the caller has checked the space and that it ends after it starts. */
export async function addBlockout(store: Scope, fields: BlockoutFields, now: number): Promise<BlockoutRow> {
  const row = await store
    .insertInto('space_blockouts', {
      venue_id: fields.venueId,
      space_id: fields.spaceId,
      name: fields.name,
      starts_at: fields.startsAt,
      ends_at: fields.endsAt,
      booked_by_id: fields.bookedById,
      created_at: now,
      modified_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await occupy(store, row, now);
  return row;
}

/** Changes a blockout (its space stays in its venue) and what it occupies with it. */
export async function updateBlockout(
  store: Scope,
  id: number,
  changes: Partial<Pick<BlockoutFields, 'spaceId' | 'name' | 'startsAt' | 'endsAt'>>,
  now: number,
): Promise<BlockoutRow | undefined> {
  await store
    .updateTable('space_blockouts')
    .set({
      ...(changes.spaceId !== undefined ? { space_id: changes.spaceId } : {}),
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.startsAt !== undefined ? { starts_at: changes.startsAt } : {}),
      ...(changes.endsAt !== undefined ? { ends_at: changes.endsAt } : {}),
      modified_at: now,
    })
    .where('id', '=', id)
    .execute();
  const row = await findBlockout(store, id);
  if (row) await occupy(store, row, now);
  return row;
}

/** Removes a blockout and frees its space; whether there was one. */
export async function removeBlockout(store: Scope, id: number): Promise<boolean> {
  await releaseOccupancy(store, 'blockout', id);
  const result = await store.deleteFrom('space_blockouts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
