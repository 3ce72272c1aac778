/**
 * Seeds the CRM of an account: its reference lists (once), then leads and opportunities for
 * the contacts and companies just seeded, with custom field values, notes, tasks and
 * activities linked to them and to the account's users. Volumes scale from `ctx.contacts`.
 * Multi-row inserts in one transaction; no outbox rows (seed data is a starting state).
 *
 * Seeded opportunities (and their tasks and activities) are at the account's venues, seeded
 * before the crm namespace.
 */
import type { Faker } from '@faker-js/faker';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { SeedContext, Seeder } from '../../../seed/types.js';
import type { Scope, TenantInsert } from '../../../storage/scope.js';
import { FieldType } from '../../contact/custom-fields/definitions.js';
import { APPLY_TO } from '../reference/stages.js';
import {
  ACTIVITY_NAMES,
  CHANNELS,
  EVENT_NAMES,
  LEAD_FIELDS,
  LOST_TO_COMPETITION,
  NOTES,
  PURPOSES,
  QUALITIES,
  SOURCES,
  STAGES,
  TASK_NAMES,
  TYPES,
} from './reference-data.js';

const CHUNK = 500;
const DAY = 86_400_000;
const HOUR = 3_600_000;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

function between(faker: Faker, from: number, to: number): number {
  return to <= from ? from : faker.number.int({ min: from, max: to });
}

export interface Refs {
  leadStages: Array<{ id: number; reasons: number[] }>;
  opportunityStages: Array<{ id: number; reasons: number[]; closes: 'won' | 'lost' | undefined }>;
  types: Array<{ id: number; subtypes: number[] }>;
  qualityIds: number[];
  sourceIds: number[];
  channelIds: number[];
  purposeIds: number[];
  fields: Array<{ id: number; fieldType: number; displayName: string; options: string[] }>;
  userIds: number[];
  industryIds: number[];
  venueIds: number[];
}

/**
 * Creates the lists when the account has none yet, then reads them back. The venue namespace's
 * bookings seeder calls it too (it runs first, and its opportunities need the lists).
 */
