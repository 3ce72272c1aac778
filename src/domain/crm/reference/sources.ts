/**
 * getLeadSourceList and addOrUpdateLeadSource. Sources the account starts with carry a
 * defaultType (1 = Referral Program) and are not editable (24326). The cost is money: stored in
 * cents, shown as a number of currency units.
 */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { bool, id, number, string, text } from '../../../registry/params.js';
import { SOURCE_CODES } from '../errors.js';
import { upsertResult } from '../schemas.js';
import { colour } from './colour.js';
import { upsertEntry } from './entries.js';

const sourceResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  cost: z.number().min(0),
  isReferral: z.boolean(),
  defaultType: z.number().int().nullable(),
});

/** Whole cents of a non-negative amount ("12.5" → 1250); more precise amounts are refused. */
const cost = () =>
  number()
    .refine((n) => n >= 0, { message: 'Value must be 0 or greater' })
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { message: 'Value must have at most 2 decimal places' })
    .transform((n) => Math.round(n * 100));

export const getLeadSourceList = defineListAction({
  namespace: 'crm',
  action: 'getLeadSourceList',
  filters: {
    id: { column: 'crm_lead_sources.id', type: 'integer' },
    name: { column: 'crm_lead_sources.name', type: 'string' },
    description: { column: 'crm_lead_sources.description', type: 'string' },
    isReferral: { column: 'crm_lead_sources.is_referral', type: 'boolean' },
    defaultType: { column: 'crm_lead_sources.default_type', type: 'integer' },
  },
  item: sourceResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('crm_lead_sources'),
    idColumn: 'crm_lead_sources.id',
    select: (qb) =>
      qb.select([
        'crm_lead_sources.id',
        'crm_lead_sources.name',
        'crm_lead_sources.description',
        'crm_lead_sources.cost',
        'crm_lead_sources.is_referral',
        'crm_lead_sources.default_type',
      ]),
  }),
  items: (rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      cost: Number(r.cost) / 100,
      isReferral: r.is_referral === 1,
      defaultType: r.default_type,
    })),
});

export const addOrUpdateLeadSource = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateLeadSource',
  kind: 'write',
  params: z.object({
    id: id().optional(),
    name: text(100).optional(),
    // Not in the parameter table, but the page's update example sends it.
    description: string(1000).nullable().optional(),
    cost: cost().optional(),
    colour: colour().nullable().optional(),
    isReferral: bool().optional(),
  }),
  result: upsertResult,
  async handler(ctx, params) {
    return upsertEntry(ctx, {
      table: 'crm_lead_sources',
      codes: SOURCE_CODES,
      noun: 'lead source',
      id: params.id,
      name: { param: 'name', column: 'name', value: params.name },
      values: {
        description: params.description === undefined ? undefined : params.description?.trim() || null,
        cost: params.cost,
        colour: params.colour,
        is_referral: params.isReferral === undefined ? undefined : params.isReferral ? 1 : 0,
      },
      load: (sourceId) => ctx.store.selectFrom('crm_lead_sources').selectAll().where('id', '=', sourceId).executeTakeFirst(),
      editable: (row) => row.default_type === null,
    });
  },
});
