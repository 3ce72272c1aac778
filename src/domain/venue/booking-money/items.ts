/**
 * venue.addItemsToBooking (add-items-to-booking.md): additional items, each a line of the
 * booking priced at `salePrice` per unit times `quantity`, on a cost center of the venue.
 *
 * Which taxes an item carries is fixed when it is added and kept as its excluded taxes: with
 * `salePriceHasTax` false, none of the venue's taxes; with a `salePriceTaxId`, that tax only
 * (it must apply to the item's cost center); with `salePriceHasTax` and no tax named, the
 * venue's taxes as they apply to any line. Whether the price includes them is the venue's tax
 * setting (get-venue.md, isTaxExclusive), as the page says.
 */
import { z } from 'zod';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, bool, id, int, number, text, timestamp } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { centsOf } from '../../invoice/money.js';
import type { BookingAdditionalItem } from '../bookings/part-schemas.js';
import { CHANGELOG_REF } from '../bookings/changelog.js';
import { taxDetails, totalFields, venueTaxes, type VenueTaxes } from '../sessions/taxes.js';
import { isCancelled, lockBooking, logMoneyChange, requireBooking, type BookingRow } from './booking.js';
import { invalidItem, noItems } from './errors.js';
import { itemTotals, type ItemRow } from './pricing.js';

const MAX_ITEMS = 100;

const itemParams = z.object({
  description: text(1000),
  quantity: number(),
  salePrice: number(),
  salePriceHasTax: bool().optional(),
  salePriceTaxId: id().nullable().optional(),
  cost: number().nullable().optional(),
  costHasTax: bool().optional(),
  costCentreId: id().nullable().optional(),
  costCentreType: int().nullable().optional(),
  startDate: timestamp().nullable().optional(),
  endDate: timestamp().nullable().optional(),
  excludedFromCommissions: bool().optional(),
});
type ItemParams = z.infer<typeof itemParams>;

const params = z.object({ venueId: id(), bookingId: id(), items: array(itemParams, MAX_ITEMS).optional() });

const result = z.strictObject({ success: z.literal(true), items: z.array(z.number().int()) });

function money(value: number, param: string): number {
  const cents = centsOf(value);
  if (cents === null || cents < 0) throw invalidItem(`${param}: Value must be 0 or greater, with at most two decimal places`);
  return cents;
}

/** The venue taxes an item does not carry (see the header). */
function excludedTaxes(taxes: VenueTaxes | undefined, hasTax: boolean, taxId: number | null, costCenterId: number | null, at: string): number[] {
  const all = (taxes?.taxes ?? []).map((t) => t.id);
  if (!hasTax) return all;
  if (taxId === null) return [];
  const tax = taxes?.taxes.find((t) => t.id === taxId);
  if (!tax) throw invalidItem(`${at}.salePriceTaxId: ${taxId} is not a percentage tax of the venue`);
  const centers = JSON.parse(tax.cost_center_ids) as number[];
  if (centers.length > 0 && (costCenterId === null || !centers.includes(costCenterId))) {
    throw invalidItem(`${at}.salePriceTaxId: tax ${taxId} does not apply to cost centre ${costCenterId ?? 'none'}`);
  }
  return all.filter((t) => t !== taxId);
}

async function costCentres(store: Scope, venueId: number, items: readonly ItemParams[]): Promise<Set<number>> {
  const wanted = [...new Set(items.flatMap((i) => (i.costCentreId == null ? [] : [i.costCentreId])))];
  if (wanted.length === 0) return new Set();
  const rows = await store.selectFrom('venue_cost_centers').select('id').where('venue_id', '=', venueId).where('id', 'in', wanted).execute();
  return new Set(rows.map((r) => r.id));
}

const dayOf = (ms: number) => formatTimestamp(ms).slice(0, 10);

function checkDates(booking: BookingRow, p: ItemParams, at: string): void {
  const start = p.startDate ?? null;
  const end = p.endDate ?? null;
  if (start !== null && end !== null && end < start) throw invalidItem(`${at}.endDate: Value must not be before startDate`);
  for (const [name, value] of [['startDate', start], ['endDate', end]] as const) {
    if (value === null) continue;
    const day = dayOf(value);
    if ((booking.date_event_start !== null && day < booking.date_event_start) || (booking.date_event_end !== null && day > booking.date_event_end)) {
      throw invalidItem(`${at}.${name}: Value must fall within the dates of the booking (${booking.date_event_start ?? '…'} to ${booking.date_event_end ?? '…'})`);
    }
  }
}

