/**
 * The end-to-end scenario of issue 8 against a real Tryton server and a real Marquee, for
 * every module: seed Marquee with its own seeders (contacts, companies, events with
 * invitations in every state, delegate and exhibitor registrations in every state, attendees
 * who did and did not come, uninvited registrants) and send emails through the API; sync;
 * change records on both sides; kill runs at many points (each a separate process SIGKILLed
 * before or after one of its requests); sync again; and check that both systems hold exactly
 * the expected records: contacts and companies (parties), each once and correctly paired;
 * one mailing list per event with every member's address on it and on the status lists of
 * its current state; one sales opportunity per paid registration with its amount and state;
 * one attachment per email sent to a contact. (Slow by nature: every run is a process of its
 * own talking to a real ERP.)
 *
 * Tryton is installed as users install it, with its recommended packages: python3-phonenumbers
 * makes it refuse phone numbers it cannot read (issue 18). Phone numbers reach it in E.164
 * (`sync.defaultRegion: US`, the seeders' numbers); a number it still refuses is left out,
 * reported, and the rest of the party is written.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { seedAccount } from '../../../src/seed/seed.js';
import type { SyncConfig } from '../../../src/sync/config.js';
import type { IvvyItem } from '../../../src/sync/ivvy/api.js';
import { createRateLimiter } from '../../../src/sync/rate-limiter.js';
import { createTrytonRpc, type TrytonRpc } from '../../../src/sync/connectors/tryton/rpc.js';
import { normalisePhone } from '../../../src/sync/phone.js';
import { createSyncState } from '../../../src/sync/store/index.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenueBookings, type VenueBookings } from '../support/bookings.js';
import { runSyncChild } from '../support/child.js';
import { syncConfig } from '../support/harness.js';
import { ivvyChanges, listAll, type IvvyAttendee, type IvvyEmail, type IvvyEvent, type IvvyInvitation, type IvvyRegistration } from '../support/ivvy-side.js';
import { createTrytonDatabase, stopTryton, type TrytonDatabase } from '../support/tryton.js';

interface IvvyContact {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  externalId: string | null;
}
interface IvvyCompany {
  id: number;
  businessName: string;
  phone: string | null;
  externalId: string | null;
}
interface Party {
  id: number;
  name: string;
  active: boolean | number;
  categories: number[];
  identifiers: number[];
}

after(stopTryton);

type IvvyBooking = IvvyItem<'venue', 'getBookingListForAccount'>;
interface TrytonBookingOpportunity {
  reference: string;
  state: string;
  amount: { decimal: string };
  party: number | null;
  conversion_probability: number;
  start_date: unknown;
  description: string | null;
}

// Against the real Tryton once, on PostgreSQL (the fleet path): the engine and its state run on both
// databases in the HubSpot double's scenario, and the connector does not depend on Marquee's storage
// (docs/decisions.md, "CLI suites").
describeEachDatabase('sync scenario: Marquee ↔ real Tryton, every module, with killed runs', ({ server }) => {
  let tryton: TrytonDatabase;
  let rpc: TrytonRpc;
  let config: SyncConfig;
  /** Registrations that were paid when a sync saw them: each has an opportunity for good. */
  const dealt = new Set<number>();
  /** Venue quotes and bookings (the bookings module): each is one sales opportunity. */
  let bookings: VenueBookings;

  before(async () => {
    tryton = await createTrytonDatabase();
    rpc = createTrytonRpc({
      url: tryton.url,
      database: tryton.database,
      username: tryton.username,
      password: tryton.password,
      policy: { retries: 2, baseDelayMs: 50, maxDelayMs: 500, maxRetryAfterMs: 1000 },
      limiter: createRateLimiter(0, 0),
    });
    config = syncConfig(
      server(),
      {
        connector: 'tryton',
        tryton: { url: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password, requestsPerSecond: 1000 },
      },
      {
        // Small pages: every run spans several pages and checkpoints.
        sync: { pageSize: 4, overlapSeconds: 2, defaultRegion: 'US' },
        modules: {
          events: { enabled: true },
          attendees: { enabled: true, eventsWithinDays: 0 },
          registrations: { enabled: true },
          contactEmails: { enabled: true },
          bookings: { enabled: true },
        },
      },
    );
  });
  after(async () => {
    await tryton?.drop();
  });

  const client = () => server().client;
  const change = ivvyChanges(server);
  const category = async (name: string) => (await rpc.model<number[]>('party.category', 'search', [[['name', '=', name], ['parent', '=', null]], 0, 1, null]))[0];
  const partiesOf = async (categoryName: string, activeOnly = true): Promise<Array<Party & { email: string | null; phone: string | null; key: string | null }>> => {
    const cat = await category(categoryName);
    if (cat === undefined) return [];
    const parties = await rpc.model<Party[]>('party.party', 'search_read', [
      [['categories', 'in', [cat]], ...(activeOnly ? [] : [['active', 'in', [true, false]]])],
      0,
      null,
      [['id', 'ASC']],
      ['name', 'active', 'categories', 'identifiers'],
    ]);
    const mechs = await rpc.model<Array<{ party: number; type: string; value: string; value_compact: string | null }>>('party.contact_mechanism', 'search_read', [
      [['party', 'in', parties.map((p) => p.id)]],
      0,
      null,
      null,
      ['party', 'type', 'value', 'value_compact'],
    ]);
    const idents = await rpc.model<Array<{ party: number; code: string }>>('party.identifier', 'search_read', [
      [['party', 'in', parties.map((p) => p.id)]],
      0,
      null,
      null,
      ['party', 'code'],
    ]);
    return parties.map((p) => ({
      ...p,
      email: mechs.find((m) => m.party === p.id && m.type === 'email')?.value ?? null,
      // E.164, as Tryton keeps phone numbers with python3-phonenumbers.
      phone: mechs.find((m) => m.party === p.id && m.type === 'phone')?.value_compact ?? null,
      key: idents.find((i) => i.party === p.id)?.code ?? null,
    }));
  };
  const createParty = async (categoryName: string, name: string, mechanisms: Array<{ type: string; value: string }>) => {
    const cat = await category(categoryName);
    const [id] = await rpc.model<number[]>('party.party', 'create', [
      [{ name, categories: [['add', cat === undefined ? [] : [cat]]], contact_mechanisms: [['create', mechanisms]] }],
    ]);
    return id!;
  };
  const setPartyMechanism = async (partyId: number, type: string, value: string) => {
    const [m] = await rpc.model<Array<{ id: number }>>('party.contact_mechanism', 'search_read', [[['party', '=', partyId], ['type', '=', type]], 0, 1, null, ['id']]);
    await rpc.model('party.party', 'write', [[partyId], { contact_mechanisms: m ? [['write', [m.id], { value }]] : [['create', [{ type, value }]]] }]);
  };

  const run = async (kill?: { at: number; mode: 'before' | 'after' }, reconcile = false) => {
    const outcome = await runSyncChild(config, kill, reconcile);
    if (!outcome.killed) {
      assert.notEqual(outcome.summary?.status, 'failed', outcome.stderr);
      for (const r of await listAll<IvvyRegistration>(client(), 'event', 'getRegistrationList')) if (r.currentStatus === 2) dealt.add(r.id);
    }
    return outcome;
  };

  /** Phone numbers Tryton refused, per module and iVvy id, as the sync state keeps them. */
  const refusedPhones = async (module: string) =>
    new Map(
      (await createSyncState(server().runtime.storage.db, config.profile).refusals.list(10_000))
        .filter((r) => r.module === module && r.field === 'phone' && r.direction === 'toCrm')
        .map((r) => [r.recordId, r]),
    );

  /** What the scenario changed, checked on top of "both sides agree". */
  const expectedPhones = new Map<string, string | null>();
  const crmOnly = new Set<string>();

  it('seeds Marquee and Tryton and pairs everything on the first runs', async () => {
    await seedAccount(server().runtime, { accountId: server().accountId, contacts: 12, randomSeed: 11 });
    bookings = await addVenueBookings(server(), 'scenario');
    // Emails: invitations sent through the API are logged. The seed invites every contact it
    // has, so the invitees are new contacts.
    const events = await listAll<IvvyEvent>(client(), 'event', 'getEventList');
    for (const [i, e] of events.slice(0, 2).entries()) {
      const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: `Guest${i}`, lastName: 'Invitee', email: `guest${i}@example.com` });
      await client().call('event', 'inviteContacts', { event: e.id, contacts: [id] });
    }
    // A phone number no region makes valid: Tryton refuses it, the contact still arrives.
    const { id: unreachable } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', {
      firstName: 'Phoebe',
      lastName: 'Unreachable',
      email: 'phoebe@example.com',
      phone: 'call reception',
    });
    // The first run creates the categories; parties created in Tryton before it must carry
    // them to be synced, so a first run happens before Tryton's own records exist.
    const first = await run();
    assert.equal(first.summary?.status, 'succeeded', first.stderr + JSON.stringify(first.summary?.errors));
    const refusal = first.summary!.refusals.find((r) => r.recordId === String(unreachable));
    assert.deepEqual(refusal && { module: refusal.module, field: refusal.field, value: refusal.value }, { module: 'contacts', field: 'phone', value: 'call reception' });
    assert.match(refusal!.message, /The phone number "call reception" for party "Phoebe Unreachable" is not valid/);
    const phoebe = (await partiesOf('iVvy contact')).find((p) => p.key === `ivvy-contact:${unreachable}`);
    assert.deepEqual(phoebe && [phoebe.name, phoebe.email, phoebe.phone], ['Phoebe Unreachable', 'phoebe@example.com', null]);
    // Every contact reached Tryton, whatever its phone number.
    assert.equal((await partiesOf('iVvy contact')).length, (await listAll<IvvyContact>(client(), 'contact', 'getContactList')).length);
    for (let i = 1; i <= 2; i++) {
      await createParty('iVvy contact', `Crm${i} Person`, [{ type: 'email', value: `crm${i}@example.com` }, { type: 'phone', value: `+61 2 9374 400${i}` }]);
      crmOnly.add(`crm${i}@example.com`);
      expectedPhones.set(`crm${i}@example.com`, `+6129374400${i}`);
    }
    await createParty('iVvy company', 'Tryton Co', [{ type: 'phone', value: '+61 7 3000 1234' }]);
    // A party of neither category is not synced.
    await createParty('iVvy nothing', 'Supplier Not Synced', [{ type: 'email', value: 'supplier@example.com' }]);

    const second = await run();
    assert.equal(second.summary?.status, 'succeeded', second.stderr + JSON.stringify(second.summary?.errors));
    await assertBothHoldExactly();
  });

  it('survives runs killed at any point while both sides change, and ends with no duplicate', async () => {
    // One-way changes in iVvy (ivvy-side.ts).
    const { renamed: record, waiting, cancelled } = await change.oneWayChanges(dealt);
    // Quotes and bookings: a value and a date change, and a cancellation.
    await client().call('venue', 'addItemsToBooking', {
      venueId: bookings.venueId,
      bookingId: bookings.quote,
      items: [{ description: 'Parking', quantity: 3, salePrice: 5, salePriceHasTax: false }],
    });
    await client().call('venue', 'addOrUpdateBooking', { id: bookings.hold, venueId: bookings.venueId, dateEventStart: '2031-08-01', dateEventEnd: '2031-08-02' });
    await client().call('venue', 'changeBookingStatus', { id: bookings.tentative, venueId: bookings.venueId, currentStatus: 4, cancelClosedDate: '2031-03-02' });

    let round = 0;
    let killed = 0;
    // Real SIGKILLs at a handful of points spread over a run (every single point is swept
    // in-process by test/sync/crash.test.ts).
    for (const point of [
      { at: 4, mode: 'after' as const },
      { at: 13, mode: 'before' as const },
      { at: 31, mode: 'after' as const },
      { at: 57, mode: 'before' as const },
    ]) {
      round++;
      // Both sides change between runs: a new record each, an edit each; and a new
      // invitation (a member and an email).
      const email = `new${round}@example.com`;
      const { id: fresh } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: `New${round}`, lastName: 'Ivvy', email, phone: `(612) 447-15${10 + round}` });
      expectedPhones.set(email, `(612) 447-15${10 + round}`);
      await client().call('event', 'inviteContacts', { event: record.id, contacts: [fresh] });
      await createParty('iVvy contact', `NewCrm${round} Person`, [{ type: 'email', value: `newcrm${round}@example.com` }]);
      crmOnly.add(`newcrm${round}@example.com`);
      expectedPhones.set(`newcrm${round}@example.com`, null);

      const seeded = (await listAll<IvvyContact>(client(), 'contact', 'getContactList')).filter((c) => !expectedPhones.has(c.email));
      const edited = seeded[round % seeded.length]!;
      await client().call('contact', 'addOrUpdateContact', { id: edited.id, phone: `(612) 447-16${10 + round}` });
      expectedPhones.set(edited.email, `(612) 447-16${10 + round}`);
      const crmParty = (await partiesOf('iVvy contact')).find((p) => p.email === `crm${(round % 2) + 1}@example.com`)!;
      await setPartyMechanism(crmParty.id, 'phone', `+61 2 9374 42${10 + round}`);
      expectedPhones.set(crmParty.email!, `+61293744${210 + round}`);

      if ((await run(point)).killed) killed++;
    }
    assert.ok(killed >= 3, `the runs were killed mid-way (${killed} of 4)`);

    // A company renamed in Tryton stays paired (externalId), it is not duplicated.
    const trytonCo = (await partiesOf('iVvy company')).find((p) => p.name === 'Tryton Co')!;
    await rpc.model('party.party', 'write', [[trytonCo.id], { name: 'Tryton Co Renamed' }]);

    // Killed before the end again, then to completion, then once more: nothing left to do.
    await run({ at: 6, mode: 'after' });
    const finish = await run();
    assert.equal(finish.summary?.status, 'succeeded', finish.stderr + JSON.stringify(finish.summary?.errors));
    const idle = await run();
    const changed = Object.values(idle.summary!.counts).reduce((n, c) => n + c.created + c.updated + c.errors, 0);
    assert.equal(changed, 0, JSON.stringify(idle.summary!.counts));
    assert.equal(idle.summary!.refusalCount, 0, 'a refused value is not sent again while it is unchanged');

    assert.ok((await listAll<IvvyCompany>(client(), 'contact', 'getCompanyList')).some((c) => c.businessName === 'Tryton Co Renamed'));
    const opportunity = await opportunityOf(cancelled.id);
    assert.equal(opportunity?.state, 'cancelled', 'a cancelled registration cancels its opportunity');
    assert.ok(await opportunityOf(waiting.id), 'a registration paid since has its opportunity');
    assert.ok((await lists()).some((l) => l.name === `${record.title} (renamed) (iVvy event ${record.id})`), 'the renamed event renamed its list');
    const changedBookings = new Map((await listAll<IvvyBooking>(client(), 'venue', 'getBookingListForAccount')).map((b) => [b.id, b]));
    assert.equal(changedBookings.get(bookings.quote)?.totalAmount, 15, 'the scenario changed a quote\'s value');
    assert.equal(changedBookings.get(bookings.tentative)?.currentStatus, 4, 'the scenario cancelled a booking');
    await assertBothHoldExactly();
  });

  it('archives the Tryton party of a contact deleted in iVvy', async () => {
    const victim = (await listAll<IvvyContact>(client(), 'contact', 'getContactList')).find((c) => c.email === 'new1@example.com')!;
    await server().store().deleteFrom('event_invitations').where('contact_id', '=', victim.id).execute();
    await server().store().deleteFrom('email_log').where('contact_id', '=', victim.id).execute();
    await server().store().deleteFrom('contacts').where('id', '=', victim.id).execute();
    expectedPhones.delete('new1@example.com');
    const r = await run(undefined, true);
    assert.equal(r.summary?.status, 'succeeded', r.stderr + JSON.stringify(r.summary?.errors));
    const all = await partiesOf('iVvy contact', false);
    const archived = all.find((p) => p.key === `ivvy-contact:${victim.id}`)!;
    assert.ok(!archived.active, 'archived, not deleted');
  });

  const lists = () => rpc.model<Array<{ id: number; name: string }>>('marketing.email.list', 'search_read', [[], 0, null, null, ['name']]);
  const addresses = (listId: number) => rpc.model<Array<{ email: string }>>('marketing.email', 'search_read', [[['list_', '=', listId]], 0, null, null, ['email']]);
  const opportunityOf = async (registrationId: number) =>
    (
      await rpc.model<Array<{ state: string; amount: { decimal: string }; party: number; conversion_probability: number }>>('sale.opportunity', 'search_read', [
        [['reference', '=', `ivvy-registration:${registrationId}`]],
        0,
        null,
        null,
        ['state', 'amount', 'party', 'conversion_probability'],
      ])
    )[0];

  /**
   * Tryton holds the iVvy phone number in E.164, or none when it refused the number — and
   * then the refusal of exactly that number is on record.
   */
  function assertPhone(held: string | null, ivvy: string | null, refusal: { value: unknown } | undefined, who: string): void {
    if (refusal) {
      assert.equal(held, null, `${who}: a refused phone is left out`);
      assert.equal(refusal.value, ivvy?.trim(), `${who}: the refusal is of the current number`);
      return;
    }
    assert.equal(held, ivvy ? normalisePhone(ivvy, 'US') : null, `${who} phone`);
    if (held !== null) assert.match(held, /^\+[1-9]\d{6,14}$/, `${who}: E.164`);
  }

  async function assertBothHoldExactly(): Promise<void> {
    // Contacts both ways: the same people on both sides, each paired once, same values.
    const ivvyContacts = await listAll<IvvyContact>(client(), 'contact', 'getContactList');
    const parties = await partiesOf('iVvy contact');
    const refused = await refusedPhones('contacts');
    assert.deepEqual(parties.map((p) => p.email).sort(), ivvyContacts.map((c) => c.email).sort(), 'Tryton holds exactly the iVvy contacts');
    for (const email of crmOnly) assert.ok(ivvyContacts.some((c) => c.email === email), `${email} (made in Tryton) reached iVvy`);
    const partyOf = new Map<number, number>();
    for (const c of ivvyContacts) {
      const party = parties.find((p) => String(p.id) === c.externalId);
      assert.ok(party, `${c.email} is paired through externalId`);
      partyOf.set(c.id, party.id);
      assert.equal(party.key, `ivvy-contact:${c.id}`);
      assert.equal(party.name, `${c.firstName} ${c.lastName}`);
      assert.equal(party.email, c.email);
      assertPhone(party.phone, c.phone, refused.get(String(c.id)), c.email);
      if (expectedPhones.has(c.email)) assert.equal(c.phone || null, expectedPhones.get(c.email), `${c.email} phone as changed`);
    }
    const companies = await listAll<IvvyCompany>(client(), 'contact', 'getCompanyList');
    const companyParties = await partiesOf('iVvy company');
    assert.deepEqual(companyParties.map((p) => p.name).sort(), companies.map((c) => c.businessName).sort());
    const refusedCompanyPhones = await refusedPhones('companies');
    for (const c of companies) {
      const party = companyParties.find((p) => String(p.id) === c.externalId)!;
      assert.equal(party.name, c.businessName);
      assertPhone(party.phone, c.phone, refusedCompanyPhones.get(String(c.id)), c.businessName);
    }
    assert.ok(!ivvyContacts.some((c) => c.email === 'supplier@example.com'), 'a party outside the categories is not synced');

    // Events as mailing lists, members on them and on their status lists.
    const events = await listAll<IvvyEvent>(client(), 'event', 'getEventList');
    const all = await lists();
    const byEmail = new Map(ivvyContacts.map((c) => [c.id, c.email]));
    for (const e of events) {
      const main = all.filter((l) => l.name === `${e.title} (iVvy event ${e.id})`);
      assert.equal(main.length, 1, `event ${e.id} is one list`);
      const invitations = await listAll<IvvyInvitation>(client(), 'event', 'getInvitedContactList', { eventId: e.id });
      const attendees = await listAll<IvvyAttendee>(client(), 'event', 'getAttendeeList', { eventId: e.id });
      const expected: Record<string, string[]> = { '': [] };
      const add = (label: string, email: string) => (expected[label] ??= []).push(email);
      for (const contactId of new Set([...invitations.map((i) => i.contactId), ...attendees.flatMap((a) => (a.contactId === null ? [] : [a.contactId]))])) {
        const email = byEmail.get(contactId)!;
        const rows = attendees.filter((a) => a.contactId === contactId);
        const answer = invitations.find((i) => i.contactId === contactId)?.response;
        add('', email);
        if (answer) add({ U: ' · invited: undecided', Y: ' · invited: yes', N: ' · invited: no' }[answer], email);
        if (rows.some((a) => a.registrationStatus === 2 || a.registrationStatus === 4)) add(' · registered', email);
        if (rows.length > 0 && rows.every((a) => a.registrationStatus === 3)) add(' · cancelled', email);
        if (rows.some((a) => a.hasAttended)) add(' · attended', email);
        if (rows.some((a) => a.sessionHasAttended)) add(' · attended a session', email);
      }
      const actual: Record<string, string[]> = {};
      for (const l of all.filter((x) => x.name.startsWith(main[0]!.name))) {
        const held = (await addresses(l.id)).map((a) => a.email).sort();
        if (held.length > 0 || l.name === main[0]!.name) actual[l.name.slice(main[0]!.name.length)] = held;
      }
      for (const k of Object.keys(expected)) expected[k]!.sort();
      assert.deepEqual(actual, expected, `members of event ${e.id}`);
    }

    // Paid registrations (and those paid when synced) as opportunities.
    const registrations = await listAll<IvvyRegistration>(client(), 'event', 'getRegistrationList');
    const opportunities = await rpc.model<Array<{ reference: string }>>('sale.opportunity', 'search_read', [[['reference', 'like', 'ivvy-registration:%']], 0, null, null, ['reference']]);
    assert.deepEqual(
      opportunities.map((o) => Number(o.reference.split(':')[1])).sort((a, b) => a - b),
      [...dealt].sort((a, b) => a - b),
      'one opportunity per paid registration',
    );
    for (const r of registrations.filter((x) => dealt.has(x.id))) {
      const o = (await opportunityOf(r.id))!;
      assert.equal(o.state, r.currentStatus === 3 ? 'cancelled' : 'lead', `state of registration ${r.id}`);
      if (r.currentStatus === 2) assert.equal(o.conversion_probability, 1);
      assert.equal(Number(o.amount.decimal), r.invoiceTotalCost, `amount of registration ${r.id}`);
      assert.equal(o.party, r.mainContactId === null ? null : partyOf.get(r.mainContactId));
    }

    // Quotes and bookings as opportunities: value, event date, party, and state (cancelled
    // ones lost) or conversion probability by status.
    const venueBookings = (await listAll<IvvyBooking>(client(), 'venue', 'getBookingListForAccount')).filter((b) => [1, 2, 3, 4, 9].includes(b.currentStatus));
    assert.ok(venueBookings.length >= 4, 'the scenario made bookings');
    const bookingOpportunities = await rpc.model<TrytonBookingOpportunity[]>('sale.opportunity', 'search_read', [
      [['reference', 'like', 'ivvy-booking:%']],
      0,
      null,
      null,
      ['reference', 'state', 'amount', 'party', 'conversion_probability', 'start_date', 'description'],
    ]);
    assert.deepEqual(
      bookingOpportunities.map((o) => Number(o.reference.split(':')[1])).sort((a, b) => a - b),
      venueBookings.map((b) => b.id).sort((a, b) => a - b),
      'one opportunity per quote or booking',
    );
    const probability: Record<number, number> = { 1: 0.25, 9: 0.5, 2: 0.75, 3: 1 };
    for (const b of venueBookings) {
      const o = bookingOpportunities.find((x) => x.reference === `ivvy-booking:${b.id}`)!;
      assert.equal(o.state, b.currentStatus === 4 ? 'lost' : 'lead', `state of booking ${b.id}`);
      if (b.currentStatus !== 4) assert.equal(o.conversion_probability, probability[b.currentStatus], `probability of booking ${b.id}`);
      assert.equal(Number(o.amount.decimal), b.totalAmount, `amount of booking ${b.id}`);
      const start = o.start_date as { year: number; month: number; day: number };
      assert.equal(`${start.year}-${String(start.month).padStart(2, '0')}-${String(start.day).padStart(2, '0')}`, b.dateEventStart.slice(0, 10), `event date of booking ${b.id}`);
      assert.equal(o.party, b.contactId === null ? null : partyOf.get(b.contactId));
      assert.ok(o.description?.startsWith(b.name), `name of booking ${b.id}`);
    }

    // Emails to contacts, as HTML attachments of their parties.
    const emails = (await listAll<IvvyEmail>(client(), 'account', 'getEmailLogList')).filter((e) => e.contactId !== null && e.sentTime !== null);
    assert.ok(emails.length > 0, 'the scenario sent emails');
    const attachments = await rpc.model<Array<{ description: string; name: string; resource: string; data: { base64: string } }>>('ir.attachment', 'search_read', [
      [['description', 'like', 'ivvy-email:%']],
      0,
      null,
      null,
      ['description', 'name', 'resource', 'data'],
    ]);
    assert.equal(attachments.length, emails.length, 'one attachment per email');
    for (const e of emails) {
      const found = attachments.filter((a) => a.description.split('\n')[0] === `ivvy-email:${e.id}`);
      assert.equal(found.length, 1, `email ${e.id} once`);
      assert.equal(found[0]!.name, e.subject);
      assert.equal(Buffer.from(found[0]!.data.base64, 'base64').toString('utf8'), e.body.trim());
      assert.equal(found[0]!.resource, `party.party,${partyOf.get(e.contactId!)}`);
    }
  }
}, {}, { databases: ['postgres'] });
