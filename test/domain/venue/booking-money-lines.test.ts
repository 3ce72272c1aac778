import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { bookingResult } from '../../../src/domain/venue/bookings/schemas.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBooking, bookingWorld, type BookingWorld } from './bookings-fixtures.js';
import { addPackage, addTax, addVenueCostCenter } from './catalog-fixtures.js';

interface TaxDetail {
  id: number;
  tax: number;
}
interface Booking {
  totalAmount: number;
  totalTaxAmount: number;
  amountOutstanding: number;
  hasPackages: boolean;
  additionalItems: Array<{ id: number; totalAmount: number; totalTaxAmount: number; totalCostExcludedTaxIds: number[]; taxDetails: TaxDetail[]; dayTaxDetails: unknown[] }>;
  packages: Array<{ id: number; price: number; priceMethod: number; packageName: string; totalAmount: number; totalTaxAmount: number; costcenters: Array<{ costcenterId: number; value: number; totalTaxAmount: number }> }>;
}

describeEachDatabase('venue booking money: items, packages and the booking tax list', ({ server }) => {
  let w: BookingWorld;
  let food = 0;
  let hire = 0;
  let otherFood = 0;
  let gst = 0;
  let levy = 0;
  let pkg = 0;
  const call = <T = Record<string, unknown>>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const booking = async (id: number) => {
    const b = await call<Booking>('getBooking', { id });
    bookingResult.parse(b);
    return b;
  };

  before(async () => {
    const store = server().store();
    w = await bookingWorld(store, server().client, server().primaryUserId);
    food = await addVenueCostCenter(store, w.venueId, { name: 'Food', code: 'F' });
    hire = await addVenueCostCenter(store, w.venueId, { name: 'Hire', code: 'H' });
    otherFood = await addVenueCostCenter(store, w.otherVenueId, { name: 'Food', code: 'F' });
    gst = await addTax(store, w.venueId, { name: 'GST', amount: 1000 });
    levy = await addTax(store, w.venueId, { name: 'City levy', amount: 250, cost_center_ids: JSON.stringify([food]) });
    // A service fee and an amount tax: not charged on these lines, so never listed.
    await addTax(store, w.venueId, { name: 'Service', type: 2, amount: 500 });
    await addTax(store, w.venueId, { name: 'Bed tax', amount_type: 2, amount: 300, applies_to: 2 });
    pkg = await addPackage(store, w.venueId, { name: 'Day delegate', cost: 5000, price_method: 1 });
    await store.insertInto('venue_package_cost_centers', { package_id: pkg, cost_center_id: food, value: 3000, excluded_tax_ids: '[]', discount: null }).execute();
    await store.insertInto('venue_package_cost_centers', { package_id: pkg, cost_center_id: hire, value: 2000, excluded_tax_ids: '[]', discount: null }).execute();
  });

  it('adds items in order, taxes each line half up to the cent, and shows them in getBooking and the tax list', async () => {
    const id = await addBooking(server().client, w);
    const added = await call<{ success: boolean; items: number[] }>('addItemsToBooking', {
      venueId: w.venueId,
      bookingId: id,
      items: [
        { description: 'Welcome drinks', quantity: 3, salePrice: 10.01, costCentreId: food, startDate: '2031-05-01 09:00:00 UTC' },
        { description: 'Signage', quantity: 1, salePrice: '55', salePriceHasTax: true, salePriceTaxId: gst, costCentreId: hire },
        { description: 'Parking', quantity: 2, salePrice: 5, salePriceHasTax: false },
      ],
    });
    assert.equal(added.success, true);
    assert.equal(added.items.length, 3);
    assert.deepEqual([...added.items].sort((a, b) => a - b), added.items, 'ids in the order of the request');

    const b = await booking(id);
    // Drinks 30.03 inclusive of GST 10% + levy 2.5%: 30.03×10/112.5 = 2.6693 → 2.67, ×2.5/112.5 = 0.6673 → 0.67.
    // Signage 55.00 with GST only: 5.00. Parking: no tax.
    assert.deepEqual(
      b.additionalItems.map((i) => [i.totalAmount, i.totalTaxAmount, i.taxDetails.map((t) => [t.id, t.tax])]),
      [
        [30.03, 3.34, [[gst, 2.67], [levy, 0.67]]],
        [55, 5, [[gst, 5]]],
        [10, 0, []],
      ],
    );
    assert.deepEqual(b.additionalItems[2]!.totalCostExcludedTaxIds.includes(gst), true);
    assert.equal(b.additionalItems[0]!.dayTaxDetails.length, 1);
    assert.deepEqual(b.additionalItems[1]!.dayTaxDetails, []);
    assert.deepEqual([b.totalAmount, b.totalTaxAmount, b.amountOutstanding], [95.03, 8.34, 95.03]);

    const taxes = await call<{ meta: { totalResults: number; count: number }; results: Array<Record<string, unknown>> }>('getBookingTaxList', { venueId: w.venueId, bookingId: id });
    assert.deepEqual(
      taxes.results.map((t) => [t.venueTaxId, t.name, t.amount, t.bookingId, t.venueId]),
      [
        [gst, 'GST', 10, id, w.venueId],
        [levy, 'City levy', 2.5, id, w.venueId],
      ],
    );
    assert.deepEqual(taxes.results[1]!.costcenterIds, [food]);
    const page = await call<{ meta: { totalResults: number; count: number } }>('getBookingTaxList', { venueId: w.venueId, bookingId: id, perPage: 1 });
    assert.deepEqual([page.meta.totalResults, page.meta.count], [2, 1]);

    const log = await server().store().selectFrom('booking_changelog').select(['ref_type', 'ref_id']).where('booking_id', '=', id).where('ref_type', '=', 9).orderBy('id').execute();
    assert.deepEqual(log.map((l) => l.ref_id), added.items);
  });

  it('rounds each line on its own, half up, on a tax exclusive venue', async () => {
    const store = server().store();
    await store.updateTable('venues').set({ is_tax_exclusive: 1 }).where('id', '=', w.otherVenueId).execute();
    const tax = await addTax(store, w.otherVenueId, { name: 'VAT', amount: 1000 });
    const id = await addBooking(server().client, w, { venueId: w.otherVenueId });
    await call('addItemsToBooking', {
      venueId: w.otherVenueId,
      bookingId: id,
      items: [
        { description: 'Mints', quantity: 1, salePrice: 0.05 },
        { description: 'Pens', quantity: 1, salePrice: 0.25 },
      ],
    });
    const b = await booking(id);
    // 0.5 cent → 1 cent and 2.5 cents → 3 cents (half up, not to even); the sum rounded once would be 3 cents.
    assert.deepEqual(b.additionalItems.map((i) => [i.totalAmount, i.totalTaxAmount]), [[0.06, 0.01], [0.28, 0.03]]);
    assert.deepEqual([b.totalAmount, b.totalTaxAmount], [0.34, 0.04]);
    const list = await call<{ results: Array<{ id: number }> }>('getBookingTaxList', { venueId: w.otherVenueId, bookingId: id });
    assert.deepEqual(list.results.map((t) => t.id), [tax]);
  });

  it('refuses items with the documented codes and writes nothing when one is bad', async () => {
    const id = await addBooking(server().client, w);
    const add = (items: unknown, bookingId = id, venueId = w.venueId) => call('addItemsToBooking', { venueId, bookingId, ...(items === undefined ? {} : { items }) });
    const good = { description: 'Coffee', quantity: 1, salePrice: 4 };
    await expectApiError(add([]), 400, 24140);
    await expectApiError(add(undefined), 400, 24140);
    await expectApiError(add([good, { ...good, salePrice: -1 }]), 400, 24141, 'items[1].salePrice');
    await expectApiError(add([{ ...good, salePrice: 1.234 }]), 400, 24141, 'salePrice');
    await expectApiError(add([{ ...good, quantity: 0 }]), 400, 24141, 'quantity');
    await expectApiError(add([{ ...good, costCentreId: otherFood }]), 400, 24141, 'costCentreId');
    await expectApiError(add([{ ...good, startDate: '2031-06-01 00:00:00 UTC' }]), 400, 24141, 'startDate');
    await expectApiError(add([{ ...good, salePriceTaxId: levy, costCentreId: hire }]), 400, 24141, 'salePriceTaxId');
    await expectApiError(add([{ ...good, quantity: 'many' }]), 400, 23016);
    await expectApiError(add([good], 999_999), 404, 23026);
    await expectApiError(add([good], id, w.otherVenueId), 404, 23026);
    const rows = await server().store().selectFrom('booking_items').select('id').where('booking_id', '=', id).execute();
    assert.equal(rows.length, 0);
    const other = await server().newAccount({ withUser: 'primary' });
    const theirs = createClient({ url: server().url, key: other.key, secret: other.secret });
    await expectApiError(theirs.call('venue', 'addItemsToBooking', { venueId: w.venueId, bookingId: id, items: [good] }), 404, 23026);
    await expectApiError(theirs.call('venue', 'getBookingTaxList', { venueId: w.venueId, bookingId: id }), 404, 23026);
    await expectApiError(theirs.call('venue', 'addOrUpdateBookingPackage', { venueId: w.venueId, bookingId: id, packageId: pkg }), 404, 23026);
  });

  it('adds a package priced from the venue package, reprices it, and refuses what does not fit', async () => {
    const id = await addBooking(server().client, w);
    const added = await call<{ success: boolean; id: number; warnings: null }>('addOrUpdateBookingPackage', { venueId: w.venueId, bookingId: id, packageId: pkg, numberAttendees: 10 });
    assert.deepEqual([added.success, added.warnings], [true, null]);
    let b = await booking(id);
    const [p] = b.packages;
    // 10 × (30.00 food + 20.00 hire): food 300.00 → GST 26.67, levy 6.67; hire 200.00 → GST 18.18.
    assert.deepEqual([p!.id, p!.price, p!.priceMethod, p!.packageName, p!.totalAmount, p!.totalTaxAmount], [added.id, 50, 1, 'Day delegate', 500, 51.52]);
    assert.deepEqual(p!.costcenters.map((c) => [c.costcenterId, c.value, c.totalTaxAmount]), [[food, 30, 33.34], [hire, 20, 18.18]]);
    assert.equal(b.hasPackages, true);
    assert.deepEqual([b.totalAmount, b.totalTaxAmount], [500, 51.52]);

    await call('addOrUpdateBookingPackage', { id: added.id, venueId: w.venueId, bookingId: id, packageId: pkg, price: 60.01 });
    b = await booking(id);
    assert.deepEqual(b.packages[0]!.costcenters.map((c) => c.value), [36.01, 24], 'scaled, the odd cent on the largest share');
    await call('addOrUpdateBookingPackage', { id: added.id, venueId: w.venueId, bookingId: id, packageId: pkg, costcenters: [{ id: hire, value: 45, excludedTaxIds: [gst] }] });
    b = await booking(id);
    assert.deepEqual([b.packages[0]!.price, b.packages[0]!.totalAmount, b.packages[0]!.totalTaxAmount], [45, 450, 0]);

    const up = (extra: Record<string, unknown>) => call('addOrUpdateBookingPackage', { venueId: w.venueId, bookingId: id, packageId: pkg, ...extra });
    await expectApiError(call('addOrUpdateBookingPackage', { venueId: w.venueId, packageId: pkg }), 400, 24462, "bookingId: *Value is required and can't be empty*");
    await expectApiError(up({ packageId: 999_999 }), 404, 24458);
    await expectApiError(up({ id: 999_999 }), 404, 24459);
    await expectApiError(up({ price: 10, costcenters: [{ id: food, value: 9 }] }), 400, 24462, 'costcenters');
    await expectApiError(up({ costcenters: [{ id: otherFood, value: 9 }] }), 400, 24461, 'costcenters[0].id');
    await expectApiError(up({ numberAttendees: -1 }), 400, 24462, 'numberAttendees');
    await expectApiError(up({ mainSpaceId: 999_999 }), 400, 24461, 'mainSpaceId');
    const count = await server().store().selectFrom('booking_packages').select('id').where('booking_id', '=', id).execute();
    assert.equal(count.length, 1);
    const log = await server().store().selectFrom('booking_changelog').select('note_text').where('booking_id', '=', id).where('ref_type', '=', 11).orderBy('id').execute();
    assert.deepEqual(log.map((l) => l.note_text), ["Package 'Day delegate' added", "Package 'Day delegate' updated", "Package 'Day delegate' updated"]);
  });
});
