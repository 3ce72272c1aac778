/** The HubSpot connector against the local double of the HubSpot CRM v3 API. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CrmEntity } from '../../../src/sync/connector.js';
import { createHubSpotConnector, type HubSpotConnectorOptions } from '../../../src/sync/connectors/hubspot/index.js';
import { startHubSpotDouble, type HubSpotDouble } from '../../doubles/hubspot/server.js';

const policy = { retries: 4, baseDelayMs: 10, maxDelayMs: 200, maxRetryAfterMs: 5_000 };

function connector(double: HubSpotDouble, overrides: Partial<HubSpotConnectorOptions> = {}) {
  return createHubSpotConnector({
    accessToken: double.token,
    basePath: double.url,
    requestsPerTenSeconds: 1000,
    searchRequestsPerSecond: 5,
    contactIvvyIdProperty: 'ivvy_contact_id',
    companyIvvyIdProperty: 'ivvy_company_id',
    groupsProperty: 'ivvy_subscription_groups',
    policy,
    ...overrides,
  });
}

async function walk(entity: CrmEntity, since: number) {
  const seen: string[] = [];
  let pages = 0;
  for (let resume: string | null = null; ; ) {
    const page = await entity.listChanges(since, resume);
    pages++;
    seen.push(...page.records.map((r) => r.id));
    resume = page.next;
    if (resume === null) return { seen, pages };
  }
}

describe('HubSpot connector', () => {
  let double: HubSpotDouble;
  before(async () => {
    double = await startHubSpotDouble({ searchPerSecond: 5 });
  });
  after(async () => {
    await double.close();
  });

  it('creates the iVvy id property it pairs by, and maps contacts both ways', async () => {
    const contacts = (await connector(double).entity('contact', { customFields: ['favourite_colour'], groups: true }))!;
    assert.ok(double.properties('contacts').includes('ivvy_contact_id'));
    assert.ok(double.properties('contacts').includes('ivvy_subscription_groups'));
    assert.deepEqual([...contacts.fields].sort(), ['custom:favourite_colour', 'email', 'firstName', 'groups', 'lastName', 'phone'].sort());
    double.insert('contacts', { favourite_colour: 'red' });
    const created = await contacts.create([
      { sourceId: '11', fields: { firstName: 'Ada', lastName: 'Lovelace', email: 'ADA@example.com', phone: '555', 'custom:favourite_colour': 'blue', groups: ['News', 'VIP'] } },
      { sourceId: '12', fields: { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com', phone: null, 'custom:favourite_colour': null, groups: null } },
    ]);
    assert.ok(created.every((r) => r.ok));
    const ada = created.find((r) => r.sourceId === '11')!;
    assert.ok(ada.ok);
    // The double answers batch creates out of order: results are matched by the iVvy id.
    const stored = double.objects('contacts').find((o) => o.id === ada.id)!;
    assert.equal(stored.properties.ivvy_contact_id, '11');
    assert.equal(stored.properties.firstname, 'Ada');
    assert.equal(stored.properties.ivvy_subscription_groups, 'News;VIP');
    assert.deepEqual(ada.fields, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '555', 'custom:favourite_colour': 'blue', groups: ['News', 'VIP'] });

    const [read] = await contacts.get([ada.id]);
    assert.equal(read!.pairedId, '11');
    assert.equal(read!.fields.email, 'ada@example.com');
    const found = await contacts.findBySourceIds(['11', '12', '99'], 0);
    assert.deepEqual([...found.keys()].sort(), ['11', '12']);

    const updated = await contacts.update([{ id: ada.id, fields: { phone: null, groups: ['VIP'] }, known: null, sourceId: '11' }]);
    assert.ok(updated[0]!.ok);
    assert.equal(double.objects('contacts').find((o) => o.id === ada.id)!.properties.phone, null);
    assert.equal((await contacts.get([ada.id]))[0]!.fields.groups?.toString(), 'VIP');
  });

  it('isolates an input HubSpot rejects: the rest of the batch is written', async () => {
    const contacts = (await connector(double).entity('contact', { customFields: ['no_such_property'], groups: false }))!;
    const results = await contacts.create([
      { sourceId: '21', fields: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', phone: null, 'custom:no_such_property': null } },
      { sourceId: '22', fields: { firstName: 'Bad', lastName: 'Prop', email: 'bad@example.com', phone: null, 'custom:no_such_property': 'x' } },
    ]);
    const bad = results.find((r) => r.sourceId === '22')!;
    assert.equal(results.find((r) => r.sourceId === '21')!.ok, true);
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.error, /does not exist/);
    // HubSpot refuses a second contact with the same email (409): reported, not merged.
    const dup = await contacts.create([{ sourceId: '23', fields: { firstName: 'G', lastName: 'H', email: 'grace@example.com', phone: null } }]);
    assert.equal(dup[0]!.ok, false);
  });

  it('walks more than 10,000 changes by slicing date windows, each record once', async () => {
    const local = await startHubSpotDouble({ searchPerSecond: 50 });
    try {
      const base = Date.UTC(2024, 0, 1);
      for (let i = 0; i < 12_345; i++) local.insert('companies', { name: `Company ${i}` }, base + i * 10);
      const companies = (await connector(local, { searchRequestsPerSecond: 50 }).entity('company', { customFields: [], groups: false }))!;
      const { seen, pages } = await walk(companies, base);
      assert.equal(new Set(seen).size, 12_345);
      // Slices overlap by the record at each boundary only.
      assert.ok(seen.length <= 12_345 + pages, `read ${seen.length}`);
      assert.ok(pages >= 124);
      assert.ok(local.log.every((l) => l.status !== 400), 'never asked for a page past the cap');
      const since = base + 12_000 * 10;
      assert.equal(new Set((await walk(companies, since)).seen).size, 345);
    } finally {
      await local.close();
    }
  });

  it('skips no record when records move to the end of the list during the walk', async () => {
    const local = await startHubSpotDouble({ searchPerSecond: 1000 });
    try {
      for (let i = 0; i < 350; i++) local.insert('contacts', { email: `m${i}@example.com` });
      const contacts = (await connector(local, { searchRequestsPerSecond: 1000 }).entity('contact', { customFields: [], groups: false }))!;
      const seen = new Set<string>();
      for (let resume: string | null = null; ; ) {
        const page = await contacts.listChanges(0, resume);
        const fresh = page.records.filter((r) => !seen.has(r.id));
        for (const r of fresh) seen.add(r.id);
        // What the engine does with a new record: writes its pairing key, which moves it to
        // the end of the list (and it comes by again, as an echo the engine skips).
        if (fresh.length > 0) await contacts.update(fresh.map((r) => ({ id: r.id, fields: {}, known: null, sourceId: `i${r.id}` })));
        resume = page.next;
        if (resume === null) break;
      }
      assert.equal(seen.size, 350);
    } finally {
      await local.close();
    }
  });

  it('paces search below its per-second limit, and retries 429s and 5xx honouring Retry-After', async () => {
    const local = await startHubSpotDouble({ searchPerSecond: 3 });
    try {
      for (let i = 0; i < 450; i++) local.insert('contacts', { email: `p${i}@example.com`, firstname: `P${i}` });
      const paced = (await connector(local, { searchRequestsPerSecond: 3 }).entity('contact', { customFields: [], groups: false }))!;
      assert.equal(new Set((await walk(paced, 0)).seen).size, 450);
      assert.equal(local.log.filter((l) => l.status === 429).length, 0, 'the limiter kept search under the limit');

      // A connector that believes the limit is higher meets 429s and still completes.
      const eager = (await connector(local, { searchRequestsPerSecond: 50 }).entity('contact', { customFields: [], groups: false }))!;
      const before429 = local.log.filter((l) => l.status === 429).length;
      for (let i = 0; i < 3; i++) assert.equal(new Set((await walk(eager, 0)).seen).size, 450);
      assert.ok(local.log.filter((l) => l.status === 429).length > before429, 'the double refused some searches');

      local.failNext(1, 429, { retryAfterSeconds: 1, path: /batch\/read/ });
      local.failNext(1, 502, { path: /batch\/read/ });
      const started = Date.now();
      const ids = local.objects('contacts').slice(0, 3).map((o) => o.id);
      const got = await paced.get(ids);
      assert.equal(got.length, 3);
      assert.ok(Date.now() - started >= 950, 'waited for the Retry-After second');
    } finally {
      await local.close();
    }
  });

  it('archives or deletes records whose iVvy counterpart was deleted', async () => {
    const hub = connector(double);
    const contacts = (await hub.entity('contact', { customFields: [], groups: false }))!;
    const companies = (await hub.entity('company', { customFields: [], groups: false }))!;
    const a = double.insert('contacts', { email: 'gone1@example.com' });
    const b = double.insert('contacts', { email: 'gone2@example.com' });
    const c = double.insert('companies', { name: 'Gone Pty Ltd' });
    assert.ok((await contacts.remove([a.id], 'archive')).every((r) => r.ok));
    assert.equal(double.objects('contacts', true).find((o) => o.id === a.id)!.archived, true);
    assert.ok((await contacts.remove([b.id], 'delete')).every((r) => r.ok));
    assert.equal(double.objects('contacts', true).find((o) => o.id === b.id), undefined);
    // Companies have no permanent delete: they are archived.
    assert.ok((await companies.remove([c.id], 'delete')).every((r) => r.ok));
    assert.equal(double.objects('companies', true).find((o) => o.id === c.id)!.archived, true);
    const live = new Set<string>();
    for await (const page of contacts.listIds()) for (const id of page) live.add(id);
    assert.ok(!live.has(a.id) && !live.has(b.id));
  });
});
