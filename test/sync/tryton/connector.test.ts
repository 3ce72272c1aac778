/**
 * The Tryton connector against a real Tryton server: parties (mechanisms, addresses,
 * categories), mailing lists and their addresses (campaigns and members), sales
 * opportunities and attachments (emails).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CrmEntity } from '../../../src/sync/connector.js';
import { createTrytonConnector } from '../../../src/sync/connectors/tryton/index.js';
import { createTrytonRpc } from '../../../src/sync/connectors/tryton/rpc.js';
import { createRateLimiter } from '../../../src/sync/rate-limiter.js';
import { createTrytonDatabase, stopTryton, type TrytonDatabase } from '../support/tryton.js';

describe('Tryton connector', () => {
  let db: TrytonDatabase;
  let contacts: CrmEntity;
  let companies: CrmEntity;
  let campaigns: CrmEntity;
  let members: CrmEntity;
  let opportunities: CrmEntity;
  let bookingOpportunities: CrmEntity;
  let emails: CrmEntity;

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
      listLanguage: 'en',
      requestsPerSecond: 1000,
      pageSize: 2,
      policy: { retries: 2, baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 1000 },
    });
    contacts = (await connector.entity('contact', { customFields: ['mobile', 'favourite_colour'], groups: true, defaultRegion: 'AU' }))!;
    companies = (await connector.entity('company', { customFields: [], groups: false, defaultRegion: 'AU' }))!;
    const none = { customFields: [], groups: false };
    campaigns = (await connector.entity('campaign', none))!;
    members = (await connector.entity('campaignMember', none))!;
    opportunities = (await connector.entity('opportunity', none))!;
    bookingOpportunities = (await connector.entity('bookingOpportunity', none))!;
    emails = (await connector.entity('emailEngagement', none))!;
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
        fields: { firstName: 'Mary Ann', lastName: 'Smith', email: 'mary@example.com', phone: '(02) 9374 4000', 'custom:mobile': '0412 345 678', groups: ['News', 'VIP'] },
      },
    ]);
    assert.ok(created?.ok, JSON.stringify(created));
    assert.deepEqual(created.fields, {
      firstName: 'Mary Ann',
      lastName: 'Smith',
      email: 'mary@example.com',
      // In E.164, as sent and as Tryton keeps it (value_compact).
      phone: '+61293744000',
      'custom:mobile': '+61412345678',
      groups: ['News', 'VIP'],
    });
    assert.equal(created.refused, undefined);
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
      { sourceId: '61', fields: { name: 'Acme', phone: '07 3000 1234', email: null, website: 'https://acme.example', 'address.line1': '1 Main St', 'address.line2': 'Level 2', 'address.city': 'Brisbane', 'address.postalCode': '4000', 'address.country': null, 'address.state': null } },
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

  it('checks phone numbers, as Debian installs it with its recommends (python3-phonenumbers)', async () => {
    // What made whole parties fail before (issue 18): Tryton refuses a number it cannot read.
    await assert.rejects(
      rpc().model('party.party', 'create', [[{ name: 'Raw Number', contact_mechanisms: [['create', [{ type: 'phone', value: '(745) 550-6326' }]]] }]]),
      /The phone number "\(745\) 550-6326" for party "Raw Number" is not valid/,
    );
  });

  it('leaves out a value Tryton refuses, writes the rest of the party and reports the field', async () => {
    const results = await contacts.create([
      { sourceId: '901', fields: { firstName: 'Phoebe', lastName: 'Phone', email: 'phoebe@example.com', phone: 'call reception', 'custom:mobile': '0412 000 111' } },
      { sourceId: '902', fields: { firstName: 'Gus', lastName: 'Good', email: 'gus@example.com', phone: '+1 612 447 1550' } },
    ]);
    const [phoebe, gus] = results;
    assert.ok(phoebe?.ok && gus?.ok, JSON.stringify(results));
    assert.deepEqual(phoebe.fields, { firstName: 'Phoebe', lastName: 'Phone', email: 'phoebe@example.com', phone: null, 'custom:mobile': '+61412000111', groups: null });
    assert.deepEqual(phoebe.refused?.map((r) => r.field), ['phone']);
    assert.match(phoebe.refused![0]!.message, /The phone number "call reception" for party "Phoebe Phone" is not valid/);
    assert.equal(gus.fields.phone, '+16124471550');
    assert.equal(gus.refused, undefined);

    // An update: the refused values are left out, the rest is written.
    const [updated] = await contacts.update([
      { id: phoebe.id, fields: { lastName: 'Phones', phone: 'ask for Phoebe', 'custom:mobile': 'no mobile' }, known: phoebe.fields, sourceId: '901' },
    ]);
    assert.ok(updated?.ok, JSON.stringify(updated));
    assert.equal(updated.fields.lastName, 'Phones');
    assert.equal(updated.fields['custom:mobile'], '+61412000111');
    assert.deepEqual(updated.refused?.map((r) => r.field).sort(), ['custom:mobile', 'phone']);
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

  it('keeps a campaign as a mailing list and its members\' states as status lists', async () => {
    const [campaign] = await campaigns.create([{ sourceId: '9', fields: { name: 'Summit 2026' } }]);
    assert.ok(campaign?.ok, JSON.stringify(campaign));
    assert.deepEqual(campaign.fields, { name: 'Summit 2026' });
    assert.deepEqual([...(await campaigns.findBySourceIds(['9', '10'], 0)).entries()], [['9', campaign.id]]);

    const [member, other] = await members.create([
      { sourceId: '9:1', fields: { campaign: campaign.id, email: 'ada@example.com', invitation: 'Y', registered: 'yes', attended: null, sessionAttended: null, cancelled: null } },
      { sourceId: '9:2', fields: { campaign: campaign.id, email: 'alan@example.com', invitation: 'U', registered: null, attended: null, sessionAttended: null, cancelled: null } },
    ]);
    assert.ok(member?.ok && other?.ok, JSON.stringify([member, other]));
    assert.deepEqual(member.fields, { campaign: campaign.id, email: 'ada@example.com', invitation: 'Y', registered: 'yes', cancelled: null, attended: null, sessionAttended: null });
    const lists = await listsNamed('Summit 2026 (iVvy event 9)');
    assert.deepEqual(Object.keys(lists).sort(), ['', ' · invited: undecided', ' · invited: yes', ' · registered'].sort());
    assert.deepEqual(lists[' · registered'], ['ada@example.com']);

    // Ada came (and to a session); the event is renamed: the lists follow.
    const [updated] = await members.update([{ id: member.id, fields: { attended: 'yes', sessionAttended: 'yes' }, known: member.fields, sourceId: '9:1' }]);
    assert.ok(updated?.ok, JSON.stringify(updated));
    assert.equal(updated.fields.attended, 'yes');
    assert.equal(updated.fields.registered, 'yes');
    const [renamed] = await campaigns.update([{ id: campaign.id, fields: { name: 'Summit 2027' }, known: campaign.fields, sourceId: '9' }]);
    assert.ok(renamed?.ok && renamed.fields.name === 'Summit 2027');
    const after = await listsNamed('Summit 2027 (iVvy event 9)');
    assert.deepEqual(after[' · attended'], ['ada@example.com']);
    assert.deepEqual(after[' · attended a session'], ['ada@example.com']);
    assert.deepEqual((await members.get([member.id]))[0]!.fields.sessionAttended, 'yes');

    // Alan says no: off "undecided", onto "no".
    const [declined] = await members.update([{ id: other.id, fields: { invitation: 'N' }, known: other.fields, sourceId: '9:2' }]);
    assert.ok(declined?.ok && declined.fields.invitation === 'N');
    const final = await listsNamed('Summit 2027 (iVvy event 9)');
    assert.deepEqual(final[' · invited: no'], ['alan@example.com']);
    assert.deepEqual(final[' · invited: undecided'] ?? [], []);

    // A create repeated (a killed run) finds the address already on the list.
    const [again] = await members.create([{ sourceId: '9:1', fields: { campaign: campaign.id, email: 'ada@example.com', invitation: 'Y', registered: 'yes', attended: 'yes', sessionAttended: 'yes', cancelled: null } }]);
    assert.ok(again?.ok && again.id === member.id);
  });

  it('keeps a registration as a sales opportunity, cancelled through the workflow', async () => {
    const [party] = await contacts.create([{ sourceId: '801', fields: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' } }]);
    assert.ok(party?.ok);
    const [created] = await opportunities.create([
      { sourceId: '44', fields: { name: 'Summit: Grace Hopper (delegate)', amount: '495.00', date: '2026-03-01', status: 'completed', contact: party.id } },
    ]);
    assert.ok(created?.ok, JSON.stringify(created));
    assert.deepEqual(created.fields, { name: 'Summit: Grace Hopper (delegate)', amount: '495.00', date: '2026-03-01', status: 'completed', contact: party.id });
    assert.deepEqual([...(await opportunities.findBySourceIds(['44'], 0)).entries()], [['44', created.id]]);
    const [cancelled] = await opportunities.update([{ id: created.id, fields: { status: 'cancelled', amount: '0.00' }, known: created.fields, sourceId: '44' }]);
    assert.ok(cancelled?.ok, JSON.stringify(cancelled));
    assert.equal(cancelled.fields.status, 'cancelled');
    assert.equal(cancelled.fields.amount, '0.00');
    const [reopened] = await opportunities.update([{ id: created.id, fields: { status: 'payment-waiting' }, known: cancelled.fields, sourceId: '44' }]);
    assert.ok(reopened?.ok && reopened.fields.status === 'payment-waiting', JSON.stringify(reopened));
  });

  it('keeps a quote as a sales opportunity beside the registrations\', closed as lost when cancelled', async () => {
    const [party] = await contacts.create([{ sourceId: '803', fields: { firstName: 'Ava', lastName: 'Booker', email: 'ava.booker@example.com' } }]);
    assert.ok(party?.ok);
    // The same iVvy id as a registration's: each module's opportunities have their own reference.
    const fields = { name: 'Harbour Gala (B-44)', amount: '1250.00', date: '2031-05-01', status: 'prospective', contact: party.id };
    const [created] = await bookingOpportunities.create([{ sourceId: '44', fields }]);
    assert.ok(created?.ok, JSON.stringify(created));
    assert.deepEqual(created.fields, fields);
    assert.deepEqual([...(await bookingOpportunities.findBySourceIds(['44'], 0)).entries()], [['44', created.id]]);
    assert.notEqual((await opportunities.findBySourceIds(['44'], 0)).get('44'), created.id);
    const [confirmed] = await bookingOpportunities.update([{ id: created.id, fields: { status: 'confirmed', date: '2031-06-01' }, known: created.fields, sourceId: '44' }]);
    assert.ok(confirmed?.ok && confirmed.fields.status === 'confirmed' && confirmed.fields.date === '2031-06-01', JSON.stringify(confirmed));
    const [lost] = await bookingOpportunities.update([{ id: created.id, fields: { status: 'cancelled', amount: '0.00' }, known: confirmed.fields, sourceId: '44' }]);
    assert.ok(lost?.ok && lost.fields.status === 'cancelled' && lost.fields.amount === '0.00', JSON.stringify(lost));
    const [row] = await rpc().model<Array<{ state: string }>>('sale.opportunity', 'read', [[Number(created.id)], ['state']]);
    assert.equal(row?.state, 'lost');
    const [reopened] = await bookingOpportunities.update([{ id: created.id, fields: { status: 'tentative' }, known: lost.fields, sourceId: '44' }]);
    assert.ok(reopened?.ok && reopened.fields.status === 'tentative', JSON.stringify(reopened));
    assert.deepEqual(await bookingOpportunities.remove([created.id], 'delete'), [{ id: created.id, ok: true }]);
    assert.deepEqual(await bookingOpportunities.get([created.id]), []);
  });

  it('keeps an email as an HTML attachment of the contact\'s party', async () => {
    const [party] = await contacts.create([{ sourceId: '802', fields: { firstName: 'Edsger', lastName: 'Dijkstra', email: 'ewd@example.com' } }]);
    assert.ok(party?.ok);
    const html = '<html><body><p>You are <b>invited</b> — à bientôt</p></body></html>';
    const fields = { contact: party.id, subject: 'Your invitation', html, sentAt: '2026-02-01T09:30:00Z', from: 'events@example.com', to: 'ewd@example.com', status: 'sent' };
    const [created] = await emails.create([{ sourceId: '77', fields }]);
    assert.ok(created?.ok, JSON.stringify(created));
    assert.deepEqual(created.fields, fields);
    assert.deepEqual([...(await emails.findBySourceIds(['77', '78'], 0)).entries()], [['77', created.id]]);
    const [row] = await rpc().model<Array<{ resource: string; name: string }>>('ir.attachment', 'read', [[Number(created.id)], ['resource', 'name']]);
    assert.equal(row!.resource, `party.party,${party.id}`);
  });

  /** The addresses of every list whose name starts with `name`, by the rest of the name. */
  async function listsNamed(name: string): Promise<Record<string, string[]>> {
    const lists = await rpc().model<Array<{ id: number; name: string }>>('marketing.email.list', 'search_read', [[['name', 'like', `${name}%`]], 0, null, null, ['name']]);
    const out: Record<string, string[]> = {};
    for (const l of lists) {
      const rows = await rpc().model<Array<{ email: string }>>('marketing.email', 'search_read', [[['list_', '=', l.id]], 0, null, [['email', 'ASC']], ['email']]);
      out[l.name.slice(name.length)] = rows.map((r) => r.email);
    }
    return out;
  }

  function rpc() {
    return createTrytonRpc({
      url: db.url,
      database: db.database,
      username: db.username,
      password: db.password,
      policy: { retries: 1, baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 1000 },
      limiter: createRateLimiter(0, 0),
    });
  }
});
