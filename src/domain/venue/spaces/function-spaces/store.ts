/** Function spaces of the caller's venues, with what hangs off them (layouts, parts, event types). */
import { sql, type Selectable } from 'kysely';
import type { Scope } from '../../../../storage/scope.js';
import type { FunctionSpaceLayoutsTable, FunctionSpacesTable } from '../tables.js';

export type SpaceRow = Selectable<FunctionSpacesTable>;
export type LayoutRow = Selectable<FunctionSpaceLayoutsTable>;

export interface SpaceRelations {
  layouts: Map<number, LayoutRow[]>;
  parts: Map<number, number[]>;
  eventTypes: Map<number, number[]>;
}

export async function findSpace(store: Scope, id: number): Promise<SpaceRow | undefined> {
  return store.selectFrom('function_spaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function venueSpaces(store: Scope, venueId: number): Promise<SpaceRow[]> {
  return store.selectFrom('function_spaces').selectAll().where('venue_id', '=', venueId).orderBy('id').execute();
}

function group<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** Layouts, parts and event types of some spaces, in three queries. */
export async function spaceRelations(store: Scope, spaceIds: readonly number[]): Promise<SpaceRelations> {
  if (spaceIds.length === 0) return { layouts: new Map(), parts: new Map(), eventTypes: new Map() };
  const [layouts, parts, eventTypes] = await Promise.all([
    store.selectFrom('function_space_layouts').selectAll().where('space_id', 'in', spaceIds).orderBy('id').execute(),
    store.selectFrom('function_space_parts').select(['space_id', 'part_id']).where('space_id', 'in', spaceIds).orderBy('part_id').execute(),
    store
      .selectFrom('function_space_event_types')
      .select(['space_id', 'event_type_id'])
      .where('space_id', 'in', spaceIds)
      .orderBy('event_type_id')
      .execute(),
  ]);
  const partIds = group(parts, (p) => p.space_id);
  const typeIds = group(eventTypes, (t) => t.space_id);
  return {
    layouts: group(layouts, (l) => l.space_id),
    parts: new Map([...partIds].map(([k, v]) => [k, v.map((p) => p.part_id)])),
    eventTypes: new Map([...typeIds].map(([k, v]) => [k, v.map((t) => t.event_type_id)])),
  };
}

/** Another space of the venue with the same name, compared as the unique index compares. */
export async function spaceNamed(store: Scope, venueId: number, name: string, except?: number): Promise<SpaceRow | undefined> {
  let query = store
    .selectFrom('function_spaces')
    .selectAll()
    .where('venue_id', '=', venueId)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (except !== undefined) query = query.where('id', '<>', except);
  return query.executeTakeFirst();
}

/** Whether the space is a part of some combined space. */
export async function isPartOfAnother(store: Scope, spaceId: number): Promise<boolean> {
  return (await store.selectFrom('function_space_parts').select('space_id').where('part_id', '=', spaceId).executeTakeFirst()) !== undefined;
}
