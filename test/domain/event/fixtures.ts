/**
 * Arranging event data the API cannot create (tickets, sessions, speakers, sponsors,
 * registrations, check-ins) in the test server's storage, through the same store functions
 * the public pages and the seeder use, in a real transaction with outbox rows and email.
 */
import { randomBytes } from 'node:crypto';
import type { EventWriteContext } from '../../../src/domain/event/context.js';
import { createActionContext, internalCaller } from '../../../src/registry/context.js';
import type { TestServer } from '../../support/server.js';

export { changesSince, expectApiError, lastChangeId, TIMESTAMP } from '../contact/fixtures.js';

/** Runs `fn` in one transaction of the main account with a write context like an action's. */
export async function inTransaction<T>(server: TestServer, fn: (ctx: EventWriteContext) => Promise<T>, now = Date.now()): Promise<T> {
  return server.store().transaction((tx) => fn(createActionContext(server.runtime, tx, internalCaller(tx.accountId), { now })));
}

export async function addContact(server: TestServer, tag = 'guest'): Promise<{ id: number; firstName: string; lastName: string; email: string }> {
  const suffix = randomBytes(4).toString('hex');
  const who = { firstName: `Jo${suffix}`, lastName: `Event-${tag}`, email: `jo.${tag}.${suffix}@example.com` };
  const { id } = await server.client.call<{ id: number }>('contact', 'addOrUpdateContact', { ...who, phone: '0400111222' });
  return { id, ...who };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An API-created event starting `inDays` from now (negative: in the past), 3 hours long. */
export async function addEvent(server: TestServer, title = 'Harbour Summit', inDays = 30, extra: Record<string, unknown> = {}) {
  const start = Math.floor((Date.now() + inDays * DAY) / 1000) * 1000;
  const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
  const saved = await server.client.call<{ success: boolean; id: number; code: string }>('event', 'addOrUpdateEvent', {
    eventType: 12,
    title,
    timezone: 'Australia/Sydney',
    startDateTime: iso(start),
    endDateTime: iso(start + 3 * HOUR),
    ...extra,
  });
  return { ...saved, start, end: start + 3 * HOUR };
}

export async function setEventColumns(server: TestServer, eventId: number, set: Record<string, unknown>): Promise<void> {
  await server.store().updateTable('events').set(set).where('id', '=', eventId).execute();
}

export async function addTicket(
  server: TestServer,
  eventId: number,
  title: string,
  amountCents: number,
  options: { capacity?: number; isExhibitor?: boolean; isTaxFree?: boolean; description?: string } = {},
): Promise<number> {
  const now = Date.now();
  const row = await server
    .store()
    .insertInto('event_tickets', {
      event_id: eventId,
      title,
      description: options.description ?? null,
      capacity: options.capacity ?? 0,
      amount_cents: amountCents,
      is_tax_free: options.isTaxFree ? 1 : 0,
      is_exhibitor: options.isExhibitor ? 1 : 0,
      sort_order: 0,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addSession(
  server: TestServer,
  eventId: number,
  name: string,
  startMs: number,
  options: { costCents?: number; maxCapacity?: number; ticketIds?: number[]; speakerIds?: number[]; isOptional?: boolean } = {},
): Promise<number> {
  const now = Date.now();
  const store = server.store();
  const row = await store
    .insertInto('event_sessions', {
      event_id: eventId,
      name,
      start_at: startMs,
      end_at: startMs + HOUR,
      description: `<p>${name}</p>`,
      room_id: 3,
      is_optional: options.isOptional ? 1 : 0,
      max_capacity: options.maxCapacity ?? 0,
      cost_cents: options.costCents ?? 0,
      is_tax_free: 1,
      auto_close_at: startMs - HOUR,
      setup_minutes: 15,
      breakdown_minutes: 10,
      show_in_agenda: 1,
      show_time: 1,
      only_for_certain_tickets: options.ticketIds ? 1 : 0,
      notes: 'Session notes',
      setup_notes: null,
      allow_guests: 1,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const ticketId of options.ticketIds ?? []) {
    await store.insertInto('event_session_tickets', { session_id: row.id, ticket_id: ticketId }).execute();
  }
  for (const speakerId of options.speakerIds ?? []) {
    await store.insertInto('event_session_speakers', { session_id: row.id, speaker_id: speakerId }).execute();
  }
  return row.id;
}

export async function addSpeaker(server: TestServer, eventId: number, fullName: string): Promise<number> {
  const now = Date.now();
  const row = await server
    .store()
    .insertInto('event_speakers', {
      event_id: eventId,
      full_name: fullName,
      organisation: 'Harbour Labs',
      position: 'Keynote',
      profile_description: 'Speaks about events.',
      profile_image_url: 'https://cdn.example.com/speaker.png',
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addSponsor(server: TestServer, eventId: number, name: string, amountCents: number, paidCents: number): Promise<number> {
  const now = Date.now();
  const row = await server
    .store()
    .insertInto('event_sponsors', {
      event_id: eventId,
      name,
      description: 'Gold partner',
      website_address: 'www.sponsor.example.com',
      logo_image_url: 'https://cdn.example.com/logo.png',
      level: 9,
      custom_level_id: null,
      amount_cents: amountCents,
      amount_paid_cents: paidCents,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Fetches a public page of the test server (no signing). */
export async function fetchPage(url: string, init: RequestInit = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, text: await response.text(), headers: response.headers };
}
