/** getLeadQualityList and addOrUpdateLeadQuality. */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { bool, id, text } from '../../../registry/params.js';
import { QUALITY_CODES } from '../errors.js';
import { upsertResult } from '../schemas.js';
import { upsertEntry } from './entries.js';

const qualityResult = z.strictObject({ id: z.number().int(), label: z.string(), showOnDash: z.boolean() });

export const getLeadQualityList = defineListAction({
  namespace: 'crm',
  action: 'getLeadQualityList',
  filters: {
    id: { column: 'crm_lead_qualities.id', type: 'integer' },
    label: { column: 'crm_lead_qualities.label', type: 'string' },
    showOnDash: { column: 'crm_lead_qualities.show_on_dash', type: 'boolean' },
  },
  item: qualityResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('crm_lead_qualities'),
    idColumn: 'crm_lead_qualities.id',
    select: (qb) => qb.select(['crm_lead_qualities.id', 'crm_lead_qualities.label', 'crm_lead_qualities.show_on_dash']),
  }),
  items: (rows) => rows.map((r) => ({ id: r.id, label: r.label, showOnDash: r.show_on_dash === 1 })),
});

export const addOrUpdateLeadQuality = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateLeadQuality',
  kind: 'write',
  params: z.object({ id: id().optional(), label: text(100).optional(), showOnDash: bool().optional() }),
  result: upsertResult,
  async handler(ctx, params) {
    return upsertEntry(ctx, {
      table: 'crm_lead_qualities',
      codes: QUALITY_CODES,
      noun: 'lead quality',
      id: params.id,
      name: { param: 'label', column: 'label', value: params.label },
      values: { show_on_dash: params.showOnDash === undefined ? undefined : params.showOnDash ? 1 : 0 },
      load: (qualityId) => ctx.store.selectFrom('crm_lead_qualities').selectAll().where('id', '=', qualityId).executeTakeFirst(),
    });
  },
});
