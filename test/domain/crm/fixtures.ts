/**
 * Arranging CRM data for the suites: the account lists the API cannot fill (stage reasons,
 * sub types, built-in entries, lead custom fields, industries) straight into storage, people
 * through the contact namespace's own actions, and outbox and error helpers.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { MarqueeClient } from '../../../src/client/index.js';
import type { Scope, TenantInsert } from '../../../src/storage/scope.js';

const stamp = () => ({ created_at: Date.now(), modified_at: Date.now() });

export interface CrmRefs {
  leadStage: number;
  leadStage2: number;
  /** A lead stage with reasons. */
  disqualified: number;
  disqualifiedReasons: number[];
  opportunityStage: number;
  won: number;
  wonReasons: number[];
  plainType: number;
  typeWithSubtypes: number;
  subtypes: number[];
  quality: number;
  source: number;
  referralSource: number;
  channel: number;
  systemChannel: number;
  purpose: number;
  industry: number;
}

async function insertId<T extends Parameters<Scope['insertInto']>[0]>(store: Scope, table: T, values: TenantInsert<T>): Promise<number> {
  const row = await store.insertInto(table, values).returning(sql<number>`id`.as('id')).executeTakeFirstOrThrow();
  return Number(row.id);
}

/** One of everything a lead refers to, with names unique to this call. */
export async function crmRefs(store: Scope): Promise<CrmRefs> {
  const tag = randomBytes(3).toString('hex');
  const stage = (name: string, applyTo: number, system = 0) =>
    insertId(store, 'crm_lead_stages', { name: `${name} ${tag}`, colour: '#336699', apply_to: applyTo, is_system: system, ...stamp() });
  const reason = async (stageId: number, text: string) =>
    insertId(store, 'crm_lead_stage_reasons', { stage_id: stageId, reason: text, created_at: Date.now() });
  const leadStage = await stage('New', 2);
  const leadStage2 = await stage('Contacted', 2);
  const disqualified = await stage('Disqualified', 2);
  const disqualifiedReasons = [await reason(disqualified, 'No budget'), await reason(disqualified, 'Duplicate enquiry')];
  const opportunityStage = await stage('Proposal', 1);
  const won = await stage('Won', 1, 1);
  const wonReasons = [await reason(won, 'Price under budget'), await reason(won, 'Repeat client')];
  const plainType = await insertId(store, 'crm_lead_types', { type: `Association ${tag}`, ...stamp() });
  const typeWithSubtypes = await insertId(store, 'crm_lead_types', { type: `Corporate ${tag}`, ...stamp() });
  const subtypes = [
    await insertId(store, 'crm_lead_subtypes', { type_id: typeWithSubtypes, name: 'Conference', created_at: Date.now() }),
    await insertId(store, 'crm_lead_subtypes', { type_id: typeWithSubtypes, name: 'Meeting', created_at: Date.now() }),
  ];
  return {
    leadStage,
    leadStage2,
    disqualified,
    disqualifiedReasons,
    opportunityStage,
    won,
    wonReasons,
    plainType,
    typeWithSubtypes,
    subtypes,
    quality: await insertId(store, 'crm_lead_qualities', { label: `A-Grade ${tag}`, show_on_dash: 1, ...stamp() }),
    source: await insertId(store, 'crm_lead_sources', { name: `Website ${tag}`, cost: 0, colour: null, description: null, default_type: null, ...stamp() }),
    referralSource: await insertId(store, 'crm_lead_sources', {
      name: `Referral Program ${tag}`,
      cost: 0,
      colour: null,
      description: null,
      is_referral: 1,
      default_type: 1,
      ...stamp(),
    }),
    channel: await insertId(store, 'crm_lead_channels', { name: `Magazine ${tag}`, ...stamp() }),
    systemChannel: await insertId(store, 'crm_lead_channels', { name: `Direct ${tag}`, is_system: 1, ...stamp() }),
    purpose: await insertId(store, 'crm_activity_purposes', { name: `Site visit ${tag}`, type: 2, ...stamp() }),
    industry: await insertId(store, 'industries', { name: `Education ${tag}`, ...stamp() }),
  };
}

