import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { seedAccount } from '../../../src/seed/seed.js';
import { describeEachDatabase } from '../../support/suite.js';

interface Page<T> {
  meta: { totalResults: number };
  results: T[];
}
interface Lead {
  id: number;
  stageId: number | null;
  stageReasonId: number | null;
  typeId: number | null;
  subtypeId: number | null;
  contact: { id: number } | null;
  company: { id: number } | null;
  ownerUser: { id: number } | null;
  venueId?: number;
}

describeEachDatabase('account and crm: seed data', ({ server }) => {
  it('fills an account with linked, valid users, cost centers, error reports and CRM records', async () => {
    const other = await server().newAccount({ withUser: 'primary' });
    // Seeding runs in this process and can hold the event loop longer than the server keeps an
    // idle connection open; a client that retries a reset connection reads past that.
    const client = createClient({ url: server().url, key: other.key, secret: other.secret, retries: 2, backoffMs: 10 });
    const totals = await seedAccount(server().runtime, { accountId: other.accountId, contacts: 200, randomSeed: 11 });
    for (const key of ['users', 'costCenters', 'errorReports', 'leadStages', 'leadTypes', 'leadSources', 'leadChannels', 'leadQualities', 'activityPurposes', 'leads', 'opportunities', 'leadNotes', 'leadCustomValues', 'tasks', 'activities']) {
      assert.ok((totals[key] ?? 0) > 0, `${key} seeded`);
    }
    assert.equal(totals.leads, 20);
    assert.equal(totals.opportunities, 10);
    const changes = await server().store(other.accountId).selectFrom('changes').select('id').execute();
    assert.deepEqual(changes, [], 'seed data is not a change');

    // Every list answers and validates against its result schema (the harness checks each response).
    const users = await client.call<Page<{ id: number; isPrimary: boolean }>>('account', 'getUserList', {});
    assert.equal(users.meta.totalResults, 6);
    assert.equal(users.results.filter((u) => u.isPrimary).length, 1);
    const costCenters = await client.call<Page<{ defaultType: number | null }>>('account', 'getCostCenterList', {});
    assert.deepEqual(costCenters.results.filter((c) => c.defaultType !== null).map((c) => c.defaultType), [1, 2, 3, 4, 5, 6, 7]);
    assert.ok((await client.call<Page<unknown>>('account', 'getIndustryList', {})).meta.totalResults > 0);

    const leadStages = new Set((await client.call<Page<{ id: number }>>('crm', 'getLeadStageList', { filter: { applyTo: 2 } })).results.map((s) => s.id));
    const stages = await client.call<Page<{ id: number; reasons: Array<{ id: number }> }>>('crm', 'getLeadStageList', {});
    const reasonsOf = new Map(stages.results.map((s) => [s.id, s.reasons.map((r) => r.id)]));
    const types = await client.call<Page<{ id: number; subtypes: Array<{ id: number }> }>>('crm', 'getLeadTypeList', {});
    const subtypesOf = new Map(types.results.map((t) => [t.id, t.subtypes.map((s) => s.id)]));
    const userIds = new Set(users.results.map((u) => u.id));
    const links = await server().store(other.accountId).selectFrom('company_contacts').select(['contact_id', 'company_id']).execute();
    const worksFor = new Set(links.map((l) => `${l.contact_id}:${l.company_id}`));

    const leads = await client.call<Page<Lead>>('crm', 'getLeadList', { perPage: 100 });
    const opportunities = await client.call<Page<Lead>>('crm', 'getOpportunityList', { perPage: 100 });
    assert.equal(leads.meta.totalResults, 20);
    // The venue namespace's bookings seeder adds one opportunity per seeded booking.
    assert.equal(opportunities.meta.totalResults, 10 + (totals.bookingOpportunities ?? 0));
    for (const lead of [...leads.results, ...opportunities.results]) {
      const isLead = lead.venueId === undefined;
      assert.equal(leadStages.has(lead.stageId!), isLead, `lead ${lead.id}'s stage applies to its kind`);
      if (lead.stageReasonId !== null) assert.ok(reasonsOf.get(lead.stageId!)!.includes(lead.stageReasonId));
      const subtypes = subtypesOf.get(lead.typeId!)!;
      assert.equal(lead.subtypeId === null, subtypes.length === 0);
      if (lead.subtypeId !== null) assert.ok(subtypes.includes(lead.subtypeId));
      assert.ok(lead.contact, 'every lead has a contact');
      if (lead.ownerUser) assert.ok(userIds.has(lead.ownerUser.id));
      if (lead.company) assert.ok(worksFor.has(`${lead.contact.id}:${lead.company.id}`), 'a company lead’s contact works for the company');
    }

    const tasks = await client.call<Page<Record<string, number | null>>>('crm', 'getTaskList', { perPage: 100 });
    const activities = await client.call<Page<Record<string, number | null>>>('crm', 'getActivityList', { perPage: 100 });
    assert.equal(tasks.meta.totalResults, totals.tasks);
    assert.equal(activities.meta.totalResults, totals.activities);
    for (const item of [...tasks.results, ...activities.results]) {
      const owners = [item.leadId, item.contactId, item.companyId].filter((o) => o !== null);
      assert.ok(owners.length <= 1, 'one owner at most');
      if (item.companyContactId !== null) assert.notEqual(item.companyId, null);
    }
    const noted = opportunities.results[0]!.id;
    await client.call('crm', 'getLeadNoteList', { leadId: noted });

    // Seeding again adds records but not a second copy of the lists.
    const again = await seedAccount(server().runtime, { accountId: other.accountId, contacts: 50, randomSeed: 12 });
    assert.equal(again.leadStages, undefined);
    assert.equal(again.costCenters, undefined);
    assert.equal(again.users, undefined);
    assert.equal(again.leads, 5);
    assert.equal((await client.call<Page<unknown>>('crm', 'getLeadStageList', {})).meta.totalResults, stages.meta.totalResults);
  });
});
