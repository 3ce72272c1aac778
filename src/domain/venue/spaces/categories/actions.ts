/**
 * getFunctionSpaceCategoryList and addOrUpdateFunctionSpaceCategory. Names are unique within a
 * venue (case-insensitive). Changes are recorded as FunctionSpaceCategoryAdded / …Updated with
 * the list item; an update that changes nothing records nothing and keeps modifiedDate.
 */
import { z } from 'zod';
import { isRequired } from '../../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../../registry/context.js';
import { defineAction } from '../../../../registry/define-action.js';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id, text } from '../../../../registry/params.js';
import { requireVenue } from '../../venues/store.js';
import { CATEGORY_CODES, guardWrite, invalid, notFound, rejected } from '../errors.js';
import { upserted, upsertResult } from '../upsert-result.js';
import { categoryNamed, categoryResult, categoryShape, findCategory } from './store.js';

export const getFunctionSpaceCategoryList = defineListAction({
  namespace: 'venue',
  action: 'getFunctionSpaceCategoryList',
  params: { venueId: id() },
  filters: {
    id: { column: 'function_space_categories.id', type: 'integer' },
    name: { column: 'function_space_categories.name', type: 'string' },
  },
  item: categoryResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('function_space_categories'),
      idColumn: 'function_space_categories.id',
      select: (qb) => qb.selectAll('function_space_categories'),
      where: (eb) => eb('function_space_categories.venue_id', '=', venueId),
    };
  },
  items: (rows) => rows.map(categoryShape),
});

const categoryParams = z.object({
  venueId: id().optional(),
  id: id().optional(),
  name: text(255).optional(),
});

async function upsertCategory(ctx: ActionContext, params: z.output<typeof categoryParams>) {
  const name = params.name?.trim();
  if (params.id !== undefined) {
    const current = await findCategory(ctx.store, params.id);
    if (!current || (params.venueId !== undefined && params.venueId !== current.venue_id)) throw notFound(CATEGORY_CODES);
    if (name === undefined) throw invalid(CATEGORY_CODES, 'Nothing to update: the request names no field of the space category');
    if (await categoryNamed(ctx.store, current.venue_id, name, current.id)) {
      throw rejected(CATEGORY_CODES, `name: the venue already has a space category named '${name}'`);
    }
    if (name !== current.name) {
      await ctx.store.updateTable('function_space_categories').set({ name, modified_at: ctx.now }).where('id', '=', current.id).execute();
      await ctx.recordChange('FunctionSpaceCategoryUpdated', { data: categoryShape({ ...current, name }), previousData: categoryShape(current) });
    }
    return upserted(current.id);
  }
  if (params.venueId === undefined) throw isRequired('venueId');
  if (name === undefined) throw isRequired('name');
  const venue = await requireVenue(ctx.store, params.venueId);
  if (await categoryNamed(ctx.store, venue.id, name)) {
    throw rejected(CATEGORY_CODES, `name: the venue already has a space category named '${name}'`);
  }
  const row = await ctx.store
    .insertInto('function_space_categories', { venue_id: venue.id, name, created_at: ctx.now, modified_at: ctx.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.recordChange('FunctionSpaceCategoryAdded', { data: categoryShape(row) });
  return upserted(row.id);
}

export const addOrUpdateFunctionSpaceCategory = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateFunctionSpaceCategory',
  kind: 'write',
  params: categoryParams,
  result: upsertResult,
  handler: (ctx, params) => guardWrite(ctx, CATEGORY_CODES, () => upsertCategory(ctx, params)),
});