export async function addLeadField(
  store: Scope,
  fieldType: number,
  displayName: string,
  options: { required?: boolean; selectValues?: Record<string, string> } = {},
): Promise<number> {
  return insertId(store, 'crm_lead_custom_fields', {
    field_type: fieldType,
    display_name: displayName,
    is_required: options.required ? 1 : 0,
    select_values: options.selectValues ? JSON.stringify(options.selectValues) : null,
    file_types: null,
    ...stamp(),
  });
}

/** A person no other test uses. */
export function person(tag = 'p') {
  const suffix = randomBytes(4).toString('hex');
  return { firstName: `Jo${suffix}`, lastName: `Lead-${tag}`, email: `jo.${tag}.${suffix}@example.com` };
}

export async function newContact(client: MarqueeClient, tag = 'c'): Promise<number> {
  return (await client.call<{ id: number }>('contact', 'addOrUpdateContact', person(tag))).id;
}

export async function newCompany(client: MarqueeClient, name: string, contactIds: number[] = []): Promise<number> {
  const { id } = await client.call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: `${name} ${randomBytes(3).toString('hex')}` });
  for (const contactId of contactIds) await client.call('contact', 'addOrUpdateContact', { id: contactId, companies: [id] });
  return id;
}

/** A valid contact lead request for `addOrUpdateLead`. */
export function leadRequest(refs: CrmRefs, contactId: number, extra: Record<string, unknown> = {}) {
  return {
    name: `Lead ${randomBytes(3).toString('hex')}`,
    contactId,
    industryId: refs.industry,
    sourceId: refs.source,
    typeId: refs.plainType,
    stageId: refs.leadStage,
    ...extra,
  };
}

/**
 * An opportunity (a lead with a venue) — the venue namespace that creates them through the API
 * is not implemented, so tests place them directly.
 */
export async function addOpportunity(
  store: Scope,
  refs: CrmRefs,
  venueId: number,
  values: Partial<TenantInsert<'crm_leads'>> = {},
): Promise<number> {
  return insertId(store, 'crm_leads', {
    venue_id: venueId,
    name: `Opportunity ${randomBytes(3).toString('hex')}`,
    description: null,
    owner_user_id: null,
    contact_id: null,
    company_id: null,
    industry_id: null,
    current_booking_id: null,
    quality_id: null,
    stage_id: refs.opportunityStage,
    stage_reason_id: null,
    admin_status_changed_at: Date.now(),
    type_id: refs.plainType,
    subtype_id: null,
    source_id: refs.source,
    channel_id: null,
    closed_at: null,
    lost_to_competition: null,
    external_urls: null,
    ...stamp(),
    ...values,
  });
}

export interface ChangeRow {
  subject: string;
  endpoint: string;
  body: Record<string, unknown>;
}

export async function lastChangeId(store: Scope): Promise<number> {
  const row = await store
    .selectFrom('changes')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function changesSince(store: Scope, afterId: number): Promise<ChangeRow[]> {
  const rows = await store.selectFrom('changes').selectAll().where('id', '>', afterId).orderBy('id').execute();
  return rows.map((r) => ({ subject: r.subject, endpoint: r.endpoint, body: JSON.parse(r.body) as Record<string, unknown> }));
}

export { expectApiError } from '../../support/api-error.js';

export const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/;

/** Sets a row's modified instant directly, to test time filters at exact seconds. */
export async function setModifiedAt(
  store: Scope,
  table: 'crm_leads' | 'crm_tasks' | 'crm_activities' | 'crm_lead_notes',
  id: number,
  ms: number,
): Promise<void> {
  await store.updateTable(table).set({ modified_at: ms }).where('id' as never, '=', id as never).execute();
}
