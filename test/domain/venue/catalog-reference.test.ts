import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addTax, addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}

// The account's booking reference data (session types, event types, booking custom fields) and
// a venue's accounting data (cost centers, taxes, revenue templates).
describeEachDatabase('venue catalogue: reference and accounting lists', ({ server }) => {
  let venue = 0;
  let otherVenue = 0;
  let foreignVenue = 0;
  let foodParent = 0;
  const cc: Record<string, number> = {};
  const taxes: Record<string, number> = {};
  let conference = 0;

  const call = <T>(action: string, params: Record<string, unknown> = {}) => server().client.call<T>('venue', action, params);

  before(async () => {
    const store = server().store();
    const now = Date.now();
    venue = await addVenue(store, { name: 'Harbour Hotel' });
    otherVenue = await addVenue(store, { name: 'River Hall' });
    foodParent = (
      await store
        .insertInto('cost_centers', { name: 'Food', code: 'FOOD', description: null, default_type: 2, created_at: now, modified_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    cc.food = await addVenueCostCenter(store, venue, { name: 'Food', code: 'HH-FOOD', parentId: foodParent, description: 'Venue food cost center' });
    cc.banquet = await addVenueCostCenter(store, venue, { name: 'Banquet Food', code: 'HH-BQF' });
    cc.river = await addVenueCostCenter(store, otherVenue, { name: 'Food', code: 'RH-FOOD', parentId: foodParent });

    taxes.gst = await addTax(store, venue, { name: 'GST' });
    taxes.levy = await addTax(store, venue, { name: 'City Tourism Levy', applies_to: 2, amount_type: 2, amount: 250, unit_type: 1 });
    taxes.fee = await addTax(store, venue, {
      name: 'Service Fee',
      type: 2,
      amount: 850,
      tax_ids: JSON.stringify([taxes.gst]),
      cost_center_ids: JSON.stringify([cc.food, cc.banquet]),
      excluded_tax_ids: JSON.stringify([taxes.levy]),
      calculate_exclusively: 1,
    });
    await addTax(store, otherVenue, { name: 'GST' });

    for (const name of ['Meeting', 'Plenary', 'Breakout', 'Dinner']) {
      await store.insertInto('venue_session_types', { name, created_at: now, modified_at: now }).execute();
    }
    conference = (
      await store
        .insertInto('venue_event_types', { name: 'Conference', description: 'Multi-day', marketplace_event_type: 4, contact_type: 1, is_viewable: 1, created_at: Date.UTC(2024, 0, 2, 3, 4, 5), modified_at: Date.UTC(2024, 5, 6, 7, 8, 9) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await store.insertInto('venue_event_sub_types', [
      { event_type_id: conference, name: 'Symposium', sort_order: 1 },
      { event_type_id: conference, name: 'Association Conference', sort_order: 0 },
    ]).execute();
    await store.insertInto('venue_event_types', { name: 'Wedding', description: null, marketplace_event_type: 10, contact_type: 2, is_viewable: 0, created_at: now, modified_at: now }).execute();

    await store.insertInto('venue_booking_custom_fields', [
      { field_type: 0, display_name: 'PO Number', is_required: 0, visible_to: 1, user_group_ids: '[]', tooltip_text: '', is_required_on_marketplace: 0, sort_order: 0, select_values: null, created_at: now, modified_at: now },
      { field_type: 2, display_name: 'Event Style', is_required: 1, visible_to: 2, user_group_ids: '[10]', tooltip_text: 'Seated or standing', is_required_on_marketplace: 1, sort_order: 1, select_values: JSON.stringify({ Seated: 'Seated', Standing: 'Standing' }), created_at: now, modified_at: now },
    ]).execute();

    const revenue = await store
      .insertInto('venue_revenue_templates', { venue_id: venue, name: 'Banquet', is_default: 1, created_at: Date.UTC(2021, 2, 3, 11, 22, 20), modified_at: Date.UTC(2021, 2, 15, 14, 19, 47) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.insertInto('venue_revenue_template_cost_centers', { template_id: revenue.id, cost_center_id: cc.food!, new_cost_center_id: cc.banquet! }).execute();
    await store.insertInto('venue_revenue_templates', { venue_id: venue, name: 'Catering', is_default: 0, created_at: now, modified_at: now }).execute();

    const other = await server().newAccount();
    foreignVenue = await addVenue(server().store(other.accountId), { name: 'Elsewhere' });
  });

  it('lists the account’s session types with paging and filters', async () => {
    const all = await call<Page<{ id: number; name: string }>>('getSessionTypeList');
    assert.deepEqual(all.results.map((r) => r.name), ['Meeting', 'Plenary', 'Breakout', 'Dinner']);
    assert.deepEqual(Object.keys(all.results[0]!), ['id', 'name']);
    const page = await call<Page<{ name: string }>>('getSessionTypeList', { perPage: 2, start: 2 });
    assert.deepEqual(page.meta, { totalResults: 4, start: 2, perPage: 2, count: 2 });
    assert.deepEqual(page.results.map((r) => r.name), ['Breakout', 'Dinner']);
    const filtered = await call<Page<{ name: string }>>('getSessionTypeList', { filter: { name__BEGINS: 'p' } });
    assert.deepEqual(filtered.results.map((r) => r.name), ['Plenary']);
    await expectApiError(call('getSessionTypeList', { filter: { colour: 'red' } }), 400, 23016, 'filter.colour');
  });

  it('lists event types with their sub types in order', async () => {
    const all = await call<Page<Record<string, unknown>>>('getEventTypeList');
    assert.equal(all.meta.totalResults, 2);
    assert.deepEqual(all.results[0], {
      id: conference,
      name: 'Conference',
      description: 'Multi-day',
      marketplaceEventType: 4,
      contactType: 1,
      isViewable: true,
      createdDate: '2024-01-02 03:04:05 UTC',
      modifiedDate: '2024-06-06 07:08:09 UTC',
      subTypes: [
        { id: (all.results[0]!.subTypes as Array<{ id: number }>)[0]!.id, name: 'Association Conference' },
        { id: (all.results[0]!.subTypes as Array<{ id: number }>)[1]!.id, name: 'Symposium' },
      ],
    });
    assert.deepEqual(all.results[1]!.subTypes, []);
    const viewable = await call<Page<{ name: string }>>('getEventTypeList', { filter: { isViewable: false } });
    assert.deepEqual(viewable.results.map((r) => r.name), ['Wedding']);
    const byDate = await call<Page<{ name: string }>>('getEventTypeList', { filter: { modifiedDate__LESSTHAN: '2024-12-31 00:00:00' } });
    assert.deepEqual(byDate.results.map((r) => r.name), ['Conference']);
    const byCode = await call<Page<{ name: string }>>('getEventTypeList', { filter: { marketplaceEventType: 10 } });
    assert.deepEqual(byCode.results.map((r) => r.name), ['Wedding']);
  });

  it('lists booking custom field definitions', async () => {
    const all = await call<Page<Record<string, unknown>>>('getBookingCustomFieldList', { perPage: 10 });
    assert.equal(all.meta.perPage, 10);
    assert.deepEqual(all.results[1], {
      id: all.results[1]!.id,
      fieldType: 2,
      displayName: 'Event Style',
      isRequired: true,
      visibleTo: 2,
      userGroupIds: [10],
      tooltipText: 'Seated or standing',
      isRequiredOnMarketplace: true,
      sortOrder: 1,
      selectValues: { Seated: 'Seated', Standing: 'Standing' },
    });
    assert.equal(all.results[0]!.selectValues, null);
    const required = await call<Page<{ displayName: string }>>('getBookingCustomFieldList', { filter: { isRequired: true } });
    assert.deepEqual(required.results.map((r) => r.displayName), ['Event Style']);
  });

  it('lists a venue’s cost centers with their parent account cost center', async () => {
    const list = await call<Page<Record<string, unknown>>>('getCostCenterList', { venueId: venue });
    assert.deepEqual(list.results, [
      { id: cc.food, name: 'Food', code: 'HH-FOOD', description: 'Venue food cost center', parentId: foodParent, parentDefaultType: 2 },
      { id: cc.banquet, name: 'Banquet Food', code: 'HH-BQF', description: null, parentId: null, parentDefaultType: null },
    ]);
    const byParentType = await call<Page<{ id: number }>>('getCostCenterList', { venueId: venue, filter: { parentDefaultType: 2 } });
    assert.deepEqual(byParentType.results.map((r) => r.id), [cc.food]);
    const noParent = await call<Page<{ id: number }>>('getCostCenterList', { venueId: venue, filter: { parentId: '__ISNULL__' } });
    assert.deepEqual(noParent.results.map((r) => r.id), [cc.banquet]);
    const river = await call<Page<{ id: number }>>('getCostCenterList', { venueId: otherVenue });
    assert.deepEqual(river.results.map((r) => r.id), [cc.river]);
  });

  it('answers 24271 for a cost center list of a venue that is not the caller’s', async () => {
    await expectApiError(call('getCostCenterList', { venueId: foreignVenue }), 404, 24271, 'Venue does not exist');
    await expectApiError(call('getCostCenterList', { venueId: 999999 }), 404, 24271);
    await expectApiError(call('getCostCenterList', {}), 400, 23017, 'venueId');
    await expectApiError(call('getCostCenterList', { venueId: 'x' }), 400, 23016, 'venueId');
  });

  it('lists taxes with amounts in units and percentages in percent', async () => {
    const list = await call<Page<Record<string, unknown>>>('getTaxList', { venueId: venue });
    assert.equal(list.meta.totalResults, 3);
    assert.deepEqual(list.results[0], {
      id: taxes.gst,
      name: 'GST',
      type: 1,
      appliesTo: 1,
      amountType: 1,
      amount: 10,
      taxIds: [],
      costcenterIds: [],
      excludedTaxIds: [],
      calculateExclusively: false,
      unitType: null,
    });
    assert.deepEqual(list.results[1]!.amount, 2.5);
    assert.deepEqual(list.results[1]!.unitType, 1);
    assert.deepEqual(list.results[2], {
      id: taxes.fee,
      name: 'Service Fee',
      type: 2,
      appliesTo: 1,
      amountType: 1,
      amount: 8.5,
      taxIds: [taxes.gst],
      costcenterIds: [cc.food, cc.banquet],
      excludedTaxIds: [taxes.levy],
      calculateExclusively: true,
      unitType: null,
    });
    const fees = await call<Page<{ id: number }>>('getTaxList', { venueId: venue, filter: { amount: 8.5 } });
    assert.deepEqual(fees.results.map((r) => r.id), [taxes.fee]);
    const accommodation = await call<Page<{ id: number }>>('getTaxList', { venueId: venue, filter: { appliesTo: 2 } });
    assert.deepEqual(accommodation.results.map((r) => r.id), [taxes.levy]);
    await expectApiError(call('getTaxList', { venueId: foreignVenue }), 404, 24102, 'Venue does not exist');
  });

  it('lists revenue templates with their cost center mappings', async () => {
    const list = await call<Page<Record<string, unknown>>>('getRevenueTemplateList', { venueId: venue, perPage: 100, start: 0 });
    assert.equal(list.meta.totalResults, 2);
    assert.deepEqual(list.results[0], {
      id: list.results[0]!.id,
      name: 'Banquet',
      isDefault: true,
      costcenters: [{ costcenterId: cc.food, newCostcenterId: cc.banquet }],
      createdDate: '2021-03-03 11:22:20 UTC',
      modifiedDate: '2021-03-15 14:19:47 UTC',
    });
    assert.deepEqual(list.results[1]!.costcenters, []);
    const defaults = await call<Page<{ name: string }>>('getRevenueTemplateList', { venueId: venue, filter: { isDefault: false } });
    assert.deepEqual(defaults.results.map((r) => r.name), ['Catering']);
    assert.equal((await call<Page<unknown>>('getRevenueTemplateList', { venueId: otherVenue })).meta.totalResults, 0);
    await expectApiError(call('getRevenueTemplateList', { venueId: foreignVenue }), 404, 24102);
  });

  it('shows another account none of this account’s reference data', async () => {
    const other = await server().newAccount();
    for (const action of ['getSessionTypeList', 'getEventTypeList', 'getBookingCustomFieldList']) {
      const page = await other.client.call<Page<unknown>>('venue', action, {});
      assert.equal(page.meta.totalResults, 0, action);
    }
    await expectApiError(other.client.call('venue', 'getTaxList', { venueId: venue }), 404, 24102);
    await expectApiError(other.client.call('venue', 'getCostCenterList', { venueId: venue }), 404, 24271);
  });
});
