/**
 * A collection action (collections.md, pagination.md, filtering.md) in one declaration: its
 * extra parameters, its documented filters, the rows a page is cut from, how rows become
 * items, and the item schema. `start`, `perPage` (clamped to `cap`), `filter` and the
 * `{meta, results}` envelope are added here, so every list pages, filters and answers alike.
 *
 *   export const getIndustryList = defineListAction({
 *     namespace: 'account', action: 'getIndustryList',
 *     filters: { id: { column: 'industries.id', type: 'integer' }, … },
 *     item: industryResult,
 *     rows: (ctx) => ({ from: ctx.store.selectFrom('industries'), idColumn: 'industries.id',
 *                       select: (qb) => qb.selectAll('industries') }),
 *     items: (rows) => rows.map(industryItem),
 *   });
 */
import type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import { z } from 'zod';
import type { Namespace, ReadActionOf } from '../protocol/catalogue.js';
import { fetchPage, type AnyFilterSpec, type CollectionMeta, type FilterSpec, type Page, type TableColumn } from '../storage/collection.js';
import type { Database } from '../storage/schema.js';
import type { ActionContext } from './context.js';
import type { ActionDefinition } from './define-action.js';
import { collection, type CollectionParams } from './params.js';
import { collectionResult } from './result-schemas.js';

/**
 * The rows of one list call, before paging: a scoped query over the tables `TB`. `DB` is the
 * schema as the query sees it, which differs from `Database` once a left join makes the joined
 * table's columns nullable.
 */
export interface ListRows<TB extends keyof Database & keyof DB, Row, DB = Database> {
  readonly from: SelectQueryBuilder<DB, TB, {}>;
  /** The unique id the list is ordered and paged by. */
  readonly idColumn: TableColumn<TB>;
  select(qb: SelectQueryBuilder<DB, TB, {}>): SelectQueryBuilder<DB, TB, Row>;
  /** Fixed predicates (a parent id parameter, a status taken from the filter). */
  where?(eb: ExpressionBuilder<DB, TB>): Expression<SqlBool>;
  /**
   * Let the paging cache remember totals and page ends (storage/paging-cache.ts): only lists
   * over versioned tables benefit, and the answer is the same either way.
   */
  readonly cached?: boolean;
  /** The filter to apply, when the action took keys out of it (defaults to the parameter). */
  readonly filter?: Record<string, unknown> | null | undefined;
}

type ListParams<E extends z.ZodRawShape> = z.output<z.ZodObject<E>> & CollectionParams;

/** Another selection over the same rows, filters and order (a page of ids only, say). */
export interface RowSelection<TB extends keyof Database & keyof DB, R, DB = Database> {
  select(qb: SelectQueryBuilder<DB, TB, {}>): SelectQueryBuilder<DB, TB, R>;
  /**
   * Names the query for fetchPage to keep and reuse per filter (storage/collection.ts
   * `queryName`); it stands for this selection only, so it must differ between selections.
   */
  readonly queryName?: string;
}

/** Pages the list's rows with `selection` in place of the declared one. */
export type FetchRows<TB extends keyof Database & keyof DB, DB = Database> = <R>(selection: RowSelection<TB, R, DB>) => Promise<Page<R>>;

/** A list's answer: the envelope of collections.md. */
export interface ListAnswer<Item extends z.ZodType> {
  meta: CollectionMeta;
  results: Array<z.input<Item>>;
}

export interface ListSpec<N extends Namespace, A extends ReadActionOf<N>, E extends z.ZodRawShape, Item extends z.ZodType, TB extends keyof Database & keyof DB, Row, DB = Database> {
  readonly namespace: N;
  readonly action: A;
  /**
   * Parameters besides start, perPage and filter. Those three come last unless `params` spreads
   * `collection` where they belong: parameter order is the order validation errors are reported
   * in, and the order of the SDK's generated types (src/protocol/action-types.ts).
   */
  readonly params?: E;
  /** The documented filters; unknown keys are refused (23016). */
  readonly filters: FilterSpec<TB>;
  /** The largest perPage the page allows (default 100); larger requests are clamped. */
  readonly cap?: number;
  /** The documented shape of one result. */
  readonly item: Item;
  /** The rows to page through; may refuse the call (a missing parent → 404). */
  rows(ctx: ActionContext, params: ListParams<E>): ListRows<TB, Row, DB> | Promise<ListRows<TB, Row, DB>>;
  /** A page of rows as documented items. */
  items(rows: Row[], ctx: ActionContext, params: ListParams<E>): Array<z.input<Item>> | Promise<Array<z.input<Item>>>;
  /**
   * For a list whose items need not be made from rows every time (kept serialized by id, as
   * the contact list does): answers the page itself from rows fetched with another selection,
   * or gives undefined to have it answered from `rows` and `items` as usual.
   */
  page?(ctx: ActionContext, params: ListParams<E>, fetch: FetchRows<TB, DB>): Promise<ListAnswer<Item> | undefined>;
}

/** A list action carries its filters, for the tools that read the registry (fuzzing, describe). */
export type ListActionDefinition<N extends string = string, A extends string = string> = ActionDefinition<N, A> & {
  readonly filters: AnyFilterSpec;
};

export function defineListAction<
  const N extends Namespace,
  const A extends ReadActionOf<N>,
  E extends z.ZodRawShape,
  Item extends z.ZodType,
  TB extends keyof Database & keyof DB,
  Row,
  DB = Database,
>(spec: ListSpec<N, A, E, Item, TB, Row, DB>) {
  const params = z.object({ ...(spec.params ?? ({} as E)), ...collection });
  const result = collectionResult(spec.item);
  const definition: ActionDefinition<N, A, typeof params, typeof result> = {
    namespace: spec.namespace,
    action: spec.action,
    kind: 'read',
    params,
    result,
    async handler(ctx, input) {
      const listParams = input as ListParams<E>;
      const rows = await spec.rows(ctx, listParams);
      const fetchRows: FetchRows<TB, DB> = (selection) =>
        fetchPage({
          dialect: ctx.store.dialect,
          from: rows.from,
          filters: spec.filters,
          params: 'filter' in rows ? { ...listParams, filter: rows.filter } : listParams,
          idColumn: rows.idColumn,
          select: (qb) => selection.select(qb as SelectQueryBuilder<DB, TB, {}>),
          ...(rows.where ? { where: (eb) => rows.where!(eb as ExpressionBuilder<DB, TB>) } : {}),
          ...(spec.cap !== undefined ? { cap: spec.cap } : {}),
          ...(rows.cached ? { store: ctx.store } : {}),
          ...(selection.queryName !== undefined ? { queryName: selection.queryName } : {}),
        });
      const answered = spec.page ? await spec.page(ctx, listParams, fetchRows) : undefined;
      if (answered !== undefined) return answered;
      const page = await fetchRows<Row>(rows);
      return { meta: page.meta, results: await spec.items(page.rows, ctx, listParams) };
    },
  };
  return Object.assign(definition, { filters: spec.filters as AnyFilterSpec });
}

export function isListAction(def: ActionDefinition): def is ListActionDefinition {
  return 'filters' in def;
}
