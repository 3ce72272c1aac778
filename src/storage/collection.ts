/**
 * The one helper behind every collection action (collections.md, pagination.md,
 * filtering.md): `start`, `perPage` clamped to the action's cap, and a whitelisted `filter`
 * turned into bound SQL predicates. Results are ordered by id so that paging in order never
 * skips a row that existed throughout.
 */
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { type ApiError } from '../protocol/errors.js';
import { isNullSentinel, parseFilterKey, type Modifier } from '../protocol/filter-keys.js';
import { doesNotValidate } from '../protocol/specific-codes.js';
import { parseDate, parseTimestamp, SECOND } from '../protocol/timestamp.js';
import { INT_MAX, INT_MIN, MAX_FILTER_KEYS, MAX_FILTER_NAME_LENGTH, MAX_FILTER_VALUE_LENGTH, NUMBER_LIMIT } from '../protocol/limits.js';
import { messages, type CollectionParams } from '../registry/params.js';
import { cachedPage, pagingKey, type PagingKey } from './paging-cache.js';
import { dialectOf } from './dialects/index.js';
import { reportCacheSize } from './cache-sizes.js';
import { perDatabase } from './per-database.js';
import type { Database } from './schema.js';
import type { Scope } from './scope.js';
import { tenantKey } from './tenant-key.js';
import type { DialectName } from './url.js';

export type FilterType = 'string' | 'integer' | 'number' | 'boolean' | 'timestamp' | 'date';

/** `table.column` of one of the tables `TB`, checked against the schema. */
export type TableColumn<TB extends keyof Database> = {
  [T in TB]: `${T & string}.${Exclude<keyof Database[T], symbol> & string}`;
}[TB];

/** A filter on one column; every documented modifier applies. */
export interface ColumnFilter<TB extends keyof Database = keyof Database> {
  readonly column: TableColumn<TB>;
  readonly type: FilterType;
}

// Expression filters build subqueries over other tables and compare computed values, so their
// builder is not narrowed to the listed tables; their SQL is checked by the tests of each list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyExpressionBuilder = ExpressionBuilder<any, any>;

/** A filter computed by the action (fromModifiedDate, companyId, …); equality only. */
export interface ExpressionFilter {
  readonly type: FilterType;
  where(eb: AnyExpressionBuilder, value: FilterValue): Expression<SqlBool>;
}

/** A filter whose value is a list of codes from a fixed set ("Must be an array"). */
export interface CodeListFilter {
  readonly codes: readonly number[];
  whereIn(eb: AnyExpressionBuilder, codes: number[]): Expression<SqlBool>;
}

/** The documented filters of a list over the tables `TB`: column names are checked against the schema. */
export type FilterSpec<TB extends keyof Database = keyof Database> = Readonly<
  Record<string, ColumnFilter<TB> | ExpressionFilter | CodeListFilter>
>;

/** The filters of any list: what the generic paging code takes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFilterSpec = FilterSpec<any>;

/** A parsed filter value: text, number (timestamps as epoch ms), or null for ISNULL. */
export type FilterValue = string | number | null;

export interface CollectionMeta {
  totalResults: number;
  start: number;
  perPage: number;
  count: number;
}

export interface Page<Row> {
  meta: CollectionMeta;
  rows: Row[];
  /**
   * The account's write version the page and total were read at (write-versions.ts), when the
   * paging cache served them; rows are then exactly the data at that version.
   */
  version?: number;
  /** Whether the paging cache continued this page from where an earlier one ended. */
  continued?: boolean;
}

export const DEFAULT_CAP = 100;

export interface PageOptions<Row> {
  dialect: DialectName;
  /** The scoped base query (joins allowed, no selection yet). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  from: SelectQueryBuilder<any, any, {}>;
  filters: AnyFilterSpec;
  params: CollectionParams;
  /** Maximum perPage for this action; larger requests are clamped, never refused. */
  cap?: number;
  /** Fully qualified id column used for the stable order, e.g. `contacts.id`. */
  idColumn: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  select: (qb: SelectQueryBuilder<any, any, {}>) => SelectQueryBuilder<any, any, Row>;
  /** Extra fixed predicates (e.g. a parent id parameter), applied before filters. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  where?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
  /**
   * The handler's store. With it, a collection over versioned tables (write-versions.ts)
   * remembers its total and where recent pages ended, so paging through it in order costs the
   * same on every page (paging-cache.ts). Results are identical either way.
   */
  store?: Scope;
  /**
   * A name the caller gives its query when `from`, `where`, `filters` and `select` are the
   * same on every call (for the store's account and dialect): the query built for a filter is
   * then kept and reused for the same filter, rather than built and compiled again to find it
   * in the paging cache (which cost more than the rest of a cached page). Outside transactions only.
   */
  queryName?: string;
}

