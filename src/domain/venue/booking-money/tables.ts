/**
 * Storage of what a booking sells besides its sessions: additional items (add-items-to-booking.md)
 * and booking packages (add-or-update-booking-package.md). Conventions are those of
 * storage/schema.ts (epoch-ms `*_at`, `yyyy-mm-dd` dates as text, 0/1 booleans, JSON as text,
 * money in integer cents). Payments and refunds are not stored here: they are the invoice
 * namespace's rows (invoices with refType 4 and the booking's id).
 */
import type { Generated } from 'kysely';

interface Stamped {
  created_at: number;
  modified_at: number;
}

export interface BookingItemsTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  description: string;
  /** May be fractional (hours, kilograms). */
  quantity: number;
  /** Sale price of one unit, cents; tax included unless the venue is tax exclusive. */
  sale_price: number;
  sale_price_has_tax: number;
  sale_price_tax_id: number | null;
  /** The venue taxes not charged on the sale price (JSON array of `venue_taxes` ids), fixed when written. */
  excluded_tax_ids: string;
  /** What one unit costs the venue, cents. */
  cost: number;
  cost_has_tax: number;
  cost_excluded_tax_ids: string;
  cost_center_id: number | null;
  cost_center_type: number | null;
  starts_at: number | null;
  ends_at: number | null;
  excluded_from_commissions: number;
}

/** One cost center's share of a booking package (per person for a per-person package), cents. */
export interface PackageCostCentre {
  costcenterId: number;
  value: number;
  excludedTaxIds: number[];
}

export interface BookingPackagesTable extends Stamped {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  package_id: number;
  booking_date: string;
  /** Cents: per person (price_method 1) or the whole package (2). */
  price: number;
  /** Copied from the venue package when added: 1 per person, 2 flat rate. */
  price_method: number;
  /** JSON array of PackageCostCentre. */
  cost_centers: string;
  number_attendees: number;
  agreed_attendees: number | null;
  expected_attendees: number | null;
  guaranteed_attendees: number | null;
  set_attendees: number | null;
  actual_attendees: number | null;
  is_accomm_included: number;
  small_description: string | null;
  main_space_venue_id: number | null;
  main_space_id: number | null;
  space_layout_id: number | null;
}

declare module '../../../storage/schema.js' {
  interface Database {
    booking_items: BookingItemsTable;
    booking_packages: BookingPackagesTable;
  }
}
