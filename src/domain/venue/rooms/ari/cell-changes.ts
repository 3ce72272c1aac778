/**
 * ARI notifications of per-night writes (ari-endpoint.md): RoomInventoryUpdated,
 * RoomRatesUpdated and RatePlanBookingRulesUpdated, each with exactly the cells a write
 * touched, valued as getRoomInventory / getRoomRates / getRatePlanBookingRules answer them
 * after the write, in the order those reads answer. Only venues with a distribution channel
 * publish them (the page's note), like recordInventoryUpdated in changes.ts.
 *
 * A body holds at most CHANGE_ITEMS cells: a channel manager pushing a year of nights for
 * every room and plan gets several notifications, each far below the 256 KB an SNS message
 * may carry.
 */
import type { ActionContext } from '../../../../registry/context.js';
import type { Subject } from '../../../../outbox/subjects.js';
import type { VenueRow } from '../../venues/store.js';
import type { RoomRow } from '../guest-rooms/store.js';
import type { RatePlanRow } from '../rate-plans/store.js';
import { bookingRuleNights } from './booking-rules.js';
import { roomInventory } from './inventory.js';
import { nightlyRates } from './rates.js';

export const CHANGE_ITEMS = 1_000;

/** A night of one room type, in one rate plan when the value belongs to a plan. */
export interface AriCell {
  readonly roomId: number;
  readonly night: string;
  readonly planId?: number;
}

export const cellKey = (roomId: number, night: string, planId = 0): string => `${planId}|${roomId}|${night}`;

interface Scoped {
  readonly rooms: RoomRow[];
  readonly nights: string[];
  readonly keys: Set<string>;
}

/** The rooms and nights the cells span (nights sorted, as the reads want them) and their keys. */
function span(cells: readonly AriCell[], roomsById: ReadonlyMap<number, RoomRow>): Scoped {
  const roomIds = [...new Set(cells.map((c) => c.roomId))].sort((a, b) => a - b);
  return {
    rooms: roomIds.map((id) => roomsById.get(id)!),
    nights: [...new Set(cells.map((c) => c.night))].sort(),
    keys: new Set(cells.map((c) => cellKey(c.roomId, c.night, c.planId))),
  };
}

async function recordInChunks(ctx: ActionContext, subject: Subject, data: readonly object[]): Promise<void> {
  for (let i = 0; i < data.length; i += CHANGE_ITEMS) {
    await ctx.recordChange(subject, { data: data.slice(i, i + CHANGE_ITEMS) });
  }
}

export async function recordInventoryCells(ctx: ActionContext, venue: VenueRow, roomsById: ReadonlyMap<number, RoomRow>, cells: readonly AriCell[]): Promise<void> {
  if (venue.has_distribution_channel !== 1 || cells.length === 0) return;
  const { rooms, nights, keys } = span(cells, roomsById);
  const answered = await roomInventory(ctx.store, rooms, nights);
  await recordInChunks(ctx, 'RoomInventoryUpdated', answered.filter((n) => keys.has(cellKey(n.roomId, n.date))));
}

/** Plans in id order, each with its cells: the reads answer one plan at a time. */
function byPlan(cells: readonly AriCell[]): Array<[number, AriCell[]]> {
  const groups = new Map<number, AriCell[]>();
  for (const cell of cells) {
    const list = groups.get(cell.planId!) ?? [];
    list.push(cell);
    groups.set(cell.planId!, list);
  }
  return [...groups].sort(([a], [b]) => a - b);
}

export async function recordRateCells(ctx: ActionContext, venue: VenueRow, roomsById: ReadonlyMap<number, RoomRow>, cells: readonly AriCell[]): Promise<void> {
  if (venue.has_distribution_channel !== 1 || cells.length === 0) return;
  const data = [];
  for (const [planId, planCells] of byPlan(cells)) {
    const { rooms, nights, keys } = span(planCells, roomsById);
    const answered = await nightlyRates(ctx.store, planId, rooms, nights);
    data.push(...answered.filter((n) => keys.has(cellKey(n.roomId, n.date, planId))));
  }
  await recordInChunks(ctx, 'RoomRatesUpdated', data);
}

export async function recordBookingRuleCells(
  ctx: ActionContext,
  venue: VenueRow,
  roomsById: ReadonlyMap<number, RoomRow>,
  plansById: ReadonlyMap<number, RatePlanRow>,
  cells: readonly AriCell[],
): Promise<void> {
  if (venue.has_distribution_channel !== 1 || cells.length === 0) return;
  const { rooms, nights, keys } = span(cells, roomsById);
  const plans = [...new Set(cells.map((c) => c.planId!))].sort((a, b) => a - b).map((id) => plansById.get(id)!);
  const answered = await bookingRuleNights(ctx.store, plans, rooms, nights);
  await recordInChunks(ctx, 'RatePlanBookingRulesUpdated', answered.filter((n) => keys.has(cellKey(n.roomId, n.date, n.barId))));
}