async function addItems(ctx: ActionContext, p: z.infer<typeof params>) {
  const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
  const items = p.items ?? [];
  if (items.length === 0) throw noItems();
  if (isCancelled(booking)) throw invalidItem('bookingId: the booking is cancelled');
  await lockBooking(ctx, booking.id);
  const [taxes, centres] = await Promise.all([venueTaxes(ctx.store, [booking.venue_id]).then((m) => m.get(booking.venue_id)), costCentres(ctx.store, booking.venue_id, items)]);
  const rows = items.map((item, n) => {
    const at = `items[${n}]`;
    if (!(item.quantity > 0)) throw invalidItem(`${at}.quantity: Value must be greater than 0`);
    const centre = item.costCentreId ?? null;
    if (centre !== null && !centres.has(centre)) throw invalidItem(`${at}.costCentreId: ${centre} is not a cost centre of venue ${booking.venue_id}`);
    checkDates(booking, item, at);
    const salePrice = money(item.salePrice, `${at}.salePrice`);
    if (!Number.isSafeInteger(Math.round(salePrice * item.quantity * 100))) throw invalidItem(`${at}.quantity: the item's total is too large`);
    const hasTax = item.salePriceHasTax ?? true;
    const costHasTax = item.costHasTax ?? true;
    return {
      venue_id: booking.venue_id,
      booking_id: booking.id,
      description: item.description.trim(),
      quantity: item.quantity,
      sale_price: salePrice,
      sale_price_has_tax: hasTax ? 1 : 0,
      sale_price_tax_id: hasTax ? (item.salePriceTaxId ?? null) : null,
      excluded_tax_ids: JSON.stringify(excludedTaxes(taxes, hasTax, item.salePriceTaxId ?? null, centre, at)),
      cost: money(item.cost ?? 0, `${at}.cost`),
      cost_has_tax: costHasTax ? 1 : 0,
      cost_excluded_tax_ids: JSON.stringify(costHasTax ? [] : (taxes?.taxes ?? []).map((t) => t.id)),
      cost_center_id: centre,
      cost_center_type: item.costCentreType ?? null,
      starts_at: item.startDate ?? null,
      ends_at: item.endDate ?? null,
      excluded_from_commissions: item.excludedFromCommissions ? 1 : 0,
      created_at: ctx.now,
      modified_at: ctx.now,
    };
  });
  const ids: number[] = [];
  // One insert per item keeps the ids in the request's order on both databases.
  for (const row of rows) {
    const inserted = await ctx.store.insertInto('booking_items', row).returning('id').executeTakeFirstOrThrow();
    ids.push(inserted.id);
    await logMoneyChange(ctx, booking, { refType: CHANGELOG_REF.additionalItem, refId: inserted.id, note: `Additional item '${row.description}' added` });
  }
  return { success: true as const, items: ids };
}

export const addItemsToBooking = defineAction({
  namespace: 'venue',
  action: 'addItemsToBooking',
  kind: 'write',
  params,
  result,
  handler: (ctx, p) => addItems(ctx, p),
});

/** get-booking.md, Additional Item: dayTaxDetails has the item's taxes on its start date, and is empty without one. */
export function itemPart(taxes: VenueTaxes | undefined, r: ItemRow): BookingAdditionalItem {
  const totals = itemTotals(taxes, r);
  const details = taxDetails(totals);
  return {
    id: r.id,
    description: r.description,
    quantity: r.quantity,
    totalCost: r.sale_price / 100,
    totalCostDiscount: 0,
    totalCostSurcharge: 0,
    totalCostExcludedTaxIds: JSON.parse(r.excluded_tax_ids) as number[],
    actualCost: r.cost / 100,
    actualCostExcludedTaxIds: JSON.parse(r.cost_excluded_tax_ids) as number[],
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
    costcenterId: r.cost_center_id,
    ...totalFields(totals, details),
    startDateTime: r.starts_at === null ? null : formatTimestamp(r.starts_at),
    endDateTime: r.ends_at === null ? null : formatTimestamp(r.ends_at),
    dayTaxDetails: r.starts_at === null ? [] : [{ date: dayOf(r.starts_at), taxDetails: details }],
  };
}

/** The additionalItems loader of bookings/booking-parts.ts. */
export async function itemsOfBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingAdditionalItem[]>> {
  const out = new Map<number, BookingAdditionalItem[]>();
  if (bookingIds.length === 0) return out;
  const rows = await store.selectFrom('booking_items').selectAll().where('booking_id', 'in', [...new Set(bookingIds)]).orderBy('id').execute();
  const taxes = await venueTaxes(
    store,
    rows.map((r) => r.venue_id),
  );
  for (const r of rows) out.set(r.booking_id, [...(out.get(r.booking_id) ?? []), itemPart(taxes.get(r.venue_id), r)]);
  return out;
}