export async function referenceData(tx: Scope, now: number): Promise<{ refs: Refs; counts: Record<string, number> }> {
  const counts: Record<string, number> = {};
  const stamp = { created_at: now, modified_at: now };
  if (!(await tx.selectFrom('crm_lead_stages').select('id').executeTakeFirst())) {
    const stages = await tx
      .insertInto(
        'crm_lead_stages',
        STAGES.map((s) => ({ name: s.name, colour: s.colour, apply_to: s.applyTo, is_system: s.system ? 1 : 0, ...stamp })),
      )
      .returning(['id', 'name'])
      .execute();
    const reasons = STAGES.flatMap((s) => {
      const stageId = stages.find((r) => r.name === s.name)!.id;
      return (s.reasons ?? []).map((reason) => ({ stage_id: stageId, reason, created_at: now }));
    });
    if (reasons.length > 0) await tx.insertInto('crm_lead_stage_reasons', reasons).execute();
    const types = await tx.insertInto('crm_lead_types', TYPES.map((t) => ({ type: t.type, ...stamp }))).returning(['id', 'type']).execute();
    const subtypes = TYPES.flatMap((t) => {
      const typeId = types.find((r) => r.type === t.type)!.id;
      return t.subtypes.map((name) => ({ type_id: typeId, name, created_at: now }));
    });
    if (subtypes.length > 0) await tx.insertInto('crm_lead_subtypes', subtypes).execute();
    await tx
      .insertInto('crm_lead_qualities', QUALITIES.map((q) => ({ label: q.label, show_on_dash: q.showOnDash ? 1 : 0, ...stamp })))
      .execute();
    await tx
      .insertInto(
        'crm_lead_sources',
        SOURCES.map((s) => ({
          name: s.name,
          description: s.description ?? null,
          cost: s.cost,
          colour: s.colour,
          is_referral: s.isReferral ? 1 : 0,
          default_type: s.defaultType ?? null,
          ...stamp,
        })),
      )
      .execute();
    await tx.insertInto('crm_lead_channels', CHANNELS.map((c) => ({ name: c.name, is_system: c.system ? 1 : 0, ...stamp }))).execute();
    await tx.insertInto('crm_activity_purposes', PURPOSES.map((p) => ({ name: p.name, type: p.type, ...stamp }))).execute();
    await tx
      .insertInto(
        'crm_lead_custom_fields',
        LEAD_FIELDS.map((f, i) => ({
          field_type: f.fieldType,
          display_name: f.displayName,
          sort_order: i + 1,
          select_values: f.selectValues ? JSON.stringify(Object.fromEntries(f.selectValues.map((v) => [v, v]))) : null,
          file_types: null,
          ...stamp,
        })),
      )
      .execute();
    Object.assign(counts, {
      leadStages: STAGES.length,
      leadStageReasons: reasons.length,
      leadTypes: TYPES.length,
      leadSubtypes: subtypes.length,
      leadQualities: QUALITIES.length,
      leadSources: SOURCES.length,
      leadChannels: CHANNELS.length,
      activityPurposes: PURPOSES.length,
      leadCustomFields: LEAD_FIELDS.length,
    });
  }

  const [stages, reasons, types, subtypes, qualities, sources, channels, purposes, fields, users, industries] = await Promise.all([
    tx.selectFrom('crm_lead_stages').select(['id', 'name', 'apply_to']).orderBy('id').execute(),
    tx.selectFrom('crm_lead_stage_reasons').select(['id', 'stage_id']).orderBy('id').execute(),
    tx.selectFrom('crm_lead_types').select('id').orderBy('id').execute(),
    tx.selectFrom('crm_lead_subtypes').select(['id', 'type_id']).orderBy('id').execute(),
    tx.selectFrom('crm_lead_qualities').select('id').orderBy('id').execute(),
    tx.selectFrom('crm_lead_sources').select('id').orderBy('id').execute(),
    tx.selectFrom('crm_lead_channels').select('id').orderBy('id').execute(),
    tx.selectFrom('crm_activity_purposes').select('id').orderBy('id').execute(),
    tx.selectFrom('crm_lead_custom_fields').selectAll().where('is_active', '=', 1).orderBy('sort_order').execute(),
    tx.selectFrom('users').select('id').where('is_active', '=', 1).orderBy('id').execute(),
    tx.selectFrom('industries').select('id').orderBy('id').execute(),
  ]);
  const reasonsOf = (stageId: number) => reasons.filter((r) => r.stage_id === stageId).map((r) => r.id);
  const closes = (name: string) => STAGES.find((s) => s.name === name)?.closes;
  return {
    counts,
    refs: {
      leadStages: stages.filter((s) => s.apply_to === APPLY_TO.lead).map((s) => ({ id: s.id, reasons: reasonsOf(s.id) })),
      opportunityStages: stages
        .filter((s) => s.apply_to === APPLY_TO.opportunity)
        .map((s) => ({ id: s.id, reasons: reasonsOf(s.id), closes: closes(s.name) })),
      types: types.map((t) => ({ id: t.id, subtypes: subtypes.filter((s) => s.type_id === t.id).map((s) => s.id) })),
      qualityIds: qualities.map((q) => q.id),
      sourceIds: sources.map((s) => s.id),
      channelIds: channels.map((c) => c.id),
      purposeIds: purposes.map((p) => p.id),
      fields: fields.map((f) => ({
        id: f.id,
        fieldType: f.field_type,
        displayName: f.display_name,
        options: f.select_values ? Object.keys(JSON.parse(f.select_values) as Record<string, string>) : [],
      })),
      userIds: users.map((u) => u.id),
      industryIds: industries.map((i) => i.id),
      venueIds: (await tx.selectFrom('venues').select('id').orderBy('id').execute()).map((v) => v.id),
    },
  };
}

interface Party {
  contactId: number;
  companyId: number | null;
  name: string;
}

/** The contacts seeded by this run (the newest ones), and which companies they work for. */
async function parties(tx: Scope, count: number): Promise<{ contacts: Party[]; companyContacts: Party[] }> {
  if (count <= 0) return { contacts: [], companyContacts: [] };
  const contacts = await tx
    .selectFrom('contacts')
    .select(['id', 'last_name'])
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  if (contacts.length === 0) return { contacts: [], companyContacts: [] };
  const low = contacts[contacts.length - 1]!.id;
  const links = await tx
    .selectFrom('company_contacts')
    .innerJoin('companies', 'companies.id', 'company_contacts.company_id')
    .select(['company_contacts.contact_id', 'company_contacts.company_id', 'companies.business_name'])
    .where('company_contacts.contact_id', '>=', low)
    .orderBy('company_contacts.contact_id')
    .orderBy('company_contacts.company_id')
    .execute();
  return {
    contacts: contacts.map((c) => ({ contactId: c.id, companyId: null, name: c.last_name })),
    companyContacts: links.map((l) => ({ contactId: l.contact_id, companyId: l.company_id, name: l.business_name })),
  };
}

