/**
 * Seeds an account with contacts, companies (with departments), subscription groups, custom
 * fields and their values, notes and industries. Volumes scale from `ctx.contacts`. Everything
 * is written with multi-row inserts inside one transaction, and no outbox rows: seed data is
 * the starting state, not a change anyone is notified of.
 */
import type { Faker } from '@faker-js/faker';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { SeedContext, Seeder } from '../../../seed/types.js';
import type { Scope, TenantInsert } from '../../../storage/scope.js';
import { addressOut } from '../address.js';
import { FieldType, listDefinitions, type FieldDefinition } from '../custom-fields/definitions.js';
import type { CustomValue } from '../custom-fields/validate.js';
import { CUSTOM_FIELDS, EVENT_KINDS, INDUSTRIES, NOTE_TEMPLATES, SUBSCRIPTION_GROUPS } from './reference-data.js';

/** Rows per INSERT: well inside SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500;
const DAY = 86_400_000;
const DEPARTMENTS = ['Marketing', 'Finance', 'Human Resources', 'Sales', 'Operations', 'Events', 'Procurement'];
const ACCESSIBILITY = [
  'Wheelchair access required',
  'Hearing loop preferred in plenary sessions',
  'Requires a seat near the exit',
  'Travelling with an assistance dog',
  'Large-print materials please',
];

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

function between(faker: Faker, from: number, to: number): number {
  return to <= from ? from : faker.number.int({ min: from, max: to });
}

/** Reference lists are created once per account; seeding again reuses them. */
async function referenceData(tx: Scope, now: number) {
  const counts = { industries: 0, subscriptionGroups: 0, customFields: 0 };
  if (!(await tx.selectFrom('industries').select('id').executeTakeFirst())) {
    await tx.insertInto('industries', INDUSTRIES.map((name) => ({ name, created_at: now, modified_at: now }))).execute();
    counts.industries = INDUSTRIES.length;
  }
  if (!(await tx.selectFrom('subscription_groups').select('id').executeTakeFirst())) {
    await tx
      .insertInto(
        'subscription_groups',
        SUBSCRIPTION_GROUPS.map((g) => ({ name: g.name, tag_colour: g.colour, created_at: now, modified_at: now })),
      )
      .execute();
    counts.subscriptionGroups = SUBSCRIPTION_GROUPS.length;
  }
  if (!(await tx.selectFrom('custom_field_definitions').select('id').executeTakeFirst())) {
    const order = { contact: 0, company: 0 };
    await tx
      .insertInto(
        'custom_field_definitions',
        CUSTOM_FIELDS.map((f) => ({
          entity: f.entity,
          field_type: f.fieldType,
          display_name: f.displayName,
          is_required: f.isRequired ? 1 : 0,
          is_active: f.isActive === false ? 0 : 1,
          sort_order: ++order[f.entity],
          select_values: f.selectValues ? JSON.stringify(Object.fromEntries(f.selectValues.map((v) => [v, v]))) : null,
          file_types: f.fileTypes ? JSON.stringify(f.fileTypes) : null,
          created_at: now,
          modified_at: now,
        })),
      )
      .execute();
    counts.customFields = CUSTOM_FIELDS.length;
  }
  const [industries, groups, users, contactFields, companyFields] = await Promise.all([
    tx.selectFrom('industries').select('id').orderBy('id').execute(),
    tx.selectFrom('subscription_groups').select('id').orderBy('id').execute(),
    tx.selectFrom('users').select('id').orderBy('id').execute(),
    listDefinitions(tx, 'contact'),
    listDefinitions(tx, 'company'),
  ]);
  return {
    counts,
    industryIds: industries.map((r) => r.id),
    groupIds: groups.map((r) => r.id),
    userIds: users.map((r) => r.id),
    contactFields: contactFields.filter(settable),
    companyFields: companyFields.filter(settable),
  };
}

function settable(def: FieldDefinition): boolean {
  return def.isActive && def.fieldType !== FieldType.staticText;
}

