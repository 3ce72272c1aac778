import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { bookingResult } from '../../../src/domain/venue/bookings/schemas.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBooking, bookingWorld, changesSince, lastChangeId, type BookingWorld } from './bookings-fixtures.js';
import { addBeveragePackage, addMenu, addPackage, addPackageSession, addTax, addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';
import { sessionParams } from './sessions-fixtures.js';
import { addResource, addSpace } from './spaces-fixtures.js';

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

  it('taxes the menus, beverage packages and resources of the sessions, and lists their taxes', async () => {
    const store = server().store();
    const venueId = await addVenue(store, { name: 'Session lines centre', timezone: 'Australia/Brisbane' });
    const centre = (name: string) => addVenueCostCenter(store, venueId, { name, code: name.slice(0, 1) });
    const [roomHire, catering, bar, av] = [await centre('Hire'), await centre('Catering'), await centre('Bar'), await centre('AV')];
    const onlyOn = (name: string, amount: number, centreId: number) => addTax(store, venueId, { name, amount, cost_center_ids: JSON.stringify([centreId]) });
    await onlyOn('Room tax', 1000, roomHire);
    const food = await onlyOn('Food levy', 500, catering);
    const liquor = await onlyOn('Liquor tax', 1000, bar);
    const tech = await onlyOn('AV tax', 2000, av);
    const space = await addSpace(server().client, venueId, { name: 'Hall', maxPax: 100 });
    const lunch = (await addMenu(store, venueId, { name: 'Lunch', cost_type: 1 })).id;
    const wine = await addBeveragePackage(store, venueId, { name: 'Wine', price_type: 1 });
    const projector = await addResource(store, venueId, { name: 'Projector', quantity: 4 });
    const id = await addBooking(server().client, { ...w, venueId });
    const taxList = async () => (await call<{ results: Array<{ id: number }> }>('getBookingTaxList', { venueId, bookingId: id })).results.map((t) => t.id);

    // The room hire costs nothing, so its tax is charged on no amount and not listed.
    const session = (
      await call<{ id: number }>('addOrUpdateBookingSession', sessionParams({ venueId, bookingId: id, contactId: w.contactId, spaceId: space, costcenterId: roomHire, cost: '0', startDate: '2031-05-01', startTime: '09:00:00', endTime: '17:00:00' }))
    ).id;
    assert.deepEqual(await taxList(), []);
    const line = { venueId, bookingId: id, sessionId: session, includeInPackage: 0 };
    await call('addOrUpdateBookingSessionMenu', { ...line, menuId: lunch, name: 'Lunch', minAttendeesGuaranteed: 10, costcenterId: catering, cost: 45 });
    await call('addOrUpdateBookingSessionBeverage', { ...line, beverageId: wine, name: 'Wine', minAttendeesGuaranteed: 3, costcenterId: bar, cost: 20 });
    await call('addOrUpdateBookingSessionResource', { ...line, resourceId: projector, quantity: 2, startTime: '09:00:00', endTime: '10:30:00', costCenterId: av, cost: 25.01, costType: 1 });
    // A line included in a package is priced by the package: no tax of its own.
    const free = await addPackage(store, venueId, { name: 'Included AV', cost: 0, price_method: 2 });
    const bookingPackageId = (await call<{ id: number }>('addOrUpdateBookingPackage', { venueId, bookingId: id, packageId: free })).id;
    await call('addOrUpdateBookingSessionResource', { ...line, resourceId: projector, quantity: 1, startTime: '09:00:00', endTime: '10:00:00', includeInPackage: 1, bookingPackageId, costCenterId: av, cost: 99 });

    assert.deepEqual(await taxList(), [food, liquor, tech]);
    // Lunch 45 × 10 = 450.00 with 5%: 450 × 5/105 = 21.43. Wine 20 × 3 = 60.00 with 10%: 5.4545 → 5.45.
    // Projector 25.01 × 2 units × 1.5 hours = 75.03 with 20%: 75.03 × 20/120 = 12.505 → 12.51 (half up, each line on its own).
    const b = await call<Booking & { menus: Array<{ totalTaxAmount: number }>; beveragePackages: Array<{ totalTaxAmount: number }>; resources: Array<{ totalAmount: number; totalTaxAmount: number }> }>('getBooking', { id });
    bookingResult.parse(b);
    assert.deepEqual(
      [b.menus.map((m) => m.totalTaxAmount), b.beveragePackages.map((x) => x.totalTaxAmount), b.resources.map((r) => [r.totalAmount, r.totalTaxAmount])],
      [[21.43], [5.45], [[75.03, 12.51], [0, 0]]],
    );
    assert.deepEqual([b.totalAmount, b.totalTaxAmount, b.amountOutstanding], [585.03, 39.39, 585.03]);
  });

  it("adds the venue package's sessions to the booking, leaving out optional ones and those that cannot be held", async () => {
    const store = server().store();
    const venueId = await addVenue(store, { name: 'Package centre', timezone: 'Australia/Brisbane' });
    const catering = await addVenueCostCenter(store, venueId, { name: 'Catering', code: 'C' });
    const hall = await addSpace(server().client, venueId, { name: 'Hall', maxPax: 100 });
    const annex = await addSpace(server().client, venueId, { name: 'Annex', maxPax: 20 });
    const day = await addPackage(store, venueId, { name: 'Conference day', cost: 10000, price_method: 1 });
    const inHall = { space_venue_id: venueId, space_id: hall };
    await addPackageSession(store, day, { name: 'Plenary', ...inHall, start_time: '09:00:00', end_time: '12:00:00', setup_minutes: 30, sort_order: 1 });
    // No space of its own: held in the request's main space; not included, so charged on top.
    await addPackageSession(store, day, { name: 'Breakout', start_time: '13:00:00', end_time: '15:00:00', include_in_package: 0, cost_center_id: catering, amount: 15000, sort_order: 2 });
    await addPackageSession(store, day, { name: 'Gala dinner', ...inHall, start_time: '19:00:00', end_time: '23:00:00', is_optional: 1, sort_order: 3 });
    await addPackageSession(store, day, { name: 'Drinks', ...inHall, start_time: '17:00:00', end_time: '18:30:00', sort_order: 4 });
    const rival = await addBooking(server().client, { ...w, venueId });
    await call('addOrUpdateBookingSession', sessionParams({ venueId, bookingId: rival, contactId: w.contactId, spaceId: hall, costcenterId: catering, startDate: '2031-05-01', startTime: '18:00:00', endTime: '20:00:00' }));
    const id = await addBooking(server().client, { ...w, venueId });
    const add = (extra: Record<string, unknown>) => call<{ id: number; warnings: string[] | null }>('addOrUpdateBookingPackage', { venueId, bookingId: id, packageId: day, numberAttendees: 15, ...extra });

    // The breakout has no space and none is named: refused, nothing written.
    await expectApiError(add({}), 400, 24462, 'mainSpaceId');
    assert.equal((await store.selectFrom('booking_packages').select('id').where('booking_id', '=', id).execute()).length, 0);

    const since = await lastChangeId(store);
    const added = await add({ mainSpaceId: annex });
    // The drinks would overlap the rival booking's session in the hall.
    assert.deepEqual(added.warnings, ['packageSessionErrors']);
    const sessions = (await call<{ results: Array<Record<string, unknown>> }>('getBookingSessionList', { venueId, bookingId: id })).results;
    assert.deepEqual(
      sessions.map((s) => [s.name, s.spaceId, s.startDate, s.startTime, s.endTime, s.setupTime, s.includeInPackage, s.bookingPackageId, s.cost, s.costcenterId, s.minAttendeesGuaranteed]),
      [
        ['Plenary', hall, '2031-05-01', '09:00:00', '12:00:00', 30, true, added.id, 0, null, 15],
        ['Breakout', annex, '2031-05-01', '13:00:00', '15:00:00', 0, false, 0, 150, catering, 15],
      ],
    );
    const changes = await changesSince(store, since);
    assert.deepEqual(changes.map((c) => c.subject), ['BookingSessionAdded', 'BookingSessionAdded']);
    // The copied sessions hold their spaces: set-up included.
    await expectApiError(
      call('addOrUpdateBookingSession', sessionParams({ venueId, bookingId: rival, contactId: w.contactId, spaceId: hall, costcenterId: catering, startDate: '2031-05-01', startTime: '08:00:00', endTime: '08:45:00' })),
      400,
      24363,
    );
    // The breakout is charged on top of the package: 15 × 100.00 + 150.00.
    assert.equal((await booking(id)).totalAmount, 1650);
    // An update changes the booking package only.
    assert.deepEqual((await add({ id: added.id, mainSpaceId: annex })).warnings, null);
    assert.equal((await store.selectFrom('booking_sessions').select('id').where('booking_id', '=', id).execute()).length, 2);
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
