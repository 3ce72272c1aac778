/** getLeadTypeList and addOrUpdateLeadType. Sub types are listed with their type. */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id, text } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { TYPE_CODES } from '../errors.js';
import { upsertResult } from '../schemas.js';
import { upsertEntry } from './entries.js';

const typeResult = z.strictObject({
  id: z.number().int(),
  type: z.string(),
  subtypes: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
});

/** Sub types of a page of types, in one query. */
export async function subtypesOf(store: Scope, typeIds: readonly number[]) {
  const out = new Map<number, Array<{ id: number; name: string }>>();
  if (typeIds.length === 0) return out;
  const rows = await store
    .selectFrom('crm_lead_subtypes')
    .select(['id', 'type_id', 'name'])
    .where('type_id', 'in', typeIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.type_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.type_id, list);
  }
  return out;
}

export const getLeadTypeList = defineListAction({
  namespace: 'crm',
  action: 'getLeadTypeList',
  filters: {
    id: { column: 'crm_lead_types.id', type: 'integer' },
    type: { column: 'crm_lead_types.type', type: 'string' },
  },
  item: typeResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('crm_lead_types'),
    idColumn: 'crm_lead_types.id',
    select: (qb) => qb.select(['crm_lead_types.id', 'crm_lead_types.type']),
  }),
  async items(rows, ctx) {
    const subtypes = await subtypesOf(ctx.store, rows.map((r) => r.id));
    return rows.map((r) => ({ id: r.id, type: r.type, subtypes: subtypes.get(r.id) ?? [] }));
  },
});

export const addOrUpdateLeadType = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateLeadType',
  kind: 'write',
  params: z.object({ id: id().optional(), type: text(100).optional() }),
  result: upsertResult,
  async handler(ctx, params) {
    return upsertEntry(ctx, {
      table: 'crm_lead_types',
      codes: TYPE_CODES,
      noun: 'lead type',
      id: params.id,
      name: { param: 'type', column: 'type', value: params.type },
      values: {},
      load: (typeId) => ctx.store.selectFrom('crm_lead_types').selectAll().where('id', '=', typeId).executeTakeFirst(),
    });
  },
});
