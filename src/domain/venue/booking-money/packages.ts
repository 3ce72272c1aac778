/**
 * venue.addOrUpdateBookingPackage (add-or-update-booking-package.md): a venue package sold on
 * a booking. Its price is per person or for the whole package, as the venue package's price
 * method says (copied when added), and splits over cost centers (`costcenters`, per person for
 * a per-person package), each taxed on its own (pricing.ts).
 *
 * Without `price` a new booking package costs what the venue package costs, split as the venue
 * package splits it; a `price` without `costcenters` scales that split (or, on an update, the
 * booking package's own) to the price, cents left over by rounding going to the largest share;
 * `costcenters` without `price` make the price their sum, and with one must add up to it.
 * A new booking package brings the venue package's sessions into the booking
 * (sessions/package-sessions.ts); `warnings` is `["packageSessionErrors"]` when one of them
 * could not be added, else null. An update changes the booking package only.
 */
import { z } from 'zod';
import { formatDate, formatTimestamp } from '../../../protocol/timestamp.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, bool, date, id, int, number, string } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { centsOf } from '../../invoice/money.js';
import { CHANGELOG_REF } from '../bookings/changelog.js';
import { guardBookingWrite } from '../bookings/errors.js';
import type { BookingPackage } from '../bookings/part-schemas.js';
import { addPackageSessions } from '../sessions/package-sessions.js';
import { taxDetails, totalFields, venueTaxes, type VenueTaxes } from '../sessions/taxes.js';
import { isCancelled, lockBooking, logMoneyChange, requireBooking, type BookingRow } from './booking.js';
import { bookingPackageNotFound, PACKAGE_CODES, packageInvalid, packageNotFound, packageRejected } from './errors.js';
import { costCentresOf, packageTotals, type PackageRow } from './pricing.js';
import type { PackageCostCentre } from './tables.js';

const attendees = () => int().nullable().optional();

const params = z.object({
  id: id().optional(),
  venueId: id().optional(),
  bookingId: id().optional(),
  packageId: id().optional(),
  bookingDate: date().nullable().optional(),
  price: number().nullable().optional(),
  costcenters: array(z.object({ id: id(), value: number(), excludedTaxIds: array(id()).nullable().optional() }), 50).nullable().optional(),
  mainSpaceVenueId: id().nullable().optional(),
  mainSpaceId: id().nullable().optional(),
  spaceLayoutId: id().nullable().optional(),
  numberAttendees: int().nullable().optional(),
  agreedAttendees: attendees(),
  expectedAttendees: attendees(),
  guaranteedAttendees: attendees(),
  setAttendees: attendees(),
  actualAttendees: attendees(),
  isAccommIncluded: bool().nullable().optional(),
  smallDescription: string(2000).nullable().optional(),
});
type Params = z.infer<typeof params>;

/** add-or-update-booking-package.md, Response Warnings; a list as add-or-update-booking.md shows one. */
const result = z.strictObject({ success: z.literal(true), id: z.number().int(), warnings: z.array(z.literal('packageSessionErrors')).nullable() });

const required = (param: string) => packageInvalid(`${param}: *Value is required and can't be empty*`);

function cents(value: number, param: string): number {
  const c = centsOf(value);
  if (c === null || c < 0) throw packageInvalid(`${param}: Value must be 0 or greater, with at most two decimal places`);
  return c;
}

function count(value: number | null | undefined, param: string): number | null | undefined {
  if (value !== undefined && value !== null && value < 0) throw packageInvalid(`${param}: Value must be 0 or greater`);
  return value;
}

/** `split` scaled to add up to `price`; the cents rounding leaves over go to the largest share. */
export function scaleSplit(split: readonly PackageCostCentre[], price: number): PackageCostCentre[] {
  if (split.length === 0) return [];
  const sum = split.reduce((s, c) => s + c.value, 0);
  const scaled = split.map((c, i) => ({ ...c, value: sum === 0 ? (i === 0 ? price : 0) : Math.floor((c.value * price) / sum) }));
  const largest = scaled.reduce((best, c, i) => (c.value > scaled[best]!.value ? i : best), 0);
  scaled[largest]!.value += price - scaled.reduce((s, c) => s + c.value, 0);
  return scaled;
}

async function givenSplit(store: Scope, venueId: number, given: NonNullable<Params['costcenters']>): Promise<PackageCostCentre[]> {
  const centreIds = [...new Set(given.map((c) => c.id))];
  if (centreIds.length !== given.length) throw packageInvalid('costcenters: each cost center may be named once');
  const taxIds = [...new Set(given.flatMap((c) => c.excludedTaxIds ?? []))];
  const [centres, taxes] = await Promise.all([
    store.selectFrom('venue_cost_centers').select('id').where('venue_id', '=', venueId).where('id', 'in', centreIds).execute(),
    taxIds.length ? store.selectFrom('venue_taxes').select('id').where('venue_id', '=', venueId).where('id', 'in', taxIds).execute() : [],
  ]);
  const knownCentres = new Set(centres.map((c) => c.id));
  const knownTaxes = new Set(taxes.map((t) => t.id));
  return given.map((c, n) => {
    if (!knownCentres.has(c.id)) throw packageRejected(`costcenters[${n}].id: ${c.id} is not a cost center of venue ${venueId}`);
    const excluded = [...new Set(c.excludedTaxIds ?? [])];
    const unknown = excluded.find((t) => !knownTaxes.has(t));
    if (unknown !== undefined) throw packageRejected(`costcenters[${n}].excludedTaxIds: ${unknown} is not a tax of venue ${venueId}`);
    return { costcenterId: c.id, value: cents(c.value, `costcenters[${n}].value`), excludedTaxIds: excluded };
  });
}