function fakeAddress(faker: Faker) {
  return addressOut({
    line1: faker.location.streetAddress(),
    line2: faker.datatype.boolean({ probability: 0.2 }) ? faker.location.secondaryAddress() : null,
    city: faker.location.city(),
    stateCode: faker.location.state({ abbreviated: true }),
    countryCode: 'US',
    postalCode: faker.location.zipCode('#####'),
  });
}

export function fakeValue(faker: Faker, def: FieldDefinition): CustomValue | null {
  const options = Object.keys(def.selectValues ?? {});
  switch (def.fieldType) {
    case FieldType.smallText:
      return def.displayName === 'Job Title' ? faker.person.jobTitle() : faker.string.numeric(11);
    case FieldType.largeText:
      return faker.helpers.arrayElement(ACCESSIBILITY);
    case FieldType.singleSelect:
    case FieldType.largeSelect:
      return options.length > 0 ? faker.helpers.arrayElement(options) : null;
    case FieldType.multipleSelect:
      return options.length > 0 ? faker.helpers.arrayElements(options, { min: 1, max: Math.min(3, options.length) }) : null;
    case FieldType.address:
      return fakeAddress(faker);
    case FieldType.date:
      return def.displayName === 'Date of Birth'
        ? formatTimestamp(Date.UTC(1950 + faker.number.int(50), faker.number.int(11), 1 + faker.number.int(27)))
        : formatTimestamp(Date.UTC(2025 + faker.number.int(3), faker.number.int(11), 1 + faker.number.int(27)));
    case FieldType.wholeNumber:
      return def.displayName === 'Employees' ? faker.number.int({ min: 5, max: 20_000 }) : faker.number.int(40);
    case FieldType.file:
      return def.fileTypes?.includes('images') ? faker.image.avatar() : null;
    default:
      return null;
  }
}

interface SeededContact {
  id: number;
  createdAt: number;
}

async function seedContacts(tx: Scope, faker: Faker, count: number, now: number): Promise<SeededContact[]> {
  const rows: TenantInsert<'contacts'>[] = [];
  for (let i = 0; i < count; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const createdAt = now - faker.number.int({ min: DAY, max: 3 * 365 * DAY });
    const consent = faker.datatype.boolean({ probability: 0.6 });
    rows.push({
      first_name: firstName,
      last_name: lastName,
      email: faker.internet.email({ firstName, lastName }).toLowerCase(),
      phone: faker.datatype.boolean({ probability: 0.7 }) ? faker.phone.number({ style: 'national' }) : null,
      email_status: faker.helpers.weightedArrayElement([
        { weight: 80, value: 1 },
        { weight: 10, value: 2 },
        { weight: 3, value: 3 },
        { weight: 7, value: 5 },
      ]),
      sms_status: faker.helpers.weightedArrayElement([
        { weight: 70, value: 1 },
        { weight: 15, value: 2 },
        { weight: 3, value: 3 },
        { weight: 12, value: 4 },
      ]),
      external_id: faker.datatype.boolean({ probability: 0.25 }) ? `CRM-${faker.string.alphanumeric(10).toUpperCase()}` : null,
      external_urls: faker.datatype.boolean({ probability: 0.05 })
        ? JSON.stringify([
            { ref: 'linkedin', url: `https://www.linkedin.com/in/${firstName}-${lastName}`.toLowerCase(), label: 'LinkedIn' },
          ])
        : null,
      privacy_consent_source: consent ? faker.number.int({ min: 1, max: 5 }) : null,
      privacy_consent_at: consent ? createdAt : null,
      is_anonymised: 0,
      created_at: createdAt,
      modified_at: between(faker, createdAt, now),
    });
  }
  const seeded: SeededContact[] = [];
  await inChunks(rows, async (chunk) => {
    const ids = await tx.insertInto('contacts', chunk).returning(['id', 'email', 'created_at']).execute();
    ids.forEach((r, i) => {
      // RETURNING hands rows back in insertion order on both engines; check rather than trust.
      if (r.email !== chunk[i]!.email) throw new Error('contact seeding: RETURNING order differs from insertion order');
      seeded.push({ id: r.id, createdAt: r.created_at });
    });
  });
  return seeded;
}

