import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { createApiKey } from '../../../src/auth/keys.js';
import { describeEachDatabase } from '../../support/suite.js';
import { BARE_TIMESTAMP, changesSince, expectApiError, lastChangeId, person, setContactModifiedAt, TIMESTAMP } from './fixtures.js';

interface Note {
  id: number;
  contactId?: number;
  companyId?: number;
  noteText: string;
  createdByUserId: number | null;
  createdDate: string;
  modifiedDate: string;
}
interface Page {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: Note[];
}

describeEachDatabase('contact: contact and company notes', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();

  it('adds, updates and lists a contact’s notes in the documented shape', async () => {
    const { id: contactId } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', person('notes'));
    await setContactModifiedAt(store(), contactId, Date.UTC(2020, 0, 1));
    const first = await client().call<{ success: boolean; id: number }>('contact', 'addOrUpdateContactNote', {
      contactId,
      noteText: '<p>Contact Note 1</p>\n',
    });
    assert.deepEqual(Object.keys(first), ['success', 'id']);
    assert.equal(first.success, true);
    const second = await client().call<{ id: number }>('contact', 'addOrUpdateContactNote', { contactId, noteText: 'Second' });
    const updated = await client().call('contact', 'addOrUpdateContactNote', { id: second.id, noteText: 'Second, edited' });
    assert.deepEqual(updated, { success: true, id: second.id });

    const page = await client().call<Page>('contact', 'getContactNoteList', { contactId, perPage: 50 });
    assert.deepEqual(page.meta, { totalResults: 2, start: 0, perPage: 50, count: 2 });
    const [a, b] = page.results;
    assert.deepEqual(Object.keys(a!), ['id', 'contactId', 'noteText', 'createdByUserId', 'createdDate', 'modifiedDate']);
    assert.match(a!.createdDate, TIMESTAMP);
    assert.match(a!.modifiedDate, BARE_TIMESTAMP);
    assert.deepEqual(
      page.results.map((n) => [n.id, n.contactId, n.noteText, n.createdByUserId]),
      [
        [first.id, contactId, '<p>Contact Note 1</p>\n', null],
        [second.id, contactId, 'Second, edited', null],
      ],
    );
    assert.ok(b);
    const filtered = await client().call<Page>('contact', 'getContactNoteList', { contactId, filter: { noteText__CONTAINS: 'edited' } });
    assert.deepEqual(
      filtered.results.map((n) => n.id),
      [second.id],
    );
    assert.equal(
      (await client().contact.getContact({ id: contactId })).modifiedDate,
      '2020-01-01 00:00:00 UTC',
      'notes are not part of the contact, so they do not move its modifiedDate',
    );
  });

  it('records the key’s user as the note’s author', async () => {
    const other = await server().newAccount({ withUser: 'primary' });
    const { id: contactId } = await other.client.call<{ id: number }>('contact', 'addOrUpdateContact', person('author'));
    const { id } = await other.client.call<{ id: number }>('contact', 'addOrUpdateContactNote', { contactId, noteText: 'By a user' });
    const page = await other.client.call<Page>('contact', 'getContactNoteList', { contactId });
    assert.equal(page.results.find((n) => n.id === id)!.createdByUserId, other.userId);
    const userless = await createApiKey(server().runtime.storage.db, server().runtime.secrets, { accountId: other.accountId });
    const viaUserless = createClient({ url: server().url, key: userless.key, secret: userless.secret, retries: 0 });
    const anon = await viaUserless.call<{ id: number }>('contact', 'addOrUpdateContactNote', { contactId, noteText: 'No user' });
    const again = await other.client.call<Page>('contact', 'getContactNoteList', { contactId });
    assert.equal(again.results.find((n) => n.id === anon.id)!.createdByUserId, null);
  });

  it('answers the documented errors for notes', async () => {
    const { id: contactId } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', person('note-errors'));
    const { id: otherContact } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', person('note-errors-2'));
    const { id: noteId } = await client().call<{ id: number }>('contact', 'addOrUpdateContactNote', { contactId, noteText: 'x' });
    await expectApiError(client().call('contact', 'getContactNoteList', {}), 400, 23017, "'contactId' is required");
    await expectApiError(client().call('contact', 'getContactNoteList', { contactId: 99999999 }), 404, 24096, 'Unable to find contact');
    await expectApiError(client().call('contact', 'addOrUpdateContactNote', { noteText: 'x' }), 400, 23017, "'contactId' is required");
    await expectApiError(client().call('contact', 'addOrUpdateContactNote', { contactId }), 400, 23017, "'noteText' is required");
    await expectApiError(client().call('contact', 'addOrUpdateContactNote', { contactId, noteText: ' ' }), 400, 23016, "'noteText'");
    await expectApiError(client().call('contact', 'addOrUpdateContactNote', { contactId: 99999999, noteText: 'x' }), 404, 24096);
    await expectApiError(client().call('contact', 'addOrUpdateContactNote', { id: 99999999, noteText: 'x' }), 400, 23016, "'id' does not validate");
    await expectApiError(
      client().call('contact', 'addOrUpdateContactNote', { id: noteId, contactId: otherContact, noteText: 'moved?' }),
      400,
      23016,
      "'contactId' does not validate",
    );
    const other = await server().newAccount();
    await expectApiError(other.client.call('contact', 'getContactNoteList', { contactId }), 404, 24096);
    await expectApiError(other.client.call('contact', 'addOrUpdateContactNote', { id: noteId, noteText: 'theirs' }), 400, 23016);
    const page = await client().call<Page>('contact', 'getContactNoteList', { contactId });
    assert.deepEqual(
      page.results.map((n) => n.noteText),
      ['x'],
      'refused requests changed nothing',
    );
  });

  it('adds, updates and lists a company’s notes, with their own change subjects', async () => {
    const { id: companyId } = await client().call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: 'Noted Pty Ltd' });
    const mark = await lastChangeId(store());
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateCompanyNote', { companyId, noteText: 'Company note' });
    await client().call('contact', 'addOrUpdateCompanyNote', { id, noteText: 'Company note, revised' });
    await client().call('contact', 'addOrUpdateCompanyNote', { id, noteText: 'Company note, revised' });
    const page = await client().call<Page>('contact', 'getCompanyNoteList', { companyId });
    assert.deepEqual(Object.keys(page.results[0]!), ['id', 'companyId', 'noteText', 'createdByUserId', 'createdDate', 'modifiedDate']);
    assert.deepEqual(
      page.results.map((n) => [n.id, n.companyId, n.noteText]),
      [[id, companyId, 'Company note, revised']],
    );
    const changes = await changesSince(store(), mark);
    assert.deepEqual(
      changes.map((c) => c.subject),
      ['CompanyNoteAdded', 'CompanyNoteUpdated'],
      'an unchanged text records nothing',
    );
    assert.equal((changes[1]!.body.previousData as Note).noteText, 'Company note');
    assert.equal((changes[1]!.body.data as Note).noteText, 'Company note, revised');
    await expectApiError(client().call('contact', 'getCompanyNoteList', { companyId: 99999999 }), 404, 24153);
    await expectApiError(client().call('contact', 'addOrUpdateCompanyNote', { companyId: 99999999, noteText: 'x' }), 404, 24153);
    await expectApiError(client().call('contact', 'addOrUpdateCompanyNote', { noteText: 'x' }), 400, 23017, "'companyId' is required");
  });
});
