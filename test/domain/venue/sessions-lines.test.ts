import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBeveragePackage, addMenu, addMenuGroup, addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';
import { addBooking, addContact, sessionParams } from './sessions-fixtures.js';
import { addResource, addSpace, changesSince, lastChangeId } from './spaces-fixtures.js';

type MenuItem = { _type: string; id: number | string; name: string; quantity?: number; price?: number; isOptional?: number; items?: MenuItem[] };
type MenuListItem = { id: string; menuId: string; cost: number; costcenters?: unknown[]; items: MenuItem[]; minAttendeesGuaranteed: number; sameAsSessionTime: boolean };
type ResourceAvailability = { id: number; isAvailable: boolean | null; unAvailableTimes: Array<{ startDate: string; endDate: string; quantity: number }> };

describeEachDatabase('venue booking session menus, beverages and resources', ({ server }) => {
  let venue = 0;
  let other = 0;
  let room = 0;
  let room2 = 0;
  let contact = 0;
  let food = 0;
  let session = 0;
  let booking = 0;
  let menu = { id: 0, itemIds: [] as number[] };
  let theirMenu = 0;
  let group = 0;
  let split = 0;
  let wine = 0;
  let projector = 0;
  let lectern = 0;
  const client = () => server().client;
  const call = <T = { success: true; id: number }>(action: string, params: Record<string, unknown>) => client().call<T>('venue', action, params);
  const menus = async (params: Record<string, unknown>) => (await call<{ results: MenuListItem[] }>('getBookingSessionMenuList', { venueId: venue, ...params })).results;
  const addSession = async (bookingId: number, spaceId: number, date: string, start: string, end: string) =>
    (
      await call(
        'addOrUpdateBookingSession',
        sessionParams({ venueId: venue, bookingId, contactId: contact, spaceId, costcenterId: food, startDate: date, startTime: start, endTime: end }),
      )
    ).id;

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Lines Centre', timezone: 'Australia/Sydney' });
    other = await addVenue(store, { name: 'Elsewhere', timezone: 'Australia/Sydney' });
    room = await addSpace(client(), venue, { name: 'Room', maxPax: 100 });
    room2 = await addSpace(client(), venue, { name: 'Room 2', maxPax: 100 });
    contact = await addContact(store);
    food = await addVenueCostCenter(store, venue, { name: 'Food', code: 'F' });
    booking = await addBooking(store, venue);
    session = await addSession(booking, room, '2031-07-01', '09:00:00', '17:00:00');
    menu = await addMenu(store, venue, { name: 'Lunch', cost: 4500 }, [
      { name: 'Bread', price: 300 },
      { name: 'Soup', price: 900 },
    ]);
    group = await addMenuGroup(store, menu.id, { hash: 'gr0123456789abc', name: 'Mains', min: 1, max: 1 });
    for (const name of ['Fish', 'Beef']) {
      const row = await store.insertInto('venue_menu_items', { menu_id: menu.id, group_id: group, name, description: null, price: 2500, sort_order: 5 }).returning('id').executeTakeFirstOrThrow();
      menu.itemIds.push(row.id);
    }
    theirMenu = (await addMenu(store, other, { name: 'Their lunch' })).id;
    split = (await addMenu(store, venue, { name: 'Split', cost_type: 1 })).id;
    await store.insertInto('venue_menu_cost_centers', { menu_id: split, cost_center_id: food, cost_per_person: 3300, excluded_tax_ids: '[]' }).execute();
    wine = await addBeveragePackage(store, venue, { name: 'Wine', cost: 2000 }, [
      [2, 3000, 1000],
      [4, 4000, 1500],
    ]);
    await store.insertInto('venue_beverage_package_items', { package_id: wine, name: 'Shiraz', sort_order: 0 }).execute();
    projector = await addResource(store, venue, { name: 'Projector', quantity: 3 });
    lectern = await addResource(store, venue, { name: 'Lectern', quantity: null });
  });

  it('adds a menu with its required items, the chosen options, and lists it as the page shows', async () => {
    const since = await lastChangeId(server().store());
    const { id } = await call('addOrUpdateBookingSessionMenu', {
      venueId: venue,
      bookingId: booking,
      sessionId: session,
      menuId: menu.id,
      name: 'Lunch for the delegates',
      minAttendeesGuaranteed: 40,
      costcenterId: food,
      cost: 45,
      items: [{ itemId: menu.itemIds[2], price: 27.5 }],
    });
    const [item] = await menus({ sessionId: session });
    assert.deepEqual([item!.id, item!.menuId, item!.cost, item!.sameAsSessionTime], [String(id), String(menu.id), 45, true]);
    assert.deepEqual(
      item!.items.map((i) => [i._type, i.name, i.isOptional ?? null, i.price ?? null]),
      [
        ['item', 'Bread', 0, 3],
        ['item', 'Soup', 0, 9],
        ['group', 'Mains', null, null],
      ],
    );
    assert.deepEqual(
      item!.items[2]!.items!.map((i) => [i.name, i.price, i.isOptional]),
      [['Fish', 27.5, 1]],
    );
    const changes = await changesSince(server().store(), since);
    assert.deepEqual(
      changes.map((c) => c.subject),
      ['BookingSessionUpdated'],
    );
    const log = await server().store().selectFrom('booking_changelog').select(['ref_type', 'ref_id']).where('session_id', '=', session).where('ref_type', '=', 4).execute();
    assert.deepEqual(log, [{ ref_type: 4, ref_id: id }]);

    // An update without items keeps them; a required item cannot be dropped; too many choices are refused.
    await call('addOrUpdateBookingSessionMenu', { id, venueId: venue, name: 'Lunch (renamed)' });
    assert.equal((await menus({ sessionId: session }))[0]!.items.length, 3);
    await call('addOrUpdateBookingSessionMenu', { id, venueId: venue, items: [] });
    assert.deepEqual(
      (await menus({ sessionId: session }))[0]!.items.map((i) => i.name),
      ['Bread', 'Soup'],
    );
    await expectApiError(
      call('addOrUpdateBookingSessionMenu', { id, venueId: venue, items: [{ itemId: menu.itemIds[2] }, { itemId: menu.itemIds[3] }] }),
      400,
      24336,
      'at most 1 of',
    );
  });

  it('validates a menu against the venue’s catalogue with the page’s codes', async () => {
    const base = { venueId: venue, bookingId: booking, sessionId: session, menuId: menu.id, name: 'M', minAttendeesGuaranteed: 10, costcenterId: food, cost: 10 };
    await expectApiError(call('addOrUpdateBookingSessionMenu', { ...base, costcenterId: undefined }), 400, 24337, "costcenterId: *Value is required and can't be empty*");
    await expectApiError(call('addOrUpdateBookingSessionMenu', { ...base, menuId: theirMenu }), 400, 24336, `menuId: ${theirMenu} is not a menu of venue ${venue}`);
    await expectApiError(call('addOrUpdateBookingSessionMenu', { ...base, items: [{ itemId: 999_999 }] }), 400, 24336, 'items: 999999');
    await expectApiError(call('addOrUpdateBookingSessionMenu', { ...base, sessionId: 999_999 }), 404, 24333);
    await expectApiError(call('addOrUpdateBookingSessionMenu', { ...base, id: 999_999 }), 404, 24334);
    // A multi cost per person menu costs its split.
    const { id } = await call('addOrUpdateBookingSessionMenu', { ...base, menuId: split, cost: undefined });
    const item = (await menus({ sessionId: session })).find((m) => m.id === String(id))!;
    assert.deepEqual([item.cost, item.costcenters], [33, [{ costcenterId: food, costPerPerson: 33, costPerPersonExcludedTaxIds: [] }]]);
    assert.deepEqual(await call('removeBookingSessionMenu', { id, venueId: venue, bookingId: booking, sessionId: session }), { success: true, id });
    await expectApiError(call('removeBookingSessionMenu', { id, venueId: venue }), 404, 24334);
  });

  it('adds a beverage package priced by the hours the venue sells', async () => {
    const base = { venueId: venue, bookingId: booking, sessionId: session, beverageId: wine, name: 'Wine', minAttendeesGuaranteed: 30, costcenterId: food, cost: 20 };
    await expectApiError(call('addOrUpdateBookingSessionBeverage', base), 400, 24354, 'costPeriod');
    await expectApiError(call('addOrUpdateBookingSessionBeverage', { ...base, costPeriod: 1, numHours: 3 }), 400, 24355, 'numHours: 3 is not one of the hours');
    await expectApiError(call('addOrUpdateBookingSessionBeverage', { ...base, costPeriod: 1, numHours: 2, items: [{ itemId: 999_999 }] }), 400, 24355, 'items');
    const { id } = await call('addOrUpdateBookingSessionBeverage', { ...base, costPeriod: 1, numHours: 4 });
    const row = await server().store().selectFrom('booking_session_beverages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.cost_period, row.num_hours, row.cost, (JSON.parse(row.items) as Array<{ name: string }>).map((i) => i.name)], [1, 4, 2000, ['Shiraz']]);
    assert.deepEqual(await call('removeBookingSessionBeverage', { id, venueId: venue }), { success: true, id });
    await expectApiError(call('removeBookingSessionBeverage', { id, venueId: venue }), 404, 24352);
  });

  it('holds resource units, refuses more than are free, and frees them on removal', async () => {
    const other1 = await addBooking(server().store(), venue);
    const otherSession = await addSession(other1, room2, '2031-07-01', '08:00:00', '12:00:00');
    const res = (sessionId: number, bookingId: number, quantity: number, startTime: string, endTime: string) =>
      call('addOrUpdateBookingSessionResource', { venueId: venue, bookingId, sessionId, resourceId: projector, quantity, startTime, endTime, includeInPackage: 0, costCenterId: food, cost: 25, costType: 1 });
    const first = await res(session, booking, 2, '9:00 AM', '11:00 AM');
    await expectApiError(res(otherSession, other1, 2, '10:00:00', '11:30:00'), 400, 24341, "2 of 'Projector' asked for, 1 of 3 free at 2031-07-01 10:00:00");
    await res(otherSession, other1, 1, '10:00:00', '11:30:00');
    const availability = (
      await call<{ results: ResourceAvailability[] }>('getResourceAvailability', { venueId: venue, startDate: '2031-07-01', endDate: '2031-07-01', resourceIds: [projector], quantity: 1 })
    ).results[0]!;
    assert.equal(availability.isAvailable, false);
    assert.deepEqual(availability.unAvailableTimes[0], { startDate: '2031-07-01 09:00:00', endDate: '2031-07-01 11:00:00', quantity: 2 });
    // Uncounted resources are never short.
    await call('addOrUpdateBookingSessionResource', { venueId: venue, sessionId: session, resourceId: lectern, quantity: 50, startTime: '09:00', endTime: '10:00', includeInPackage: 0, costCenterId: food, cost: 0, costType: 2 });
    await expectApiError(
      call('addOrUpdateBookingSessionResource', { venueId: venue, sessionId: session, resourceId: projector, quantity: 1, startTime: '09:00', endTime: '10:00', includeInPackage: 0, cost: 1, costType: 1 }),
      400,
      24342,
      'costCenterId',
    );
    await expectApiError(call('addOrUpdateBookingSessionResource', { venueId: venue, sessionId: 999_999, resourceId: projector }), 404, 24338);
    await expectApiError(call('addOrUpdateBookingSessionResource', { id: 999_999, venueId: venue, quantity: 1 }), 404, 24339);
    assert.deepEqual(await call('removeBookingSessionResource', { id: first.id, venueId: venue, bookingId: booking, sessionId: session }), { success: true, errorType: null });
    await res(otherSession, other1, 2, '10:00:00', '11:00:00');
  });

  it('moves a session’s resources with it and removes its lines with it', async () => {
    const b = await addBooking(server().store(), venue);
    const s = await addSession(b, room2, '2031-08-01', '09:00:00', '10:00:00');
    const line = await call('addOrUpdateBookingSessionResource', { venueId: venue, sessionId: s, resourceId: projector, quantity: 3, startTime: '09:00:00', endTime: '10:00:00', includeInPackage: 0, costCenterId: food, cost: 1, costType: 1 });
    await call('addOrUpdateBookingSession', { id: s, startDate: '2031-08-02' });
    const held = await server().store().selectFrom('resource_occupancies').select('starts_at').where('source_id', '=', line.id).executeTakeFirstOrThrow();
    assert.equal(held.starts_at, Date.parse('2031-08-01T23:00:00Z'), '09:00 AEST on 2 August');
    // A session that takes every projector cannot move onto a time when one is out.
    const c = await addBooking(server().store(), venue);
    const s2 = await addSession(c, room, '2031-08-03', '09:00:00', '10:00:00');
    await call('addOrUpdateBookingSessionResource', { venueId: venue, sessionId: s2, resourceId: projector, quantity: 1, startTime: '09:00:00', endTime: '10:00:00', includeInPackage: 0, costCenterId: food, cost: 1, costType: 1 });
    await expectApiError(call('addOrUpdateBookingSession', { id: s, startDate: '2031-08-03' }), 400, 24363, 'Projector');
    await call('removeBookingSession', { id: s });
    const left = await server().store().selectFrom('resource_occupancies').select('id').where('source_id', '=', line.id).execute();
    assert.deepEqual(left, []);
  });
  it('shows a booking’s menus, beverage packages and resources in getBooking, priced by their units', async () => {
    const bookingId = await addBooking(server().store(), venue);
    const sessionId = await addSession(bookingId, room2, '2031-09-01', '09:00:00', '17:00:00');
    const line = { venueId: venue, bookingId, sessionId, costcenterId: food };
    const menuLine = await call('addOrUpdateBookingSessionMenu', { ...line, menuId: menu.id, name: 'Working lunch', minAttendeesGuaranteed: 20, cost: 45, items: [{ itemId: menu.itemIds[0]! }] });
    const wineLine = await call('addOrUpdateBookingSessionBeverage', { ...line, beverageId: wine, name: 'Wine', minAttendeesGuaranteed: 10, cost: 20, costPeriod: 1, numHours: 2, startTime: '12:00:00', endTime: '14:00:00', sameAsSessionTime: false });
    const lecternLine = await call('addOrUpdateBookingSessionResource', { venueId: venue, bookingId, sessionId, resourceId: lectern, quantity: 2, startTime: '10:00', endTime: '12:00', includeInPackage: 0, costCenterId: food, cost: 10, costType: 1 });
    type Line = { id: number; sessionId: number; name: string | null; startDate: string; startTime: string; endTime: string; cost: number; totalAmount: number };
    const got = await call<{ menus: Line[]; beveragePackages: Line[]; resources: Array<Line & { quantity: number }> }>('getBooking', { id: bookingId });
    const pick = (l: Line) => [l.id, l.sessionId, l.name, l.startDate, l.startTime, l.endTime, l.cost, l.totalAmount];
    // Per-person menu and package: cost × attendees; an hourly resource: cost × quantity × hours.
    assert.deepEqual(got.menus.map(pick), [[menuLine.id, sessionId, 'Working lunch', '2031-09-01', '09:00:00', '17:00:00', 45, 900]]);
    assert.deepEqual(got.beveragePackages.map(pick), [[wineLine.id, sessionId, 'Wine', '2031-09-01', '12:00:00', '14:00:00', 20, 200]]);
    assert.deepEqual(got.resources.map(pick), [[lecternLine.id, sessionId, 'Lectern', '2031-09-01', '10:00:00', '12:00:00', 10, 40]]);
    assert.equal(got.resources[0]!.quantity, 2);
    const elsewhere = await call<{ menus: Line[]; resources: Line[] }>('getBooking', { id: booking });
    assert.ok(elsewhere.menus.every((m) => m.sessionId === session));
  });
});
