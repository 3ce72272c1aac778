/**
 * A page of CRM tasks or activities: both lists take an optional `venueId` parameter next to
 * the generic filter, and read their rows with the joins their shapes need.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { CollectionParams } from '../../registry/params.js';
import { fetchPage, type FilterSpec, type Page } from '../../storage/collection.js';
import type { Database } from '../../storage/schema.js';
import type { Scope } from '../../storage/scope.js';

type VenueScopedTable = 'crm_tasks' | 'crm_activities';

export function venueScopedPage<T extends VenueScopedTable, Row>(
  store: Scope,
  table: T,
  params: CollectionParams & { venueId?: number | undefined },
  filters: FilterSpec,
  select: (qb: SelectQueryBuilder<Database, T, {}>) => SelectQueryBuilder<Database, T, Row>,
): Promise<Page<Row>> {
  const { venueId } = params;
  return fetchPage<Row>({
    dialect: store.dialect,
    from: store.selectFrom(table),
    ...(venueId !== undefined ? { where: (eb) => eb(sql.ref<number>(`${table}.venue_id`), '=', venueId) } : {}),
    filters,
    params,
    idColumn: `${table}.id`,
    select: (qb) => select(qb as SelectQueryBuilder<Database, T, {}>),
  });
}