interface CompanyPlan {
  row: TenantInsert<'companies'>;
  departments: TenantInsert<'companies'>[];
  primary: SeededContact | undefined;
  deptPrimaries: Array<SeededContact | undefined>;
  members: SeededContact[];
  deptMembers: SeededContact[][];
}

function companyRow(
  faker: Faker,
  refs: { industryIds: number[]; userIds: number[] },
  now: number,
  name: string,
): TenantInsert<'companies'> {
  const domain = faker.internet.domainName();
  const createdAt = now - faker.number.int({ min: DAY, max: 3 * 365 * DAY });
  const agent = faker.datatype.boolean({ probability: 0.1 });
  const address = fakeAddress(faker);
  const pick = (ids: number[]) => (ids.length > 0 && faker.datatype.boolean({ probability: 0.8 }) ? faker.helpers.arrayElement(ids) : null);
  return {
    external_id: faker.datatype.boolean({ probability: 0.3 }) ? `ACC-${faker.string.numeric(8)}` : null,
    business_name: name,
    trading_name: faker.datatype.boolean({ probability: 0.3 }) ? name.split(/[ ,]/)[0]! : null,
    business_number: faker.string.numeric(11),
    phone: faker.phone.number({ style: 'national' }),
    other_phone: faker.datatype.boolean({ probability: 0.2 }) ? faker.phone.number({ style: 'national' }) : null,
    fax: faker.datatype.boolean({ probability: 0.1 }) ? faker.phone.number({ style: 'national' }) : null,
    website: `https://www.${domain}`,
    email: `info@${domain}`,
    address_line1: address.line1,
    address_line2: address.line2 || null,
    address_city: address.city,
    address_state_code: address.stateCode,
    address_country_code: address.countryCode,
    address_postal_code: address.postalCode,
    primary_account_manager_id: pick(refs.userIds),
    secondary_account_manager_id: faker.datatype.boolean({ probability: 0.3 }) ? pick(refs.userIds) : null,
    industry_id: pick(refs.industryIds),
    is_agent: agent ? 1 : 0,
    commission_space: agent ? faker.helpers.arrayElement([5, 7.5, 10]) : null,
    commission_space_type: agent ? 1 : null,
    commission_food: agent ? faker.helpers.arrayElement([5, 10]) : null,
    commission_food_type: agent ? 1 : null,
    commission_beverage: agent ? 5 : null,
    commission_beverage_type: agent ? 1 : null,
    commission_audio_visual: agent ? faker.helpers.arrayElement([0, 50, 100]) : null,
    commission_audio_visual_type: agent ? 2 : null,
    commission_accommodation: agent ? faker.helpers.arrayElement([8, 10, 12]) : null,
    commission_accommodation_type: agent ? 1 : null,
    iata_number: agent ? faker.string.numeric(8) : null,
    created_at: createdAt,
    modified_at: between(faker, createdAt, now),
  };
}

/** Plans companies and their departments, and which contacts work for each. */
function planCompanies(
  faker: Faker,
  contacts: readonly SeededContact[],
  refs: { industryIds: number[]; userIds: number[] },
  now: number,
): CompanyPlan[] {
  const total = Math.max(3, Math.ceil(contacts.length / 8));
  const roots = Math.max(1, Math.ceil(total * 0.85));
  const plans: CompanyPlan[] = [];
  for (let i = 0; i < roots; i++) {
    plans.push({
      row: companyRow(faker, refs, now, faker.company.name()),
      departments: [],
      primary: undefined,
      deptPrimaries: [],
      members: [],
      deptMembers: [],
    });
  }
  for (let i = roots; i < total; i++) {
    const parent = faker.helpers.arrayElement(plans);
    const taken = parent.departments.map((d) => d.business_name);
    const dept = DEPARTMENTS.find((d) => !taken.includes(`${parent.row.business_name} (${d})`));
    if (!dept) continue;
    parent.departments.push(companyRow(faker, refs, now, `${parent.row.business_name} (${dept})`));
    parent.deptMembers.push([]);
  }
  for (const contact of contacts) {
    const roll = faker.number.float();
    if (roll > 0.75) continue;
    const links = roll < 0.1 ? 2 : 1;
    for (let n = 0; n < links; n++) {
      const plan = faker.helpers.arrayElement(plans);
      const dept = plan.departments.length > 0 && faker.datatype.boolean({ probability: 0.3 }) ? faker.number.int(plan.departments.length - 1) : -1;
      const list = dept < 0 ? plan.members : plan.deptMembers[dept]!;
      if (!list.includes(contact)) list.push(contact);
    }
  }
  for (const plan of plans) {
    plan.primary = plan.members[0];
    plan.deptPrimaries = plan.deptMembers.map((m) => m[0]);
  }
  return plans;
}

