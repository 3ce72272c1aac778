/**
 * The one-way modules (events, attendees, registrations, contact emails) against a real
 * Marquee and the HubSpot double: killed at every point of their first sync they still end
 * with each campaign, member, deal and email once; unchanged records cost no CRM call;
 * registrations follow the configured statuses (and `full` brings in older ones after the
 * setting changes); a campaign a CRM user deleted is not made again; and a module whose
 * related records come from a disabled module is refused.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { MarqueeClient } from '../../src/client/index.js';
import type { EventWriteContext } from '../../src/domain/event/context.js';
import { registerForEvent } from '../../src/domain/event/registrations/store.js';
import { PaymentMethod } from '../../src/domain/invoice/store.js';
import { formatTimestamp } from '../../src/protocol/timestamp.js';
import { runSync } from '../../src/sync/engine/run.js';
import type { OpenedSync } from '../../src/sync/environment.js';
import { startHubSpotDouble, type HubSpotDouble } from '../doubles/hubspot/server.js';
import { describeEachDatabase } from '../support/suite.js';
import { crashSwitch, crashingHubSpot } from './support/crash.js';
import { openTestSync, syncConfig } from './support/harness.js';
import { createActionContext, internalCaller } from '../../src/registry/context.js';

const DAY = 86_400_000;

async function all<T>(client: MarqueeClient, namespace: string, action: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const out: T[] = [];
  for await (const r of client.paginate<T>(namespace, action, params)) out.push(r);
  return out;
}

describeEachDatabase('one-way modules (Marquee → HubSpot double)', ({ server }) => {
  let hub: HubSpotDouble;
  let opened: OpenedSync;
  let eventId: number;
  const registrations: Record<'paid' | 'waiting' | 'uninvited', number> = { paid: 0, waiting: 0, uninvited: 0 };
  const crash = crashSwitch();
  const send = globalThis.fetch;

  const client = () => server().client;
  const hubspot = () => ({ connector: 'hubspot', hubspot: { accessToken: hub.token, basePath: hub.url, searchRequestsPerSecond: 1000, requestsPerTenSeconds: 100_000 } });
  const run = (options: Parameters<typeof runSync>[1] = {}) => runSync(opened.env, { trigger: 'test', reconcile: 'skip', ...options });

  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 1000 });
    const start = Date.now() + 30 * DAY;
    ({ id: eventId } = await client().call<{ id: number }>('event', 'addOrUpdateEvent', {
      eventType: 12,
      title: 'Members Briefing',
      timezone: 'Australia/Sydney',
      startDateTime: formatTimestamp(start, false),
      endDateTime: formatTimestamp(start + 3 * 3_600_000, false),
    }));
    const store = server().store();
    const now = Date.now();
    const { id: ticketId } = await store
      .insertInto('event_tickets', { event_id: eventId, title: 'Delegate', description: null, capacity: 0, amount_cents: 12_000, is_tax_free: 0, is_exhibitor: 0, sort_order: 1, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contacts: number[] = [];
    for (const name of ['Ada', 'Alan', 'Grace', 'Edsger']) {
      contacts.push((await client().call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: name, lastName: 'Member', email: `${name.toLowerCase()}@example.com` })).id);
    }
    // Three invitations (three emails, three members); Edsger registers uninvited.
    await client().call('event', 'inviteContacts', { event: eventId, contacts: contacts.slice(0, 3) });
    // Registered yesterday: later runs' overlap windows do not read them again by chance.
    const register = (contactId: number, paid: boolean) =>
      store.transaction(async (tx) => {
        const ctx: EventWriteContext = createActionContext(server().runtime, tx, internalCaller(tx.accountId), { now: Date.now() - DAY, recordChanges: false });
        const c = await tx.selectFrom('contacts').select(['first_name', 'last_name', 'email']).where('id', '=', contactId).executeTakeFirstOrThrow();
        const attendee = { contactId, firstName: c.first_name, lastName: c.last_name, email: c.email, ticketId, sessionIds: [], isPublic: false };
        return (await registerForEvent(ctx, { eventId, contactId, attendees: [attendee], ...(paid ? { payment: { method: PaymentMethod.creditCard } } : {}) })).registrationId;
      });
    registrations.paid = await register(contacts[0]!, true);
    registrations.waiting = await register(contacts[1]!, false);
    registrations.uninvited = await register(contacts[3]!, true);

    // The iVvy SDK sends with the global fetch: every iVvy request is a crash point too.
    globalThis.fetch = (...args: Parameters<typeof fetch>) => crash.around(() => send(...args));
    const config = syncConfig(server(), hubspot(), {
      profile: 'one-way',
      sync: { pageSize: 2, overlapSeconds: 1, retries: 0 },
      modules: {
        companies: { enabled: false },
        events: { enabled: true },
        attendees: { enabled: true },
        registrations: { enabled: true },
        contactEmails: { enabled: true },
      },
    });
    opened = await openTestSync(server(), config, crashingHubSpot(config, crash));
  });
  after(async () => {
    globalThis.fetch = send;
    await opened?.close();
    await hub?.close();
  });

  it('refuses a module whose related records come from a disabled module', async () => {
    const config = syncConfig(server(), hubspot(), { profile: 'refused', modules: { events: { enabled: false }, attendees: { enabled: true } } });
    const refused = await openTestSync(server(), config);
    try {
      await assert.rejects(runSync(refused.env, { trigger: 'test' }), /'attendees' refers to records of 'events'/);
    } finally {
      await refused.close();
    }
  });

  it('killed at every point of the first sync, ends with each campaign, member, deal and email once', async () => {
    let points = 0;
    for (let at = 1; at < 400; at++) {
      crash.arm(at, at % 2 === 0 ? 'after' : 'before');
      const summary = await run();
      crash.disarm();
      if (!crash.fired()) {
        assert.notEqual(summary.status, 'failed', summary.failure ?? '');
        break;
      }
      points++;
    }
    assert.ok(points >= 10, `crashed at ${points} distinct points`);
    const finish = await run();
    assert.equal(finish.status, 'succeeded', JSON.stringify(finish.errors));

    const contacts = new Map(hub.objects('contacts').map((o) => [o.properties.email, o.id]));
    const events = hub.marketingEvents().filter((e) => e.externalEventId === String(eventId));
    assert.equal(events.length, 1, 'one marketing event');
    assert.equal(events[0]!.eventName, 'Members Briefing');
    const states = Object.fromEntries(hub.participations(events[0]!.objectId).map((p) => [p.contactId, p.state]));
    // Ada and Alan registered (Alan still owes); Grace was invited and has not answered;
    // Edsger registered without an invitation.
    assert.deepEqual(states, {
      [contacts.get('ada@example.com')!]: 'REGISTERED',
      [contacts.get('alan@example.com')!]: 'REGISTERED',
      [contacts.get('edsger@example.com')!]: 'REGISTERED',
    });
    const deals = hub.objects('deals');
    assert.deepEqual(deals.map((d) => d.properties.ivvy_registration_id).sort(), [String(registrations.paid), String(registrations.uninvited)].sort(), 'deals for paid registrations only');
    for (const d of deals) {
      assert.equal(d.properties.dealstage, 'closedwon');
      assert.equal(d.properties.amount, '120.00');
      assert.equal(hub.associated('deals', d.id, 'contacts').length, 1);
    }
    const emails = (await all<{ id: number; contactId: number | null }>(client(), 'account', 'getEmailLogList')).filter((e) => e.contactId !== null);
    assert.ok(emails.length >= 3);
    assert.deepEqual(hub.objects('emails').map((e) => e.properties.ivvy_email_id).sort(), emails.map((e) => String(e.id)).sort(), 'each email once');
  });

  it('reads nothing from HubSpot for members, deals and emails that did not change', async () => {
    const from = hub.log.length;
    const idle = await run();
    const changes = Object.values(idle.counts).reduce((n, c) => n + c.created + c.updated + c.errors, 0);
    assert.equal(changes, 0, JSON.stringify(idle.counts));
    assert.ok(idle.counts['attendees/toCrm']!.skipped >= 4, 'the members were read again from iVvy');
    const reads = hub.log.slice(from).filter((r) => /participations|marketing-events\/\d|(deals|emails)\/batch\/read/.test(r.path));
    assert.deepEqual(reads, [], 'no CRM read for unchanged records');
  });

  it('brings in registrations of a status added to the settings when asked for a full run', async () => {
    (opened.env.settings.modules.registrations as unknown as { statuses: string[] }).statuses = ['completed', 'payment-waiting'];
    await run();
    assert.ok(!hub.objects('deals').some((d) => d.properties.ivvy_registration_id === String(registrations.waiting)), 'not changed since: not read again');
    const full = await run({ full: true });
    assert.equal(full.counts['registrations/toCrm']!.created, 1, JSON.stringify(full.counts));
    const deal = hub.objects('deals').find((d) => d.properties.ivvy_registration_id === String(registrations.waiting));
    assert.equal(deal?.properties.dealstage, 'contractsent');
  });

  it('does not make again a campaign a CRM user deleted', async () => {
    const event = hub.marketingEvents().find((e) => e.externalEventId === String(eventId))!;
    hub.deleteMarketingEvent(event.objectId);
    await client().call('event', 'addOrUpdateEvent', { id: eventId, title: 'Members Briefing (moved)' });
    const summary = await run();
    assert.equal(summary.status, 'succeeded', JSON.stringify(summary.errors));
    assert.deepEqual(hub.marketingEvents().filter((e) => e.externalEventId === String(eventId)), []);
    const link = (await opened.env.state.links.bySideIds('events', 'ivvy', [String(eventId)])).get(String(eventId));
    assert.equal(link?.status, 'deleted-crm');
    // A member invited since has no campaign to join: not synced, and not an error either.
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: 'Late', lastName: 'Member', email: 'late@example.com' });
    await client().call('event', 'inviteContacts', { event: eventId, contacts: [id] });
    const later = await run();
    assert.equal(later.status, 'succeeded', JSON.stringify(later.errors));
    assert.equal(later.counts['attendees/toCrm']?.created ?? 0, 0);
    assert.equal(later.counts['contactEmails/toCrm']?.created, 1, 'the invitation email still reaches the contact');
  });
});
