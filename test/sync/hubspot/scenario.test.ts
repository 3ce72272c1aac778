/**
 * The end-to-end scenario of issue 8 for every module, against the HubSpot double and a real
 * Marquee seeded by its own seeders (events with invitations in every state, delegate and
 * exhibitor registrations in every state with their invoices, attendees who did and did not
 * come, uninvited registrants) plus emails sent through the API: sync, change records on both
 * sides, kill runs midway (separate processes SIGKILLed before or after one of their
 * requests), sync again, and check that HubSpot holds exactly what iVvy says — contacts,
 * companies and their associations, one marketing event per event with each member's
 * participation state, one deal per paid registration with its stage, amount and contact, and
 * one email engagement per email sent to a contact, with its HTML body — and no duplicate.
 *
 * The expectations are computed here from iVvy's lists with rules of their own, not with the
 * modules' code, so a mapping mistake in a module shows up as a difference.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { seedAccount } from '../../../src/seed/seed.js';
import type { SyncConfig } from '../../../src/sync/config.js';
import { startHubSpotDouble, type HubSpotDouble, type StoredObject } from '../../doubles/hubspot/server.js';
import { describeEachDatabase } from '../../support/suite.js';
import { runSyncChild } from '../support/child.js';
import { syncConfig } from '../support/harness.js';
import { ivvyChanges, listAll, type IvvyAttendee, type IvvyEmail, type IvvyEvent, type IvvyInvitation, type IvvyRegistration } from '../support/ivvy-side.js';

interface Contact {
  id: number;
  email: string;
  phone: string | null;
  companies: number[];
  externalId: string | null;
}
interface Company {
  id: number;
  businessName: string;
}
const STAGES: Record<number, string> = { 1: 'qualifiedtobuy', 2: 'closedwon', 3: 'closedlost', 4: 'contractsent' };


describeEachDatabase('sync scenario: Marquee ↔ HubSpot double, every module, with killed runs', ({ server }) => {
  let hub: HubSpotDouble;
  let config: SyncConfig;
  /** Registrations that were paid when a sync saw them: each has a deal for good. */
  const dealt = new Set<number>();

  const client = () => server().client;
  const change = ivvyChanges(server);

  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 100 });
    await seedAccount(server().runtime, { accountId: server().accountId, contacts: 12, randomSeed: 8 });
    // Emails: invitations sent through the API are logged (and "sent": no SMTP in tests).
    // The seed invites every contact it has, so the invitees are new contacts.
    const events = await listAll<IvvyEvent>(client(), 'event', 'getEventList');
    for (const [i, e] of events.slice(0, 2).entries()) {
      const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: `Guest${i}`, lastName: 'Invitee', email: `guest${i}@example.com` });
      await client().call('event', 'inviteContacts', { event: e.id, contacts: [id] });
    }
    config = syncConfig(
      server(),
      { connector: 'hubspot', hubspot: { accessToken: hub.token, basePath: hub.url, searchRequestsPerSecond: 100, requestsPerTenSeconds: 10_000 } },
      {
        // Small pages: every module spans several pages and checkpoints.
        sync: { pageSize: 5, overlapSeconds: 2 },
        modules: {
          contacts: { companies: true },
          events: { enabled: true },
          attendees: { enabled: true, eventsWithinDays: 0 },
          registrations: { enabled: true },
          contactEmails: { enabled: true },
        },
      },
    );
  });
  after(async () => {
    await hub?.close();
  });

  const run = async (kill?: { at: number; mode: 'before' | 'after' }) => {
    const outcome = await runSyncChild(config, kill);
    if (!outcome.killed) {
      assert.equal(outcome.summary?.status, 'succeeded', outcome.stderr + JSON.stringify(outcome.summary?.errors));
      for (const r of await listAll<IvvyRegistration>(client(), 'event', 'getRegistrationList')) if (r.currentStatus === 2) dealt.add(r.id);
    }
    return outcome;
  };

  it('mirrors every module into HubSpot on the first run', async () => {
    await run();
    await assertHubSpotMatches();
  });

  it('keeps every status current through changes on both sides and runs killed midway', async () => {
    // iVvy: the one-way changes (ivvy-side.ts), then a contact is invited (a new member and a
    // new email) and a contact joins a company.
    const { renamed: record, waiting, cancelled } = await change.oneWayChanges(dealt);

    const newcomer = await client().call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: 'Late', lastName: 'Invitee', email: 'late@example.com' });
    await client().call('event', 'inviteContacts', { event: record.id, contacts: [newcomer.id] });
    const contacts = await listAll<Contact>(client(), 'contact', 'getContactList');
    const companies = await listAll<Company>(client(), 'contact', 'getCompanyList');
    const loner = contacts.find((c) => c.companies.length === 0)!;
    await client().call('contact', 'addOrUpdateContact', { id: loner.id, companies: [companies[0]!.id] });

    // HubSpot: a user changes a contact's phone and gives another contact a (second) company;
    // both flow back into iVvy. Editing a deal's name changes nothing in iVvy (one way).
    const hubContacts = hub.objects('contacts');
    const phoned = hubContacts.find((o) => o.properties.ivvy_contact_id !== String(loner.id))!;
    hub.edit('contacts', phoned.id, { phone: '0400 111 222' });
    const joiner = contacts.find((c) => c.id !== loner.id && c.companies.length === 0) ?? contacts.find((c) => c.id !== loner.id && c.companies.length === 1)!;
    const target = hub.objects('companies').find((o) => !joiner.companies.map(String).includes(o.properties.ivvy_company_id ?? ''))!;
    hub.associate('contacts', hubContactOf(joiner.id).id, 'companies', target.id);

    // Runs killed at several points, then one to the end, then one with nothing left to do.
    let killed = 0;
    // (An idle run makes some 25 requests; the runs here, with changes to carry, more.)
    for (const point of [
      { at: 3, mode: 'after' as const },
      { at: 14, mode: 'before' as const },
      { at: 31, mode: 'after' as const },
    ]) {
      if ((await run(point)).killed) killed++;
    }
    assert.ok(killed >= 2, `runs were killed midway (${killed} of 3)`);
    await run();
    const idle = await run();
    const changed = Object.values(idle.summary!.counts).reduce((n, c) => n + c.created + c.updated + c.errors, 0);
    assert.equal(changed, 0, JSON.stringify(idle.summary!.counts));

    assert.equal((await listAll<Contact>(client(), 'contact', 'getContactList')).find((c) => c.externalId === phoned.id)?.phone, '0400 111 222');
    const joined = (await listAll<Contact>(client(), 'contact', 'getContactList')).find((c) => c.id === joiner.id)!;
    assert.ok(joined.companies.map(String).includes(target.properties.ivvy_company_id!), 'the company association made in HubSpot reached iVvy');
    const deal = hub.objects('deals').find((d) => d.properties.ivvy_registration_id === String(cancelled.id))!;
    assert.equal(deal.properties.dealstage, 'closedlost', 'a cancelled registration closes its deal as lost');
    assert.ok(hub.objects('deals').some((d) => d.properties.ivvy_registration_id === String(waiting.id)), 'a registration paid since has its deal');
    await assertHubSpotMatches();
  });

  function hubContactOf(ivvyId: number | string): StoredObject {
    const found = hub.objects('contacts').filter((o) => o.properties.ivvy_contact_id === String(ivvyId));
    assert.equal(found.length, 1, `contact ${ivvyId} is in HubSpot exactly once`);
    return found[0]!;
  }

  async function assertHubSpotMatches(): Promise<void> {
    // Contacts and companies, and who works where.
    const contacts = await listAll<Contact>(client(), 'contact', 'getContactList');
    const companies = await listAll<Company>(client(), 'contact', 'getCompanyList');
    assert.equal(hub.objects('contacts').length, contacts.length, 'HubSpot holds as many contacts as iVvy');
    assert.equal(hub.objects('companies').length, companies.length, 'HubSpot holds as many companies as iVvy');
    const hubCompany = new Map(hub.objects('companies').map((o) => [o.properties.ivvy_company_id, o.id]));
    for (const c of contacts) {
      const o = hubContactOf(c.id);
      assert.equal(c.externalId, o.id);
      assert.deepEqual(hub.associated('contacts', o.id, 'companies').sort(), c.companies.map((id) => hubCompany.get(String(id))!).sort(), `companies of contact ${c.id}`);
    }

    // Events and their members.
    const events = await listAll<IvvyEvent>(client(), 'event', 'getEventList');
    const marketing = hub.marketingEvents();
    assert.equal(marketing.length, events.length, 'one marketing event per event');
    for (const e of events) {
      const m = marketing.filter((x) => x.externalEventId === String(e.id));
      assert.equal(m.length, 1, `event ${e.id} is one marketing event`);
      assert.equal(m[0]!.eventName, e.title);
      const invitations = await listAll<IvvyInvitation>(client(), 'event', 'getInvitedContactList', { eventId: e.id });
      const attendees = await listAll<IvvyAttendee>(client(), 'event', 'getAttendeeList', { eventId: e.id });
      const expected = new Map<string, string>();
      for (const contactId of new Set([...invitations.map((i) => i.contactId), ...attendees.flatMap((a) => (a.contactId === null ? [] : [a.contactId]))])) {
        const rows = attendees.filter((a) => a.contactId === contactId);
        const answer = invitations.find((i) => i.contactId === contactId)?.response;
        const state = rows.some((a) => a.hasAttended || a.sessionHasAttended)
          ? 'ATTENDED'
          : rows.some((a) => a.registrationStatus === 2 || a.registrationStatus === 4) || (answer === 'Y' && !(rows.length > 0 && rows.every((a) => a.registrationStatus === 3)))
            ? 'REGISTERED'
            : (rows.length > 0 && rows.every((a) => a.registrationStatus === 3)) || answer === 'N'
              ? 'CANCELLED'
              : null;
        if (state) expected.set(hubContactOf(contactId).id, state);
      }
      const actual = new Map(hub.participations(m[0]!.objectId).map((p) => [p.contactId, p.state]));
      assert.deepEqual(Object.fromEntries([...actual].sort()), Object.fromEntries([...expected].sort()), `members of event ${e.id}`);
    }

    // Paid registrations (and those that were paid when synced) as deals.
    const registrations = await listAll<IvvyRegistration>(client(), 'event', 'getRegistrationList');
    const deals = hub.objects('deals');
    const wanted = registrations.filter((r) => dealt.has(r.id));
    let withCompany = 0;
    assert.ok(wanted.some((r) => r.invoiceTotalCost > 0), 'some paid registrations have revenue');
    assert.deepEqual(deals.map((d) => Number(d.properties.ivvy_registration_id)).sort((a, b) => a - b), wanted.map((r) => r.id).sort((a, b) => a - b), 'one deal per paid registration');
    for (const r of wanted) {
      const d = deals.find((x) => x.properties.ivvy_registration_id === String(r.id))!;
      assert.equal(d.properties.dealstage, STAGES[r.currentStatus], `stage of registration ${r.id}`);
      assert.equal(Number(d.properties.amount), r.invoiceTotalCost, `amount of registration ${r.id}`);
      assert.ok(d.properties.dealname?.startsWith(`${r.eventName}: `));
      assert.deepEqual(hub.associated('deals', d.id, 'contacts'), r.mainContactId === null ? [] : [hubContactOf(r.mainContactId).id]);
      // The company is one of the contact's, as the contact's synced membership had it.
      const dealCompanies = hub.associated('deals', d.id, 'companies');
      const contactCompanies = r.mainContactId === null ? [] : hub.associated('contacts', hubContactOf(r.mainContactId).id, 'companies');
      assert.ok(dealCompanies.length <= 1 && dealCompanies.every((c) => contactCompanies.includes(c)), `company of registration ${r.id}`);
      if (dealCompanies.length === 1) withCompany++;
    }
    assert.ok(withCompany > 0, 'some deals are associated with the contact\'s company');

    // Emails to contacts, HTML bodies as they are.
    const emails = (await listAll<IvvyEmail>(client(), 'account', 'getEmailLogList')).filter((e) => e.contactId !== null && e.sentTime !== null);
    assert.ok(emails.length > 0, 'the scenario sent emails');
    const engagements = hub.objects('emails');
    assert.equal(engagements.length, emails.length, 'one email engagement per email');
    for (const e of emails) {
      const found = engagements.filter((x) => x.properties.ivvy_email_id === String(e.id));
      assert.equal(found.length, 1, `email ${e.id} once`);
      assert.equal(found[0]!.properties.hs_email_subject, e.subject);
      assert.equal(found[0]!.properties.hs_email_html, e.body.trim());
      assert.match(found[0]!.properties.hs_email_html ?? '', /<[a-z]/i, 'the body is HTML');
      assert.deepEqual(hub.associated('emails', found[0]!.id, 'contacts'), [hubContactOf(e.contactId!).id]);
    }
  }
});
