/**
 * Seeds events for the seeded contacts: past and upcoming events with tickets, sessions,
 * speakers and sponsors; invitations answered yes, no or not at all; delegate and exhibitor
 * registrations that are completed (paid), waiting on payment, cancelled or still in
 * progress, with their invoices; uninvited registrants of open events; and attendees of past
 * events who did and did not attend (the event and its sessions).
 *
 * Everything after the event's own programme goes through the store functions the API and
 * the public pages use (inviteContacts, respondToInvitation, registerForEvent,
 * cancelRegistration, markAttended), with each write's clock set to when it happened. Like the
 * other seeders it records no outbox rows and sends no email: seed data is the starting state.
 */
import type { Faker } from '@faker-js/faker';
import { createActionContext, internalCaller } from '../../registry/context.js';
import type { SeedContext, Seeder } from '../../seed/types.js';
import type { Scope } from '../../storage/scope.js';
import { PaymentMethod } from '../invoice/store.js';
import { markAttended, markSessionAttended } from './attendees/attendance.js';
import { DEFAULT_CURRENCY, EventStatus } from './codes.js';
import type { EventWriteContext } from './context.js';
import { insertEvent, type NewEventRow } from './events/store.js';
import { inviteContacts, respondToInvitation } from './invitations/store.js';
import { cancelRegistration, registerForEvent, type AttendeeInput } from './registrations/store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Each registration is some 20 queries; this keeps a large seed's events part to seconds. */
const MAX_EVENTS = 24;
const MAX_REGISTRATIONS_PER_EVENT = 60;

const TAGS = ['Conference', 'Networking', 'Training', 'Members', 'Awards', 'Charity'];
const VENUES = [
  { name: 'Harbourside Convention Centre', address: '14 Darling Drive, Sydney NSW 2000' },
  { name: 'Riverside Function Rooms', address: '2 Southbank Boulevard, Melbourne VIC 3006' },
  { name: 'The Grand Ballroom', address: '150 Queen Street, Brisbane QLD 4000' },
  { name: 'Lakeside Golf Club', address: '1 Lake Road, Canberra ACT 2600' },
];
const TIMEZONES = ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane', 'Australia/Perth'];

type Kind = 'conference' | 'seminar' | 'record' | 'social';

interface Plan {
  kind: Kind;
  past: boolean;
}

/** The first four cover every feature; later events repeat the mix. */
const PLANS: readonly Plan[] = [
  { kind: 'conference', past: true },
  { kind: 'seminar', past: false },
  { kind: 'social', past: true },
  { kind: 'record', past: false },
  { kind: 'conference', past: false },
  { kind: 'seminar', past: true },
];

interface SeedContact {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
}

function between(faker: Faker, from: number, to: number): number {
  return to <= from ? from : faker.number.int({ min: from, max: to });
}

