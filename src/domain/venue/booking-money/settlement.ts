/**
 * What has been paid on bookings: the invoices raised for them (refType 4 Venue Booking, the
 * booking's id), whoever recorded the payments — this area's addPaymentToBooking or the
 * invoice namespace's addPayment on a booking invoice. Net paid is paid less refunded.
 */
import { InvoiceRefType } from '../../invoice/store.js';
import type { Scope } from '../../../storage/scope.js';
import { priceBookings, sumTotals } from './pricing.js';
import type { BookingMoney } from '../bookings/booking-parts.js';

export interface BookingInvoiceMoney {
  id: number;
  paidCents: number;
  refundedCents: number;
}

/** Each booking's invoices, oldest first; bookings without invoices map to an empty list. */
export async function bookingInvoices(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingInvoiceMoney[]>> {
  const wanted = [...new Set(bookingIds)];
  const out = new Map<number, BookingInvoiceMoney[]>(wanted.map((id) => [id, []]));
  if (wanted.length === 0) return out;
  const rows = await store
    .selectFrom('invoices')
    .select(['id', 'booking_id', 'amount_paid_cents', 'amount_refunded_cents'])
    .where('ref_type', '=', InvoiceRefType.venueBooking)
    .where('booking_id', 'in', wanted)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    if (r.booking_id !== null) out.get(r.booking_id)?.push({ id: r.id, paidCents: Number(r.amount_paid_cents), refundedCents: Number(r.amount_refunded_cents) });
  }
  return out;
}

export const netPaid = (invoices: readonly BookingInvoiceMoney[]): number => invoices.reduce((s, i) => s + i.paidCents - i.refundedCents, 0);

/** Totals in cents: what the booking's lines come to (tax included), their tax, and what is still owed. */
export interface MoneyCents {
  totalCents: number;
  taxCents: number;
  outstandingCents: number;
}

export async function bookingMoneyCents(store: Scope, bookingIds: readonly number[]): Promise<Map<number, MoneyCents>> {
  const [pricing, invoices] = await Promise.all([priceBookings(store, bookingIds), bookingInvoices(store, bookingIds)]);
  const out = new Map<number, MoneyCents>();
  for (const [id, priced] of pricing) {
    const totals = sumTotals(priced.lines);
    out.set(id, { totalCents: totals.totalAmount, taxCents: totals.totalTaxAmount, outstandingCents: totals.totalAmount - netPaid(invoices.get(id) ?? []) });
  }
  return out;
}

/** The money loader of bookings/booking-parts.ts: amounts in currency units. */
export async function moneyOfBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingMoney>> {
  const cents = await bookingMoneyCents(store, bookingIds);
  return new Map(
    [...cents].map(([id, m]) => [id, { totalAmount: m.totalCents / 100, totalTaxAmount: m.taxCents / 100, amountOutstanding: m.outstandingCents / 100 }]),
  );
}