async function catalogueSplit(store: Scope, packageId: number): Promise<PackageCostCentre[]> {
  const rows = await store.selectFrom('venue_package_cost_centers').selectAll().where('package_id', '=', packageId).orderBy('cost_center_id').execute();
  return rows.map((r) => ({ costcenterId: r.cost_center_id, value: r.value, excludedTaxIds: JSON.parse(r.excluded_tax_ids) as number[] }));
}

/** The price and its split (see the header). */
async function pricing(store: Scope, venueId: number, p: Params, pkg: { id: number; cost: number }, current: PackageRow | undefined): Promise<{ price: number; split: PackageCostCentre[] }> {
  const price = p.price === undefined || p.price === null ? undefined : cents(p.price, 'price');
  if (p.costcenters && p.costcenters.length > 0) {
    const split = await givenSplit(store, venueId, p.costcenters);
    const sum = split.reduce((s, c) => s + c.value, 0);
    if (price !== undefined && price !== sum) throw packageInvalid(`costcenters: the values add up to ${sum / 100}, not the price ${price / 100}`);
    return { price: sum, split };
  }
  const base = current ? costCentresOf(current) : await catalogueSplit(store, pkg.id);
  if (price === undefined) return current ? { price: current.price, split: base } : { price: pkg.cost, split: base };
  return { price, split: current && current.price === price ? base : scaleSplit(base, price) };
}

/** The main space and layout a new booking package names must be the venue's. */
async function checkSpace(store: Scope, booking: BookingRow, p: Params): Promise<void> {
  const venueId = p.mainSpaceVenueId ?? booking.venue_id;
  if (p.mainSpaceVenueId != null) {
    const venue = await store.selectFrom('venues').select('id').where('id', '=', p.mainSpaceVenueId).executeTakeFirst();
    if (!venue) throw packageRejected(`mainSpaceVenueId: venue ${p.mainSpaceVenueId} does not exist`);
  }
  if (p.mainSpaceId != null) {
    const space = await store.selectFrom('function_spaces').select('id').where('id', '=', p.mainSpaceId).where('venue_id', '=', venueId).executeTakeFirst();
    if (!space) throw packageRejected(`mainSpaceId: ${p.mainSpaceId} is not a function space of venue ${venueId}`);
  }
  if (p.spaceLayoutId != null) {
    if (p.mainSpaceId == null) throw packageInvalid('mainSpaceId: *Value is required and can\'t be empty* with spaceLayoutId');
    const layout = await store.selectFrom('function_space_layouts').select('id').where('id', '=', p.spaceLayoutId).where('space_id', '=', p.mainSpaceId).executeTakeFirst();
    if (!layout) throw packageRejected(`spaceLayoutId: ${p.spaceLayoutId} is not a layout of space ${p.mainSpaceId}`);
  }
}

