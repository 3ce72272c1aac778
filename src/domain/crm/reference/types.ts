/** getLeadTypeList and addOrUpdateLeadType. Sub types are listed with their type. */
import { z } from 'zod';
import { defineAction } from '../../../registry/define-action.js';
import { collection, id, text } from '../../../registry/params.js';
import { fetchPage, type FilterSpec } from '../../../storage/collection.js';
import type { Scope } from '../../../storage/scope.js';
import { TYPE_CODES } from '../errors.js';
import { collectionOf, upsertResult } from '../schemas.js';
import { upsertEntry } from './entries.js';

const typeResult = z.strictObject({
  id: z.number().int(),
  type: z.string(),
  subtypes: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
});

const filters: FilterSpec = {
  id: { column: 'crm_lead_types.id', type: 'integer' },
  type: { column: 'crm_lead_types.type', type: 'string' },
};

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

export const getLeadTypeList = defineAction({
  namespace: 'crm',
  action: 'getLeadTypeList',
  kind: 'read',
  params: z.object(collection),
  result: collectionOf(typeResult),
  async handler(ctx, params) {
    const page = await fetchPage<{ id: number; type: string }>({
      dialect: ctx.store.dialect,
      from: ctx.store.selectFrom('crm_lead_types'),
      filters,
      params,
      idColumn: 'crm_lead_types.id',
      select: (qb) => qb.select(['crm_lead_types.id', 'crm_lead_types.type']),
    });
    const subtypes = await subtypesOf(ctx.store, page.rows.map((r) => r.id));
    return { meta: page.meta, results: page.rows.map((r) => ({ id: r.id, type: r.type, subtypes: subtypes.get(r.id) ?? [] })) };
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
