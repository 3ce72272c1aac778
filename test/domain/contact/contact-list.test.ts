import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import type { Scope } from '../../../src/storage/scope.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addGroup, expectApiError, person, setContactModifiedAt } from './fixtures.js';

interface ListItem {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  externalId: string | null;
  modifiedDate: string;
  companies: number[];
  groups: Array<{ groupId: number }>;
  customFields: unknown[];
}
interface Page {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: ListItem[];
}

const T0 = Date.UTC(2021, 4, 1, 10, 0, 0);

/** Inserts contacts straight into storage (arrangement only), returning their ids in order. */
async function insertContacts(store: Scope, lastName: string, n: number, modifiedAt = T0): Promise<number[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    first_name: `Page${i}`,
    last_name: lastName,
    email: `page${i}.${lastName}@example.com`.toLowerCase(),
    email_status: 1,
    sms_status: 1,
    is_anonymised: 0,
    created_at: modifiedAt,
    modified_at: modifiedAt,
  }));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 250) {
    const out = await store.insertInto('contacts', rows.slice(i, i + 250)).returning('id').execute();
    ids.push(...out.map((r) => r.id));
  }
  return ids;
}

describeEachDatabase('contact: getContactList', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  const list = (params: Record<string, unknown>) => client().call<Page>('contact', 'getContactList', params);
  const tag = () => `List${randomBytes(4).toString('hex')}`;

  it('fromModifiedDate and toModifiedDate are inclusive to the second, in UTC', async () => {
    const lastName = tag();
    const ids = await insertContacts(store(), lastName, 4);
    const offsets = [0, 999, 1000, 5000];
    for (const [i, id] of ids.entries()) await setContactModifiedAt(store(), id, T0 + offsets[i]!);
    const found = async (filter: Record<string, unknown>) =>
      (await list({ filter: { lastName, ...filter } })).results.map((r) => r.id);

    assert.deepEqual(await found({ fromModifiedDate: '2021-05-01 10:00:01' }), [ids[2], ids[3]]);
    assert.deepEqual(await found({ toModifiedDate: '2021-05-01 10:00:00' }), [ids[0], ids[1]]);
    assert.deepEqual(await found({ fromModifiedDate: '2021-05-01 10:00:00 UTC', toModifiedDate: '2021-05-01 10:00:01 UTC' }), [
      ids[0],
      ids[1],
      ids[2],
    ]);
    assert.deepEqual(await found({ fromModifiedDate: '2021-05-01 10:00:05', toModifiedDate: '2021-05-01 10:00:05' }), [ids[3]]);
    assert.deepEqual(await found({ fromModifiedDate: '2021-05-01 10:00:06' }), []);
    const item = (await list({ filter: { id: ids[3] } })).results[0]!;
    assert.equal(item.modifiedDate, '2021-05-01 10:00:05 UTC', 'the next sync can start from the modifiedDate it saw');
  });

  it('combines the documented filters with the generic modifiers and pagination', async () => {
    const lastName = tag();
    const company = await client().call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: `Co ${lastName}` });
    const groupId = await addGroup(store(), `Group ${lastName}`);
    const made: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', {
        firstName: i % 2 === 0 ? `Maria${i}` : `John${i}`,
        lastName,
        email: `c${i}.${lastName}@example.com`,
        phone: i < 3 ? `04000000${i}` : undefined,
        externalId: i === 4 ? `EXT-${lastName}` : undefined,
        companies: i < 4 ? [company.id] : [],
        groups: i >= 3 ? [{ groupId }] : [],
      });
      made.push(id);
    }
    const ids = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      (await list({ filter: { lastName, ...filter }, ...extra })).results.map((r) => r.id);

    assert.deepEqual(await ids({ externalId: `EXT-${lastName}` }), [made[4]]);
    assert.deepEqual(await ids({ externalId__EMPTY: true }), [made[0], made[1], made[2], made[3], made[5]]);
    assert.deepEqual(await ids({ companyId: company.id }), made.slice(0, 4));
    assert.deepEqual(await ids({ groupId }), made.slice(3));
    assert.deepEqual(await ids({ companyId: company.id, groupId }), [made[3]]);
    assert.deepEqual(await ids({ firstName__BEGINS: 'mar' }), [made[0], made[2], made[4]]);
    assert.deepEqual(await ids({ email__CONTAINS: 'c5.' }), [made[5]]);
    assert.deepEqual(await ids({ phone: 'ISNULL' }), made.slice(3));
    assert.deepEqual(await ids({ firstName__NOT: 'John1' }), [made[0], made[2], made[3], made[4], made[5]]);
    assert.deepEqual(await ids({ id__GREATERTHAN: made[4] }), [made[4], made[5]]);

    const filter = { lastName, companyId: company.id, fromModifiedDate: '2000-01-01 00:00:00', firstName__NOT: 'John3' };
    const first = await list({ filter, perPage: 2, start: 0 });
    const second = await list({ filter, perPage: 2, start: 2 });
    assert.deepEqual(first.meta, { totalResults: 3, start: 0, perPage: 2, count: 2 });
    assert.deepEqual(second.meta, { totalResults: 3, start: 2, perPage: 2, count: 1 });
    assert.deepEqual([...first.results, ...second.results].map((r) => r.id), [made[0], made[1], made[2]]);
  });

  it('refuses unknown filters and malformed values with 23016', async () => {
    await expectApiError(list({ filter: { venueName: 3 } }), 400, 23016, "'filter.venueName' does not validate");
    await expectApiError(list({ filter: { fromModifiedDate: 'yesterday' } }), 400, 23016, "'filter.fromModifiedDate' does not validate");
    await expectApiError(list({ filter: { companyId: 'abc' } }), 400, 23016, "'filter.companyId' does not validate");
    await expectApiError(list({ perPage: 'ten' }), 400, 23016, "'perPage' does not validate");
  });

  it('caps perPage at 100 and shows nothing of another account', async () => {
    await insertContacts(store(), tag(), 120);
    const page = await list({ perPage: 500 });
    assert.equal(page.meta.perPage, 100);
    assert.equal(page.results.length, 100);
    const other = await server().newAccount();
    const theirs = await other.client.call<Page>('contact', 'getContactList', {});
    assert.deepEqual(theirs.meta, { totalResults: 0, start: 0, perPage: 100, count: 0 });
    const mine = page.results[0]!.id;
    await expectApiError(other.client.call('contact', 'getContact', { id: mine }), 404, 24096);
    await expectApiError(
      other.client.call('contact', 'addOrUpdateContact', { id: mine, firstName: 'Hijack' }),
      404,
      24096,
    );
    assert.notEqual((await client().contact.getContact({ id: mine })).firstName, 'Hijack');
  });

  it('pages through 1,000 contacts while others are modified and added, skipping none', async () => {
    const lastName = tag();
    const ids = await insertContacts(store(), lastName, 1000);
    const groupId = await addGroup(store(), `Churn ${lastName}`);
    let writes = 0;
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const id = ids[(i * 37) % ids.length]!;
        if (i % 3 === 0) await client().call('contact', 'addContactsToSubscriptionGroup', { contacts: [id], group: groupId });
        else await client().call('contact', 'addOrUpdateContact', { id, phone: `0400${i}` });
        if (i % 5 === 0) {
          await client().call('contact', 'addOrUpdateContact', { ...person('churn'), lastName });
        }
        writes++;
      }
    })();
    const seen: number[] = [];
    const filter = { lastName, fromModifiedDate: '2021-05-01 10:00:00' };
    for (let start = 0; ; ) {
      const page = await list({ filter, start, perPage: 100 });
      seen.push(...page.results.map((r) => r.id));
      start += page.results.length;
      // Give the writer a turn between pages so modifications land mid-iteration.
      await client().call('contact', 'addOrUpdateContact', { id: ids[start % ids.length]!, phone: `0499${start}` });
      if (page.results.length === 0 || start >= page.meta.totalResults) break;
    }
    stop = true;
    await writer;
    assert.ok(writes > 0, 'the writer ran during paging');
    const seenSet = new Set(seen);
    assert.equal(seenSet.size, seen.length, 'no contact appears twice');
    const missing = ids.filter((id) => !seenSet.has(id));
    assert.deepEqual(missing, [], 'every contact that existed throughout was seen');
  });
});