async function upsertPackage(ctx: ActionContext, p: Params) {
  if (p.venueId === undefined) throw required('venueId');
  if (p.bookingId === undefined) throw required('bookingId');
  if (p.packageId === undefined) throw required('packageId');
  const booking = await requireBooking(ctx.store, p.bookingId, p.venueId);
  if (isCancelled(booking)) throw packageRejected('bookingId: the booking is cancelled');
  await lockBooking(ctx, booking.id);
  const current =
    p.id === undefined ? undefined : await ctx.store.selectFrom('booking_packages').selectAll().where('id', '=', p.id).where('booking_id', '=', booking.id).executeTakeFirst();
  if (p.id !== undefined && !current) throw bookingPackageNotFound();
  const pkg = await ctx.store.selectFrom('venue_packages').select(['id', 'name', 'cost', 'price_method', 'is_accomm_included', 'small_description']).where('id', '=', p.packageId).where('venue_id', '=', booking.venue_id).executeTakeFirst();
  if (!pkg) throw packageNotFound();
  if (current && current.package_id !== pkg.id) throw packageRejected(`packageId: booking package ${current.id} is of package ${current.package_id}`);
  const { price, split } = await pricing(ctx.store, booking.venue_id, p, pkg, current);
  const fields = {
    price,
    cost_centers: JSON.stringify(split),
    number_attendees: count(p.numberAttendees, 'numberAttendees') ?? current?.number_attendees ?? booking.total_attendees,
    agreed_attendees: pick(count(p.agreedAttendees, 'agreedAttendees'), current?.agreed_attendees),
    expected_attendees: pick(count(p.expectedAttendees, 'expectedAttendees'), current?.expected_attendees),
    guaranteed_attendees: pick(count(p.guaranteedAttendees, 'guaranteedAttendees'), current?.guaranteed_attendees),
    set_attendees: pick(count(p.setAttendees, 'setAttendees'), current?.set_attendees),
    actual_attendees: pick(count(p.actualAttendees, 'actualAttendees'), current?.actual_attendees),
    is_accomm_included: p.isAccommIncluded != null ? (p.isAccommIncluded ? 1 : 0) : (current?.is_accomm_included ?? pkg.is_accomm_included),
    small_description: p.smallDescription !== undefined ? p.smallDescription : current ? current.small_description : pkg.small_description,
    modified_at: ctx.now,
  };
  if (current) {
    await ctx.store.updateTable('booking_packages').set(fields).where('id', '=', current.id).execute();
    await logMoneyChange(ctx, booking, { refType: CHANGELOG_REF.package, refId: current.id, note: `Package '${pkg.name}' updated` });
    return { success: true as const, id: current.id, warnings: null };
  }
  // Ignored on an update, as the page says; checked when adding.
  await checkSpace(ctx.store, booking, p);
  const bookingDate = p.bookingDate ?? booking.date_event_start ?? formatDate(ctx.now);
  const row = await ctx.store
    .insertInto('booking_packages', {
      ...fields,
      venue_id: booking.venue_id,
      booking_id: booking.id,
      package_id: pkg.id,
      booking_date: bookingDate,
      price_method: pkg.price_method,
      main_space_venue_id: p.mainSpaceId != null ? (p.mainSpaceVenueId ?? booking.venue_id) : (p.mainSpaceVenueId ?? null),
      main_space_id: p.mainSpaceId ?? null,
      space_layout_id: p.spaceLayoutId ?? null,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await logMoneyChange(ctx, booking, { refType: CHANGELOG_REF.package, refId: row.id, note: `Package '${pkg.name}' added` });
  const allAdded = await addPackageSessions(
    ctx,
    {
      booking,
      bookingPackageId: row.id,
      packageId: pkg.id,
      date: bookingDate,
      attendees: {
        min: fields.number_attendees,
        agreed: fields.agreed_attendees,
        expected: fields.expected_attendees,
        guaranteed: fields.guaranteed_attendees,
        set: fields.set_attendees,
        actual: fields.actual_attendees,
      },
      main: { spaceId: p.mainSpaceId ?? null, layoutId: p.spaceLayoutId ?? null },
    },
    (reason) => packageInvalid(reason),
  );
  return { success: true as const, id: row.id, warnings: allAdded ? null : ['packageSessionErrors' as const] };
}

/** A value given (null clears it) or else the current one. */
const pick = <T>(given: T | null | undefined, current: T | null | undefined): T | null => (given !== undefined ? given : (current ?? null));

export const addOrUpdateBookingPackage = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingPackage',
  kind: 'write',
  params,
  result,
  handler: (ctx, p) => guardBookingWrite(ctx, { invalid: PACKAGE_CODES.invalid, failed: PACKAGE_CODES.failed }, () => upsertPackage(ctx, p)),
});

export function packagePart(taxes: VenueTaxes | undefined, r: PackageRow, packageName: string | null): BookingPackage {
  const priced = packageTotals(taxes, r);
  return {
    id: r.id,
    bookingDate: r.booking_date,
    numberAttendees: r.number_attendees,
    price: r.price / 100,
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
    totalAmount: priced.totals.totalAmount / 100,
    totalDiscount: 0,
    totalSurcharge: 0,
    totalTaxAmount: priced.totals.totalTaxAmount / 100,
    priceMethod: r.price_method === 2 ? 2 : 1,
    costcenters: priced.costCentres.map((c) => ({
      costcenterId: c.costcenterId,
      value: c.value / 100,
      discount: 0,
      surcharge: 0,
      excludedTaxIds: c.excludedTaxIds,
      ...totalFields(c.totals),
    })),
    taxDetails: taxDetails(priced.totals),
    smallDescription: r.small_description,
    packageId: r.package_id,
    packageName,
  };
}

/** The packages loader of bookings/booking-parts.ts. */
export async function packagesOfBookings(store: Scope, bookingIds: readonly number[]): Promise<Map<number, BookingPackage[]>> {
  const out = new Map<number, BookingPackage[]>();
  if (bookingIds.length === 0) return out;
  const rows = await store.selectFrom('booking_packages').selectAll().where('booking_id', 'in', [...new Set(bookingIds)]).orderBy('id').execute();
  if (rows.length === 0) return out;
  const [taxes, names] = await Promise.all([
    venueTaxes(
      store,
      rows.map((r) => r.venue_id),
    ),
    store.selectFrom('venue_packages').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.package_id))]).execute(),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  for (const r of rows) out.set(r.booking_id, [...(out.get(r.booking_id) ?? []), packagePart(taxes.get(r.venue_id), r, nameOf.get(r.package_id) ?? null)]);
  return out;
}
