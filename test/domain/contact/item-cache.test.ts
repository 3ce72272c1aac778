import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Collection } from '../../../src/client/index.js';
import { itemCacheStats } from '../../../src/domain/contact/contacts/item-cache.js';
import { contactListItems, loadContactDetails } from '../../../src/domain/contact/contacts/shapes.js';
import { findContacts } from '../../../src/domain/contact/contacts/store.js';
import { openStorage, type Storage } from '../../../src/storage/database.js';
import { createScope, type Scope } from '../../../src/storage/scope.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addField, addGroup } from './fixtures.js';

// Kept list items (contacts/item-cache.ts) must always equal items built afresh from the
// database, whatever was written since, by whom, and through which path.
describeEachDatabase('contact list item cache', ({ server }) => {
  let store: Scope;
  let other: Storage;
  let otherStore: Scope;
  const ids: number[] = [];
  let groupId: number;
  let fieldId: number;
  let companyId: number;

  before(async () => {
    store = server().store();
    other = await openStorage(server().database.url);
    otherStore = createScope(other.db, server().accountId, other.dialect);
    groupId = await addGroup(store, 'Newsletter');
    fieldId = await addField(store, 'contact', 0, 'Job Title', { sortOrder: 1 });
    const company = await server().client.call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: 'Cache & Co' });
    companyId = company.id;
    for (let i = 0; i < 12; i++) {
      const created = await server().client.call<{ id: number }>('contact', 'addOrUpdateContact', {
        firstName: `Kay${i}`,
        lastName: 'Cached',
        email: `kay${i}@example.com`,
        ...(i % 2 === 0 ? { groups: [{ groupId }] } : {}),
        ...(i % 3 === 0 ? { companies: [companyId] } : {}),
        ...(i % 4 === 0 ? { customFields: [{ fieldId, value: `Role ${i}` }] } : {}),
      });
      ids.push(created.id);
    }
  });
  after(async () => {
    await other.close();
  });

  /** Every page and a few contacts through the API, against the same built afresh. */
  async function expectFresh(what: string): Promise<void> {
    const served: unknown[] = [];
    for (let start = 0; ; start += 5) {
      const page = await server().client.call<Collection<unknown>>('contact', 'getContactList', { start, perPage: 5 });
      served.push(...page.results);
      if (page.results.length < 5) break;
    }
    const rows = await findContacts(store, ids);
    const fresh = JSON.parse(JSON.stringify(await contactListItems(store, rows))) as unknown[];
    assert.deepEqual(served, fresh, `${what}: list`);
    for (const id of [ids[0]!, ids[3]!, ids[ids.length - 1]!]) {
      const one = await server().client.call('contact', 'getContact', { id });
      const details = await loadContactDetails(store, [id], server().url);
      assert.deepEqual(one, JSON.parse(JSON.stringify(details.get(id))), `${what}: getContact ${id}`);
    }
  }

  it('serves unchanged items as kept, and they equal items built afresh', async () => {
    await expectFresh('first read');
    const whole = () => server().client.call<Collection<unknown>>('contact', 'getContactList', { perPage: 100 });
    const first = await whole();
    const before = itemCacheStats(store);
    assert.deepEqual(await whole(), first);
    // Contacts expectFresh did not ask getContact for: their whole answers are not kept yet.
    for (const id of [ids[1]!, ids[2]!, ids[4]!]) await server().client.call('contact', 'getContact', { id });
    const after = itemCacheStats(store);
    assert.equal(after.built - before.built, 0, 'nothing was rebuilt without a write');
    assert.equal(after.hits - before.hits, ids.length + 3);
  });

  it('rebuilds after writes through the API to every part of an item', async () => {
    const client = server().client;
    await client.call('contact', 'addOrUpdateContact', { id: ids[1], phone: '0400 111 222' });
    await expectFresh('a field');
    await client.call('contact', 'addOrUpdateContact', { id: ids[1], groups: [{ groupId }] });
    await expectFresh('a group membership');
    await client.call('contact', 'addOrUpdateContact', { id: ids[1], companies: [companyId] });
    await expectFresh('a company link');
    await client.call('contact', 'addOrUpdateContact', { id: ids[1], customFields: [{ fieldId, value: 'Chef' }] });
    await expectFresh('a custom value');
    await client.call('contact', 'addOrUpdateCompany', { id: companyId, businessName: 'Cache & Sons' });
    await expectFresh('a company name');
  });

  it('answers the same filter again with what changed since, and refuses a bad filter every time', async () => {
    // getContactList keeps the query built for a filter (storage/collection.ts queryName).
    const named = async () =>
      (await server().client.call<Collection<{ id: number }>>('contact', 'getContactList', { filter: { lastName: 'Cached' }, perPage: 100 })).results.map((r) => r.id);
    const before = await named();
    assert.deepEqual(before, [...ids].sort((a, b) => a - b));
    await otherStore.updateTable('contacts').set({ last_name: 'Moved' }).where('id', '=', ids[5]!).execute();
    assert.deepEqual(await named(), before.filter((id) => id !== ids[5]));
    await otherStore.updateTable('contacts').set({ last_name: 'Cached' }).where('id', '=', ids[5]!).execute();
    assert.deepEqual(await named(), before);
    for (let i = 0; i < 2; i++) {
      await assert.rejects(
        server().client.call('contact', 'getContactList', { filter: { lastName__NOPE: 'x' } }),
        /23016|filter/i,
      );
    }
  });

  it('rebuilds after writes that bypass the actions, from another process', async () => {
    await expectFresh('warm');
    await otherStore.updateTable('custom_field_definitions').set({ display_name: 'Position' }).where('id', '=', fieldId).execute();
    await expectFresh('a renamed custom field');
    await otherStore.updateTable('contacts').set({ email_status: 3 }).where('id', '=', ids[2]!).execute();
    await expectFresh('a raw contact update');
    await otherStore.deleteFrom('subscription_group_members').where('contact_id', '=', ids[0]!).execute();
    await expectFresh('a removed membership');
    await otherStore.updateTable('contact_custom_values').set({ value: JSON.stringify('Sous-chef') }).where('contact_id', '=', ids[4]!).execute();
    await expectFresh('a raw custom value');
    const removed = ids.pop()!;
    await otherStore.deleteFrom('contacts').where('id', '=', removed).execute();
    await expectFresh('a deleted contact');
    await assert.rejects(server().client.call('contact', 'getContact', { id: removed }), /not found|24/i);
  });

  it('keeps the items of a list read page by page in order only from their second read', async () => {
    // (Last: the contacts it adds are not in `ids`.) An export reads each contact once: keeping those items would push out the ones read
    // repeatedly. The first page is kept (it is not a continuation), the pages continuing it
    // are kept only when read again.
    for (let i = 0; i < 10; i++) {
      await server().client.call('contact', 'addOrUpdateContact', { firstName: `Once${i}`, lastName: 'Exported', email: `once${i}@example.com` });
    }
    const readInOrder = async () => {
      const served: unknown[] = [];
      for (let start = 0; ; start += 3) {
        const page = await server().client.call<Collection<unknown>>('contact', 'getContactList', { filter: { lastName: 'Exported' }, start, perPage: 3 });
        served.push(...page.results);
        if (page.results.length < 3) break;
      }
      return served;
    };
    const built = async (read: () => Promise<unknown>) => {
      const before = itemCacheStats(store).built;
      await read();
      return itemCacheStats(store).built - before;
    };
    let first: unknown;
    assert.equal(await built(async () => (first = await readInOrder())), 10, 'first read: every item built');
    assert.equal(await built(readInOrder), 7, 'second read: all but the first page built again, and kept');
    assert.equal(await built(readInOrder), 0, 'third read: every item as kept');
    assert.deepEqual(await readInOrder(), first);
  });
});
