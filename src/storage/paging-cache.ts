/**
 * Makes paging in order cost the same on every page. OFFSET reads and discards every row
 * before `start`, and a COUNT reads the whole result, so reading a collection page by page
 * costs O(n²). Here each process remembers, per query, the total and where recent pages
 * ended (the id of the last row before a position), and starts the next page just past that
 * id instead of skipping rows.
 *
 * What is remembered is only valid for the data it was read from, so it is tied to the
 * account's write version (write-versions.ts; every table the query reads must be versioned),
 * and every statement that uses it checks the version in its own snapshot: a page is served
 * from a remembered position only when the version it read under is the one the position was
 * recorded at, which means the data is unchanged and the result is exactly what OFFSET would
 * give. After any write the next page is computed afresh (COUNT and OFFSET, both checked
 * against one version) and becomes the new starting point. A query that selects only ids
 * also remembers its pages whole (up to a byte budget shared by every query of the database):
 * asked again at an unchanged version, such a page costs one read of the version. Nothing is shared between
 * processes, so this holds for any number of servers on one database. Inside a transaction
 * (a write action) nothing is cached: its own uncommitted writes are not versioned yet.
 */
import { expressionBuilder, sql, type OperationNode, type SelectQueryBuilder } from 'kysely';
import type { DialectName } from './url.js';
import { dialectOf } from './dialects/index.js';
import { addAnchor, newAnchors, nearestAnchor, type Anchors } from './anchors.js';
import { boundedMap, type BoundedMap } from './bounded-map.js';
import { reportCacheSize } from './cache-sizes.js';
import { perDatabase } from './per-database.js';
import type { Database } from './schema.js';
import type { Executor, Scope } from './scope.js';
import { tenantKey } from './tenant-key.js';
import { currentWriteVersion, versionedTablesOf, writeVersionOf, type VersionedTables } from './write-versions.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- collections are generic over their tables */
type Base = SelectQueryBuilder<any, any, {}>;
type Selector<Row> = (qb: Base) => SelectQueryBuilder<any, any, Row>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface PagedQuery<Row> {
  store: Scope;
  /** The scoped, filtered query, before selection. */
  base: Base;
  select: Selector<Row>;
  /** Fully qualified id column of the paged table (its unique key), e.g. `contacts.id`. */
  idColumn: string;
  start: number;
  perPage: number;
}

export interface Shape {
  /** Whether every table the query reads is versioned, so the account's write version covers it. */
  cacheable: boolean;
  /** The property of a selected row that holds its id, when the selection includes it. */
  idKey: string | null;
  /** Whether the id is all the query selects (its pages are then small enough to remember whole). */
  idOnly: boolean;
}

interface State {
  version: number;
  total: number;
  /** Positions → id of the row just before each, at `version`. */
  anchors: Anchors;
}

/** An id-only page remembered whole: its ids, read at `version`. */
interface IdPage {
  version: number;
  ids: number[];
}

interface Cache {
  shapes: Map<string, Shape>;
  states: Map<string, State>;
  /** Query key + `start:perPage` → the page; the oldest go first past PAGE_BYTES. */
  pages: BoundedMap<string, IdPage>;
  stats: PagingStats;
}

export interface PagingStats {
  /** Pages served at a remembered version (no COUNT). */
  hits: number;
  /** …of which started from a remembered position instead of OFFSET from the top. */
  anchored: number;
  /** Pages computed afresh (COUNT + OFFSET). */
  fresh: number;
}

const MAX_QUERIES = 256;
/**
 * Positions remembered per query: enough that a client cycling through a thousand pages of a
 * collection (several integrations paging it, a UI jumping about) starts each from its own.
 */
const MAX_ANCHORS = 1024;
/** Bytes of remembered id pages per database, counted at 8 bytes an id: about 10,000 pages of 100. */
const PAGE_BYTES = 8 * 1024 * 1024;
const MAX_SHAPES = 512;
const ATTEMPTS = 4;

