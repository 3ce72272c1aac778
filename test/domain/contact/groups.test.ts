import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../../support/suite.js';
import { addGroup, changesSince, expectApiError, lastChangeId, person, setContactModifiedAt } from './fixtures.js';

const LONG_AGO = Date.UTC(2020, 0, 1);

describeEachDatabase('contact: subscription groups', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  const newContact = async (tag: string) => (await client().call<{ id: number }>('contact', 'addOrUpdateContact', person(tag))).id;
  type Groups = Array<{ id: number; groupName: string; memberCount: number; tagColour: string }>;
  const groups = () => client().call<Groups>('contact', 'getSubscriptionGroupList', {});

  it('lists the account’s groups with their member counts', async () => {
    const vip = await addGroup(store(), 'VIP Guests', '#d62728');
    const empty = await addGroup(store(), 'Nobody Yet', '#17becf');
    const a = await newContact('g1');
    const b = await newContact('g2');
    await client().call('contact', 'addContactsToSubscriptionGroup', { contacts: [a, b], group: vip });
    const list = await groups();
    assert.deepEqual(
      list.filter((g) => g.id === vip || g.id === empty),
      [
        { id: vip, groupName: 'VIP Guests', memberCount: 2, tagColour: '#d62728' },
        { id: empty, groupName: 'Nobody Yet', memberCount: 0, tagColour: '#17becf' },
      ],
    );
    const other = await server().newAccount();
    assert.deepEqual(await other.client.call('contact', 'getSubscriptionGroupList', {}), [], 'another account sees none');
  });

  it('adds and removes contacts, answering per contact in request order', async () => {
    const group = await addGroup(store(), 'Delegates');
    const [a, b, c] = [await newContact('m1'), await newContact('m2'), await newContact('m3')];
    await client().call('contact', 'addContactsToSubscriptionGroup', { contacts: [a], group });
    for (const id of [a, b, c]) await setContactModifiedAt(store(), id, LONG_AGO);
    const mark = await lastChangeId(store());

    const added = await client().call('contact', 'addContactsToSubscriptionGroup', { contacts: [b, 99999999, a], group: String(group) });
    assert.deepEqual(added, [
      { contactId: b, status: true },
      { contactId: 99999999, status: false },
      { contactId: a, status: true },
    ]);
    assert.deepEqual(
      (await client().contact.getContact({ id: b })).groups.map((g) => g.groupId),
      [group],
    );
    assert.notEqual((await client().contact.getContact({ id: b })).modifiedDate, '2020-01-01 00:00:00 UTC', 'joining moves modifiedDate');
    assert.equal((await client().contact.getContact({ id: a })).modifiedDate, '2020-01-01 00:00:00 UTC', 'already a member: no change');
    const changes = await changesSince(store(), mark);
    assert.deepEqual(
      changes.map((ch) => [ch.subject, (ch.body.data as { id: number }).id]),
      [['ContactUpdated', b]],
    );

    const removed = await client().call('contact', 'removeContactsFromSubscriptionGroup', { contacts: [a, c], group });
    assert.deepEqual(removed, [
      { contactId: a, status: true },
      { contactId: c, status: true },
    ]);
    assert.deepEqual((await client().contact.getContact({ id: a })).groups, []);
    assert.equal((await client().contact.getContact({ id: c })).modifiedDate, '2020-01-01 00:00:00 UTC', 'not a member: no change');
  });

  it('adds thousands of contacts in one call', async () => {
    const group = await addGroup(store(), 'Everyone');
    const now = Date.now();
    const ids: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const rows = Array.from({ length: 250 }, (_, i) => ({
        first_name: 'Bulk',
        last_name: `B${batch}-${i}`,
        email: `bulk.${batch}.${i}@example.com`,
        email_status: 1,
        sms_status: 1,
        is_anonymised: 0,
        created_at: now,
        modified_at: now,
      }));
      ids.push(...(await store().insertInto('contacts', rows).returning('id').execute()).map((r) => r.id));
    }
    const result = await client().call<Array<{ status: boolean }>>('contact', 'addContactsToSubscriptionGroup', { contacts: ids, group });
    assert.equal(result.length, 2500);
    assert.ok(result.every((r) => r.status));
    assert.equal((await groups()).find((g) => g.id === group)!.memberCount, 2500);
    await expectApiError(
      client().call('contact', 'addContactsToSubscriptionGroup', { contacts: Array.from({ length: 10_001 }, (_, i) => i + 1), group }),
      400,
      23016,
      'at most 10000',
    );
  });

  it('refuses an unknown group, and a group or contact of another account', async () => {
    const a = await newContact('e1');
    await expectApiError(
      client().call('contact', 'addContactsToSubscriptionGroup', { contacts: [a], group: 99999999 }),
      400,
      23016,
      "'group' does not validate",
    );
    await expectApiError(client().call('contact', 'addContactsToSubscriptionGroup', { group: 1 }), 400, 23017, "'contacts' is required");
    await expectApiError(client().call('contact', 'removeContactsFromSubscriptionGroup', { contacts: [a] }), 400, 23017, "'group' is required");
    await expectApiError(
      client().call('contact', 'addContactsToSubscriptionGroup', { contacts: ['x'], group: 1 }),
      400,
      23016,
      "'contacts.0' does not validate",
    );
    const other = await server().newAccount();
    const theirGroup = await addGroup(server().store(other.accountId), 'Theirs');
    await expectApiError(
      client().call('contact', 'addContactsToSubscriptionGroup', { contacts: [a], group: theirGroup }),
      400,
      23016,
      "'group' does not validate",
    );
    const result = await other.client.call('contact', 'addContactsToSubscriptionGroup', { contacts: [a], group: theirGroup });
    assert.deepEqual(result, [{ contactId: a, status: false }], 'a contact of another account is not found');
    assert.deepEqual((await client().contact.getContact({ id: a })).groups, []);
  });
});
