import assert from 'node:assert/strict';
import { it } from 'node:test';
import { seedAccount } from '../../../src/seed/seed.js';
import { describeEachDatabase } from '../../support/suite.js';

interface Page<T> {
  meta: { totalResults: number };
  results: T[];
}
interface Company {
  id: number;
  businessName: string;
  parentCompanyId: number | null;
  leftValue: number;
  rightValue: number;
  depth: number;
  rootId: number;
  primaryContact: { id: number } | null;
}

describeEachDatabase('contact: seed data', ({ server }) => {
  it('fills an account with related, valid contact data and records no changes', async () => {
    const other = await server().newAccount({ withUser: 'primary' });
    const totals = await seedAccount(server().runtime, { accountId: other.accountId, contacts: 120, randomSeed: 7 });
    assert.equal(totals.contacts, 120);
    assert.equal(totals.companies, Math.ceil(120 / 8));
    for (const key of ['industries', 'subscriptionGroups', 'customFields', 'companyContacts', 'groupMemberships', 'contactCustomValues', 'contactNotes']) {
      assert.ok((totals[key] ?? 0) > 0, `${key} seeded`);
    }
    const changes = await server().store(other.accountId).selectFrom('changes').select('id').execute();
    assert.deepEqual(changes, [], 'seed data is not a change');

    // Every list answers and validates against its result schema (the harness checks each response).
    const contacts = await other.client.call<Page<{ id: number; companies: number[] }>>('contact', 'getContactList', { perPage: 100 });
    assert.equal(contacts.meta.totalResults, 120);
    assert.ok(contacts.results.some((c) => c.companies.length > 0));
    for (const c of contacts.results.slice(0, 20)) await other.client.contact.getContact({ id: c.id });
    const groups = await other.client.call<Array<{ memberCount: number }>>('contact', 'getSubscriptionGroupList', {});
    assert.equal(groups.reduce((n, g) => n + g.memberCount, 0), totals.groupMemberships);

    const companies: Company[] = [];
    for await (const c of other.client.paginate<Company>('contact', 'getCompanyList', {})) companies.push(c);
    assert.equal(companies.length, totals.companies);
    const byId = new Map(companies.map((c) => [c.id, c]));
    const departments = companies.filter((c) => c.parentCompanyId !== null);
    assert.ok(departments.length > 0, 'some companies are departments');
    for (const dept of departments) {
      const parent = byId.get(dept.parentCompanyId!)!;
      assert.ok(dept.businessName.startsWith(`${parent.businessName} (`), dept.businessName);
      assert.equal(dept.rootId, parent.id);
      assert.equal(dept.depth, 1);
      assert.ok(parent.leftValue < dept.leftValue && dept.rightValue < parent.rightValue, 'nested inside its parent');
    }
    for (const c of companies.filter((x) => x.primaryContact)) {
      const members = await other.client.call<Page<{ id: number }>>('contact', 'getContactList', { filter: { companyId: c.id } });
      assert.ok(members.results.some((m) => m.id === c.primaryContact!.id), 'the primary contact works for the company');
    }
    const noted = await server()
      .store(other.accountId)
      .selectFrom('company_notes')
      .select((eb) => ['company_id', eb.fn.countAll<number>().as('n')])
      .groupBy('company_id')
      .executeTakeFirstOrThrow();
    const notes = await other.client.call<Page<unknown>>('contact', 'getCompanyNoteList', { companyId: noted.company_id });
    assert.equal(notes.meta.totalResults, Number(noted.n));

    const again = await seedAccount(server().runtime, { accountId: other.accountId, contacts: 10, randomSeed: 8 });
    assert.equal(again.industries, 0, 'reference lists are created once per account');
    assert.equal(again.subscriptionGroups, 0);
    assert.equal(again.customFields, 0);
    assert.equal(again.contacts, 10);
  });
});