interface BuiltQuery {
  base: SelectQueryBuilder<any, any, {}>; // eslint-disable-line @typescript-eslint/no-explicit-any
  key: PagingKey;
}

const MAX_BUILT = 256;

function builtQueries(store: Scope): Map<string, BuiltQuery> {
  return perDatabase(store.executor, 'collection-queries', () => {
    const built = new Map<string, BuiltQuery>();
    reportCacheSize(store.executor, 'collection-queries', () => ({ entries: built.size, bytes: null, limit: MAX_BUILT, unit: 'entries' }));
    return built;
  });
}

export function clampPerPage(requested: number | undefined, cap: number): number {
  const fallback = Math.min(DEFAULT_CAP, cap);
  if (requested === undefined) return fallback;
  return Math.max(1, Math.min(cap, requested));
}

export async function fetchPage<Row>(opts: PageOptions<Row>): Promise<Page<Row>> {
  const cap = opts.cap ?? DEFAULT_CAP;
  const perPage = clampPerPage(opts.params.perPage, cap);
  const start = opts.params.start ?? 0;
  const store = opts.store;
  const reuse = store !== undefined && opts.queryName !== undefined && !store.inTransaction;
  const builtKey = reuse ? `${tenantKey(store, opts.queryName as string)}\u0001${store.dialect}\u0001${JSON.stringify(opts.params.filter ?? {})}` : '';
  let built = reuse ? builtQueries(store).get(builtKey) : undefined;

  let base = built?.base ?? opts.from;
  if (!built) {
    // Validates the filter too: a kept query stands for a filter that validated.
    const predicates = compileFilter(opts.filters, opts.params.filter ?? {}, opts.dialect);
    if (opts.where) base = base.where(opts.where);
    if (predicates.length > 0) base = base.where((eb) => eb.and(predicates.map((p) => p(eb))));
    if (reuse) {
      built = { base, key: pagingKey({ store, base, select: opts.select, idColumn: opts.idColumn }) };
      const kept = builtQueries(store);
      if (kept.size >= MAX_BUILT) kept.delete(kept.keys().next().value as string);
      kept.set(builtKey, built);
    }
  }

  if (store) {
    const cached = await cachedPage({ store, base, select: opts.select, idColumn: opts.idColumn, start, perPage }, built?.key);
    if (cached) {
      return { meta: { totalResults: cached.total, start, perPage, count: cached.rows.length }, rows: cached.rows, version: cached.version, continued: cached.continued };
    }
  }

  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
    opts.select(base).orderBy(opts.idColumn).limit(perPage).offset(start).execute(),
  ]);
  const totalResults = Number((countRow as { total?: number } | undefined)?.total ?? 0);
  return { meta: { totalResults, start, perPage, count: rows.length }, rows };
}

type Predicate = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Validates every filter key and value, then returns one predicate per key. */
export function compileFilter(spec: AnyFilterSpec, filter: Record<string, unknown>, dialect: DialectName): Predicate[] {
  const predicates: Predicate[] = [];
  const entries = Object.entries(filter);
  if (entries.length > MAX_FILTER_KEYS) {
    throw doesNotValidate('filter', [`A filter may have at most ${MAX_FILTER_KEYS} keys`]);
  }
  for (const [key, raw] of entries) {
    if (key.length > MAX_FILTER_NAME_LENGTH) {
      throw doesNotValidate('filter', [`Filter names are at most ${MAX_FILTER_NAME_LENGTH} characters long`]);
    }
    if (typeof raw === 'string' && raw.length > MAX_FILTER_VALUE_LENGTH) {
      throw invalidFilter(key, `Value must be at most ${MAX_FILTER_VALUE_LENGTH} characters long`);
    }
    const direct = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (direct && 'codes' in direct) {
      const codes = codeList(key, raw, direct.codes);
      predicates.push((eb) => (codes.length === 0 ? sql<SqlBool>`1 = 0` : direct.whereIn(eb, codes)));
      continue;
    }
    if (direct && 'where' in direct) {
      const value = parseValue(key, raw, direct.type);
      predicates.push((eb) => direct.where(eb, value));
      continue;
    }
    const { field, modifier } = direct ? { field: key, modifier: null } : parseFilterKey(key);
    const target = Object.hasOwn(spec, field) ? spec[field] : undefined;
    if (!target) throw invalidFilter(key, `Unknown filter '${key}'`);
    if (!('column' in target)) throw invalidFilter(key, `The filter '${field}' does not accept modifiers`);
    predicates.push(columnPredicate(key, target, modifier, raw, dialect));
  }
  return predicates;
}

