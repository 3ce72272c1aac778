/**
 * The taxes on one priced line of a session (the session's room hire, a menu, a beverage
 * package, a resource), in integer cents. A venue's percentage taxes (get-tax-list.md: type 1
 * tax, applying to all, amount type 1) apply to the line unless its cost center is not one
 * they name or the line excludes them. Prices include tax unless the venue is tax exclusive
 * (get-venue.md, isTaxExclusive); each tax is rounded half up to the cent on its own. Fixed
 * amount taxes are counted in units (room nights, capacity) a session line does not have, and
 * service fees are lines of their own: neither applies here. A line included in a package is
 * priced by the package and carries no tax of its own.
 */
import type { Scope } from '../../../storage/scope.js';

export interface VenueTax {
  id: number;
  venue_id: number;
  /** Hundredths of a percent. */
  amount: number;
  cost_center_ids: string;
}

export interface TaxDetail {
  id: number;
  tax: number;
  rateId: number;
  rateAmount: number;
  rateAmountType: number;
}

/** What a line comes to, in cents. */
export interface LineTotals {
  totalAmount: number;
  totalTaxAmount: number;
  /** Tax in cents per tax id. */
  taxes: Array<{ id: number; cents: number; rate: number }>;
}

export interface PricedLine {
  cents: number;
  costCenterId: number | null;
  excludedTaxIds: readonly number[];
  inPackage: boolean;
}

export interface VenueTaxes {
  exclusive: boolean;
  taxes: VenueTax[];
}

/** The percentage taxes and tax mode of some venues. */
export async function venueTaxes(store: Scope, venueIds: readonly number[]): Promise<Map<number, VenueTaxes>> {
  const ids = [...new Set(venueIds)];
  if (ids.length === 0) return new Map();
  const [venues, taxes] = await Promise.all([
    store.selectFrom('venues').select(['id', 'is_tax_exclusive']).where('id', 'in', ids).execute(),
    store
      .selectFrom('venue_taxes')
      .select(['id', 'venue_id', 'amount', 'cost_center_ids'])
      .where('venue_id', 'in', ids)
      .where('type', '=', 1)
      .where('applies_to', '=', 1)
      .where('amount_type', '=', 1)
      .orderBy('id')
      .execute(),
  ]);
  return new Map(venues.map((v) => [v.id, { exclusive: v.is_tax_exclusive === 1, taxes: taxes.filter((t) => t.venue_id === v.id) }]));
}

export function lineTotals(venue: VenueTaxes | undefined, line: PricedLine): LineTotals {
  if (line.inPackage || !venue) return { totalAmount: 0, totalTaxAmount: 0, taxes: [] };
  const applying = venue.taxes.filter((t) => {
    if (line.excludedTaxIds.includes(t.id)) return false;
    const centers = JSON.parse(t.cost_center_ids) as number[];
    return centers.length === 0 || (line.costCenterId !== null && centers.includes(line.costCenterId));
  });
  const rate = applying.reduce((sum, t) => sum + t.amount, 0);
  // Inclusive: the price is 100% + rate; each tax is its share of that.
  const base = venue.exclusive ? 10_000 : 10_000 + rate;
  const taxes = applying.map((t) => ({ id: t.id, cents: Math.round((line.cents * t.amount) / base), rate: t.amount }));
  const totalTaxAmount = taxes.reduce((sum, t) => sum + t.cents, 0);
  return { totalAmount: venue.exclusive ? line.cents + totalTaxAmount : line.cents, totalTaxAmount, taxes };
}

/** get-booking.md, Tax Detail: the tax in currency units, its rate in percent (rate type 1). */
export const taxDetails = (totals: LineTotals): TaxDetail[] =>
  totals.taxes.map((t) => ({ id: t.id, tax: t.cents / 100, rateId: 0, rateAmount: t.rate / 100, rateAmountType: 1 }));

/**
 * The totals every priced line of get-booking.md shows, in currency units. Marquee keeps no
 * discounts or surcharges on lines, so those are 0.
 */
export const totalFields = (totals: LineTotals, details: TaxDetail[] = taxDetails(totals)) => ({
  totalAmount: totals.totalAmount / 100,
  totalDiscount: 0,
  totalSurcharge: 0,
  totalTaxAmount: totals.totalTaxAmount / 100,
  taxDetails: details,
});
