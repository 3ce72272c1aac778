/**
 * venue.addOrUpdateGuestRoom (add-or-update-guest-room.md). Adding needs `venueId` and `name`;
 * everything else has a default. Updating overlays the given fields; `venueId`, when given,
 * must be the room's venue (a room does not move between venues). Every check runs before the
 * first write, so a refused call changes nothing.
 *
 * Changes: GuestRoomAdded `{data}` and GuestRoomUpdated `{data, previousData}` with the
 * getVenueRoomList item plus its `venueId`; an update that changes nothing the list shows
 * records nothing. When a room type appears or its capacity changes, RoomInventoryUpdated
 * carries the nights that moved (ari/changes.ts).
 */
import type { Updateable } from 'kysely';
import { isRequired } from '../../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../../registry/context.js';
import { defineAction } from '../../../../registry/define-action.js';
import { centsOf } from '../../../invoice/money.js';
import { requireVenue, type VenueRow } from '../../venues/store.js';
import { notifiedNights, recordInventoryUpdated } from '../ari/changes.js';
import { guardRoomWrite, invalidRoom, roomNotFound } from '../errors.js';
import { guestRoomUpsertResult } from '../schemas.js';
import type { VenueRoomsTable } from '../tables.js';
import { claimCode, defaultCode } from './codes.js';
import { guestRoomParams, type GuestRoomParams } from './params.js';
import { findRoom, guestRoomItem, type RoomRow } from './store.js';

type RoomColumns = Updateable<VenueRoomsTable>;

const blankToNull = (value: string | null) => value?.trim() || null;

/** The columns the request sets, whatever they held before. */
function requestedColumns(p: GuestRoomParams): RoomColumns {
  const set: RoomColumns = {};
  if (p.name !== undefined) set.name = p.name.trim();
  if (p.categoryIds !== undefined) set.category_ids = JSON.stringify([...new Set(p.categoryIds)]);
  if (p.capacity !== undefined) set.capacity = p.capacity;
  if (p.description !== undefined) set.description = blankToNull(p.description);
  if (p.numStandardAdults !== undefined) set.num_standard_adults = p.numStandardAdults;
  if (p.numExtraAdults !== undefined) set.num_extra_adults = p.numExtraAdults;
  if (p.extraAdultCost !== undefined) set.extra_adult_cost = centsOf(p.extraAdultCost)!;
  if (p.canSmoke !== undefined) set.can_smoke = p.canSmoke ? 1 : 0;
  if (p.active !== undefined) set.is_active = p.active ? 1 : 0;
  if (p.marketplaceName !== undefined) set.marketplace_name = blankToNull(p.marketplaceName);
  return set;
}

/** Only the requested columns whose value differs from the stored row. */
function changedColumns(set: RoomColumns, row: RoomRow): RoomColumns {
  return Object.fromEntries(Object.entries(set).filter(([column, value]) => row[column as keyof RoomRow] !== value));
}

const notified = (venueId: number, row: RoomRow) => ({ venueId, ...guestRoomItem(row) });

async function requireFreeCode(ctx: ActionContext, venueId: number, code: string, roomId?: number): Promise<void> {
  if (!(await claimCode(ctx.store, venueId, code, roomId))) {
    throw invalidRoom(`code: Another room of the venue already has the code '${code}'`);
  }
}

async function addRoom(ctx: ActionContext, venue: VenueRow, p: GuestRoomParams, set: RoomColumns): Promise<number> {
  const code = p.code?.trim();
  if (code) await requireFreeCode(ctx, venue.id, code);
  const inserted = await ctx.store
    .insertInto('venue_rooms', {
      venue_id: venue.id,
      code: code ?? null,
      name: set.name!,
      description: set.description ?? null,
      num_standard_adults: set.num_standard_adults ?? 2,
      num_extra_adults: set.num_extra_adults ?? 0,
      extra_adult_cost: set.extra_adult_cost ?? 0,
      can_smoke: set.can_smoke ?? 0,
      capacity: set.capacity ?? 0,
      marketplace_name: set.marketplace_name ?? null,
      is_active: set.is_active ?? 1,
      category_ids: set.category_ids ?? '[]',
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!code) {
    const assigned = await defaultCode(ctx.store, venue.id, inserted.id);
    await ctx.store.updateTable('venue_rooms').set({ code: assigned }).where('id', '=', inserted.id).execute();
  }
  const row = (await findRoom(ctx.store, inserted.id))!;
  await ctx.recordChange('GuestRoomAdded', { data: notified(venue.id, row) });
  await recordInventoryUpdated(ctx, venue, [row], notifiedNights(venue, ctx.now));
  return row.id;
}

async function updateRoom(ctx: ActionContext, venue: VenueRow, before: RoomRow, p: GuestRoomParams, requested: RoomColumns): Promise<void> {
  const set = changedColumns(requested, before);
  if (p.code !== undefined) {
    const code = p.code === null ? await defaultCode(ctx.store, venue.id, before.id) : p.code.trim();
    if (p.code !== null && code.toLowerCase() !== (before.code ?? '').toLowerCase()) await requireFreeCode(ctx, venue.id, code, before.id);
    if (code !== before.code) set.code = code;
  }
  if (Object.keys(set).length === 0) return;
  await ctx.store
    .updateTable('venue_rooms')
    .set({ ...set, modified_at: ctx.now })
    .where('id', '=', before.id)
    .execute();
  const after = (await findRoom(ctx.store, before.id))!;
  if (JSON.stringify(guestRoomItem(after)) !== JSON.stringify(guestRoomItem(before))) {
    await ctx.recordChange('GuestRoomUpdated', { data: notified(venue.id, after), previousData: notified(venue.id, before) });
  }
  if (after.capacity !== before.capacity) {
    // Nights with their own room count keep it: only the others follow the capacity.
    await recordInventoryUpdated(ctx, venue, [after], notifiedNights(venue, ctx.now), { capacityNightsOnly: true });
  }
}

async function upsertGuestRoom(ctx: ActionContext, p: GuestRoomParams): Promise<{ success: true; id: number }> {
  if (p.id === undefined && p.venueId === undefined) throw isRequired('venueId');
  const named = p.venueId === undefined ? undefined : await requireVenue(ctx.store, p.venueId);
  if (p.id === undefined) {
    if (p.name === undefined) throw isRequired('name');
    return { success: true, id: await addRoom(ctx, named!, p, requestedColumns(p)) };
  }
  const before = await findRoom(ctx.store, p.id);
  if (!before || (named !== undefined && before.venue_id !== named.id)) throw roomNotFound();
  const venue = named ?? (await requireVenue(ctx.store, before.venue_id));
  await updateRoom(ctx, venue, before, p, requestedColumns(p));
  return { success: true, id: before.id };
}

export const addOrUpdateGuestRoom = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateGuestRoom',
  kind: 'write',
  params: guestRoomParams,
  result: guestRoomUpsertResult,
  handler: (ctx, params) => guardRoomWrite(ctx, () => upsertGuestRoom(ctx, params)),
});