async function insertReturningIds(tx: Scope, rows: TenantInsert<'companies'>[]): Promise<number[]> {
  const ids: number[] = [];
  await inChunks(rows, async (chunk) => {
    const out = await tx.insertInto('companies', chunk).returning(['id', 'business_name']).execute();
    out.forEach((r, i) => {
      if (r.business_name !== chunk[i]!.business_name) throw new Error('company seeding: RETURNING order differs');
      ids.push(r.id);
    });
  });
  return ids;
}

async function seedCompanies(
  tx: Scope,
  faker: Faker,
  contacts: readonly SeededContact[],
  refs: { industryIds: number[]; userIds: number[] },
  now: number,
) {
  const plans = planCompanies(faker, contacts, refs, now);
  const rootIds = await insertReturningIds(
    tx,
    plans.map((p) => ({
      ...p.row,
      primary_contact_id: p.primary?.id ?? null,
      tree_left: 1,
      tree_right: 2 * p.departments.length + 2,
      tree_depth: 0,
    })),
  );
  const departments: TenantInsert<'companies'>[] = [];
  const deptOwners: Array<{ plan: CompanyPlan; index: number }> = [];
  plans.forEach((plan, p) =>
    plan.departments.forEach((dept, d) => {
      departments.push({
        ...dept,
        primary_contact_id: plan.deptPrimaries[d]?.id ?? null,
        parent_company_id: rootIds[p]!,
        tree_root_id: rootIds[p]!,
        tree_left: 2 * d + 2,
        tree_right: 2 * d + 3,
        tree_depth: 1,
      });
      deptOwners.push({ plan, index: d });
    }),
  );
  const deptIds = await insertReturningIds(tx, departments);

  const links: Array<{ company_id: number; contact_id: number; created_at: number }> = [];
  plans.forEach((plan, p) => {
    for (const c of plan.members) links.push({ company_id: rootIds[p]!, contact_id: c.id, created_at: c.createdAt });
  });
  deptOwners.forEach(({ plan, index }, i) => {
    for (const c of plan.deptMembers[index]!) links.push({ company_id: deptIds[i]!, contact_id: c.id, created_at: c.createdAt });
  });
  await inChunks(links, async (chunk) => {
    await tx.insertInto('company_contacts', chunk).execute();
  });
  const all = [...rootIds, ...deptIds];
  const created = [...plans.map((p) => p.row.created_at), ...departments.map((d) => d.created_at)];
  return { ids: all, createdAt: created, links: links.length };
}

async function seedMemberships(tx: Scope, faker: Faker, contacts: readonly SeededContact[], groupIds: number[], now: number) {
  const rows: Array<{ group_id: number; contact_id: number; joined_at: number }> = [];
  for (const contact of contacts) {
    const k = faker.helpers.weightedArrayElement([
      { weight: 35, value: 0 },
      { weight: 40, value: 1 },
      { weight: 18, value: 2 },
      { weight: 7, value: 3 },
    ]);
    for (const groupId of faker.helpers.arrayElements(groupIds, Math.min(k, groupIds.length))) {
      rows.push({ group_id: groupId, contact_id: contact.id, joined_at: between(faker, contact.createdAt, now) });
    }
  }
  await inChunks(rows, async (chunk) => {
    await tx.insertInto('subscription_group_members', chunk).execute();
  });
  return rows.length;
}