const pickOrNull = <T>(faker: Faker, items: readonly T[], probability = 0.85): T | null =>
  items.length > 0 && faker.datatype.boolean({ probability }) ? faker.helpers.arrayElement(items) : null;

interface SeededLead {
  id: number;
  venueId: number | null;
  createdAt: number;
  contactId: number | null;
  companyId: number | null;
}

function leadRow(faker: Faker, refs: Refs, party: Party, now: number, venueId: number | null): TenantInsert<'crm_leads'> {
  const createdAt = now - faker.number.int({ min: DAY, max: 365 * DAY });
  const modifiedAt = between(faker, createdAt, now);
  const stagePool = venueId === null ? refs.leadStages : refs.opportunityStages;
  const stage = pickOrNull(faker, stagePool, 1);
  const closing = stage && 'closes' in stage ? (stage as Refs['opportunityStages'][number]).closes : undefined;
  const reasonId = stage && stage.reasons.length > 0 && (closing !== undefined || faker.datatype.boolean()) ? faker.helpers.arrayElement(stage.reasons) : null;
  const type = pickOrNull(faker, refs.types, 1);
  const eventDate = new Date(now + faker.number.int({ min: -60, max: 300 }) * DAY);
  const eventName = faker.helpers.arrayElement(EVENT_NAMES);
  const closedAt =
    venueId === null ? null : closing ? between(faker, createdAt, now) : now + faker.number.int({ min: 7, max: 120 }) * DAY;
  return {
    venue_id: venueId,
    name: `${party.name} ${eventName} ${eventDate.getUTCFullYear()}`,
    description: `${eventName} for about ${faker.number.int({ min: 20, max: 600 })} guests in ${eventDate.toLocaleString('en', { month: 'long', timeZone: 'UTC' })}.`,
    owner_user_id: pickOrNull(faker, refs.userIds, 0.9),
    contact_id: party.contactId,
    company_id: party.companyId,
    industry_id: pickOrNull(faker, refs.industryIds, 0.7),
    current_booking_id: null,
    quality_id: pickOrNull(faker, refs.qualityIds, 0.7),
    stage_id: stage?.id ?? null,
    stage_reason_id: reasonId,
    admin_status_changed_at: between(faker, createdAt, modifiedAt),
    type_id: type?.id ?? null,
    subtype_id: type && type.subtypes.length > 0 ? faker.helpers.arrayElement(type.subtypes) : null,
    source_id: pickOrNull(faker, refs.sourceIds, 1),
    channel_id: pickOrNull(faker, refs.channelIds, 0.6),
    closed_at: closedAt,
    lost_to_competition: closing === 'lost' && faker.datatype.boolean() ? faker.helpers.arrayElement(LOST_TO_COMPETITION) : null,
    external_urls:
      venueId !== null && faker.datatype.boolean({ probability: 0.1 })
        ? JSON.stringify([{ ref: 'hubspot', url: `https://app.hubspot.com/deals/${faker.string.numeric(9)}`, label: 'HubSpot deal' }])
        : null,
    created_at: createdAt,
    modified_at: modifiedAt,
  };
}

async function seedLeads(tx: Scope, faker: Faker, refs: Refs, people: Awaited<ReturnType<typeof parties>>, counts: { leads: number; opportunities: number }, now: number) {
  const rows: TenantInsert<'crm_leads'>[] = [];
  const pickParty = (): Party =>
    people.companyContacts.length > 0 && faker.datatype.boolean({ probability: 0.4 })
      ? faker.helpers.arrayElement(people.companyContacts)
      : faker.helpers.arrayElement(people.contacts);
  for (let i = 0; i < counts.leads; i++) rows.push(leadRow(faker, refs, pickParty(), now, null));
  for (let i = 0; i < counts.opportunities; i++) rows.push(leadRow(faker, refs, pickParty(), now, faker.helpers.arrayElement(refs.venueIds)));
  rows.sort((a, b) => a.created_at - b.created_at);
  const seeded: SeededLead[] = [];
  await inChunks(rows, async (chunk) => {
    const out = await tx.insertInto('crm_leads', chunk).returning(['id', 'name', 'venue_id', 'created_at', 'contact_id', 'company_id']).execute();
    out.forEach((r, i) => {
      if (r.name !== chunk[i]!.name) throw new Error('crm seeding: RETURNING order differs from insertion order');
      seeded.push({ id: r.id, venueId: r.venue_id, createdAt: r.created_at, contactId: r.contact_id, companyId: r.company_id });
    });
  });
  return seeded;
}

