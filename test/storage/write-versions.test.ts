import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { openStorage, type Storage } from '../../src/storage/database.js';
import { createScope, type Scope } from '../../src/storage/scope.js';
import { VERSIONED_TABLES } from '../../src/domain/index.js';
import { currentWriteVersion } from '../../src/storage/write-versions.js';
import { CONTACT_EVENT_TABLES } from '../../src/domain/event/migrations/0032_contact_event_links.js';
import { BOOKING_ANSWER_TABLES } from '../../src/domain/venue/migrations/0031_booking_answers.js';
import { anchoredNow, seedAccount } from '../../src/seed/seed.js';
import { sql } from 'kysely';
import { describeEachDatabase } from '../support/suite.js';
import { addVenue } from '../domain/venue/fixtures.js';
import { addLayout, addSpace, blockout } from '../domain/venue/spaces-fixtures.js';

describeEachDatabase('account write versions', ({ server, kind }) => {
  let store: Scope;
  let otherAccount: Scope;
  let second: Storage;
  let ids: { contact: number; company: number; group: number; field: number };
  let venue: { id: number; room: number; combined: number; layout: number; blockout: number };

  before(async () => {
    store = server().store();
    otherAccount = server().store((await server().newAccount()).accountId);
    second = await openStorage(server().database.url);
    const now = Date.now();
    const contact = await store
      .insertInto('contacts', { first_name: 'Vera', last_name: 'Version', email: 'v@example.com', email_status: 1, sms_status: 1, is_anonymised: 0, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const company = await store
      .insertInto('companies', { business_name: 'Versions Ltd', is_agent: 0, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const group = await store
      .insertInto('subscription_groups', { name: 'Readers', tag_colour: '#112233', created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const field = await store
      .insertInto('custom_field_definitions', {
        entity: 'contact',
        field_type: 0,
        display_name: 'Job Title',
        is_required: 0,
        is_active: 1,
        sort_order: 1,
        select_values: null,
        file_types: null,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids = { contact: contact.id, company: company.id, group: group.id, field: field.id };
    // What a getAvailableFunctionSpaces answer is made of (venue/spaces/availability/answer-cache.ts).
    const venueId = await addVenue(store, { name: 'Version Hall' });
    const room = await addSpace(server().client, venueId, { name: 'Room', eventTypes: [4] });
    const combined = await addSpace(server().client, venueId, { name: 'Rooms', partSpaceIds: [room] });
    venue = {
      id: venueId,
      room,
      combined,
      layout: await addLayout(store, room, 1, 80),
      blockout: await blockout(store, venueId, room, '2031-01-01T00:00:00Z', '2031-01-02T00:00:00Z'),
    };
  });
  after(async () => {
    await second.close();
  });

  /** The version read inside a transaction of its own: never a shared read. */
  const readVersionIn = (scope: Scope) => scope.transaction((tx) => currentWriteVersion(tx));

  /** Runs `write` and returns how far this account's and the other account's versions moved. */
  async function moved(write: () => Promise<unknown>): Promise<{ mine: number; theirs: number }> {
    const [mine, theirs] = [await currentWriteVersion(store), await currentWriteVersion(otherAccount)];
    await write();
    return { mine: (await currentWriteVersion(store)) - mine, theirs: (await currentWriteVersion(otherAccount)) - theirs };
  }

  it('moves on an insert, an update and a delete in every versioned table, for that account only', async () => {
    const now = Date.now();
    const writes: Record<string, Array<() => Promise<unknown>>> = {
      contacts: [
        () => store.updateTable('contacts').set({ phone: '0400 000 000' }).where('id', '=', ids.contact).execute(),
      ],
      companies: [() => store.updateTable('companies').set({ business_name: 'Versions Pty' }).where('id', '=', ids.company).execute()],
      company_contacts: [
        () => store.insertInto('company_contacts', { company_id: ids.company, contact_id: ids.contact, created_at: now }).execute(),
        () => store.updateTable('company_contacts').set({ created_at: now + 1 }).where('contact_id', '=', ids.contact).execute(),
        () => store.deleteFrom('company_contacts').where('contact_id', '=', ids.contact).execute(),
      ],
      subscription_group_members: [
        () => store.insertInto('subscription_group_members', { group_id: ids.group, contact_id: ids.contact, joined_at: now }).execute(),
        () => store.updateTable('subscription_group_members').set({ joined_at: now + 1 }).where('contact_id', '=', ids.contact).execute(),
        () => store.deleteFrom('subscription_group_members').where('contact_id', '=', ids.contact).execute(),
      ],
      contact_custom_values: [
        () => store.insertInto('contact_custom_values', { contact_id: ids.contact, field_id: ids.field, value: '"Chef"' }).execute(),
        () => store.updateTable('contact_custom_values').set({ value: '"Head Chef"' }).where('contact_id', '=', ids.contact).execute(),
        () => store.deleteFrom('contact_custom_values').where('contact_id', '=', ids.contact).execute(),
      ],
      custom_field_definitions: [
        () => store.updateTable('custom_field_definitions').set({ display_name: 'Role' }).where('id', '=', ids.field).execute(),
      ],
      venues: [() => store.updateTable('venues').set({ business_name: 'Version Halls' }).where('id', '=', venue.id).execute()],
      function_spaces: [() => store.updateTable('function_spaces').set({ name: 'Room A' }).where('id', '=', venue.room).execute()],
      function_space_parts: [() => store.deleteFrom('function_space_parts').where('space_id', '=', venue.combined).execute()],
      function_space_event_types: [() => store.deleteFrom('function_space_event_types').where('space_id', '=', venue.room).execute()],
      function_space_layouts: [() => store.updateTable('function_space_layouts').set({ pax_maximum: 90 }).where('id', '=', venue.layout).execute()],
      space_occupancies: [() => store.updateTable('space_occupancies').set({ pax: 5 }).where('source_id', '=', venue.blockout).execute()],
    };
    // What a getBooking answer is made of: rows the seed writes, each rewritten as it is.
    await seedAccount(server().runtime, { accountId: store.accountId, contacts: 20, randomSeed: 5, now: anchoredNow() });
    // The seed adds no beverages, packages or items to bookings: one of each, as a client would.
    const session = await store
      .selectFrom('booking_sessions')
      .innerJoin('bookings', 'bookings.id', 'booking_sessions.booking_id')
      .select(['booking_sessions.id', 'booking_sessions.booking_id', 'booking_sessions.venue_id'])
      .where('bookings.current_status', '<>', 4)
      .executeTakeFirstOrThrow();
    const food = await store.selectFrom('venue_cost_centers').select('id').where('venue_id', '=', session.venue_id).executeTakeFirstOrThrow();
    const drinks = await store.selectFrom('venue_beverage_packages').select('id').where('venue_id', '=', session.venue_id).where('current_status', '=', 1).executeTakeFirstOrThrow();
    await server().client.call('venue', 'addOrUpdateBookingSessionBeverage', {
      venueId: session.venue_id,
      bookingId: session.booking_id,
      sessionId: session.id,
      beverageId: drinks.id,
      name: 'House wine',
      minAttendeesGuaranteed: 10,
      cost: 20,
      costcenterId: food.id,
      costPeriod: 2,
      sameAsSessionTime: true,
    });
    const venuePackage = await store.selectFrom('venue_packages').select('id').where('venue_id', '=', session.venue_id).executeTakeFirstOrThrow();
    await server().client.call('venue', 'addOrUpdateBookingPackage', { venueId: session.venue_id, bookingId: session.booking_id, packageId: venuePackage.id, numberAttendees: 10 });
    await server().client.call('venue', 'addItemsToBooking', { venueId: session.venue_id, bookingId: session.booking_id, items: [{ description: 'Parking', quantity: 2, salePrice: 5 }] });
    for (const table of [...BOOKING_ANSWER_TABLES, ...CONTACT_EVENT_TABLES]) {
      writes[table] = [
        async () => {
          const row = await sql<{ id: number | null }>`select min(id) as id from ${sql.table(table)} where account_id = ${store.accountId}`.execute(store.executor);
          const id = row.rows[0]?.id;
          assert.ok(id !== null && id !== undefined, `the account has a row of ${table}`);
          await sql`update ${sql.table(table)} set account_id = account_id where id = ${id}`.execute(store.executor);
        },
      ];
    }
    assert.deepEqual(Object.keys(writes).sort(), Object.keys(VERSIONED_TABLES).sort(), 'every versioned table is written here');
    for (const [table, list] of Object.entries(writes)) {
      for (const [i, write] of list.entries()) {
        const delta = await moved(write);
        assert.ok(delta.mine > 0, `${table} write ${i} moved the version`);
        assert.equal(delta.theirs, 0, `${table} write ${i} left the other account alone`);
      }
    }
    const gone = await moved(async () => {
      const now2 = Date.now();
      const temp = await store
        .insertInto('contacts', { first_name: 'Tim', last_name: 'Temp', email: 't@example.com', email_status: 1, sms_status: 1, is_anonymised: 0, created_at: now2, modified_at: now2 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await store.deleteFrom('contacts').where('id', '=', temp.id).execute();
    });
    assert.ok(gone.mine >= 2, 'an insert and a delete in two transactions move it twice');
  });

  it('answers each reader with a version read after it asked, while reads of the account are in flight', async () => {
    // Reads through another connection are shared by concurrent callers (storage/fresh-reads.ts);
    // each write below commits while earlier reads may still be on their way.
    const reader = createScope(second.db, store.accountId, second.dialect);
    const checks: Array<Promise<void>> = [];
    for (let i = 0; i < 25; i++) {
      await store.updateTable('contacts').set({ phone: `fresh ${i}` }).where('id', '=', ids.contact).execute();
      const committed = await readVersionIn(store);
      for (let j = 0; j < 3; j++) {
        checks.push(
          currentWriteVersion(reader).then((seen) => assert.ok(seen >= committed, `write ${i}: read ${seen} after version ${committed} committed`)),
        );
      }
    }
    await Promise.all(checks);
  });

  it('does not move for a transaction that rolls back', async () => {
    const delta = await moved(() =>
      store
        .transaction(async (tx) => {
          await tx.updateTable('contacts').set({ phone: 'rolled back' }).where('id', '=', ids.contact).execute();
          throw new Error('abort');
        })
        .catch(() => undefined),
    );
    assert.equal(delta.mine, 0);
  });

  it('commits with the data: another connection sees both or neither', async () => {
    let release!: () => void;
    let written!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = new Promise<void>((resolve) => (written = resolve));
    const reader = createScope(second.db, store.accountId, second.dialect);
    const before = await currentWriteVersion(reader);
    const writing = store.transaction(async (tx) => {
      await tx.updateTable('contacts').set({ phone: 'in flight' }).where('id', '=', ids.contact).execute();
      written();
      await held;
    });
    await ready;
    const during = await reader.selectFrom('contacts').select('phone').where('id', '=', ids.contact).executeTakeFirstOrThrow();
    assert.notEqual(during.phone, 'in flight');
    assert.equal(await currentWriteVersion(reader), before);
    release();
    await writing;
    const row = await reader.selectFrom('contacts').select('phone').where('id', '=', ids.contact).executeTakeFirstOrThrow();
    assert.equal(row.phone, 'in flight');
    assert.ok((await currentWriteVersion(reader)) > before);
  });

  it('moves once per transaction for a bulk write on PostgreSQL, and concurrent writers each count once', async (t) => {
    if (kind !== 'postgres') return t.skip('SQLite moves it once per row (one writer, no contention)');
    const now = Date.now();
    const bulk = await moved(() =>
      store
        .insertInto(
          'contacts',
          Array.from({ length: 50 }, (_, i) => ({
            first_name: `Bulk${i}`,
            last_name: 'Load',
            email: `bulk${i}@example.com`,
            email_status: 1,
            sms_status: 1,
            is_anonymised: 0,
            created_at: now,
            modified_at: now,
          })),
        )
        .execute(),
    );
    assert.equal(bulk.mine, 1);
    // Two transactions on different connections, each waiting until the other has written:
    // both commit, and each adds exactly one.
    const other = createScope(second.db, store.accountId, second.dialect);
    const signals = () => {
      let done!: () => void;
      const promise = new Promise<void>((resolve) => (done = resolve));
      return { promise, done };
    };
    const aWrote = signals();
    const bWrote = signals();
    const both = await moved(() =>
      Promise.all([
        store.transaction(async (tx) => {
          await tx.updateTable('contacts').set({ phone: 'a' }).where('id', '=', ids.contact).execute();
          aWrote.done();
          await bWrote.promise;
        }),
        other.transaction(async (tx) => {
          await tx.updateTable('companies').set({ fax: 'b' }).where('id', '=', ids.company).execute();
          bWrote.done();
          await aWrote.promise;
        }),
      ]),
    );
    assert.equal(both.mine, 2);
  });
});
