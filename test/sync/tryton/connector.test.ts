/** The Tryton connector against a real Tryton server (parties, mechanisms, addresses, categories). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CrmEntity } from '../../../src/sync/connector.js';
import { createTrytonConnector } from '../../../src/sync/connectors/tryton/index.js';
import { createTrytonDatabase, stopTryton, type TrytonDatabase } from '../support/tryton.js';

describe('Tryton connector', () => {
  let db: TrytonDatabase;
  let contacts: CrmEntity;
  let companies: CrmEntity;

  before(async () => {
    db = await createTrytonDatabase();
    const connector = createTrytonConnector({
      url: db.url,
      database: db.database,
      username: db.username,
      password: db.password,
      contactCategory: 'iVvy contact',
      companyCategory: 'iVvy company',
      groupsCategory: 'iVvy subscription groups',
      requestsPerSecond: 1000,
      pageSize: 2,
      policy: { retries: 2, baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 1000 },
    });
    contacts = (await connector.entity('contact', { customFields: ['mobile', 'favourite_colour'], groups: true }))!;
    companies = (await connector.entity('company', { customFields: [], groups: false }))!;
    assert.equal(await connector.entity('opportunity', { customFields: [], groups: false }), undefined);
  });
  after(async () => {
    await db?.drop();
    await stopTryton();
  });

  it('holds the mechanism-type custom fields and groups it can, and nothing it cannot', () => {
    assert.deepEqual([...contacts.fields].sort(), ['custom:mobile', 'email', 'firstName', 'groups', 'lastName', 'phone'].sort());
  });

  it('creates, reads back, updates and finds contacts by their iVvy id', async () => {
    const [created] = await contacts.create([
      {
        sourceId: '501',
        fields: { firstName: 'Mary Ann', lastName: 'Smith', email: 'mary@example.com', phone: '555 1', 'custom:mobile': '0400', groups: ['News', 'VIP'] },
      },
    ]);
    assert.ok(created?.ok, JSON.stringify(created));
    assert.deepEqual(created.fields, {
      firstName: 'Mary Ann',
      lastName: 'Smith',
      email: 'mary@example.com',
      phone: '555 1',
      'custom:mobile': '0400',
      groups: ['News', 'VIP'],
    });
    const [read] = await contacts.get([created.id]);
    assert.equal(read!.pairedId, '501');
    assert.ok(read!.modifiedAt > 0);

    const [updated] = await contacts.update([
      { id: created.id, fields: { lastName: 'Jones', phone: null, groups: ['VIP'] }, known: created.fields, sourceId: '501' },
    ]);
    assert.ok(updated?.ok, JSON.stringify(updated));
    assert.equal(updated.fields.firstName, 'Mary Ann');
    assert.equal(updated.fields.lastName, 'Jones');
    assert.equal(updated.fields.phone, null);
    assert.deepEqual(updated.fields.groups, ['VIP']);
    assert.ok(updated.modifiedAt! >= read!.modifiedAt);

    const found = await contacts.findBySourceIds(['501', '999'], 0);
    assert.deepEqual([...found.entries()], [['501', created.id]]);
  });

  it('maps a company address and walks changes page by page from a time', async () => {
    const results = await companies.create([
      { sourceId: '61', fields: { name: 'Acme', phone: '1300', email: null, website: 'https://acme.example', 'address.line1': '1 Main St', 'address.line2': 'Level 2', 'address.city': 'Brisbane', 'address.postalCode': '4000', 'address.country': null, 'address.state': null } },
      { sourceId: '62', fields: { name: 'Beta', phone: null, email: 'hi@beta.example' } },
      { sourceId: '63', fields: { name: 'Gamma' } },
    ]);
    assert.ok(results.every((r) => r.ok), JSON.stringify(results));
    const acme = results[0]!;
    assert.ok(acme.ok);
    assert.equal(acme.fields['address.line2'], 'Level 2');
    assert.equal(acme.fields['address.city'], 'Brisbane');
    const since = Math.min(...results.map((r) => (r.ok ? r.modifiedAt! : 0)));
    const seen: string[] = [];
    let pages = 0;
    for (let resume: string | null = null; ; pages++) {
      const page = await companies.listChanges(since, resume);
      seen.push(...page.records.map((r) => r.id));
      resume = page.next;
      if (resume === null) break;
    }
    assert.deepEqual([...new Set(seen)].sort(), results.map((r) => (r.ok ? r.id : '')).sort());
    assert.ok(pages >= 1);
    const later = await companies.listChanges(Date.now() + 60_000, null);
    assert.equal(later.records.length, 0);
  });

  it('archives or deletes parties, and lists only live ones', async () => {
    const made = await contacts.create([
      { sourceId: '71', fields: { firstName: 'To', lastName: 'Archive', email: 'a@example.com' } },
      { sourceId: '72', fields: { firstName: 'To', lastName: 'Delete', email: 'd@example.com' } },
    ]);
    const [a, d] = made.map((r) => (r.ok ? r.id : ''));
    assert.ok((await contacts.remove([a!], 'archive')).every((r) => r.ok));
    assert.ok((await contacts.remove([d!], 'delete')).every((r) => r.ok));
    const live = new Set<string>();
    for await (const page of contacts.listIds()) for (const id of page) live.add(id);
    assert.ok(!live.has(a!) && !live.has(d!));
    assert.deepEqual(await contacts.get([a!, d!]), []);
    // Removing what is already gone is what was asked.
    assert.ok((await contacts.remove([d!], 'delete')).every((r) => r.ok));
  });
});
