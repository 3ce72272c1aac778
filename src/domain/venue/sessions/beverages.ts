/**
 * A session's beverage packages: venue.addOrUpdateBookingSessionBeverage and
 * removeBookingSessionBeverage (add-or-update-booking-session-beverage.md).
 *
 * A package is one of the venue's beverage packages (catalog, venue_beverage_packages). One
 * with hourly prices needs `costPeriod` when added; hourly (1) needs `numHours`, one of the
 * hours the venue prices. Every item of a package is poured: `items` may rename an item or
 * change its quantity or price, never drop one ("Required non-removable items cannot be
 * removed"), and names only the package's items.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, bool, id, int, intEnum, number, text } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { REF, trackSessionChange } from './changes.js';
import { clockTime } from './clock.js';
import { BEVERAGE_CODES, guardLineWrite, missing, rejected, required } from './errors.js';
import { lineTimes, saveSessionLine } from './line-write.js';
import { lineTarget, linePricing } from './line-params.js';
import { count, optionalRef } from './params.js';
import { cents } from './references.js';
import { lineResult } from './schemas.js';
import { requireSession, type BeverageRow } from './store.js';

const C = BEVERAGE_CODES;

interface BeverageLine {
  itemId: number;
  name: string;
  quantity: number;
  price: number;
}

const itemParam = z.object({ itemId: id(), name: text(255).optional(), quantity: count().optional(), price: number().optional() });

export const beverageParams = z.object({
  id: id().optional(),
  venueId: id(),
  bookingId: id().optional(),
  sessionId: id().optional(),
  beverageId: id().optional(),
  name: text(255).optional(),
  minAttendeesGuaranteed: count().optional(),
  startTime: clockTime().nullable().optional(),
  endTime: clockTime().nullable().optional(),
  sameAsSessionTime: bool().optional(),
  includeInPackage: bool().optional(),
  bookingPackageId: optionalRef().nullable().optional(),
  costcenterId: optionalRef().nullable().optional(),
  cost: number().optional(),
  excludedTaxIds: array(id()).nullable().optional(),
  costPeriod: intEnum([1, 2] as const)
    .nullable()
    .optional(),
  numHours: number().nullable().optional(),
  sortOrder: int().optional(),
  excludedFromCommissions: bool().optional(),
  items: array(itemParam, 200).nullable().optional(),
});
type BeverageParams = z.output<typeof beverageParams>;

async function findBeverageLine(store: Scope, id: number): Promise<BeverageRow | undefined> {
  return store.selectFrom('booking_session_beverages').selectAll().where('id', '=', id).executeTakeFirst();
}

async function pouredItems(store: Scope, packageId: number, given: z.output<typeof itemParam>[], kept: BeverageLine[]): Promise<BeverageLine[]> {
  const items = await store.selectFrom('venue_beverage_package_items').selectAll().where('package_id', '=', packageId).orderBy('sort_order').orderBy('id').execute();
  const known = new Set(items.map((i) => i.id));
  for (const g of given) if (!known.has(g.itemId)) throw rejected(C, `items: ${g.itemId} is not an item of beverage package ${packageId}`);
  const named = new Map(given.map((g) => [g.itemId, g]));
  const before = new Map(kept.map((k) => [k.itemId, k]));
  return items.map((i) => {
    const g = named.get(i.id);
    const was = before.get(i.id);
    return {
      itemId: i.id,
      name: g?.name?.trim() ?? was?.name ?? i.name,
      quantity: g?.quantity ?? was?.quantity ?? 1,
      price: g?.price !== undefined ? cents(C, g.price, 'items.price') : (was?.price ?? 0),
    };
  });
}

/** costPeriod and numHours, checked against the package's hourly prices. */
async function period(store: Scope, packageId: number, p: BeverageParams, current: BeverageRow | undefined): Promise<{ cost_period: number | null; num_hours: number | null }> {
  const hours = await store.selectFrom('venue_beverage_package_costs').select('num_hours').where('package_id', '=', packageId).orderBy('num_hours').execute();
  const samePackage = current?.beverage_id === packageId;
  const costPeriod = p.costPeriod !== undefined ? p.costPeriod : samePackage ? current.cost_period : null;
  if (hours.length === 0) {
    if (costPeriod === 1) throw rejected(C, `costPeriod: beverage package ${packageId} has no hourly prices`);
    return { cost_period: costPeriod, num_hours: null };
  }
  if (costPeriod === null) throw required(C, 'costPeriod');
  if (costPeriod === 2) return { cost_period: 2, num_hours: null };
  const numHours = p.numHours !== undefined ? p.numHours : samePackage ? current.num_hours : null;
  if (numHours === null) throw required(C, 'numHours');
  if (!hours.some((h) => Math.abs(h.num_hours - numHours) < 1e-9)) {
    throw rejected(C, `numHours: ${numHours} is not one of the hours beverage package ${packageId} is priced for (${hours.map((h) => h.num_hours).join(', ')})`);
  }
  return { cost_period: 1, num_hours: numHours };
}

