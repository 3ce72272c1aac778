import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import {
  addBeveragePackage,
  addMenu,
  addMenuGroup,
  addPackage,
  addPackageSession,
  addSessionItem,
  addSpaceHirePlan,
  addVenueCostCenter,
} from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
type Pkg = Record<string, unknown> & { id: number; name: string };

const CREATED = Date.UTC(2017, 11, 18, 12, 23, 53);
const MODIFIED = Date.UTC(2025, 3, 23, 23, 28, 28);

// getVenuePackageList and getVenuePackage: packages with their cost center split, sessions and contents.
describeEachDatabase('venue catalogue: venue packages', ({ server }) => {
  let venue = 0;
  let otherVenue = 0;
  let foreignVenue = 0;
  let standard = 0;
  let simple = 0;
  let riverPackage = 0;
  let morning = 0;
  let lunch = 0;
  const ids: Record<string, number> = {};

  const call = <T>(action: string, params: Record<string, unknown> = {}) => server().client.call<T>('venue', action, params);

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Harbour Hotel' });
    otherVenue = await addVenue(store, { name: 'River Hall' });
    ids.food = await addVenueCostCenter(store, venue, { name: 'Food', code: 'FOOD' });
    ids.room = await addVenueCostCenter(store, venue, { name: 'Room Hire', code: 'ROOM' });
    ids.av = await addVenueCostCenter(store, venue, { name: 'AV', code: 'AV' });
    ids.plan = await addSpaceHirePlan(store, venue, { name: 'Standard Room Hire', code: 'STD' });
    ids.sessionType = (await store.insertInto('venue_session_types', { name: 'Meeting', created_at: CREATED, modified_at: CREATED }).returning('id').executeTakeFirstOrThrow()).id;

    const menu = await addMenu(store, venue, { name: 'Three-Course Dinner', cost: 9500 });
    ids.menu = menu.id;
    ids.entree = await addMenuGroup(store, menu.id, { hash: 'gr6189d144bfc41', name: 'Entrée', min: 1, max: 2, sortOrder: 1 });
    ids.main = await addMenuGroup(store, menu.id, { hash: 'gr6189d144bfc42', name: 'Main', min: 1, max: 1, sortOrder: 0, servingTime: '20:30:00' });
    const items = await Promise.all([
      store.insertInto('venue_menu_items', { menu_id: menu.id, group_id: ids.entree, name: 'Kingfish', description: null, price: 2200, sort_order: 0 }).returning('id').executeTakeFirstOrThrow(),
      store.insertInto('venue_menu_items', { menu_id: menu.id, group_id: ids.main, name: 'Eye Fillet', description: null, price: 4800, sort_order: 1 }).returning('id').executeTakeFirstOrThrow(),
      store.insertInto('venue_menu_items', { menu_id: menu.id, group_id: null, name: 'Bread', description: null, price: 500, sort_order: 2 }).returning('id').executeTakeFirstOrThrow(),
    ]);
    ids.kingfish = items[0].id;
    ids.fillet = items[1].id;
    ids.bread = items[2].id;
    ids.beverage = await addBeveragePackage(store, venue, { name: 'Standard Beverage Package', cost: 3500 });

    standard = await addPackage(store, venue, {
      name: 'Standard',
      type: 1,
      min_pax: 1,
      max_pax: 1000,
      cost: 50000,
      price_method: 1,
      actual_cost: 5000,
      actual_cost_excluded_tax_ids: '[1,317]',
      small_description: 'Standard',
      large_description: '<p>Standard</p>\n',
      marketplace_name: 'Standard',
      start_time: '06:00:00',
      end_time: '12:30:00',
      space_id: 1,
      space_layout_id: 2,
      space_custom_layout_name: 'C',
      reduce_room_hire_first: 1,
      event_types: '[1,2,3]',
      user_group_ids: '[1,2]',
      has_limited_start_times: 1,
      limited_start_times: '["02:30:00","03:00:00"]',
      is_accomm_included: 1,
      discount_campaign_id: 59,
      created_at: CREATED,
      modified_at: MODIFIED,
    });
    await store.insertInto('venue_package_cost_centers', [
      { package_id: standard, cost_center_id: ids.food, value: 14950, excluded_tax_ids: '[1,317]', discount: 1800 },
      { package_id: standard, cost_center_id: ids.room, value: 10000, excluded_tax_ids: '[]', discount: null },
      { package_id: standard, cost_center_id: ids.av, value: 0, excluded_tax_ids: '[]', discount: 1850 },
    ]).execute();
    simple = await addPackage(store, venue, { name: 'Cocktail Party', type: 2, cost: 7900, start_date: '2025-11-15', end_date: '2025-12-23', is_visible_on_venue_search: 1 });
    riverPackage = await addPackage(store, otherVenue, { name: 'River Package', cost: 100 });

    lunch = await addPackageSession(store, standard, { name: 'Lunch', start_time: '12:30:00', end_time: '13:30:00', sort_order: 1, created_at: CREATED, modified_at: MODIFIED });
    morning = await addPackageSession(store, standard, {
      name: 'Morning1',
      start_time: '08:00:00',
      end_time: '09:00:00',
      setup_minutes: 30,
      setdown_minutes: 15,
      space_venue_id: venue,
      space_id: 1,
      tariff_id: ids.plan,
      room_hire_type: 1,
      min_spend_amount: 1000,
      min_spend_revenue_items: JSON.stringify([ids.food]),
      session_type_id: ids.sessionType,
      sort_order: 0,
      created_at: CREATED,
      modified_at: MODIFIED,
    });
    ids.menuItem = await addSessionItem(store, morning, {
      kind: 'menu',
      ref_id: menu.id,
      ref_venue_id: venue,
      name: 'Three-Course Dinner',
      start_time: '08:00:00',
      end_time: '09:00:00',
      include_in_package: 0,
      cost_center_id: ids.food,
      amount: 1000,
      excluded_tax_ids: '[317]',
      item_ids: JSON.stringify([ids.fillet, ids.kingfish, ids.bread]),
      cost_centers: JSON.stringify([{ id: ids.food, value: 1000, excludedTaxIds: [1] }]),
      created_at: CREATED,
      modified_at: MODIFIED,
    });
    ids.beverageItem = await addSessionItem(store, morning, { kind: 'beverage', ref_id: ids.beverage, ref_venue_id: venue, name: 'Morning tea', num_hours: 1.5, item_ids: '[1,10]', created_at: CREATED, modified_at: MODIFIED });
    ids.product = await addSessionItem(store, morning, { kind: 'product', ref_id: 13, cost_center_id: ids.av, excluded_tax_ids: '[317]', created_at: CREATED, modified_at: MODIFIED });
    ids.resource = await addSessionItem(store, morning, { kind: 'resource', ref_id: 2, ref_venue_id: venue, quantity: 2, include_in_package: 0, amount: 1200, created_at: CREATED, modified_at: MODIFIED });
    const setup = await store
      .insertInto('venue_package_session_setups', { session_id: morning, setup_requirement_id: 1, name: 'Room Set-up', description: null, sort_order: 2, has_choices: 1, min_choices: 1, max_choices: 1, created_at: CREATED, modified_at: MODIFIED })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.setup = setup.id;
    await store.insertInto('venue_package_session_setup_options', [
      { setup_id: setup.id, setup_requirement_option_id: 3, name: 'Classroom', sort_order: 1, created_at: CREATED, modified_at: MODIFIED },
      { setup_id: setup.id, setup_requirement_option_id: 2, name: 'Theatre', sort_order: 0, created_at: CREATED, modified_at: MODIFIED },
    ]).execute();

    const other = await server().newAccount();
    foreignVenue = await addVenue(server().store(other.accountId), { name: 'Elsewhere' });
  });

  it('lists the venue’s packages with every documented field', async () => {
    const list = await call<Page<Pkg>>('getVenuePackageList', { venueId: venue, perPage: 2 });
    assert.deepEqual(list.meta, { totalResults: 2, start: 0, perPage: 2, count: 2 });
    assert.deepEqual(list.results[0], {
      id: standard,
      name: 'Standard',
      type: 1,
      minPax: 1,
      maxPax: 1000,
      cost: 500,
      priceMethod: 1,
      actualCost: 50,
      actualCostExcludedTaxIds: [1, 317],
      smallDescription: 'Standard',
      largeDescription: '<p>Standard</p>\n',
      marketplaceName: 'Standard',
      isVisibleOnVenueSearch: false,
      createdDate: '2017-12-18 12:23:53',
      modifiedDate: '2025-04-23 23:28:28',
      startDate: null,
      endDate: null,
      startTime: '06:00:00',
      endTime: '12:30:00',
      costcenters: [
        { id: ids.food, value: 149.5, excludedTaxIds: [1, 317] },
        { id: ids.room, value: 100, excludedTaxIds: [] },
        { id: ids.av, value: 0, excludedTaxIds: [] },
      ],
      hasSessions: true,
      spaceId: 1,
      spaceLayoutId: 2,
      spaceCustomLayoutName: 'C',
      sortOrder: 0,
      excludedFromCommissions: false,
      reduceRoomHireFirst: true,
      eventTypes: [1, 2, 3],
      userGroupIds: [1, 2],
      hasLimitedStartTimes: true,
      limitedStartTimes: ['02:30:00', '03:00:00'],
      isAccommIncluded: true,
      discountCampaignId: 59,
      costcentersDiscounts: [
        { id: ids.food, value: 18 },
        { id: ids.av, value: 18.5 },
      ],
    });
    const cocktail = list.results[1]!;
    assert.equal(cocktail.hasSessions, false);
    assert.equal(cocktail.spaceId, 0);
    assert.equal(cocktail.discountCampaignId, 0);
    assert.equal(cocktail.startDate, '2025-11-15');
    assert.deepEqual(cocktail.costcenters, []);
    assert.equal('sessions' in cocktail, false);
  });

  it('filters packages', async () => {
    const names = async (filter: Record<string, unknown>) => (await call<Page<Pkg>>('getVenuePackageList', { venueId: venue, filter })).results.map((p) => p.name);
    assert.deepEqual(await names({ type: 2 }), ['Cocktail Party']);
    assert.deepEqual(await names({ hasSessions: true }), ['Standard']);
    assert.deepEqual(await names({ hasSessions: 0 }), ['Cocktail Party']);
    assert.deepEqual(await names({ cost: 79 }), ['Cocktail Party']);
    assert.deepEqual(await names({ isVisibleOnVenueSearch: true }), ['Cocktail Party']);
    assert.deepEqual(await names({ startDate__GREATERTHAN: '2025-01-01' }), ['Cocktail Party']);
    assert.deepEqual(await names({ startDate: '__ISNULL__' }), ['Standard']);
    assert.deepEqual(await names({ modifiedDate: '2025-04-23 23:28:28' }), ['Standard']);
    assert.deepEqual(await names({ name__ENDS: 'party' }), ['Cocktail Party']);
    await expectApiError(call('getVenuePackageList', { venueId: venue, filter: { sessions: 1 } }), 400, 23016, 'filter.sessions');
  });

  it('answers one package with its sessions and everything in them', async () => {
    const detail = await call<Pkg & { sessions: Array<Record<string, unknown>> }>('getVenuePackage', { venueId: venue, id: standard });
    const listed = (await call<Page<Pkg>>('getVenuePackageList', { venueId: venue, filter: { id: standard } })).results[0]!;
    const { sessions, ...rest } = detail;
    assert.deepEqual(rest, listed);
    assert.deepEqual(sessions.map((s) => s.name), ['Morning1', 'Lunch']);
    const [first, second] = sessions as [Record<string, unknown>, Record<string, unknown>];
    const { beverages, beveragePackages, menus, products, resources, setupRequirements, ...session } = first;
    assert.deepEqual(session, {
      id: morning,
      name: 'Morning1',
      startTime: '08:00:00',
      endTime: '09:00:00',
      setupTime: 30,
      setdownTime: 15,
      setDownTime: 15,
      createdDate: '2017-12-18 12:23:53',
      modifiedDate: '2025-04-23 23:28:28',
      isOptional: false,
      spaceVenueId: venue,
      spaceId: 1,
      spaceLayoutId: 0,
      spaceCustomLayoutName: null,
      includeInPackage: true,
      tariffId: ids.plan,
      roomHireType: 1,
      minSpendAmount: 10,
      minSpendRevenueItems: [ids.food],
      overridePax: false,
      costcenterId: 0,
      amount: null,
      excludedTaxIds: [],
      sortOrder: 0,
      sessionTypeId: ids.sessionType,
      sessionStatusId: 0,
    });
    assert.deepEqual(beverages, beveragePackages);
    assert.deepEqual(beverages, [
      {
        id: ids.beverageItem,
        includeInPackage: true,
        costcenterId: 0,
        amount: null,
        excludedTaxIds: [],
        createdDate: '2017-12-18 12:23:53',
        modifiedDate: '2025-04-23 23:28:28',
        name: 'Morning tea',
        beverageVenueId: venue,
        beverageId: ids.beverage,
        numHours: 1.5,
        startTime: null,
        endTime: null,
        sameAsSessionTime: true,
        itemsIds: [1, 10],
      },
    ]);
    assert.deepEqual(menus, [
      {
        id: ids.menuItem,
        includeInPackage: false,
        costcenterId: ids.food,
        amount: 10,
        excludedTaxIds: [317],
        createdDate: '2017-12-18 12:23:53',
        modifiedDate: '2025-04-23 23:28:28',
        name: 'Three-Course Dinner',
        menuVenueId: venue,
        menuId: ids.menu,
        startTime: '08:00:00',
        endTime: '09:00:00',
        sameAsSessionTime: true,
        items: [
          { inventoryId: ids.fillet, groupId: 'gr6189d144bfc42' },
          { inventoryId: ids.kingfish, groupId: 'gr6189d144bfc41' },
          { inventoryId: ids.bread, groupId: '' },
        ],
        groups: [
          { idHash: 'gr6189d144bfc42', name: 'Main', marketplaceName: '', minSelection: 1, maxSelection: 1, servingTime: '20:30:00' },
          { idHash: 'gr6189d144bfc41', name: 'Entrée', marketplaceName: '', minSelection: 1, maxSelection: 2, servingTime: null },
        ],
        costcenters: [{ id: ids.food, value: 10, excludedTaxIds: [1] }],
      },
    ]);
    assert.deepEqual(products, [
      { id: ids.product, includeInPackage: true, costcenterId: ids.av, amount: null, excludedTaxIds: [317], createdDate: '2017-12-18 12:23:53', modifiedDate: '2025-04-23 23:28:28', productId: 13 },
    ]);
    assert.deepEqual(resources, [
      { id: ids.resource, includeInPackage: false, costcenterId: 0, amount: 12, excludedTaxIds: [], createdDate: '2017-12-18 12:23:53', modifiedDate: '2025-04-23 23:28:28', resourceVenueId: venue, resourceId: 2, quantity: 2 },
    ]);
    const setups = setupRequirements as Array<{ options: Array<{ id: number; name: string; setupRequirementId: number }> } & Record<string, unknown>>;
    assert.equal(setups.length, 1);
    assert.deepEqual({ ...setups[0], options: undefined }, {
      id: ids.setup,
      setupRequirementId: 1,
      name: 'Room Set-up',
      description: null,
      createdDate: '2017-12-18 12:23:53',
      modifiedDate: '2025-04-23 23:28:28',
      sortOrder: 2,
      hasChoices: true,
      minChoices: 1,
      maxChoices: 1,
      options: undefined,
    });
    assert.deepEqual(setups[0]!.options.map((o) => [o.name, o.setupRequirementId]), [['Theatre', 1], ['Classroom', 1]]);
    assert.deepEqual([second.beverages, second.menus, second.products, second.resources, second.setupRequirements], [[], [], [], [], []]);
    assert.equal(second.id, lunch);

    const plain = await call<Pkg & { sessions: unknown[] }>('getVenuePackage', { venueId: venue, id: simple });
    assert.deepEqual(plain.sessions, []);
  });

  it('answers at most 100 items of each kind per session', async () => {
    const store = server().store();
    const busy = await addPackage(store, venue, { name: 'Busy' });
    const session = await addPackageSession(store, busy, { name: 'All day' });
    await store
      .insertInto(
        'venue_package_session_items',
        Array.from({ length: 101 }, (_, i) => ({
          session_id: session,
          kind: 'product' as const,
          ref_id: i + 1,
          ref_venue_id: null,
          name: null,
          quantity: null,
          num_hours: null,
          start_time: null,
          end_time: null,
          same_as_session_time: 1,
          item_ids: '[]',
          cost_centers: '[]',
          include_in_package: 1,
          cost_center_id: null,
          amount: null,
          excluded_tax_ids: '[]',
          sort_order: i,
          created_at: CREATED,
          modified_at: CREATED,
        })),
      )
      .execute();
    await addSessionItem(store, session, { kind: 'resource', ref_id: 5 });
    const detail = await call<{ sessions: Array<{ products: Array<{ productId: number }>; resources: unknown[] }> }>('getVenuePackage', { venueId: venue, id: busy });
    assert.equal(detail.sessions[0]!.products.length, 100);
    assert.equal(detail.sessions[0]!.products[99]!.productId, 100);
    assert.equal(detail.sessions[0]!.resources.length, 1);
    await store.deleteFrom('venue_packages').where('id', '=', busy).execute();
  });

  it('answers 24458 for a package that is not the venue’s, and 24102 for a venue that is not the caller’s', async () => {
    await expectApiError(call('getVenuePackage', { venueId: venue, id: riverPackage }), 404, 24458, 'The package does not exist');
    await expectApiError(call('getVenuePackage', { venueId: venue, id: 999999 }), 404, 24458);
    await expectApiError(call('getVenuePackage', { venueId: foreignVenue, id: standard }), 404, 24102, 'Venue does not exist');
    await expectApiError(call('getVenuePackageList', { venueId: foreignVenue }), 404, 24102);
    await expectApiError(call('getVenuePackage', { venueId: venue }), 400, 23017, "'id'");
    await expectApiError(call('getVenuePackage', { id: standard }), 400, 23017, 'venueId');
    const river = await call<Page<Pkg>>('getVenuePackageList', { venueId: otherVenue });
    assert.deepEqual(river.results.map((p) => p.id), [riverPackage]);

    const other = await server().newAccount();
    await expectApiError(other.client.call('venue', 'getVenuePackage', { venueId: venue, id: standard }), 404, 24102);
  });
});
