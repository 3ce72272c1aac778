/**
 * The lead's own references — quality, industry, source, channel, owner, type and sub type,
 * stage and stage reason — checked against the account and turned into column values. A stage
 * must apply to the record's kind (applyTo: 1 opportunities, 2 leads), a sub type must be one
 * of the type's, a stage reason one of the stage's. Nothing is written here.
 */
import { sql, type Updateable } from 'kysely';
import { isRequired } from '../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../registry/context.js';
import type { TenantTable } from '../../../storage/scope.js';
import { userExists } from '../../account/users-store.js';
import { APPLY_TO } from '../reference/stages.js';
import type { CrmLeadsTable } from '../tables.js';
import { invalidLead } from './errors.js';
import type { LeadInput } from './params.js';
import type { LeadRow } from './store.js';

type LookupTable = Extract<
  TenantTable,
  'crm_lead_qualities' | 'crm_lead_sources' | 'crm_lead_channels' | 'industries' | 'crm_lead_types'
>;

async function exists(ctx: ActionContext, table: LookupTable, id: number): Promise<boolean> {
  const row = await ctx.store
    .selectFrom(table)
    .select(sql<number>`id`.as('id'))
    .where(sql.ref(`${table}.id`), '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

const LOOKUPS = [
  ['qualityId', 'quality_id', 'crm_lead_qualities', 'lead quality'],
  ['industryId', 'industry_id', 'industries', 'industry'],
  ['sourceId', 'source_id', 'crm_lead_sources', 'lead source'],
  ['channelId', 'channel_id', 'crm_lead_channels', 'lead channel'],
] as const;

export async function resolveReferences(
  ctx: ActionContext,
  input: LeadInput,
  current: LeadRow | undefined,
  isOpportunity: boolean,
): Promise<Updateable<CrmLeadsTable>> {
  const set: Updateable<CrmLeadsTable> = {};
  for (const [param, column, table, noun] of LOOKUPS) {
    const value = input[param];
    if (value === undefined) continue;
    if (value !== null && !(await exists(ctx, table, value))) throw invalidLead(`The ${noun} ${value} does not exist`);
    set[column] = value;
  }
  if (input.ownerUserId !== undefined) {
    if (input.ownerUserId !== null && !(await userExists(ctx.store, input.ownerUserId))) {
      throw invalidLead(`The user ${input.ownerUserId} does not exist`);
    }
    set.owner_user_id = input.ownerUserId;
  }
  Object.assign(set, await resolveType(ctx, input, current));
  Object.assign(set, await resolveStage(ctx, input, current, isOpportunity));
  return set;
}

async function resolveType(ctx: ActionContext, input: LeadInput, current: LeadRow | undefined): Promise<Updateable<CrmLeadsTable>> {
  if (input.typeId === undefined && input.subtypeId === undefined) return {};
  const typeId = input.typeId ?? current?.type_id ?? null;
  if (input.typeId !== undefined && !(await exists(ctx, 'crm_lead_types', input.typeId))) {
    throw invalidLead(`The lead type ${input.typeId} does not exist`);
  }
  const subtypes =
    typeId === null
      ? []
      : (await ctx.store.selectFrom('crm_lead_subtypes').select('id').where('type_id', '=', typeId).execute()).map((r) => r.id);
  const typeChanged = input.typeId !== undefined && input.typeId !== current?.type_id;
  const subtypeId = input.subtypeId !== undefined ? input.subtypeId : typeChanged ? null : (current?.subtype_id ?? null);
  if (subtypeId !== null && !subtypes.includes(subtypeId)) {
    throw invalidLead(`The sub type ${subtypeId} is not a sub type of the lead type ${typeId ?? '(none)'}`);
  }
  if (subtypeId === null && subtypes.length > 0) throw isRequired('subtypeId');
  return { type_id: typeId, subtype_id: subtypeId };
}

async function resolveStage(
  ctx: ActionContext,
  input: LeadInput,
  current: LeadRow | undefined,
  isOpportunity: boolean,
): Promise<Updateable<CrmLeadsTable>> {
  if (input.stageId === undefined && input.stageReasonId === undefined) return {};
  const set: Updateable<CrmLeadsTable> = {};
  if (input.stageId !== undefined) {
    const stage = await ctx.store.selectFrom('crm_lead_stages').select(['id', 'apply_to']).where('id', '=', input.stageId).executeTakeFirst();
    if (!stage) throw invalidLead(`The lead stage ${input.stageId} does not exist`);
    const wanted = isOpportunity ? APPLY_TO.opportunity : APPLY_TO.lead;
    if (stage.apply_to !== wanted) {
      throw invalidLead(`The lead stage ${input.stageId} applies to ${isOpportunity ? 'leads' : 'opportunities'}, not ${isOpportunity ? 'opportunities' : 'leads'}`);
    }
    set.stage_id = input.stageId;
    if (input.stageId !== current?.stage_id) set.admin_status_changed_at = ctx.now;
  }
  const stageId = input.stageId ?? current?.stage_id ?? null;
  const stageChanged = input.stageId !== undefined && input.stageId !== current?.stage_id;
  const reasonId = input.stageReasonId !== undefined ? input.stageReasonId : stageChanged ? null : (current?.stage_reason_id ?? null);
  if (reasonId !== null) {
    const reason = await ctx.store
      .selectFrom('crm_lead_stage_reasons')
      .select('stage_id')
      .where('id', '=', reasonId)
      .executeTakeFirst();
    if (!reason || reason.stage_id !== stageId) {
      throw invalidLead(`The stage reason ${reasonId} is not a reason of the lead stage ${stageId ?? '(none)'}`);
    }
  }
  set.stage_reason_id = reasonId;
  return set;
}