function eventRow(faker: Faker, plan: Plan, now: number, users: number[]): { row: NewEventRow; createdAt: number } {
  const start = plan.past ? now - between(faker, 10, 240) * DAY : now + between(faker, 14, 200) * DAY;
  const start0 = Math.floor(start / HOUR) * HOUR;
  const length = plan.kind === 'conference' ? between(faker, 1, 3) * DAY - 14 * HOUR : between(faker, 2, 5) * HOUR;
  const venue = faker.helpers.arrayElement(VENUES);
  const city = venue.address.split(',')[1]!.trim().split(' ')[0];
  const title =
    plan.kind === 'conference'
      ? `${faker.company.buzzNoun().replace(/^\w/, (c) => c.toUpperCase())} Summit ${new Date(start0).getUTCFullYear()}`
      : plan.kind === 'seminar'
        ? `${faker.company.catchPhrase()} – seminar`
        : plan.kind === 'social'
          ? faker.helpers.arrayElement([`${city} Members' Golf Day`, `End of Year Party ${city}`, `Charity Gala Dinner`])
          : `${faker.company.name()} client briefing`;
  const conference = plan.kind === 'conference';
  return {
    // Created before it starts, and never after now (a far event was set up recently).
    createdAt: Math.min(start0 - between(faker, 60, 120) * DAY, now - between(faker, 2, 30) * DAY),
    row: {
      event_type: { conference: 7, seminar: 6, social: faker.helpers.arrayElement([1, 3]), record: 12 }[plan.kind],
      title: title.slice(0, 140),
      timezone: faker.helpers.arrayElement(TIMEZONES),
      start_at: start0,
      end_at: start0 + length,
      capacity: conference ? 400 : plan.kind === 'seminar' ? 120 : 0,
      budget_cents: between(faker, 50, 900) * 10_000,
      cost_center_id: null,
      primary_contact_user_id: users.length > 0 ? faker.helpers.arrayElement(users) : null,
      status: plan.kind === 'record' ? EventStatus.draft : plan.past && plan.kind === 'social' ? EventStatus.closed : EventStatus.launched,
      is_invite_only: plan.kind === 'seminar' ? 1 : 0,
      currency: DEFAULT_CURRENCY,
      domain_name: null,
      banner_image_url: conference ? 'https://images.marquee.local/banners/summit.png' : null,
      homepage_content: `<h1>${title}</h1><p>${faker.lorem.paragraph()}</p>`,
      venue_name: plan.kind === 'record' ? null : venue.name,
      venue_description: plan.kind === 'record' ? null : faker.lorem.sentence(),
      venue_address: plan.kind === 'record' ? null : venue.address,
      venue_image_url: plan.kind === 'record' ? null : 'https://images.marquee.local/venues/hall.jpg',
      app_title: conference ? title.slice(0, 40) : null,
      twitter: conference ? `#${title.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}` : null,
      include_speakers: conference || plan.kind === 'seminar' ? 1 : 0,
      display_speakers: conference ? 1 : 0,
      include_sponsors: conference ? 1 : 0,
      display_sponsors: conference ? 1 : 0,
      include_booths: conference ? 1 : 0,
      display_exhibitors: conference ? 1 : 0,
      use_multiple_sessions: conference || plan.kind === 'seminar' ? 1 : 0,
      include_hotels: conference ? 1 : 0,
    },
  };
}

interface Programme {
  delegateTickets: number[];
  /** Delegate tickets that cost money: registrations meant to be paid for or owing use these. */
  paidTickets: number[];
  exhibitorTicket: number | null;
  sessions: Array<{ id: number; optional: boolean; onlyTicket: number | null }>;
}

