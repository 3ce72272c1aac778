/**
 * account.getCostCenterList and account.addOrUpdateCostCenter. Both pages give one specific
 * code, 24150, for everything that can go wrong; the reason is in additionalMessages. Codes are
 * unique per account (ignoring case), since a cost center code is what an accounting export
 * keys on.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { ApiError } from '../../protocol/errors.js';
import { isRequired } from '../../protocol/specific-codes.js';
import { defineAction } from '../../registry/define-action.js';
import { defineListAction } from '../../registry/define-list-action.js';
import { id, string, text } from '../../registry/params.js';
import { upserted, upsertResult } from '../crm/schemas.js';

export const COST_CENTER_CODE = 24150;

const invalidDetails = (status: number, reason: string) =>
  new ApiError(status, COST_CENTER_CODE, 'The cost centers details are invalid', [reason]);

/** Default Type: 1 Other, 2 Food, 3 Beverage, 4 Audio Visual, 5 Room Hire, 6 Accommodation, 7 Service Fees. */
export const DEFAULT_COST_CENTERS = [
  [1, 'Other', 'OTH'],
  [2, 'Food', 'FOOD'],
  [3, 'Beverage', 'BEV'],
  [4, 'Audio Visual', 'AV'],
  [5, 'Room Hire', 'ROOM'],
  [6, 'Accommodation', 'ACC'],
  [7, 'Service Fees', 'SVC'],
] as const;

const costCenterResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  defaultType: z.number().int().min(1).max(7).nullable(),
});

export const getCostCenterList = defineListAction({
  namespace: 'account',
  action: 'getCostCenterList',
  filters: {
    id: { column: 'cost_centers.id', type: 'integer' },
    name: { column: 'cost_centers.name', type: 'string' },
    code: { column: 'cost_centers.code', type: 'string' },
    description: { column: 'cost_centers.description', type: 'string' },
    defaultType: { column: 'cost_centers.default_type', type: 'integer' },
  },
  item: costCenterResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('cost_centers'),
    idColumn: 'cost_centers.id',
    select: (qb) => qb.selectAll('cost_centers'),
  }),
  items: (rows) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      code: r.code,
      description: r.description,
      defaultType: r.default_type,
    })),
});

export const addOrUpdateCostCenter = defineAction({
  namespace: 'account',
  action: 'addOrUpdateCostCenter',
  kind: 'write',
  params: z.object({
    id: id().optional(),
    name: text(100).optional(),
    code: text(50).optional(),
    description: string(1000).nullable().optional(),
  }),
  result: upsertResult,
  async handler(ctx, params) {
    const current =
      params.id === undefined
        ? undefined
        : await ctx.store.selectFrom('cost_centers').selectAll().where('id', '=', params.id).executeTakeFirst();
    if (params.id !== undefined && !current) throw invalidDetails(404, `The cost center ${params.id} does not exist`);
    const set: { name?: string; code?: string; description?: string | null } = {};
    if (params.name !== undefined) set.name = params.name.trim();
    if (params.code !== undefined) set.code = params.code.trim();
    if (params.description !== undefined) set.description = params.description?.trim() || null;
    if (current) {
      if (Object.keys(set).length === 0) throw invalidDetails(400, 'Nothing to update: the request names no field of the cost center');
    } else {
      if (set.name === undefined) throw isRequired('name');
      if (set.code === undefined) throw isRequired('code');
    }
    if (set.code !== undefined) {
      let taken = ctx.store
        .selectFrom('cost_centers')
        .select('id')
        .where(sql`lower(code)`, '=', sql`lower(${set.code})`);
      if (current) taken = taken.where('id', '<>', current.id);
      if (await taken.executeTakeFirst()) throw invalidDetails(400, `A cost center with the code '${set.code}' already exists`);
    }
    if (current) {
      await ctx.store.updateTable('cost_centers').set({ ...set, modified_at: ctx.now }).where('id', '=', current.id).execute();
      return upserted(current.id);
    }
    const row = await ctx.store
      .insertInto('cost_centers', {
        name: set.name!,
        code: set.code!,
        description: set.description ?? null,
        default_type: null,
        created_at: ctx.now,
        modified_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return upserted(row.id);
  },
});
