/**
 * venue.getBookingTaxList (get-booking-tax-list.md): the venue's taxes that the booking's
 * priced lines carry (pricing.ts) — a tax is listed when it is charged on at least one line
 * with an amount (a session's cost, a session's menu, beverage package or resource, an
 * additional item, a package cost center). A booking has
 * no taxes of its own in Marquee (no per-booking overrides), so a booking tax is the venue tax:
 * `id` and `venueTaxId` are the same number. The amounts charged are in getBooking
 * (totalTaxAmount and each line's taxDetails).
 */
import { z } from 'zod';
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, id } from '../../../registry/params.js';
import { bool, idList, units } from '../catalog/values.js';
import { requireBooking } from './booking.js';
import { priceBookings } from './pricing.js';

const oneOrTwo = z.union([z.literal(1), z.literal(2)]);
const int = z.number().int();

const bookingTaxResult = z.strictObject({
  id: int,
  venueId: int,
  bookingId: int,
  venueTaxId: int,
  name: z.string(),
  type: oneOrTwo,
  appliesTo: oneOrTwo,
  amountType: oneOrTwo,
  amount: z.number(),
  taxIds: z.array(int),
  excludedTaxIds: z.array(int),
  costcenterIds: z.array(int),
  calculateExclusively: z.boolean(),
  unitType: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
});

/** The ids of the taxes charged on the booking's lines. */
async function chargedTaxIds(store: Parameters<typeof priceBookings>[0], bookingId: number): Promise<number[]> {
  const priced = (await priceBookings(store, [bookingId])).get(bookingId);
  const ids = new Set<number>();
  for (const line of priced?.lines ?? []) if (line.totalAmount > 0) for (const t of line.taxes) ids.add(t.id);
  return [...ids];
}

export const getBookingTaxList = defineListAction({
  namespace: 'venue',
  action: 'getBookingTaxList',
  params: { venueId: id(), bookingId: id(), ...collection },
  filters: {
    id: { column: 'venue_taxes.id', type: 'integer' },
    venueTaxId: { column: 'venue_taxes.id', type: 'integer' },
    name: { column: 'venue_taxes.name', type: 'string' },
    type: { column: 'venue_taxes.type', type: 'integer' },
    amountType: { column: 'venue_taxes.amount_type', type: 'integer' },
  },
  item: bookingTaxResult,
  async rows(ctx, params) {
    const booking = await requireBooking(ctx.store, params.bookingId, params.venueId);
    const ids = await chargedTaxIds(ctx.store, booking.id);
    return {
      from: ctx.store.selectFrom('venue_taxes'),
      idColumn: 'venue_taxes.id',
      select: (qb) => qb.selectAll('venue_taxes'),
      // No tax charged: an id no row has, so the list is empty.
      where: (eb) => eb.and([eb('venue_taxes.venue_id', '=', booking.venue_id), eb('venue_taxes.id', 'in', ids.length > 0 ? ids : [0])]),
    };
  },
  items: (rows, _ctx, params) =>
    rows.map((r) => ({
      id: r.id,
      venueId: r.venue_id,
      bookingId: params.bookingId,
      venueTaxId: r.id,
      name: r.name,
      type: r.type as 1 | 2,
      appliesTo: r.applies_to as 1 | 2,
      amountType: r.amount_type as 1 | 2,
      amount: units(r.amount),
      taxIds: idList(r.tax_ids),
      excludedTaxIds: idList(r.excluded_tax_ids),
      costcenterIds: idList(r.cost_center_ids),
      calculateExclusively: bool(r.calculate_exclusively),
      unitType: r.unit_type as 1 | 2 | 3 | null,
    })),
});