/** Tickets, website information, tags, speakers, sponsors and sessions: the organiser's set-up. */
async function programme(tx: Scope, faker: Faker, plan: Plan, eventId: number, row: NewEventRow, now: number, tags: number[], groups: number[]): Promise<Programme> {
  const ticket = async (title: string, cents: number, options: { exhibitor?: boolean; capacity?: number; taxFree?: boolean; order: number }) => {
    const inserted = await tx
      .insertInto('event_tickets', {
        event_id: eventId,
        title,
        description: faker.lorem.sentence(),
        capacity: options.capacity ?? 0,
        amount_cents: cents,
        is_tax_free: options.taxFree ? 1 : 0,
        is_exhibitor: options.exhibitor ? 1 : 0,
        sort_order: options.order,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  };
  const out: Programme = { delegateTickets: [], paidTickets: [], exhibitorTicket: null, sessions: [] };
  if (plan.kind === 'record') return out;
  if (plan.kind === 'conference') {
    out.paidTickets.push(await ticket('Early bird delegate', 49_500, { capacity: 100, order: 1 }));
    out.paidTickets.push(await ticket('Full delegate', 69_500, { order: 2 }));
    out.delegateTickets.push(...out.paidTickets);
    out.delegateTickets.push(await ticket('Student', 0, { taxFree: true, order: 3 }));
    out.exhibitorTicket = await ticket('Exhibition booth (3x3 m)', 250_000, { exhibitor: true, capacity: 30, order: 4 });
  } else if (plan.kind === 'seminar') {
    out.paidTickets.push(await ticket('Member', 8_900, { order: 1 }));
    out.paidTickets.push(await ticket('Non-member', 12_900, { order: 2 }));
    out.delegateTickets.push(...out.paidTickets);
  } else {
    out.delegateTickets.push(await ticket('General admission', 0, { taxFree: true, order: 1 }));
  }
  if (groups.length > 0) {
    await tx.insertInto('event_ticket_groups', { ticket_id: out.delegateTickets[0]!, group_id: faker.helpers.arrayElement(groups) }).execute();
  }
  await tx
    .insertInto('event_information', [
      { event_id: eventId, description: 'Parking', information: faker.lorem.sentences(2), file_url: null, sort_order: 1 },
      { event_id: eventId, description: 'Program', information: faker.lorem.sentences(3), file_url: 'https://files.marquee.local/program.pdf', sort_order: 2 },
    ])
    .execute();
  if (tags.length > 0) {
    const chosen = faker.helpers.arrayElements(tags, { min: 1, max: 2 });
    await tx.insertInto('event_tag_links', chosen.map((tag_id) => ({ event_id: eventId, tag_id }))).execute();
  }
  const speakers: number[] = [];
  if (row.include_speakers === 1) {
    for (let i = 0; i < between(faker, 3, 6); i++) {
      const name = faker.person.fullName();
      const s = await tx
        .insertInto('event_speakers', {
          event_id: eventId,
          full_name: name,
          organisation: faker.company.name(),
          position: faker.person.jobTitle(),
          profile_description: faker.lorem.paragraph(),
          profile_image_url: faker.image.avatar(),
          created_at: now,
          modified_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      speakers.push(s.id);
    }
  }
  if (row.include_sponsors === 1) {
    for (let i = 0; i < between(faker, 2, 4); i++) {
      const amount = between(faker, 5, 50) * 100_000;
      await tx
        .insertInto('event_sponsors', {
          event_id: eventId,
          name: faker.company.name(),
          description: faker.company.catchPhrase(),
          website_address: `www.${faker.internet.domainName()}`,
          logo_image_url: faker.image.url({ width: 200, height: 100 }),
          level: faker.helpers.arrayElement([1, 2, 3, 9]),
          custom_level_id: null,
          amount_cents: amount,
          amount_paid_cents: faker.helpers.arrayElement([0, amount / 2, amount]),
          created_at: now,
          modified_at: now,
        })
        .execute();
    }
  }
  if (row.use_multiple_sessions === 1) {
    const count = between(faker, 3, 6);
    for (let i = 0; i < count; i++) {
      const start = Number(row.start_at) + i * 90 * 60_000;
      const onlyTicket = i === count - 1 && out.delegateTickets.length > 1 ? out.delegateTickets[1]! : null;
      const optional = i > 0;
      const s = await tx
        .insertInto('event_sessions', {
          event_id: eventId,
          name: i === 0 ? 'Opening keynote' : faker.company.catchPhrase(),
          start_at: start,
          end_at: start + HOUR,
          description: `<p>${faker.lorem.sentence()}</p>`,
          room_id: between(faker, 1, 6),
          is_optional: optional ? 1 : 0,
          max_capacity: optional ? 80 : 0,
          cost_cents: i === 2 ? 4_500 : 0,
          is_tax_free: 0,
          auto_close_at: start - DAY,
          setup_minutes: 15,
          breakdown_minutes: 15,
          show_in_agenda: 1,
          show_time: 1,
          only_for_certain_tickets: onlyTicket === null ? 0 : 1,
          notes: faker.datatype.boolean() ? faker.lorem.sentence() : null,
          setup_notes: faker.datatype.boolean() ? 'Theatre style, lectern stage left' : null,
          allow_guests: 1,
          created_at: now,
          modified_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (speakers.length > 0) {
        const who = faker.helpers.arrayElements(speakers, { min: 1, max: Math.min(2, speakers.length) });
        await tx.insertInto('event_session_speakers', who.map((speaker_id) => ({ session_id: s.id, speaker_id }))).execute();
      }
      if (onlyTicket !== null) await tx.insertInto('event_session_tickets', { session_id: s.id, ticket_id: onlyTicket }).execute();
      out.sessions.push({ id: s.id, optional, onlyTicket });
    }
  }
  return out;
}

type Outcome = 'paid' | 'waiting' | 'cancelled' | 'started';

function attendeesFor(faker: Faker, main: SeedContact, others: SeedContact[], prog: Programme, exhibitor: boolean, paying: boolean): AttendeeInput[] {
  const delegate = paying && prog.paidTickets.length > 0 ? prog.paidTickets : prog.delegateTickets;
  const ticketFor = () => (exhibitor ? prog.exhibitorTicket : delegate.length > 0 ? faker.helpers.arrayElement(delegate) : null);
  const sessionsFor = (ticketId: number | null) =>
    prog.sessions.filter((s) => !s.optional || (faker.datatype.boolean({ probability: 0.4 }) && (s.onlyTicket === null || s.onlyTicket === ticketId))).map((s) => s.id);
  const person = (c: SeedContact): AttendeeInput => {
    const ticketId = ticketFor();
    return { contactId: c.id, firstName: c.first_name, lastName: c.last_name, email: c.email, ticketId, sessionIds: sessionsFor(ticketId), isPublic: faker.datatype.boolean() };
  };
  const list = [person(main)];
  const guests = exhibitor ? between(faker, 0, 2) : faker.helpers.weightedArrayElement([{ weight: 75, value: 0 }, { weight: 20, value: 1 }, { weight: 5, value: 2 }]);
  for (let i = 0; i < guests; i++) {
    if (others.length > 0 && faker.datatype.boolean()) list.push(person(faker.helpers.arrayElement(others)));
    else {
      const ticketId = ticketFor();
      list.push({
        contactId: null,
        firstName: faker.person.firstName(),
        lastName: faker.person.lastName(),
        email: null,
        ticketId,
        sessionIds: sessionsFor(ticketId),
        customFields: [{ name: 'Dietary requirements', value: faker.helpers.arrayElement(['None', 'Vegetarian', 'Gluten free', 'Vegan']) }],
      });
    }
  }
  return list;
}

interface Counts {
  events: number;
  invitations: number;
  registrations: number;
  attendees: number;
  checkIns: number;
}

/** `clock(t)` is a write context dated `t`: emails and changes carry the time of the history they stand for. */
async function seedEvent(base: EventWriteContext, clock: (now: number) => EventWriteContext, faker: Faker, plan: Plan, contacts: SeedContact[], refs: { users: number[]; tags: number[]; groups: number[] }, counts: Counts) {
  const { row, createdAt } = eventRow(faker, plan, base.now, refs.users);
  const organiser = clock(createdAt);
  const { id: eventId } = await insertEvent(organiser, row);
  const prog = await programme(base.store, faker, plan, eventId, row, createdAt, refs.tags, refs.groups);
  counts.events++;

  const start = Number(row.start_at);
  const lastChance = plan.past ? start - HOUR : base.now - HOUR;
  const pool = faker.helpers.shuffle([...contacts]);
  const invitedCount = Math.min(pool.length, plan.kind === 'record' ? 12 : Math.max(12, Math.round(contacts.length * 0.3)));
  const invited = pool.slice(0, invitedCount);
  const uninvited = row.is_invite_only === 1 || plan.kind === 'record' ? [] : pool.slice(invitedCount, invitedCount + Math.max(3, Math.round(invitedCount / 5)));
  const results = await inviteContacts(organiser, eventId, invited.map((c) => c.id));
  counts.invitations += results.filter((r) => r.status).length;

  const invitationIds = new Map(
    (await base.store.selectFrom('event_invitations').select(['id', 'contact_id']).where('event_id', '=', eventId).execute()).map((r) => [r.contact_id, r.id]),
  );
  const yes: SeedContact[] = [];
  for (const [i, c] of invited.entries()) {
    // Every answer state is present whatever the draw: the first three are U, Y and N.
    const answer =
      i < 3
        ? (['U', 'Y', 'N'] as const)[i]!
        : faker.helpers.weightedArrayElement([
            { weight: 40, value: 'Y' as const },
            { weight: 20, value: 'N' as const },
            { weight: 40, value: 'U' as const },
          ]);
    if (answer === 'U') continue;
    if (answer === 'Y') yes.push(c);
    await respondToInvitation(clock(between(faker, createdAt + HOUR, lastChance)), invitationIds.get(c.id)!, answer);
  }
  if (plan.kind === 'record' || prog.delegateTickets.length === 0) return;

  const registrants: Array<{ contact: SeedContact; exhibitor: boolean }> = [
    ...yes.slice(0, Math.round(yes.length * 0.85)).map((contact) => ({ contact, exhibitor: false })),
    ...uninvited.map((contact) => ({ contact, exhibitor: false })),
  ];
  if (prog.exhibitorTicket !== null) {
    const exhibitors = contacts.filter((c) => !registrants.some((r) => r.contact.id === c.id)).slice(0, 4);
    registrants.push(...exhibitors.map((contact) => ({ contact, exhibitor: true })));
  }
  const chosen = registrants.slice(0, MAX_REGISTRATIONS_PER_EVENT);
  const completedAttendees: number[] = [];
  const seen = { exhibitor: 0, delegate: 0 };
  const registrations = chosen.map((r) => {
    // Every outcome is present for both kinds early on; then a realistic mix.
    const forced: readonly Outcome[] = r.exhibitor ? ['paid', 'waiting', 'cancelled'] : ['paid', 'waiting', 'cancelled', 'started'];
    const index = r.exhibitor ? seen.exhibitor++ : seen.delegate++;
    const outcome: Outcome =
      forced[index] ??
      faker.helpers.weightedArrayElement<Outcome>([
        { weight: 65, value: 'paid' },
        { weight: 20, value: 'waiting' },
        { weight: 10, value: 'cancelled' },
        { weight: 5, value: 'started' },
      ]);
    return { ...r, outcome };
  });
  for (const r of registrations) {
    const when = between(faker, createdAt + 2 * HOUR, lastChance);
    const ctx = clock(when);
    const others = contacts.filter((c) => c.id !== r.contact.id);
    const attendees = attendeesFor(faker, r.contact, faker.helpers.arrayElements(others, 3), prog, r.exhibitor, r.outcome !== 'started');
    const registered = await registerForEvent(ctx, {
      eventId,
      contactId: r.contact.id,
      isExhibitor: r.exhibitor,
      attendees,
      stage: r.outcome === 'started' ? 'started' : 'submitted',
      ...(r.outcome === 'paid' ? { payment: { method: faker.helpers.arrayElement([PaymentMethod.creditCard, PaymentMethod.directDeposit, PaymentMethod.paypal]), paidAt: when + 5 * 60_000 } } : {}),
      administrative: true,
    });
    counts.registrations++;
    counts.attendees += registered.attendeeIds.length;
    if (r.outcome === 'cancelled') await cancelRegistration(clock(between(faker, when, lastChance)), registered.registrationId);
    if (r.outcome === 'paid') completedAttendees.push(...registered.attendeeIds);
  }

  if (!plan.past) return;
  // Past events: most paid-up attendees came (the first always, the second never), some to sessions.
  for (const [i, attendeeId] of completedAttendees.entries()) {
    const came = i === 0 || (i !== 1 && faker.datatype.boolean({ probability: 0.75 }));
    if (!came) continue;
    const arrived = start + between(faker, -30, 45) * 60_000;
    await markAttended(clock(arrived), attendeeId, arrived);
    counts.checkIns++;
    const reserved = await base.store.selectFrom('event_attendee_sessions').select('session_id').where('attendee_id', '=', attendeeId).orderBy('session_id').execute();
    for (const s of reserved) {
      if (faker.datatype.boolean({ probability: 0.7 })) await markSessionAttended(clock(arrived), attendeeId, s.session_id, arrived + 10 * 60_000);
    }
  }
}

export const eventSeeder: Seeder = {
  name: 'events',
  async seed(seed: SeedContext) {
    const counts: Counts = { events: 0, invitations: 0, registrations: 0, attendees: 0, checkIns: 0 };
    const store = seed.store;
    const contacts = await store
      .selectFrom('contacts')
      .select(['id', 'first_name', 'last_name', 'email'])
      .where('is_anonymised', '=', 0)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (contacts.length < 12) return { ...counts };
    const [users, groups] = await Promise.all([
      store.selectFrom('users').select('id').where('is_active', '=', 1).orderBy('id').execute(),
      store.selectFrom('subscription_groups').select('id').orderBy('id').execute(),
    ]);
    const existingTags = await store.selectFrom('event_tags').select('id').execute();
    if (existingTags.length === 0) {
      await store.insertInto('event_tags', TAGS.map((name) => ({ name, created_at: seed.now }))).execute();
    }
    const tags = (await store.selectFrom('event_tags').select('id').orderBy('id').execute()).map((t) => t.id);
    const refs = { users: users.map((u) => u.id), tags, groups: groups.map((g) => g.id) };
    const eventCount = Math.min(MAX_EVENTS, Math.max(4, Math.round(contacts.length / 50)));
    for (let i = 0; i < eventCount; i++) {
      const plan = PLANS[i % PLANS.length]!;
      await store.transaction((tx) =>
        seedEvent(
          createActionContext(seed, tx, internalCaller(tx.accountId), { now: seed.now, recordChanges: false }),
          (now) => createActionContext(seed, tx, internalCaller(tx.accountId), { now, recordChanges: false }),
          seed.faker,
          plan,
          contacts,
          refs,
          counts,
        ),
      );
    }
    return { ...counts };
  },
};