function cacheOf(executor: Executor): Cache {
  return perDatabase(executor, 'paging', (): Cache => {
    const pages = boundedMap<string, IdPage>(PAGE_BYTES, (page) => page.ids.length * 8);
    const cache: Cache = { shapes: new Map(), states: new Map(), pages, stats: { hits: 0, anchored: 0, fresh: 0 } };
    // Each query's state holds at most MAX_ANCHORS positions; id pages are bounded in bytes.
    reportCacheSize(executor, 'paging-queries', () => ({ entries: cache.states.size, bytes: null, limit: MAX_QUERIES, unit: 'entries' }));
    reportCacheSize(executor, 'paging-pages', () => ({ entries: cache.pages.size, bytes: cache.pages.weight, limit: PAGE_BYTES, unit: 'bytes' }));
    reportCacheSize(executor, 'paging-shapes', () => ({ entries: cache.shapes.size, bytes: null, limit: MAX_SHAPES, unit: 'entries' }));
    return cache;
  });
}

/** Counters of how pages were served on this database (for tests and diagnostics). */
export function pagingStats(executor: Executor): Readonly<PagingStats> {
  return { ...cacheOf(executor).stats };
}

function isNode(value: unknown): value is OperationNode & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

function children(node: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) out.push(...value);
    else out.push(value);
  }
  return out;
}

function tableName(node: unknown): string | null {
  if (!isNode(node)) return null;
  if (node.kind === 'AliasNode') return tableName(node.node);
  if (node.kind !== 'TableNode') return null;
  const identifier = (node.table as { identifier?: { name?: string } } | undefined)?.identifier;
  return identifier?.name ?? null;
}

/**
 * A query can be cached when it reads one versioned table keyed by `idColumn`, without joins
 * (so ids are unique in the result), and every table it reads anywhere (filter subqueries
 * included) is versioned. Raw SQL containing a subquery could read a table invisibly, so it
 * disqualifies the query.
 */
function analyse(selected: OperationNode, idColumn: string, versioned: VersionedTables): Shape {
  const root = selected as unknown as Record<string, unknown>;
  const from = (root.from as { froms?: unknown[] } | undefined)?.froms ?? [];
  const main = from.length === 1 ? tableName(from[0]) : null;
  const joins = (root.joins as unknown[] | undefined) ?? [];
  const none: Shape = { cacheable: false, idKey: null, idOnly: false };
  if (main === null || joins.length > 0) return none;
  const key = versioned[main]?.key;
  if (!key || (idColumn !== `${main}.${key}` && idColumn !== key)) return none;

  const tables = new Set<string>();
  let opaque = false;
  const walk = (value: unknown) => {
    if (!isNode(value)) return;
    if (value.kind === 'TableNode') {
      const name = tableName(value);
      if (name !== null) tables.add(name);
      return;
    }
    if (value.kind === 'RawNode' && (value.sqlFragments as string[]).some((f) => /\b(select|from)\b/i.test(f))) opaque = true;
    for (const child of children(value)) walk(child);
  };
  walk(root);
  if (opaque || [...tables].some((t) => !Object.hasOwn(versioned, t))) return none;

  // Remembering positions needs each row's id: `select *`, `table.*` or the bare id column.
  const selections = ((root.selections as Array<{ selection: Record<string, unknown> }> | undefined) ?? []).map((s) => s.selection);
  const selectsId = selections.some((s) => {
    if (s.kind === 'SelectAllNode') return true;
    if (s.kind !== 'ReferenceNode') return false;
    const column = s.column as Record<string, unknown>;
    if (column.kind === 'SelectAllNode') return tableName(s.table) === main || s.table === undefined;
    return (column.column as { name?: string } | undefined)?.name === key;
  });
  const idOnly =
    selections.length === 1 &&
    selections[0]?.kind === 'ReferenceNode' &&
    ((selections[0].column as Record<string, unknown>).column as { name?: string } | undefined)?.name === key;
  return { cacheable: true, idKey: selectsId ? key : null, idOnly };
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
}

/** The page at `version`, or no rows when the data is no longer at that version. */
async function guardedPage<Row>(
  q: PagedQuery<Row>,
  dialect: DialectName,
  version: number,
  anchor: { position: number; id: number } | null,
): Promise<Row[]> {
  let query = q.base;
  if (anchor) query = query.where(sql.ref(q.idColumn), '>', anchor.id);
  const offset = q.start - (anchor?.position ?? 0);
  const page = q.select(query).orderBy(q.idColumn);
  const current = writeVersionOf(expressionBuilder<Database, never>(), q.store.accountId);
  return dialectOf(dialect).guardByVersion(page, current, version, q.perPage).offset(offset).execute();
}

