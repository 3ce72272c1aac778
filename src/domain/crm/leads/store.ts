/**
 * Reading leads and opportunities: the row with everything its shape names (owner, contact,
 * company, quality, stage and reason, type, source, channel) joined in, so a page of leads is
 * one query. Every joined row is reached through the lead's own foreign keys, which only ever
 * point inside its account.
 */
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../storage/schema.js';
import type { Scope } from '../../../storage/scope.js';
import type { CrmLeadsTable } from '../tables.js';

export type LeadRow = Selectable<CrmLeadsTable>;

export function joinLeadRefs(qb: SelectQueryBuilder<Database, 'crm_leads', {}>) {
  return qb
    .leftJoin('users as owner', 'owner.id', 'crm_leads.owner_user_id')
    .leftJoin('contacts as contact', 'contact.id', 'crm_leads.contact_id')
    .leftJoin('companies as company', 'company.id', 'crm_leads.company_id')
    .leftJoin('crm_lead_qualities as quality', 'quality.id', 'crm_leads.quality_id')
    .leftJoin('crm_lead_stages as stage', 'stage.id', 'crm_leads.stage_id')
    .leftJoin('crm_lead_stage_reasons as reason', 'reason.id', 'crm_leads.stage_reason_id')
    .leftJoin('crm_lead_types as ltype', 'ltype.id', 'crm_leads.type_id')
    .leftJoin('crm_lead_sources as source', 'source.id', 'crm_leads.source_id')
    .leftJoin('crm_lead_channels as channel', 'channel.id', 'crm_leads.channel_id');
}

type Joined = ReturnType<typeof joinLeadRefs>;

export function selectLeadWithRefs(qb: Joined) {
  return qb.selectAll('crm_leads').select([
    'owner.first_name as owner_first_name',
    'owner.last_name as owner_last_name',
    'owner.email as owner_email',
    'owner.phone as owner_phone',
    'contact.first_name as contact_first_name',
    'contact.last_name as contact_last_name',
    'contact.email as contact_email',
    'contact.phone as contact_phone',
    'company.business_name as company_business_name',
    'company.business_number as company_business_number',
    'company.phone as company_phone',
    'company.email as company_email',
    'quality.label as quality_label',
    'stage.name as stage_name',
    'reason.reason as stage_reason',
    'ltype.type as type_name',
    'source.name as source_name',
    'channel.name as channel_name',
  ]);
}

export type LeadWithRefs = Awaited<ReturnType<ReturnType<typeof selectLeadWithRefs>['executeTakeFirstOrThrow']>>;

export async function findLead(store: Scope, id: number): Promise<LeadRow | undefined> {
  return store.selectFrom('crm_leads').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLeadsWithRefs(store: Scope, ids: readonly number[]): Promise<LeadWithRefs[]> {
  if (ids.length === 0) return [];
  return selectLeadWithRefs(joinLeadRefs(store.selectFrom('crm_leads')))
    .where('crm_leads.id', 'in', [...new Set(ids)])
    .orderBy('crm_leads.id')
    .execute();
}