/** An array of codes from `allowed` (numeric strings accepted), or a 23016 naming `filter.<key>`. */
function codeList(key: string, value: unknown, allowed: readonly number[]): number[] {
  if (!Array.isArray(value)) throw invalidFilter(key, 'Value must be an array');
  return value.map((item) => {
    const n = typeof item === 'number' ? item : typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : NaN;
    if (!allowed.includes(n)) throw invalidFilter(key, `Each value must be one of ${allowed.join(', ')}`);
    return n;
  });
}

function invalidFilter(key: string, message: string): ApiError {
  return doesNotValidate(`filter.${key}`, [message]);
}

function parseValue(key: string, raw: unknown, type: FilterType): FilterValue {
  if (isNullSentinel(raw) || raw === null) return null;
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
  if (text === undefined && typeof raw !== 'boolean') throw invalidFilter(key, 'Value must be a string or a number');
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? raw : String(raw);
    case 'integer': {
      const n = text !== undefined && /^[-+]?\d+$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(n)) throw invalidFilter(key, messages.integer);
      if (n < INT_MIN || n > INT_MAX) throw invalidFilter(key, `Value must be between ${INT_MIN} and ${INT_MAX}`);
      return n;
    }
    case 'number': {
      const n = text !== undefined && text !== '' ? Number(text) : NaN;
      if (!Number.isFinite(n)) throw invalidFilter(key, messages.number);
      if (Math.abs(n) > NUMBER_LIMIT) throw invalidFilter(key, `Value must be between -${NUMBER_LIMIT} and ${NUMBER_LIMIT}`);
      return n;
    }
    case 'boolean':
      if (raw === true || raw === 1 || raw === '1' || raw === 'true') return 1;
      if (raw === false || raw === 0 || raw === '0' || raw === 'false') return 0;
      throw invalidFilter(key, 'Value must be a boolean');
    case 'timestamp': {
      const ms = text === undefined ? null : parseTimestamp(text);
      if (ms === null) throw invalidFilter(key, 'Value must be a timestamp in the format yyyy-mm-dd HH:mm:ss');
      return ms;
    }
    case 'date': {
      const d = text === undefined ? null : parseDate(text);
      if (d === null) throw invalidFilter(key, 'Value must be a date in the format yyyy-mm-dd');
      return d;
    }
  }
}

const LIKE_MODIFIERS: ReadonlySet<Modifier> = new Set(['CONTAINS', 'NOTCONTAINS', 'BEGINS', 'ENDS']);

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function columnPredicate(
  key: string,
  target: ColumnFilter,
  modifier: Modifier | null,
  raw: unknown,
  dialect: DialectName,
): Predicate {
  const col = sql.ref(target.column);

  if (modifier === 'EMPTY') {
    const wantEmpty = !(raw === false || raw === 0 || raw === '0' || raw === 'false');
    const empty = (eb: ExpressionBuilder<any, any>) => // eslint-disable-line @typescript-eslint/no-explicit-any
      target.type === 'string' || target.type === 'date'
        ? eb.or([eb(col, 'is', null), eb(col, '=', '')])
        : eb(col, 'is', null);
    return wantEmpty ? empty : (eb) => eb.not(empty(eb));
  }

  if (modifier !== null && LIKE_MODIFIERS.has(modifier)) {
    if (target.type !== 'string' && target.type !== 'date') {
      throw invalidFilter(key, `The modifier __${modifier} only applies to text fields`);
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') throw invalidFilter(key, 'Value must be a string');
    const text = escapeLike(String(raw));
    const pattern =
      modifier === 'BEGINS' ? `${text}%` : modifier === 'ENDS' ? `%${text}` : `%${text}%`;
    const like = dialectOf(dialect).likeInsensitive(col, pattern);
    if (modifier === 'NOTCONTAINS') return (eb) => eb.or([eb(col, 'is', null), eb.not(like)]);
    return () => like;
  }

  const value = parseValue(key, raw, target.type);
  if (value === null) {
    return modifier === 'NOT' ? (eb) => eb(col, 'is not', null) : (eb) => eb(col, 'is', null);
  }
  // Timestamps carry one-second precision on the wire; a value names the whole second.
  const upper = target.type === 'timestamp' ? (value as number) + SECOND : null;
  switch (modifier) {
    case null:
      return upper === null ? (eb) => eb(col, '=', value) : (eb) => eb.and([eb(col, '>=', value), eb(col, '<', upper)]);
    case 'NOT':
      return upper === null
        ? (eb) => eb.or([eb(col, 'is', null), eb(col, '<>', value)])
        : (eb) => eb.or([eb(col, 'is', null), eb(col, '<', value), eb(col, '>=', upper)]);
    case 'LESSTHAN':
      return upper === null ? (eb) => eb(col, '<=', value) : (eb) => eb(col, '<', upper);
    case 'GREATERTHAN':
      return (eb) => eb(col, '>=', value);
    default:
      throw invalidFilter(key, `Unsupported modifier __${modifier}`);
  }
}