function fieldValue(faker: Faker, field: Refs['fields'][number], now: number): unknown {
  switch (field.fieldType) {
    case FieldType.wholeNumber:
      return field.displayName === 'Estimated Budget' ? faker.number.int({ min: 20, max: 400 }) * 250 : faker.number.int({ min: 10, max: 800 });
    case FieldType.date:
      return formatTimestamp(Date.UTC(new Date(now).getUTCFullYear() + 1, faker.number.int(11), 1 + faker.number.int(27)));
    case FieldType.singleSelect:
      return field.options.length > 0 ? faker.helpers.arrayElement(field.options) : null;
    case FieldType.largeText:
      return faker.helpers.arrayElement(NOTES);
    default:
      return null;
  }
}

async function seedFieldValues(tx: Scope, faker: Faker, refs: Refs, leads: readonly SeededLead[], now: number) {
  const rows: Array<{ lead_id: number; field_id: number; value: string }> = [];
  for (const lead of leads) {
    if (!faker.datatype.boolean({ probability: 0.6 })) continue;
    for (const field of faker.helpers.arrayElements(refs.fields, { min: 1, max: Math.min(3, refs.fields.length) })) {
      const value = fieldValue(faker, field, now);
      if (value !== null) rows.push({ lead_id: lead.id, field_id: field.id, value: JSON.stringify(value) });
    }
  }
  await inChunks(rows, async (chunk) => {
    await tx.insertInto('crm_lead_custom_values', chunk).execute();
  });
  return rows.length;
}

async function seedNotes(tx: Scope, faker: Faker, refs: Refs, leads: readonly SeededLead[], now: number) {
  const rows: TenantInsert<'crm_lead_notes'>[] = [];
  for (const lead of leads) {
    const k = faker.helpers.weightedArrayElement([
      { weight: 35, value: 0 },
      { weight: 40, value: 1 },
      { weight: 25, value: 2 },
    ]);
    for (let i = 0; i < k; i++) {
      const createdAt = between(faker, lead.createdAt, now);
      rows.push({
        lead_id: lead.id,
        note_text: `<p>${faker.helpers.arrayElement(NOTES)}</p>\n`,
        created_by_user_id: pickOrNull(faker, refs.userIds, 0.95),
        created_at: createdAt,
        modified_at: faker.datatype.boolean({ probability: 0.2 }) ? between(faker, createdAt, now) : createdAt,
      });
    }
  }
  rows.sort((a, b) => a.created_at - b.created_at);
  await inChunks(rows, async (chunk) => {
    await tx.insertInto('crm_lead_notes', chunk).execute();
  });
  return rows.length;
}

interface Owner {
  venue_id: number | null;
  lead_id: number | null;
  contact_id: number | null;
  company_id: number | null;
  company_contact_id: number | null;
  createdAfter: number;
}

/** Most tasks and activities follow a lead; the rest a contact, a company contact or a venue. */
function pickOwner(faker: Faker, refs: Refs, leads: readonly SeededLead[], people: Awaited<ReturnType<typeof parties>>, now: number): Owner {
  const roll = faker.number.float();
  if (roll < 0.6 || people.contacts.length === 0) {
    const lead = faker.helpers.arrayElement(leads);
    return { venue_id: lead.venueId, lead_id: lead.id, contact_id: null, company_id: null, company_contact_id: null, createdAfter: lead.createdAt };
  }
  const createdAfter = now - 180 * DAY;
  if (roll < 0.8 || people.companyContacts.length === 0) {
    const p = faker.helpers.arrayElement(people.contacts);
    return { venue_id: null, lead_id: null, contact_id: p.contactId, company_id: null, company_contact_id: null, createdAfter };
  }
  if (roll < 0.95) {
    const p = faker.helpers.arrayElement(people.companyContacts);
    return { venue_id: null, lead_id: null, contact_id: null, company_id: p.companyId, company_contact_id: p.contactId, createdAfter };
  }
  if (refs.venueIds.length === 0) {
    const p = faker.helpers.arrayElement(people.contacts);
    return { venue_id: null, lead_id: null, contact_id: p.contactId, company_id: null, company_contact_id: null, createdAfter };
  }
  return { venue_id: faker.helpers.arrayElement(refs.venueIds), lead_id: null, contact_id: null, company_id: null, company_contact_id: null, createdAfter };
}

