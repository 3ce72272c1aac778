/**
 * getLeadStageList and addOrUpdateLeadStage. A stage applies to leads or to opportunities
 * (applyTo) and may carry reasons (the "Won" stage's "Repeat client"); the account's built-in
 * stages are not editable (24321).
 */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id, intEnum, text } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { rejected, STAGE_CODES } from '../errors.js';
import { upsertResult } from '../schemas.js';
import { colour } from './colour.js';
import { upsertEntry } from './entries.js';

export const APPLY_TO = { opportunity: 1, lead: 2 } as const;

const stageResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  reasons: z.array(z.strictObject({ id: z.number().int(), reason: z.string() })),
});

/** Reasons of a page of stages, in one query. */
async function reasonsOf(store: Scope, stageIds: readonly number[]) {
  const out = new Map<number, Array<{ id: number; reason: string }>>();
  if (stageIds.length === 0) return out;
  const rows = await store
    .selectFrom('crm_lead_stage_reasons')
    .select(['id', 'stage_id', 'reason'])
    .where('stage_id', 'in', stageIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.stage_id) ?? [];
    list.push({ id: r.id, reason: r.reason });
    out.set(r.stage_id, list);
  }
  return out;
}

export const getLeadStageList = defineListAction({
  namespace: 'crm',
  action: 'getLeadStageList',
  filters: {
    id: { column: 'crm_lead_stages.id', type: 'integer' },
    name: { column: 'crm_lead_stages.name', type: 'string' },
    // Not part of the documented item, but a client choosing a stage for a lead needs it
    // (docs/compatibility.md, CRM).
    applyTo: { column: 'crm_lead_stages.apply_to', type: 'integer' },
  },
  item: stageResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('crm_lead_stages'),
    idColumn: 'crm_lead_stages.id',
    select: (qb) => qb.select(['crm_lead_stages.id', 'crm_lead_stages.name']),
  }),
  async items(rows, ctx) {
    const reasons = await reasonsOf(ctx.store, rows.map((r) => r.id));
    return rows.map((r) => ({ id: r.id, name: r.name, reasons: reasons.get(r.id) ?? [] }));
  },
});

export const addOrUpdateLeadStage = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateLeadStage',
  kind: 'write',
  params: z.object({
    id: id().optional(),
    name: text(100).optional(),
    colour: colour().nullable().optional(),
    applyTo: intEnum([APPLY_TO.opportunity, APPLY_TO.lead] as const).optional(),
  }),
  result: upsertResult,
  async handler(ctx, params) {
    return upsertEntry(ctx, {
      table: 'crm_lead_stages',
      codes: STAGE_CODES,
      noun: 'lead stage',
      id: params.id,
      name: { param: 'name', column: 'name', value: params.name },
      values: { colour: params.colour, apply_to: params.applyTo },
      requiredOnAdd: [['applyTo', params.applyTo !== undefined]],
      load: (stageId) => ctx.store.selectFrom('crm_lead_stages').selectAll().where('id', '=', stageId).executeTakeFirst(),
      editable: (row) => row.is_system === 0,
      async check(row) {
        // Moving a stage to the other kind would leave the records using it at a stage that
        // no longer applies to them.
        if (!row || params.applyTo === undefined || params.applyTo === row.apply_to) return;
        const used = await ctx.store
          .selectFrom('crm_leads')
          .select('id')
          .where('stage_id', '=', row.id)
          .where('venue_id', row.apply_to === APPLY_TO.opportunity ? 'is not' : 'is', null)
          .executeTakeFirst();
        if (used) {
          const kind = row.apply_to === APPLY_TO.opportunity ? 'opportunities' : 'leads';
          throw rejected(STAGE_CODES, `The lead stage is in use by ${kind}; its applyTo cannot change`);
        }
      },
    });
  },
});
