import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { loadContactDetails } from '../../../src/domain/contact/contacts/shapes.js';
import { anchoredNow, seedAccount } from '../../../src/seed/seed.js';
import { openStorage, type Storage } from '../../../src/storage/database.js';
import { createScope, type Scope } from '../../../src/storage/scope.js';
import { describeEachDatabase } from '../../support/suite.js';

// getContact answers are kept whole under the account's write version (contacts/item-cache.ts):
// each must still equal the answer built afresh after any write to what it shows, including
// the events side, made through another connection as another server process would.
describeEachDatabase('getContact answers kept under the write version', ({ server }) => {
  let store: Scope;
  let other: Storage;
  let otherStore: Scope;

  before(async () => {
    store = server().store();
    other = await openStorage(server().database.url);
    otherStore = createScope(other.db, server().accountId, other.dialect);
    await seedAccount(server().runtime, { accountId: store.accountId, contacts: 20, randomSeed: 11, now: anchoredNow() });
  });
  after(async () => {
    await other.close();
  });

  const getContact = (id: number, useEventSortOrder = false) => server().client.call('contact', 'getContact', { id, useEventSortOrder });
  const fresh = async (id: number) => JSON.parse(JSON.stringify((await loadContactDetails(store, [id], server().url)).get(id))) as unknown;

  it('serves the kept answer until an invitation, a registration or an event it shows changes', async () => {
    const invitation = await store
      .selectFrom('event_invitations')
      .select(['id', 'contact_id', 'event_id', 'response'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const id = invitation.contact_id;
    const first = await getContact(id);
    assert.deepEqual(await getContact(id), first, 'unchanged data, same answer');
    assert.deepEqual(first, await fresh(id));

    await otherStore.updateTable('event_invitations').set({ response: invitation.response === 'Y' ? 'N' : 'Y' }).where('id', '=', invitation.id).execute();
    const answered = await getContact(id);
    assert.notDeepEqual(answered, first, 'the new response is shown');
    assert.deepEqual(answered, await fresh(id));

    await otherStore.updateTable('events').set({ code: `KEPT${invitation.event_id}` }).where('id', '=', invitation.event_id).execute();
    const renamed = await getContact(id, true);
    assert.ok(JSON.stringify(renamed).includes(`KEPT${invitation.event_id}`), 'the new event code is shown');

    const registration = await store
      .selectFrom('event_registrations')
      .select(['id', 'contact_id'])
      .where('contact_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const registrant = registration.contact_id as number;
    await getContact(registrant);
    await otherStore.deleteFrom('event_attendees').where('registration_id', '=', registration.id).execute();
    const after = await getContact(registrant);
    assert.deepEqual(after, await fresh(registrant));
    assert.deepEqual(await getContact(registrant), after);
  });

  it('answers a contact that is gone as not found, not from what was kept', async () => {
    const { id } = await store.selectFrom('contacts').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await getContact(id);
    await otherStore.deleteFrom('contacts').where('id', '=', id).execute();
    await assert.rejects(getContact(id), /not found|24/i);
  });
});