async function seedTasks(tx: Scope, faker: Faker, refs: Refs, leads: readonly SeededLead[], people: Awaited<ReturnType<typeof parties>>, count: number, now: number) {
  const rows: TenantInsert<'crm_tasks'>[] = [];
  for (let i = 0; i < count; i++) {
    const { createdAfter, ...owner } = pickOwner(faker, refs, leads, people, now);
    const createdAt = between(faker, createdAfter, now);
    const status = faker.helpers.weightedArrayElement([
      { weight: 35, value: 0 },
      { weight: 25, value: 1 },
      { weight: 5, value: 2 },
      { weight: 5, value: 3 },
      { weight: 30, value: 4 },
    ]);
    rows.push({
      ...owner,
      booking_id: null,
      name: faker.helpers.arrayElement(TASK_NAMES),
      description: faker.datatype.boolean({ probability: 0.5 }) ? `<p>${faker.helpers.arrayElement(NOTES)}</p>` : null,
      status,
      priority: faker.helpers.weightedArrayElement([
        { weight: 30, value: 'low' },
        { weight: 50, value: 'medium' },
        { weight: 20, value: 'high' },
      ]),
      assigned_user_id: pickOrNull(faker, refs.userIds, 0.9),
      due_at: createdAt + faker.number.int({ min: 1, max: 45 }) * DAY,
      progress: status === 4 ? 100 : status === 1 ? faker.number.int({ min: 1, max: 9 }) * 10 : 0,
      created_at: createdAt,
      modified_at: between(faker, createdAt, now),
    });
  }
  rows.sort((a, b) => a.created_at - b.created_at);
  await inChunks(rows, async (chunk) => {
    await tx.insertInto('crm_tasks', chunk).execute();
  });
  return rows.length;
}

async function seedActivities(tx: Scope, faker: Faker, refs: Refs, leads: readonly SeededLead[], people: Awaited<ReturnType<typeof parties>>, count: number, now: number) {
  const rows: TenantInsert<'crm_activities'>[] = [];
  for (let i = 0; i < count; i++) {
    const { createdAfter, ...owner } = pickOwner(faker, refs, leads, people, now);
    const createdAt = between(faker, createdAfter, now);
    const subType = faker.helpers.arrayElement([1, 2, 3]);
    const start = createdAt + faker.number.int({ min: 1, max: 30 * 24 }) * HOUR;
    rows.push({
      ...owner,
      sub_type: subType,
      name: faker.helpers.arrayElement(ACTIVITY_NAMES),
      description: faker.datatype.boolean({ probability: 0.5 }) ? `<p>${faker.helpers.arrayElement(NOTES)}</p>` : null,
      purpose_id: pickOrNull(faker, refs.purposeIds, 0.7),
      location: subType === 1 ? faker.location.city() : subType === 2 ? 'Phone' : null,
      priority: faker.helpers.arrayElement(['low', 'medium', 'high']),
      assigned_user_id: pickOrNull(faker, refs.userIds, 0.9),
      start_at: start,
      end_at: start + faker.helpers.arrayElement([15, 30, 60, 90]) * 60_000,
      created_at: createdAt,
      modified_at: between(faker, createdAt, now),
    });
  }
  rows.sort((a, b) => a.created_at - b.created_at);
  await inChunks(rows, async (chunk) => {
    await tx.insertInto('crm_activities', chunk).execute();
  });
  return rows.length;
}

export async function seedCrmData(ctx: SeedContext): Promise<Record<string, number>> {
  const { faker, now } = ctx;
  return ctx.store.transaction(async (tx) => {
    const { refs, counts } = await referenceData(tx, now);
    const people = await parties(tx, ctx.contacts);
    if (people.contacts.length === 0) return counts;
    const leads = await seedLeads(
      tx,
      faker,
      refs,
      people,
      {
        leads: Math.max(5, Math.round(people.contacts.length / 10)),
        // Opportunities are at a venue: none without one.
        opportunities: refs.venueIds.length === 0 ? 0 : Math.max(3, Math.round(people.contacts.length / 20)),
      },
      now,
    );
    const work = Math.round(leads.length * 1.5);
    return {
      ...counts,
      leads: leads.filter((l) => l.venueId === null).length,
      opportunities: leads.filter((l) => l.venueId !== null).length,
      leadCustomValues: await seedFieldValues(tx, faker, refs, leads, now),
      leadNotes: await seedNotes(tx, faker, refs, leads, now),
      tasks: await seedTasks(tx, faker, refs, leads, people, work, now),
      activities: await seedActivities(tx, faker, refs, leads, people, work, now),
    };
  });
}

export const crmSeeder: Seeder = { name: 'crm', seed: seedCrmData };
