/**
 * Heavy records for the bench (issue 21, item 2): contacts with years of history, each with
 * 20 event invitations, 10 completed and paid registrations (with their invoices), 5 companies
 * and 10 custom field values. Events, invitations and registrations go through the same store
 * functions the API uses (inviteContacts, registerForEvent), so getContact reads what a real
 * back office would hold; companies and custom values are plain multi-row inserts, as the
 * contact seeder writes them.
 */
import type { Faker } from '@faker-js/faker';
import { createActionContext, internalCaller } from '../../src/registry/context.js';
import type { SeedContext } from '../../src/seed/types.js';
import type { Scope } from '../../src/storage/scope.js';
import { FieldType, listDefinitions } from '../../src/domain/contact/custom-fields/definitions.js';
import { fakeValue } from '../../src/domain/contact/seed/seed.js';
import { DEFAULT_CURRENCY, EventStatus } from '../../src/domain/event/codes.js';
import { insertEvent } from '../../src/domain/event/events/store.js';
import { inviteContacts } from '../../src/domain/event/invitations/store.js';
import { registerForEvent } from '../../src/domain/event/registrations/store.js';
import { PaymentMethod } from '../../src/domain/invoice/store.js';

export const HEAVY = { invitations: 20, registrations: 10, companies: 5, customFields: 10 } as const;

const DAY = 86_400_000;
const CHUNK = 500;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Ten settable contact fields: the seeded ones, topped up with small-text fields. */
async function tenContactFields(tx: Scope, now: number) {
  const settable = (await listDefinitions(tx, 'contact')).filter((d) => d.isActive && d.fieldType !== FieldType.staticText);
  const missing = HEAVY.customFields - settable.length;
  if (missing > 0) {
    await tx
      .insertInto(
        'custom_field_definitions',
        Array.from({ length: missing }, (_, i) => ({
          entity: 'contact' as const,
          field_type: FieldType.smallText,
          display_name: `Membership reference ${i + 1}`,
          is_required: 0,
          is_active: 1,
          sort_order: 100 + i,
          select_values: null,
          file_types: null,
          created_at: now,
          modified_at: now,
        })),
      )
      .execute();
  }
  return (await listDefinitions(tx, 'contact')).filter((d) => d.isActive && d.fieldType !== FieldType.staticText).slice(0, HEAVY.customFields);
}

/** Replaces each contact's companies and custom values with exactly five and ten. */
async function companiesAndFields(tx: Scope, faker: Faker, contactIds: readonly number[], now: number): Promise<void> {
  const companies = (await tx.selectFrom('companies').select('id').orderBy('id').execute()).map((r) => r.id);
  if (companies.length < HEAVY.companies) throw new Error(`heavy records need ${HEAVY.companies} companies, the dataset has ${companies.length}`);
  const fields = await tenContactFields(tx, now);
  await inChunks(contactIds, (ids) => tx.deleteFrom('company_contacts').where('contact_id', 'in', ids).execute());
  await inChunks(contactIds, (ids) => tx.deleteFrom('contact_custom_values').where('contact_id', 'in', ids).execute());
  const links = contactIds.flatMap((contact_id) =>
    faker.helpers.arrayElements(companies, HEAVY.companies).map((company_id) => ({ company_id, contact_id, created_at: now })),
  );
  await inChunks(links, (chunk) => tx.insertInto('company_contacts', chunk).execute());
  const values = contactIds.flatMap((contact_id) =>
    fields.map((def) => ({ contact_id, field_id: def.id, value: JSON.stringify(fakeValue(faker, def) ?? faker.string.alphanumeric(8)) })),
  );
  await inChunks(values, (chunk) => tx.insertInto('contact_custom_values', chunk).execute());
}

/**
 * Twenty past events a month apart, each with one paid delegate ticket; every contact is invited
 * to all of them and registered, paid in full, for the first ten.
 */
export async function addHeavyRecords(seed: SeedContext, contactIds: readonly number[]): Promise<Record<string, number>> {
  const { faker, now } = seed;
  const counts = { heavyContacts: contactIds.length, events: 0, invitations: 0, registrations: 0 };
  await seed.store.transaction((tx) => companiesAndFields(tx, faker, contactIds, now));
  const contacts = new Map(
    (await seed.store.selectFrom('contacts').select(['id', 'first_name', 'last_name', 'email']).where('is_anonymised', '=', 0).execute()).map((c) => [c.id, c]),
  );
  for (let e = 0; e < HEAVY.invitations; e++) {
    const start = now - (e + 1) * 30 * DAY;
    const clock = (tx: Scope, at: number) => createActionContext(seed, tx, internalCaller(tx.accountId), { now: at, recordChanges: false });
    await seed.store.transaction(async (tx) => {
      const organiser = clock(tx, start - 60 * DAY);
      const { id: eventId } = await insertEvent(organiser, {
        event_type: 7,
        title: `Members' Forum ${e + 1}`,
        timezone: 'Australia/Sydney',
        start_at: start,
        end_at: start + 8 * 3_600_000,
        capacity: 0,
        budget_cents: 500_000,
        cost_center_id: null,
        primary_contact_user_id: null,
        status: EventStatus.launched,
        is_invite_only: 0,
        currency: DEFAULT_CURRENCY,
        domain_name: null,
        banner_image_url: null,
        homepage_content: `<h1>Members' Forum ${e + 1}</h1>`,
        venue_name: 'Harbourside Convention Centre',
        venue_description: null,
        venue_address: '14 Darling Drive, Sydney NSW 2000',
        venue_image_url: null,
        app_title: null,
        twitter: null,
        include_speakers: 0,
        display_speakers: 0,
        include_sponsors: 0,
        display_sponsors: 0,
        include_booths: 0,
        display_exhibitors: 0,
        use_multiple_sessions: 0,
        include_hotels: 0,
      });
      counts.events++;
      const ticket = await tx
        .insertInto('event_tickets', {
          event_id: eventId,
          title: 'Delegate',
          description: 'Full day, lunch included',
          capacity: 0,
          amount_cents: 29_500,
          is_tax_free: 0,
          is_exhibitor: 0,
          sort_order: 1,
          created_at: start - 60 * DAY,
          modified_at: start - 60 * DAY,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < contactIds.length; i += CHUNK) {
        const invited = await inviteContacts(organiser, eventId, contactIds.slice(i, i + CHUNK));
        counts.invitations += invited.filter((r) => r.status).length;
      }
      if (e >= HEAVY.registrations) return;
      for (const contactId of contactIds) {
        const c = contacts.get(contactId);
        if (!c) continue;
        const when = start - faker.number.int({ min: 2, max: 40 }) * DAY;
        await registerForEvent(clock(tx, when), {
          eventId,
          contactId,
          attendees: [{ contactId, firstName: c.first_name, lastName: c.last_name, email: c.email, ticketId: ticket.id }],
          stage: 'submitted',
          payment: { method: faker.helpers.arrayElement([PaymentMethod.creditCard, PaymentMethod.directDeposit]), paidAt: when + 300_000 },
          administrative: true,
        });
        counts.registrations++;
      }
    });
  }
  return counts;
}
