/** Function space categories of the caller's venues. */
import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Scope } from '../../../../storage/scope.js';
import type { FunctionSpaceCategoriesTable } from '../tables.js';

export type CategoryRow = Selectable<FunctionSpaceCategoriesTable>;

/** get-function-space-category-list.md, Returns. */
export const categoryResult = z.strictObject({ id: z.number().int(), name: z.string() });
export type Category = z.input<typeof categoryResult>;

export const categoryShape = (row: CategoryRow): Category => ({ id: row.id, name: row.name });

export async function findCategory(store: Scope, id: number): Promise<CategoryRow | undefined> {
  return store.selectFrom('function_space_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Another category of the venue with the same name, compared as the unique index compares. */
export async function categoryNamed(store: Scope, venueId: number, name: string, except?: number): Promise<CategoryRow | undefined> {
  let query = store
    .selectFrom('function_space_categories')
    .selectAll()
    .where('venue_id', '=', venueId)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (except !== undefined) query = query.where('id', '<>', except);
  return query.executeTakeFirst();
}
