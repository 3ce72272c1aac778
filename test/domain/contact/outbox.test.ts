import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dispatch } from '../../../src/registry/dispatch.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addGroup, changesSince, lastChangeId, person } from './fixtures.js';

describeEachDatabase('contact: changes recorded in the outbox', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();

  it('records ContactAdded with the getContact shape, and ContactUpdated with the shape before and after', async () => {
    const mark = await lastChangeId(store());
    const who = person('outbox');
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', { ...who, phone: '0411111111' });
    const added = await client().contact.getContact({ id });
    await client().call('contact', 'addOrUpdateContact', { id, phone: '0422222222' });
    const updated = await client().contact.getContact({ id });
    await client().call('contact', 'addOrUpdateContact', { id, phone: '0422222222' });

    const changes = await changesSince(store(), mark);
    assert.deepEqual(
      changes.map((c) => c.subject),
      ['ContactAdded', 'ContactUpdated'],
      'the repeated update recorded nothing',
    );
    assert.deepEqual(changes[0]!.body, { data: added });
    assert.deepEqual(changes[1]!.body, { data: updated, previousData: added });
    assert.ok(changes.every((c) => c.source_type === 1), 'API changes carry source type 1');
    const row = await store().selectFrom('changes').select(['endpoint', 'source_info']).where('subject', '=', 'ContactAdded').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(row.endpoint, 'contacts');
    assert.deepEqual(JSON.parse(row.source_info!), { apiKey: server().key });
  });

  it('records nothing for a write whose stored text differs but whose shape does not', async () => {
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', {
      ...person('same-shape'),
      externalUrls: [{ ref: 'web', url: 'https://a.example', label: 'A' }],
    });
    // The same list stored with other spacing (as another writer might): the write below
    // stores it differently again, and getContact's shape stays exactly as it was.
    await store().updateTable('contacts').set({ external_urls: '[ {"ref": "web", "url": "https://a.example", "label": "A"} ]', modified_at: Date.UTC(2020, 0, 1) }).where('id', '=', id).execute();
    const mark = await lastChangeId(store());
    const before = await client().contact.getContact({ id });
    await client().call('contact', 'addOrUpdateContact', { id, externalUrls: [{ ref: 'web', label: 'A' }] });
    assert.deepEqual(await changesSince(store(), mark), [], 'no change recorded');
    assert.deepEqual(await client().contact.getContact({ id }), before, 'modifiedDate kept');
    await client().call('contact', 'addOrUpdateContact', { id, externalUrls: [{ ref: 'web', label: 'B' }] });
    const changes = await changesSince(store(), mark);
    assert.deepEqual(changes.map((c) => c.subject), ['ContactUpdated'], 'a visible change is recorded');
    assert.deepEqual((changes[0]!.body as { previousData: unknown }).previousData, before);
  });

  it('records CompanyAdded and CompanyUpdated with the getCompany shape, and the nested contact’s own change', async () => {
    const mark = await lastChangeId(store());
    const who = person('outbox-company');
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: 'Outbox Pty Ltd', primaryContact: who });
    const added = await client().call<Record<string, unknown>>('contact', 'getCompany', { id });
    await client().call('contact', 'addOrUpdateCompany', { id, website: 'https://outbox.example.com' });
    const updated = await client().call<Record<string, unknown>>('contact', 'getCompany', { id });
    const changes = await changesSince(store(), mark);
    assert.deepEqual(
      changes.map((c) => c.subject),
      ['ContactAdded', 'CompanyAdded', 'CompanyUpdated'],
    );
    assert.equal((changes[0]!.body.data as { email: string }).email, who.email);
    assert.deepEqual(changes[1]!.body, { data: added });
    assert.deepEqual(changes[2]!.body, { data: updated, previousData: added });
    const endpoints = await store().selectFrom('changes').select('endpoint').where('id', '>', mark).orderBy('id').execute();
    assert.deepEqual(
      endpoints.map((e) => e.endpoint),
      ['contacts', 'companies', 'companies'],
    );
  });

  it('records ContactNoteAdded and ContactNoteUpdated with the note list shape', async () => {
    const { id: contactId } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', person('outbox-note'));
    const mark = await lastChangeId(store());
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateContactNote', { contactId, noteText: 'one' });
    await client().call('contact', 'addOrUpdateContactNote', { id, noteText: 'two' });
    const [note] = (await client().call<{ results: unknown[] }>('contact', 'getContactNoteList', { contactId })).results;
    const changes = await changesSince(store(), mark);
    assert.deepEqual(
      changes.map((c) => c.subject),
      ['ContactNoteAdded', 'ContactNoteUpdated'],
    );
    assert.deepEqual(changes[1]!.body.data, note);
    assert.equal((changes[0]!.body.data as { noteText: string }).noteText, 'one');
    assert.equal((changes[1]!.body.previousData as { noteText: string }).noteText, 'one');
  });

  it('rolls the outbox rows back with the data when the write fails', async () => {
    const groupId = await addGroup(store(), 'Rollback');
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', person('rollback'));
    const mark = await lastChangeId(store());
    const caller = { accountId: server().accountId, userId: null, apiKey: null, via: 'internal' as const, requestId: 'rollback-test' };
    const failAtCommit = { beforeCommit: async () => Promise.reject(new Error('simulated crash before commit')) };
    const who = person('rollback-new');
    const create = await dispatch(server().runtime, { namespace: 'contact', action: 'addOrUpdateContact', params: who, caller }, failAtCommit);
    assert.equal(create.ok, false);
    const update = await dispatch(
      server().runtime,
      { namespace: 'contact', action: 'addContactsToSubscriptionGroup', params: { contacts: [id], group: groupId }, caller },
      failAtCommit,
    );
    assert.equal(update.ok, false);

    assert.deepEqual(await changesSince(store(), mark), [], 'no change rows survived');
    const created = await store().selectFrom('contacts').select('id').where('email', '=', who.email).execute();
    assert.deepEqual(created, [], 'the contact was not created');
    assert.deepEqual((await client().contact.getContact({ id })).groups, [], 'the membership was not written');

    const ok = await dispatch(server().runtime, { namespace: 'contact', action: 'addOrUpdateContact', params: who, caller });
    assert.equal(ok.ok, true);
    const changes = await changesSince(store(), mark);
    assert.deepEqual(
      changes.map((c) => [c.subject, c.source_type]),
      [['ContactAdded', 0]],
      'the same write, committed, records its change (source type 0 for internal calls)',
    );
  });
});
