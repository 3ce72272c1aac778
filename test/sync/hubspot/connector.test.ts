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

  it('validates emails and phone numbers as HubSpot does: 400 VALIDATION_ERROR naming the property', async () => {
    const local = await startHubSpotDouble({ phoneValidation: true });
    try {
      const post = (properties: Record<string, string>) =>
        fetch(`${local.url}/crm/v3/objects/contacts`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${local.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ properties }),
        });
      const email = await post({ email: 'eve@example.c0m' });
      assert.equal(email.status, 400);
      const body = (await email.json()) as { category: string; message: string };
      assert.equal(body.category, 'VALIDATION_ERROR');
      assert.deepEqual(JSON.parse(body.message.slice(body.message.indexOf('['))), [
        { isValid: false, message: 'Email address eve@example.c0m is invalid', error: 'INVALID_EMAIL', name: 'email' },
      ]);
      for (const bad of ['"quoted"@example.com', 'no-at.example.com', 'a@b', 'a@-b.com']) assert.equal((await post({ email: bad })).status, 400, bad);
      const phone = await post({ email: 'p@example.com', phone: '0412 345 678' });
      assert.equal(phone.status, 400, 'phone validation takes E.164 only');
      assert.match(((await phone.json()) as { message: string }).message, /"error":"INVALID_PHONE_NUMBER","name":"phone"/);
      assert.equal((await post({ email: 'p@example.com', phone: '+61412345678' })).status, 201);
      assert.equal((await post({ email: 'q@example.com', phone: '+61 412' })).status, 400);
    } finally {
      await local.close();
    }
  });

  it('leaves out a value HubSpot refuses, writes the rest of the record and reports the field', async () => {
    const local = await startHubSpotDouble({ phoneValidation: true });
    try {
      const contacts = (await connector(local).entity('contact', { customFields: [], groups: false, defaultRegion: 'AU' }))!;
      // One batch: HubSpot refuses it whole, so each input goes alone, without its bad value.
      const results = await contacts.create([
        { sourceId: '31', fields: { firstName: 'Eve', lastName: 'Mail', email: 'eve@example.c0m', phone: '0412 345 678' } },
        { sourceId: '32', fields: { firstName: 'Phoebe', lastName: 'Phone', email: 'phoebe@example.com', phone: 'call reception' } },
        { sourceId: '33', fields: { firstName: 'Gus', lastName: 'Good', email: 'gus@example.com', phone: '(02) 9374 4000' } },
      ]);
      const [eve, phoebe, gus] = results;
      assert.ok(eve?.ok && phoebe?.ok && gus?.ok, JSON.stringify(results));
      assert.deepEqual(eve.fields, { firstName: 'Eve', lastName: 'Mail', email: null, phone: '+61412345678' });
      assert.deepEqual(eve.refused, [{ field: 'email', message: 'INVALID_EMAIL: Email address eve@example.c0m is invalid' }]);
      assert.deepEqual(phoebe.fields, { firstName: 'Phoebe', lastName: 'Phone', email: 'phoebe@example.com', phone: null });
      assert.deepEqual(phoebe.refused?.map((r) => r.field), ['phone']);
      assert.match(phoebe.refused![0]!.message, /^INVALID_PHONE_NUMBER/);
      assert.equal(gus.fields.phone, '+61293744000');
      assert.equal(gus.refused, undefined);

      // An update: the refused value is left out, the rest is written.
      const [updated] = await contacts.update([{ id: phoebe.id, fields: { lastName: 'Phones', email: 'still@bad.c0m' }, known: phoebe.fields, sourceId: '32' }]);
      assert.ok(updated?.ok, JSON.stringify(updated));
      assert.equal(updated.fields.lastName, 'Phones');
      assert.equal(updated.fields.email, 'phoebe@example.com');
      assert.deepEqual(updated.refused?.map((r) => r.field), ['email']);

      // A mapping mistake (a property that does not exist) is not a refused value: the record fails.
      const odd = (await connector(local).entity('contact', { customFields: ['no_such_property'], groups: false }))!;
      const [failed] = await odd.create([{ sourceId: '34', fields: { firstName: 'O', lastName: 'Dd', email: 'odd@example.com', 'custom:no_such_property': 'x' } }]);
      assert.equal(failed?.ok, false);
    } finally {
      await local.close();
    }
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

  it('writes deals with their associations, replacing only what the sync set', async () => {
    const hub = connector(double);
    const deals = (await hub.entity('opportunity', { customFields: [], groups: false }))!;
    assert.ok(double.properties('deals').includes('ivvy_registration_id'), 'the iVvy id property is created');
    const ada = double.insert('contacts', { email: 'deal.ada@example.com' });
    const bob = double.insert('contacts', { email: 'deal.bob@example.com' });
    const acme = double.insert('companies', { name: 'Deal Acme' });
    const [created] = await deals.create([
      { sourceId: '31', fields: { name: 'Summit: Ada (delegate)', amount: '495.00', date: '2026-03-01', status: 'payment-waiting', contact: ada.id, company: acme.id } },
    ]);
    assert.ok(created?.ok, JSON.stringify(created));
    assert.deepEqual(created.fields, { name: 'Summit: Ada (delegate)', amount: '495.00', date: '2026-03-01', status: 'payment-waiting', contact: ada.id, company: acme.id });
    const stored = double.objects('deals').find((d) => d.id === created.id)!;
    assert.equal(stored.properties.dealstage, 'contractsent');
    assert.equal(stored.properties.pipeline, 'default');
    // A CRM user adds a second contact; the registration's contact changes to Bob.
    const extra = double.insert('contacts', { email: 'deal.extra@example.com' });
    double.associate('deals', created.id, 'contacts', extra.id);
    const [updated] = await deals.update([{ id: created.id, fields: { contact: bob.id, status: 'completed' }, known: created.fields, sourceId: '31' }]);
    assert.ok(updated?.ok, JSON.stringify(updated));
    assert.deepEqual(double.associated('deals', created.id, 'contacts').sort(), [bob.id, extra.id].sort(), 'Ada replaced by Bob, the user\'s contact kept');
    assert.equal(double.objects('deals').find((d) => d.id === created.id)!.properties.dealstage, 'closedwon');
    assert.deepEqual([...(await deals.findBySourceIds(['31', '32'], 0)).entries()], [['31', created.id]]);
  });

  it('logs emails with their HTML body and headers on the contact', async () => {
    const emails = (await connector(double).entity('emailEngagement', { customFields: [], groups: false }))!;
    const contact = double.insert('contacts', { email: 'mail.to@example.com' });
    const html = '<html><body><h1>Your ticket</h1><p>See you there</p></body></html>';
    const fields = { contact: contact.id, subject: 'Your ticket', html, sentAt: '2026-02-01T09:30:00Z', from: 'events@example.com', to: 'mail.to@example.com', status: 'sent' };
    const [created] = await emails.create([{ sourceId: '41', fields }]);
    assert.ok(created?.ok, JSON.stringify(created));
    assert.deepEqual(created.fields, fields);
    const stored = double.objects('emails').find((e) => e.id === created.id)!;
    assert.equal(stored.properties.hs_email_html, html);
    assert.equal(stored.properties.hs_email_direction, 'EMAIL');
    assert.deepEqual(JSON.parse(stored.properties.hs_email_headers!).to, [{ email: 'mail.to@example.com' }]);
    assert.deepEqual(double.associated('emails', created.id, 'contacts'), [contact.id]);
  });

  it('keeps campaigns as marketing events and members as participations, retrying 429s', async () => {
    const hub = connector(double);
    const campaigns = (await hub.entity('campaign', { customFields: [], groups: false }))!;
    const members = (await hub.entity('campaignMember', { customFields: [], groups: false }))!;
    const fields = { name: 'Gala', type: 'Party', startAt: '2026-06-01T08:00:00Z', endAt: '2026-06-01T12:00:00Z', url: 'https://events.example/gala/' };
    double.failNext(1, 429, { retryAfterSeconds: 0, path: /marketing-events\/events\// });
    const [campaign] = await campaigns.create([{ sourceId: '51', fields }]);
    assert.ok(campaign?.ok, JSON.stringify(campaign));
    assert.deepEqual(campaign.fields, fields);
    // Creating again (a killed run) finds the same event: an upsert by its external id.
    const [again] = await campaigns.create([{ sourceId: '51', fields }]);
    assert.ok(again?.ok && again.id === campaign.id);
    assert.equal(double.marketingEvents().filter((e) => e.externalEventId === '51').length, 1);

    const guest = double.insert('contacts', { email: 'gala.guest@example.com' });
    const [member] = await members.create([{ sourceId: '51:7', fields: { campaign: campaign.id, contact: guest.id, participation: 'registered', participatedAt: '2026-05-01T10:00:00Z' } }]);
    assert.ok(member?.ok, JSON.stringify(member));
    assert.equal(member.id, `${campaign.id}:${guest.id}`);
    const [attended] = await members.update([{ id: member.id, fields: { participation: 'attended', participatedAt: '2026-06-01T08:05:00Z' }, known: member.fields, sourceId: '51:7' }]);
    assert.ok(attended?.ok && attended.fields.participation === 'attended', JSON.stringify(attended));
    assert.deepEqual(double.participations(campaign.id).map((p) => [p.contactId, p.state]), [[guest.id, 'ATTENDED']]);
    // An undecided invitee is a member without a state: nothing to record, nothing recorded.
    const quiet = double.insert('contacts', { email: 'gala.quiet@example.com' });
    const [undecided] = await members.create([{ sourceId: '51:8', fields: { campaign: campaign.id, contact: quiet.id, participation: null, participatedAt: null } }]);
    assert.ok(undecided?.ok);
    assert.equal(double.participations(campaign.id).length, 1);
    // A deleted marketing event takes its members with it.
    double.deleteMarketingEvent(campaign.id);
    assert.deepEqual(await members.get([member.id, undecided.id]), []);
    assert.deepEqual(await campaigns.get([campaign.id]), []);
  });
});