async function upsertBeverage(ctx: ActionContext, p: BeverageParams) {
  const { session, current, venueId } = await lineTarget(ctx, C, p, (lineId) => findBeverageLine(ctx.store, lineId));
  if (!current) {
    if (p.beverageId === undefined) throw required(C, 'beverageId');
    if (p.name === undefined) throw required(C, 'name');
    if (p.minAttendeesGuaranteed === undefined) throw required(C, 'minAttendeesGuaranteed');
  }
  const beverageId = p.beverageId ?? current!.beverage_id;
  const pack = await ctx.store.selectFrom('venue_beverage_packages').selectAll().where('id', '=', beverageId).where('venue_id', '=', venueId).executeTakeFirst();
  if (!pack) throw rejected(C, `beverageId: ${beverageId} is not a beverage package of venue ${venueId}`);
  if (pack.current_status !== 1 && beverageId !== current?.beverage_id) throw rejected(C, `beverageId: beverage package '${pack.name}' is inactive`);
  const priced = await linePricing(ctx, C, venueId, p, current, { costCenter: 'costcenterId' });
  const costPeriod = await period(ctx.store, beverageId, p, current);
  const kept = current && current.beverage_id === beverageId ? (JSON.parse(current.items) as BeverageLine[]) : [];
  const items = await pouredItems(ctx.store, beverageId, p.items ?? [], kept);

  const columns = {
    beverage_id: beverageId,
    beverage_venue_id: venueId,
    name: p.name?.trim() ?? current!.name,
    min_attendees_guaranteed: p.minAttendeesGuaranteed ?? current!.min_attendees_guaranteed,
    ...lineTimes(C, p, current),
    ...costPeriod,
    excluded_from_commissions: p.excludedFromCommissions !== undefined ? (p.excludedFromCommissions ? 1 : 0) : (current?.excluded_from_commissions ?? 1),
    items: JSON.stringify(items),
    sort_order: p.sortOrder ?? current?.sort_order ?? 0,
    ...priced,
  };

  let lineId = current?.id ?? 0;
  await trackSessionChange(
    ctx,
    session,
    async () => {
      const saved = await saveSessionLine(ctx, session, 'booking_session_beverages', current, columns, findBeverageLine);
      lineId = saved.row.id;
      return saved.changed;
    },
    () => ({ refType: REF.beverage, refId: lineId, note: `Beverage package '${columns.name}' ${current ? 'updated' : 'added'} in session '${session.name}'` }),
  );
  return { success: true as const, id: lineId };
}

export const addOrUpdateBookingSessionBeverage = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingSessionBeverage',
  kind: 'write',
  params: beverageParams,
  result: lineResult,
  handler: (ctx, p) => guardLineWrite(ctx, C.failed, () => upsertBeverage(ctx, p)),
});

async function removeBeverage(ctx: ActionContext, p: { id: number; venueId?: number | undefined; bookingId?: number | undefined; sessionId?: number | undefined }) {
  const line = await findBeverageLine(ctx.store, p.id);
  const matches = line && (p.sessionId ?? line.session_id) === line.session_id && (p.bookingId ?? line.booking_id) === line.booking_id;
  if (!line || !matches || (p.venueId !== undefined && p.venueId !== line.venue_id && p.venueId !== line.beverage_venue_id)) throw missing(C.line);
  const session = await requireSession(ctx.store, C, line.session_id, {});
  await trackSessionChange(
    ctx,
    session,
    async () => {
      await ctx.store.deleteFrom('booking_session_beverages').where('id', '=', line.id).execute();
      return true;
    },
    () => ({ refType: REF.beverage, refId: line.id, note: `Beverage package '${line.name}' removed from session '${session.name}'` }),
  );
  return { success: true as const, id: line.id };
}

export const removeBookingSessionBeverage = defineAction({
  namespace: 'venue',
  action: 'removeBookingSessionBeverage',
  kind: 'write',
  params: z.object({ id: id(), venueId: id().optional(), bookingId: id().optional(), sessionId: id().optional() }),
  result: lineResult,
  handler: (ctx, p) => guardLineWrite(ctx, C.failed, () => removeBeverage(ctx, p)),
});