async function seedValues(
  tx: Scope,
  faker: Faker,
  owners: readonly number[],
  fields: readonly FieldDefinition[],
  table: 'contact_custom_values' | 'company_custom_values',
) {
  const rows: Array<{ owner: number; field_id: number; value: string }> = [];
  if (fields.length === 0) return 0;
  for (const owner of owners) {
    const k = faker.number.int({ min: 0, max: Math.min(4, fields.length) });
    for (const def of faker.helpers.arrayElements(fields, k)) {
      const value = fakeValue(faker, def);
      if (value !== null) rows.push({ owner, field_id: def.id, value: JSON.stringify(value) });
    }
  }
  await inChunks(rows, async (chunk) => {
    if (table === 'contact_custom_values') {
      await tx.insertInto(table, chunk.map((r) => ({ contact_id: r.owner, field_id: r.field_id, value: r.value }))).execute();
    } else {
      await tx.insertInto(table, chunk.map((r) => ({ company_id: r.owner, field_id: r.field_id, value: r.value }))).execute();
    }
  });
  return rows.length;
}

function noteText(faker: Faker): string {
  const text = faker.helpers
    .arrayElement(NOTE_TEMPLATES)
    .replace('{event}', faker.helpers.arrayElement(EVENT_KINDS))
    .replace('{month}', faker.date.month())
    .replace('{amount}', `$${faker.number.int({ min: 5, max: 250 }) * 1000}`)
    .replace('{guests}', String(faker.number.int({ min: 20, max: 800 })));
  return `<p>${text}</p>\n`;
}

async function seedNotes(
  tx: Scope,
  faker: Faker,
  owners: ReadonlyArray<{ id: number; createdAt: number }>,
  count: number,
  userIds: number[],
  now: number,
  table: 'contact_notes' | 'company_notes',
) {
  if (owners.length === 0) return 0;
  const rows: Array<{ owner: number; note_text: string; created_by_user_id: number | null; created_at: number; modified_at: number }> = [];
  for (let i = 0; i < count; i++) {
    const owner = faker.helpers.arrayElement(owners);
    const createdAt = between(faker, owner.createdAt, now);
    rows.push({
      owner: owner.id,
      note_text: noteText(faker),
      created_by_user_id: userIds.length > 0 ? faker.helpers.arrayElement(userIds) : null,
      created_at: createdAt,
      modified_at: faker.datatype.boolean({ probability: 0.2 }) ? between(faker, createdAt, now) : createdAt,
    });
  }
  rows.sort((a, b) => a.created_at - b.created_at);
  await inChunks(rows, async (chunk) => {
    if (table === 'contact_notes') {
      await tx.insertInto(table, chunk.map(({ owner, ...r }) => ({ ...r, contact_id: owner }))).execute();
    } else {
      await tx.insertInto(table, chunk.map(({ owner, ...r }) => ({ ...r, company_id: owner }))).execute();
    }
  });
  return rows.length;
}

export async function seedContactData(ctx: SeedContext): Promise<Record<string, number>> {
  const { faker, now } = ctx;
  return ctx.store.transaction(async (tx) => {
    const refs = await referenceData(tx, now);
    const contacts = await seedContacts(tx, faker, Math.max(0, ctx.contacts), now);
    const companies = await seedCompanies(tx, faker, contacts, refs, now);
    const memberships = await seedMemberships(tx, faker, contacts, refs.groupIds, now);
    const contactValues = await seedValues(
      tx,
      faker,
      contacts.map((c) => c.id),
      refs.contactFields,
      'contact_custom_values',
    );
    const companyValues = await seedValues(tx, faker, companies.ids, refs.companyFields, 'company_custom_values');
    const companyOwners = companies.ids.map((id, i) => ({ id, createdAt: companies.createdAt[i]! }));
    const contactNotes = await seedNotes(tx, faker, contacts, Math.round(contacts.length / 4), refs.userIds, now, 'contact_notes');
    const companyNotes = await seedNotes(tx, faker, companyOwners, Math.round(companyOwners.length / 2), refs.userIds, now, 'company_notes');
    return {
      ...refs.counts,
      contacts: contacts.length,
      companies: companies.ids.length,
      companyContacts: companies.links,
      groupMemberships: memberships,
      contactCustomValues: contactValues,
      companyCustomValues: companyValues,
      contactNotes,
      companyNotes,
    };
  });
}

export const contactSeeder: Seeder = { name: 'contact', seed: seedContactData };
