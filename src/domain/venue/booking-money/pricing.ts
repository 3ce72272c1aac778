/**
 * What a booking's priced lines come to, in integer cents: the sessions' own costs and their
 * menus, beverage packages and resources (priced by the sessions area, as getBooking shows
 * them), additional items and packages. Every line is taxed by
 * the same rule (sessions/taxes.ts, lineTotals): the venue's percentage taxes that apply to
 * the line's cost center and that the line does not exclude; prices include tax unless the
 * venue is tax exclusive; each tax of each line is rounded half up to the cent on its own, and
 * a booking's tax is the sum of its lines' rounded taxes.
 */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import { sessionLineTotals } from '../sessions/booking-parts.js';
import { lineTotals, venueTaxes, type LineTotals, type VenueTaxes } from '../sessions/taxes.js';
import type { BookingItemsTable, BookingPackagesTable, PackageCostCentre } from './tables.js';

export type ItemRow = Selectable<BookingItemsTable>;
export type PackageRow = Selectable<BookingPackagesTable>;

const ids = (json: string) => JSON.parse(json) as number[];

/** An item's line: its unit price times its quantity, rounded half up to the cent. */
export const itemCents = (r: Pick<ItemRow, 'sale_price' | 'quantity'>): number => Math.round(r.sale_price * r.quantity);

export const itemTotals = (venue: VenueTaxes | undefined, r: ItemRow): LineTotals =>
  lineTotals(venue, { cents: itemCents(r), costCenterId: r.cost_center_id, excludedTaxIds: ids(r.excluded_tax_ids), inPackage: false });

export const costCentresOf = (r: Pick<PackageRow, 'cost_centers'>) => JSON.parse(r.cost_centers) as PackageCostCentre[];

/** How many times a package's price is charged: once per attendee for a per-person package. */
export const packageUnits = (r: Pick<PackageRow, 'price_method' | 'number_attendees'>): number => (r.price_method === 1 ? r.number_attendees : 1);

/**
 * A package's lines: one per cost center of its split (each taxed on its own cost center and
 * exclusions), or the whole price on no cost center when it has no split.
 */
export function packageTotals(venue: VenueTaxes | undefined, r: PackageRow): { costCentres: Array<PackageCostCentre & { totals: LineTotals }>; totals: LineTotals } {
  const units = packageUnits(r);
  const split = costCentresOf(r);
  if (split.length === 0) {
    const totals = lineTotals(venue, { cents: r.price * units, costCenterId: null, excludedTaxIds: [], inPackage: false });
    return { costCentres: [], totals };
  }
  const costCentres = split.map((c) => ({
    ...c,
    totals: lineTotals(venue, { cents: c.value * units, costCenterId: c.costcenterId, excludedTaxIds: c.excludedTaxIds, inPackage: false }),
  }));
  return { costCentres, totals: sumTotals(costCentres.map((c) => c.totals)) };
}

/** Lines added up: amounts summed, each tax summed by id (in the order first met). */
export function sumTotals(lines: readonly LineTotals[]): LineTotals {
  const taxes = new Map<number, { id: number; cents: number; rate: number }>();
  for (const line of lines) {
    for (const t of line.taxes) {
      const seen = taxes.get(t.id);
      if (seen) seen.cents += t.cents;
      else taxes.set(t.id, { ...t });
    }
  }
  return {
    totalAmount: lines.reduce((s, l) => s + l.totalAmount, 0),
    totalTaxAmount: lines.reduce((s, l) => s + l.totalTaxAmount, 0),
    taxes: [...taxes.values()],
  };
}

export interface BookingPricing {
  venueId: number;
  /** Every priced line of the booking, in cents. */
  lines: LineTotals[];
}

/** The priced lines of a page of bookings, by booking id (bookings not in the account are absent). */
export async function priceBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingPricing>> {
  const wanted = [...new Set(bookingIds)];
  const out = new Map<number, BookingPricing>();
  if (wanted.length === 0) return out;
  const [bookings, sessions, sessionLines, items, packages] = await Promise.all([
    store.selectFrom('bookings').select(['id', 'venue_id']).where('id', 'in', wanted).execute(),
    store
      .selectFrom('booking_sessions')
      .select(['booking_id', 'venue_id', 'cost', 'cost_center_id', 'excluded_tax_ids', 'include_in_package'])
      .where('booking_id', 'in', wanted)
      .orderBy('id')
      .execute(),
    sessionLineTotals(store, wanted),
    store.selectFrom('booking_items').selectAll().where('booking_id', 'in', wanted).orderBy('id').execute(),
    store.selectFrom('booking_packages').selectAll().where('booking_id', 'in', wanted).orderBy('id').execute(),
  ]);
  const taxes = await venueTaxes(
    store,
    bookings.map((b) => b.venue_id),
  );
  for (const b of bookings) out.set(b.id, { venueId: b.venue_id, lines: [] });
  const add = (bookingId: number, totals: LineTotals) => out.get(bookingId)?.lines.push(totals);
  for (const s of sessions) {
    add(
      s.booking_id,
      lineTotals(taxes.get(s.venue_id), { cents: s.cost, costCenterId: s.cost_center_id, excludedTaxIds: ids(s.excluded_tax_ids), inPackage: s.include_in_package === 1 }),
    );
  }
  for (const [bookingId, lines] of sessionLines) for (const line of lines) add(bookingId, line);
  for (const i of items) add(i.booking_id, itemTotals(taxes.get(i.venue_id), i));
  for (const p of packages) for (const line of packageLines(taxes.get(p.venue_id), p)) add(p.booking_id, line);
  return out;
}

function packageLines(venue: VenueTaxes | undefined, p: PackageRow): LineTotals[] {
  const priced = packageTotals(venue, p);
  return priced.costCentres.length > 0 ? priced.costCentres.map((c) => c.totals) : [priced.totals];
}
