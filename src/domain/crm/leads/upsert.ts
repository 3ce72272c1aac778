/**
 * Adds or updates a lead (contact.addOrUpdateLead) — and, for the venue namespace when it
 * lands, an opportunity (`venueId` of a new record). Everything the request names is checked
 * before the first write; the action's transaction makes the nested contact/company writes and
 * the lead one change.
 */
import type { Updateable } from 'kysely';
import { isRequired } from '../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../registry/context.js';
import type { CrmLeadsTable } from '../tables.js';
import { recordLeadAdded, trackLeadChange } from './changes.js';
import { applyLeadFields, leadFieldDefinitions, resolveLeadFields, type LeadFieldChange } from './custom-fields.js';
import { emptyLeadRequest, invalidLead, leadNotFound } from './errors.js';
import type { LeadInput } from './params.js';
import { applyParty, planParty } from './party.js';
import { resolveReferences } from './references.js';
import { findLead } from './store.js';

export interface LeadUpsertOptions {
  /** The venue of a record being added: absent or null adds a lead, a venue id an opportunity. */
  venueId?: number | null;
  /**
   * Columns the caller resolved itself (venue.addOrUpdateOpportunity's closedDate,
   * lostToCompetition and externalUrls), written with the lead's own.
   */
  columns?: Updateable<CrmLeadsTable>;
}

export async function upsertLead(
  ctx: ActionContext,
  input: LeadInput,
  options: LeadUpsertOptions = {},
): Promise<{ id: number; created: boolean }> {
  const extra = Object.keys(options.columns ?? {}).length > 0;
  if (!extra && !Object.entries(input).some(([key, value]) => key !== 'id' && value !== undefined)) throw emptyLeadRequest();
  const current = input.id === undefined ? undefined : await findLead(ctx.store, input.id);
  if (input.id !== undefined && !current) throw leadNotFound();
  const creating = current === undefined;
  const venueId = current ? current.venue_id : (options.venueId ?? null);

  if (creating) {
    for (const [param, value] of [
      ['name', input.name],
      ['sourceId', input.sourceId],
      ['typeId', input.typeId],
      ['stageId', input.stageId],
    ] as const) {
      if (value === undefined) throw isRequired(param);
    }
  }
  const party = await planParty(ctx, input, current);
  if (creating && party.kind === 'contact' && (input.industryId ?? null) === null) throw isRequired('industryId');
  const set: Updateable<CrmLeadsTable> = await resolveReferences(ctx, input, current, venueId !== null);
  if (input.name !== undefined) set.name = input.name.trim();
  if (input.description !== undefined) set.description = input.description?.trim() || null;
  Object.assign(set, options.columns ?? {});

  let fieldChanges: LeadFieldChange[] = [];
  if (creating || (input.customFields ?? null) !== null) {
    const resolved = resolveLeadFields(await leadFieldDefinitions(ctx.store), input.customFields ?? [], creating);
    if (resolved.problem) throw invalidLead('unknown' in resolved.problem ? resolved.problem.unknown : resolved.problem.missing);
    fieldChanges = resolved.changes;
  }

  if (current) {
    await trackLeadChange(ctx, current.id, async () => {
      const who = await applyParty(ctx, party, current);
      const columns = { ...set, contact_id: who.contactId, company_id: who.companyId };
      await ctx.store.updateTable('crm_leads').set(columns).where('id', '=', current.id).execute();
      await applyLeadFields(ctx.store, current.id, fieldChanges);
    });
    return { id: current.id, created: false };
  }

  const who = await applyParty(ctx, party, undefined);
  const row = await ctx.store
    .insertInto('crm_leads', {
      ...set,
      venue_id: venueId,
      name: set.name!,
      contact_id: who.contactId,
      company_id: who.companyId,
      owner_user_id: set.owner_user_id !== undefined ? set.owner_user_id : ctx.caller.userId,
      admin_status_changed_at: ctx.now,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await applyLeadFields(ctx.store, row.id, fieldChanges);
  await recordLeadAdded(ctx, row.id);
  return { id: row.id, created: true };
}
