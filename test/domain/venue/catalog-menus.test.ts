import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBeveragePackage, addMenu, addMenuGroup, addPackage, addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
type Menu = Record<string, unknown> & { id: number; name: string; cost: number };

// getMenuList, getBeveragePackageList and what getVenue shows of menus, beverage packages and packages.
describeEachDatabase('venue catalogue: menus and beverage packages', ({ server }) => {
  let venue = 0;
  let quiet = 0;
  let foreignVenue = 0;
  const menus: Record<string, number> = {};
  let food = 0;
  let service = 0;
  let standard = 0;
  let barTab = 0;

  const call = <T>(action: string, params: Record<string, unknown> = {}) => server().client.call<T>('venue', action, params);

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Harbour Hotel' });
    quiet = await addVenue(store, { name: 'Quiet Bistro' });
    food = await addVenueCostCenter(store, venue, { name: 'Banquet Food', code: 'BQF' });
    service = await addVenueCostCenter(store, venue, { name: 'Service', code: 'SVC' });

    menus.breakfast = (
      await addMenu(
        store,
        venue,
        { name: 'Continental Breakfast', menu_type_category: 1, cost_type: 1, cost: 3200, min_pax: 20, max_pax: 30, small_description: 'Pastries and coffee', marketplace_name: 'Breakfast', marketplace_categories: '[1]', active_from: '01-02' },
        [{ name: 'Pastries', price: 600 }],
      )
    ).id;
    menus.platter = (await addMenu(store, venue, { name: 'Sandwich Platter', menu_type_category: 6, cost_type: 2, cost: 12000 })).id;
    menus.canapes = (
      await addMenu(store, venue, { name: 'Canapés', menu_type_category: 5, cost_type: 3, cost: 99999, marketplace_categories: '[6]' }, [
        { name: 'Oysters', price: 550 },
        { name: 'Arancini', price: 400 },
        { name: 'Sliders', price: 600 },
      ])
    ).id;
    const banquet = await addMenu(store, venue, { name: 'Wedding Banquet', menu_type_category: 3, cost_type: 1, cost: 1, current_status: 0, active_from: '09-01', active_to: '04-30' });
    menus.banquet = banquet.id;
    await store.insertInto('venue_menu_cost_centers', [
      { menu_id: banquet.id, cost_center_id: food, cost_per_person: 12000, excluded_tax_ids: '[]' },
      { menu_id: banquet.id, cost_center_id: service, cost_per_person: 1550, excluded_tax_ids: '[7]' },
    ]).execute();
    await addMenuGroup(store, banquet.id, { hash: 'gr0000000000001', name: 'Mains', min: 1, max: 2 });
    await addMenu(store, quiet, { name: 'Bistro Lunch', cost: 4500 });

    standard = await addBeveragePackage(
      store,
      venue,
      { name: 'Standard Beverage Package', price_type: 1, cost: 3500, actual_cost: 1225, min_pax: 20, max_pax: 200, small_description: 'House wines', marketplace_name: 'Standard', marketplace_categories: '[5,6]' },
      [
        [3, 4200, 1470],
        [2, 3500, 1225],
      ],
    );
    barTab = await addBeveragePackage(store, venue, { name: 'Bar Tab', price_type: 2, cost: 200000, actual_cost: 70000, marketplace_event_types: '[21]' });

    await addPackage(store, venue, { name: 'Premium', cost: 10000, price_method: 1, min_pax: 1, small_description: 'sdsd', marketplace_name: 'Premium', sort_order: 2 });
    await addPackage(store, venue, { name: 'Standard with Accomm', cost: 50000, price_method: 2, min_pax: 1, large_description: '<p>Standard</p>', event_types: '[21,31]', sort_order: 1 });

    const other = await server().newAccount();
    foreignVenue = await addVenue(server().store(other.accountId), { name: 'Elsewhere' });
  });

  it('lists menus with every documented field and their prices', async () => {
    const list = await call<Page<Menu>>('getMenuList', { venueId: venue, perPage: 50 });
    assert.deepEqual(list.meta, { totalResults: 4, start: 0, perPage: 50, count: 4 });
    assert.deepEqual(list.results[0], {
      id: menus.breakfast,
      menuTypeCategory: 1,
      name: 'Continental Breakfast',
      minimumPax: 20,
      maximumPax: 30,
      cost: 32,
      costType: 1,
      costPerPerson: 32,
      smallDescription: 'Pastries and coffee',
      marketplaceName: 'Breakfast',
      marketplaceCategories: [1],
      costcenters: [],
    });
    const byName = new Map(list.results.map((m) => [m.name, m]));
    // A flat rate has no per-person price.
    assert.equal(byName.get('Sandwich Platter')!.cost, 120);
    assert.equal(byName.get('Sandwich Platter')!.costPerPerson, null);
    // A total of menu items costs the sum of its items, whatever `cost` holds.
    assert.equal(byName.get('Canapés')!.cost, 15.5);
    assert.equal(byName.get('Canapés')!.costPerPerson, 15.5);
    // A menu split over cost centers costs the sum of its parts.
    assert.equal(byName.get('Wedding Banquet')!.cost, 135.5);
    assert.deepEqual(byName.get('Wedding Banquet')!.costcenters, [
      { costcenterId: food, costPerPerson: 120, costPerPersonExcludedTaxIds: [] },
      { costcenterId: service, costPerPerson: 15.5, costPerPersonExcludedTaxIds: [7] },
    ]);
  });

  it('filters and pages menus', async () => {
    const ids = async (filter: Record<string, unknown>) => (await call<Page<Menu>>('getMenuList', { venueId: venue, filter })).results.map((m) => m.id);
    assert.deepEqual(await ids({ costType: 3 }), [menus.canapes]);
    assert.deepEqual(await ids({ cost: 15.5 }), [menus.canapes]);
    assert.deepEqual(await ids({ cost: '135.50' }), [menus.banquet]);
    assert.deepEqual(await ids({ menuTypeCategory__NOT: 1 }), [menus.platter, menus.canapes, menus.banquet]);
    assert.deepEqual(await ids({ name__CONTAINS: 'breakfast' }), [menus.breakfast]);
    assert.deepEqual(await ids({ minimumPax__GREATERTHAN: 10 }), [menus.breakfast]);
    assert.deepEqual(await ids({ cost: '__ISNULL__' }), []);
    const page = await call<Page<Menu>>('getMenuList', { venueId: venue, perPage: 2, start: 2 });
    assert.deepEqual(page.results.map((m) => m.id), [menus.canapes, menus.banquet]);
    assert.equal(page.meta.totalResults, 4);
    await expectApiError(call('getMenuList', { venueId: venue, filter: { costPerPerson: 3 } }), 400, 23016, 'filter.costPerPerson');
  });

  it('answers 24102 for another account’s venue and requires venueId', async () => {
    await expectApiError(call('getMenuList', { venueId: foreignVenue }), 404, 24102, 'Venue does not exist');
    await expectApiError(call('getBeveragePackageList', { venueId: foreignVenue }), 404, 24102);
    await expectApiError(call('getMenuList', {}), 400, 23017, 'venueId');
    await expectApiError(call('getBeveragePackageList', { venueId: 0 }), 400, 23016, 'venueId');
    assert.equal((await call<Page<Menu>>('getMenuList', { venueId: quiet })).meta.totalResults, 1);
  });

  it('lists beverage packages under both the table’s and the example’s names, with hourly costs', async () => {
    const list = await call<Page<Record<string, unknown>>>('getBeveragePackageList', { venueId: '' + venue, perPage: '50' });
    assert.equal(list.meta.totalResults, 2);
    const costs = list.results[0]!.costs as Array<{ id: number }>;
    assert.deepEqual(list.results[0], {
      id: standard,
      name: 'Standard Beverage Package',
      minimumPax: 20,
      maximumPax: 200,
      price: 35,
      cost: 35,
      costs: [
        { id: costs[0]!.id, beveragePackageId: standard, numHours: 2, cost: 35, costExcludedTaxIds: [], actualCost: 12.25, actualCostExcludedTaxIds: [] },
        { id: costs[1]!.id, beveragePackageId: standard, numHours: 3, cost: 42, costExcludedTaxIds: [], actualCost: 14.7, actualCostExcludedTaxIds: [] },
      ],
      actualCost: 12.25,
      priceType: 1,
      costType: 1,
      smallDescription: 'House wines',
      marketplaceName: 'Standard',
      marketplaceEventTypes: null,
    });
    assert.deepEqual(list.results[1]!.marketplaceEventTypes, [21]);
    assert.deepEqual(list.results[1]!.costs, []);
    const flat = await call<Page<{ id: number }>>('getBeveragePackageList', { venueId: venue, filter: { costType: 2 } });
    assert.deepEqual(flat.results.map((r) => r.id), [barTab]);
    const priced = await call<Page<{ id: number }>>('getBeveragePackageList', { venueId: venue, filter: { price: 35 } });
    assert.deepEqual(priced.results.map((r) => r.id), [standard]);
  });

  it('shows packages, menus and beverage packages in getVenue', async () => {
    const detail = await call<Record<string, unknown>>('getVenue', { id: venue });
    const packages = detail.packages as Array<Record<string, unknown>>;
    assert.deepEqual(packages.map((p) => p.name), ['Standard with Accomm', 'Premium']);
    assert.deepEqual(packages[0], {
      id: packages[0]!.id,
      name: 'Standard with Accomm',
      minPax: 1,
      price: 500,
      priceMethod: 2,
      smallDescription: null,
      largeDescription: '<p>Standard</p>',
      marketplaceName: null,
      marketplaceEventTypes: [21, 31],
    });
    assert.equal(packages[1]!.marketplaceEventTypes, null);
    const venueMenus = detail.menus as Array<Record<string, unknown>>;
    assert.deepEqual(venueMenus[0], {
      id: menus.breakfast,
      name: 'Continental Breakfast',
      marketplaceName: 'Breakfast',
      smallDescription: 'Pastries and coffee',
      menuTypeCategory: 1,
      image: null,
      minimumPax: 20,
      maximumPax: 30,
      marketplaceCategories: [1],
      currentStatus: 1,
      activePeriodStart: { month: 1, date: 2 },
      activePeriodEnd: null,
    });
    const banquet = venueMenus.find((m) => m.id === menus.banquet)!;
    assert.equal(banquet.currentStatus, 0);
    assert.deepEqual(banquet.activePeriodEnd, { month: 4, date: 30 });
    const beverages = detail.beveragePackages as Array<Record<string, unknown>>;
    assert.deepEqual(beverages[0], {
      id: standard,
      name: 'Standard Beverage Package',
      marketplaceName: 'Standard',
      smallDescription: 'House wines',
      minimumPax: 20,
      maximumPax: 200,
      minPax: 20,
      maxPax: 200,
      marketplaceCategories: [5, 6],
      currentStatus: 1,
      activePeriodStart: null,
      activePeriodEnd: null,
    });
    const quietDetail = await call<Record<string, unknown>>('getVenue', { id: quiet });
    assert.deepEqual(quietDetail.packages, []);
    assert.deepEqual(quietDetail.beveragePackages, []);
    assert.deepEqual((quietDetail.menus as Array<{ name: string }>).map((m) => m.name), ['Bistro Lunch']);
  });
});
