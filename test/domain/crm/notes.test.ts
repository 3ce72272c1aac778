import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import {
  addOpportunity,
  changesSince,
  crmRefs,
  expectApiError,
  lastChangeId,
  leadRequest,
  newContact,
  setModifiedAt,
  UTC_TIMESTAMP,
  type CrmRefs,
} from './fixtures.js';

interface Note {
  id: number;
  leadId: number;
  note: string;
  createdByUserId: number | null;
  createdDate: string;
  modifiedDate: string;
}
interface Page<T> {
  meta: { totalResults: number; count: number };
  results: T[];
}

describeEachDatabase('crm: lead and opportunity notes', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  let refs: CrmRefs;
  let leadId: number;
  let opportunityId: number;

  before(async () => {
    refs = await crmRefs(store());
    const contactId = await newContact(client(), 'notes');
    leadId = (await client().call<{ id: number }>('contact', 'addOrUpdateLead', leadRequest(refs, contactId))).id;
    opportunityId = await addOpportunity(store(), refs, 4);
  });

  it('adds, updates and lists notes of a lead, recording CrmLeadNoteAdded / CrmLeadNoteUpdated', async () => {
    const mark = await lastChangeId(store());
    const { success, id } = await client().call<{ success: boolean; id: number }>('crm', 'addOrUpdateLeadNote', { leadId, note: 'test note' });
    assert.equal(success, true);
    const [added] = (await client().call<Page<Note>>('crm', 'getLeadNoteList', { leadId })).results;
    assert.deepEqual(Object.keys(added!), ['id', 'leadId', 'note', 'createdByUserId', 'createdDate', 'modifiedDate']);
    assert.equal(added!.note, 'test note');
    assert.equal(added!.createdByUserId, null, 'the key has no user');
    assert.match(added!.modifiedDate, UTC_TIMESTAMP);

    await client().call('crm', 'addOrUpdateLeadNote', { id, leadId, note: '<p>edited</p>' });
    await client().call('crm', 'addOrUpdateLeadNote', { id, note: '<p>edited</p>' });
    const [updated] = (await client().call<Page<Note>>('crm', 'getLeadNoteList', { leadId })).results;
    assert.equal(updated!.note, '<p>edited</p>');
    const changes = await changesSince(store(), mark);
    assert.deepEqual(changes.map((c) => [c.endpoint, c.subject]), [
      ['crm', 'CrmLeadNoteAdded'],
      ['crm', 'CrmLeadNoteUpdated'],
    ]);
    assert.deepEqual(changes[0]!.body, { data: added });
    assert.deepEqual(changes[1]!.body, { data: updated, previousData: added });
  });

  it('records the key’s user as the author', async () => {
    const secondary = await server().newAccount({ withUser: 'secondary' });
    const theirRefs = await crmRefs(server().store(secondary.accountId));
    const contactId = await newContact(secondary.client, 'author');
    const { id: theirLead } = await secondary.client.call<{ id: number }>('contact', 'addOrUpdateLead', leadRequest(theirRefs, contactId));
    await secondary.client.call('crm', 'addOrUpdateLeadNote', { leadId: theirLead, note: 'by Sam' });
    const [note] = (await secondary.client.call<Page<Note>>('crm', 'getLeadNoteList', { leadId: theirLead })).results;
    assert.equal(note!.createdByUserId, secondary.userId);
    await expectApiError(client().call('crm', 'getLeadNoteList', { leadId: theirLead }), 404, 24441, 'does not exist');
  });

  it('lists an opportunity’s notes, of the venue named', async () => {
    await client().call('crm', 'addOrUpdateLeadNote', { leadId: opportunityId, note: 'Opportunity Note 1' });
    await client().call('crm', 'addOrUpdateLeadNote', { leadId: opportunityId, note: 'Opportunity Note 2' });
    const page = await client().call<Page<Note>>('crm', 'getOpportunityNoteList', { venueId: 4, leadId: opportunityId, perPage: 1 });
    assert.equal(page.meta.totalResults, 2);
    assert.deepEqual(page.results.map((n) => n.note), ['Opportunity Note 1']);
    await expectApiError(client().call('crm', 'getOpportunityNoteList', { venueId: 5, leadId: opportunityId }), 404, 24441);
    await expectApiError(client().call('crm', 'getOpportunityNoteList', { leadId }), 404, 24441, 'lead/opportunity');
    await expectApiError(client().call('crm', 'getOpportunityNoteList', { venueId: 4 }), 400, 23017, "'leadId' is required");
  });

  it('filters notes by text and modified date, inclusive to the second', async () => {
    const t = Date.UTC(2025, 1, 3, 4, 5, 6);
    const ids: number[] = [];
    for (const text of ['alpha', 'beta', 'gamma']) {
      const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateLeadNote', { leadId, note: `filter ${text}` });
      await setModifiedAt(store(), 'crm_lead_notes', id, t + ids.length * 1000 + 999);
      ids.push(id);
    }
    const page = await client().call<Page<Note>>('crm', 'getLeadNoteList', {
      leadId,
      filter: { note__CONTAINS: 'FILTER', toModifiedDate: formatTimestamp(t + 1000) },
    });
    assert.deepEqual(page.results.map((n) => n.id), ids.slice(0, 2));
    const exact = await client().call<Page<Note>>('crm', 'getLeadNoteList', { leadId, filter: { modifiedDate: formatTimestamp(t + 2000) } });
    assert.deepEqual(exact.results.map((n) => n.id), [ids[2]]);
  });

  it('answers the page codes: 24441, 24434, 24436, 24437, and 23017 for what a new note needs', async () => {
    await expectApiError(client().call('crm', 'addOrUpdateLeadNote', { leadId: 999_999, note: 'x' }), 404, 24441, 'The lead/opportunity does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateLeadNote', { id: 999_999, note: 'x' }), 404, 24434, 'The note does not exist');
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateLeadNote', { leadId, note: 'codes' });
    await expectApiError(client().call('crm', 'addOrUpdateLeadNote', { id, leadId: opportunityId, note: 'moved' }), 400, 24436, 'belongs to another lead');
    await expectApiError(client().call('crm', 'addOrUpdateLeadNote', { id }), 400, 24437, 'Nothing to update');
    await expectApiError(client().call('crm', 'addOrUpdateLeadNote', { note: 'orphan' }), 400, 23017, "'leadId' is required");
    await expectApiError(client().call('crm', 'addOrUpdateLeadNote', { leadId }), 400, 23017, "'note' is required");
    await expectApiError(client().call('crm', 'addOrUpdateLeadNote', { leadId, note: '   ' }), 400, 23016);
  });
});
