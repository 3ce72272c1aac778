import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { upsertLead } from '../../../src/domain/crm/leads/upsert.js';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
import { createActionContext, internalCaller } from '../../../src/registry/context.js';
import { describeEachDatabase } from '../../support/suite.js';
import {
  addOpportunity,
  changesSince,
  crmRefs,
  expectApiError,
  lastChangeId,
  leadRequest,
  newCompany,
  newContact,
  setModifiedAt,
  type CrmRefs,
} from './fixtures.js';

interface Page<T> {
  meta: { totalResults: number };
  results: T[];
}
type Opportunity = Record<string, unknown> & { id: number; venueId: number; stageId: number | null; modifiedDate: string };

describeEachDatabase('crm.getOpportunityList and opportunity changes', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  let refs: CrmRefs;
  let contactId: number;
  let companyId: number;
  let opportunities: number[];

  before(async () => {
    refs = await crmRefs(store());
    contactId = await newContact(client(), 'opp');
    companyId = await newCompany(client(), 'Opportunity Holdings', [contactId]);
    opportunities = [
      await addOpportunity(store(), refs, 1, {
        company_id: companyId,
        contact_id: contactId,
        closed_at: Date.UTC(2026, 3, 19, 9, 0, 0),
        lost_to_competition: 'More capacity available',
        external_urls: JSON.stringify([{ ref: 'hubspot', url: 'https://app.hubspot.com/deals/1', label: 'Deal' }]),
      }),
      await addOpportunity(store(), refs, 2, { contact_id: contactId }),
      await addOpportunity(store(), refs, 3),
    ];
  });

  it('lists opportunities (never leads) with venueId and externalUrls', async () => {
    await client().call('contact', 'addOrUpdateLead', leadRequest(refs, contactId));
    const page = await client().call<Page<Opportunity>>('crm', 'getOpportunityList', {});
    assert.deepEqual(page.results.map((o) => o.id), opportunities);
    const first = page.results[0]!;
    assert.equal(first.venueId, 1);
    assert.deepEqual(first.externalUrls, [{ ref: 'hubspot', url: 'https://app.hubspot.com/deals/1', label: 'Deal' }]);
    assert.equal(first.closedDate, '2026-04-19 09:00:00 UTC');
    assert.equal(first.lostToCompetition, 'More capacity available');
    assert.equal((first.company as { id: number }).id, companyId);
    assert.deepEqual(page.results[1]!.externalUrls, []);
    const leads = await client().call<Page<{ id: number }>>('crm', 'getLeadList', {});
    assert.ok(leads.results.every((l) => !opportunities.includes(l.id)), 'getLeadList shows no opportunity');
  });

  it('narrows to venues with venueIds (documented) or venueId (the example), and filters by venue', async () => {
    const byIds = await client().call<Page<Opportunity>>('crm', 'getOpportunityList', { venueIds: [1, 2] });
    assert.deepEqual(byIds.results.map((o) => o.venueId), [1, 2]);
    const byExample = await client().call<Page<Opportunity>>('crm', 'getOpportunityList', { venueId: [2, 3] });
    assert.deepEqual(byExample.results.map((o) => o.venueId), [2, 3]);
    const single = await client().call<Page<Opportunity>>('crm', 'getOpportunityList', { venueId: '3' });
    assert.deepEqual(single.results.map((o) => o.venueId), [3]);
    const filtered = await client().call<Page<Opportunity>>('crm', 'getOpportunityList', { filter: { venueId__NOT: 1 } });
    assert.deepEqual(filtered.results.map((o) => o.venueId), [2, 3]);
    await expectApiError(client().call('crm', 'getOpportunityList', { venueIds: ['one'] }), 400, 23016);
  });

  it('updates an opportunity through addOrUpdateLead and records OpportunityUpdated with the shape before and after', async () => {
    const id = opportunities[1]!;
    await setModifiedAt(store(), 'crm_leads', id, Date.UTC(2024, 0, 1));
    const [before] = (await client().call<Page<Opportunity>>('crm', 'getOpportunityList', { filter: { id } })).results;
    const mark = await lastChangeId(store());
    await client().call('contact', 'addOrUpdateLead', { id, stageId: refs.won, stageReasonId: refs.wonReasons[1] });
    const [after] = (await client().call<Page<Opportunity>>('crm', 'getOpportunityList', { filter: { id } })).results;
    assert.equal(after!.stageId, refs.won);
    assert.equal(after!.stageReasonName, 'Repeat client');
    assert.notEqual(after!.modifiedDate, formatTimestamp(Date.UTC(2024, 0, 1)));
    const changes = await changesSince(store(), mark);
    assert.deepEqual(changes.map((c) => [c.endpoint, c.subject]), [['crm', 'OpportunityUpdated']]);
    assert.deepEqual(changes[0]!.body, { data: after, previousData: before });

    const again = await lastChangeId(store());
    await client().call('contact', 'addOrUpdateLead', { id, stageId: refs.won });
    assert.deepEqual(await changesSince(store(), again), [], 'an update that changes nothing records nothing');
    await expectApiError(client().call('contact', 'addOrUpdateLead', { id, stageId: refs.leadStage }), 400, 24218, 'applies to leads');
  });

  it('records OpportunityAdded when the lead table gains an opportunity through the shared upsert', async () => {
    // The venue namespace will create opportunities through upsertLead with a venue; its
    // change is recorded in the writer's transaction.
    const mark = await lastChangeId(store());
    const runtime = server().runtime;
    const id = await store().transaction(async (tx) => {
      const ctx = createActionContext(runtime, tx, internalCaller(server().accountId));
      const out = await upsertLead(
        ctx,
        { name: 'Venue enquiry', contactId, sourceId: refs.source, typeId: refs.plainType, stageId: refs.opportunityStage, industryId: refs.industry },
        { venueId: 7 },
      );
      return out.id;
    });
    const changes = await changesSince(store(), mark);
    assert.deepEqual(changes.map((c) => c.subject), ['OpportunityAdded']);
    const [listed] = (await client().call<Page<Opportunity>>('crm', 'getOpportunityList', { venueIds: [7] })).results;
    assert.equal(listed!.id, id);
    assert.deepEqual(changes[0]!.body, { data: listed });
  });
});