async function countAndVersion(q: PagedQuery<unknown>): Promise<{ total: number; version: number }> {
  const row = (await q.base
    .select((eb) => [eb.fn.countAll<number>().as('total'), writeVersionOf(eb, q.store.accountId).as('version')])
    .executeTakeFirstOrThrow()) as { total: number | string; version: number | string };
  return { total: Number(row.total), version: Number(row.version) };
}

/**
 * The page and total exactly as OFFSET and COUNT would give them, with the write version they
 * were read at, or null when this query cannot be cached (the caller then runs it plainly).
 */
export interface CachedPage<Row> {
  total: number;
  rows: Row[];
  /** The write version the page and total were read at. */
  version: number;
  /** Whether the page continued from where an earlier one ended (a client reading in order). */
  continued: boolean;
}

/** What identifies a paged query in the cache: its SQL and parameters, and its shape. */
export interface PagingKey {
  readonly key: string;
  readonly shape: Shape;
}

/** The query's key (compiling it), for callers that can reuse it for identical queries. */
export function pagingKey(q: Pick<PagedQuery<unknown>, 'store' | 'base' | 'select' | 'idColumn'>): PagingKey {
  const cache = cacheOf(q.store.executor);
  const selected = q.select(q.base);
  const compiled = selected.compile();
  // The account is in the parameters already (the scope binds it); it leads the key as well so
  // that isolation does not depend on how a query happens to be built (tenant-key.ts).
  const key = `${tenantKey(q.store, q.idColumn)}\u0001${compiled.sql}\u0001${JSON.stringify(compiled.parameters)}`;
  let shape = cache.shapes.get(`${q.idColumn}\u0001${compiled.sql}`);
  if (!shape) {
    shape = analyse(selected.toOperationNode(), q.idColumn, versionedTablesOf(q.store.executor));
    remember(cache.shapes, `${q.idColumn}\u0001${compiled.sql}`, shape, MAX_SHAPES);
  }
  return { key, shape };
}

export async function cachedPage<Row>(q: PagedQuery<Row>, given?: PagingKey): Promise<CachedPage<Row> | null> {
  if (q.store.inTransaction) return null;
  const cache = cacheOf(q.store.executor);
  const { key, shape } = given ?? pagingKey(q as PagedQuery<unknown>);
  if (!shape.cacheable) return null;
  const dialect = q.store.dialect;
  const idKey = shape.idKey;
  const pageKey = `${key}\u0001${q.start}:${q.perPage}`;
  const record = (state: State, rows: Row[]) => {
    const last = rows[rows.length - 1] as Record<string, unknown> | undefined;
    if (idKey !== null && last !== undefined && typeof last[idKey] === 'number') {
      addAnchor(state.anchors, q.start + rows.length, last[idKey], MAX_ANCHORS);
    }
    if (shape.idOnly && idKey !== null) {
      cache.pages.set(pageKey, { version: state.version, ids: rows.map((row) => (row as Record<string, number>)[idKey] as number) });
    }
  };

  const known = cache.states.get(key);
  if (known) {
    remember(cache.states, key, known, MAX_QUERIES);
    // Past the end, or a page of ids already read, at the known version: nothing to read
    // but the version (versions only grow, so an unchanged one means unchanged data).
    const page = cache.pages.get(pageKey);
    const ids = q.start >= known.total ? [] : page?.version === known.version ? page.ids : undefined;
    if (ids !== undefined && (await currentWriteVersion(q.store)) === known.version) {
      cache.stats.hits++;
      const rows = idKey === null ? [] : ids.map((id) => ({ [idKey]: id }) as Row);
      return { total: known.total, rows, version: known.version, continued: false };
    }
    const anchor = nearestAnchor(known.anchors, q.start);
    const rows = await guardedPage(q, dialect, known.version, anchor);
    if (rows.length > 0) {
      cache.stats.hits++;
      if (anchor) cache.stats.anchored++;
      record(known, rows);
      return { total: known.total, rows, version: known.version, continued: anchor !== null };
    }
  }

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { total, version } = await countAndVersion(q as PagedQuery<unknown>);
    const rows = await guardedPage(q, dialect, version, null);
    const consistent =
      rows.length > 0 || (q.start >= total && (await currentWriteVersion(q.store)) === version);
    if (!consistent) continue; // a write landed between the COUNT and the page: read both again
    const state: State = { version, total, anchors: newAnchors() };
    record(state, rows);
    remember(cache.states, key, state, MAX_QUERIES);
    cache.stats.fresh++;
    return { total, rows, version, continued: false };
  }
  return null;
}
