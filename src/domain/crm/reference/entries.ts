/**
 * The add-or-update flow shared by the CRM's account lists (stages, types, qualities, sources,
 * channels, activity purposes): update by id, or add when the id is missing, with the
 * checks in the order a client can act on — the record exists, it may be edited, the request
 * changes something, the name is not taken — all before anything is written.
 */
import { sql } from 'kysely';
import type { ActionContext } from '../../../registry/context.js';
import { isRequired } from '../../../protocol/specific-codes.js';
import type { Scope } from '../../../storage/scope.js';
import { guardWrite, invalid, notEditable, notFound, rejected, type PageCodes } from '../errors.js';
import { upserted, type UpsertResult } from '../schemas.js';

export type ListTable =
  | 'crm_lead_stages'
  | 'crm_lead_types'
  | 'crm_lead_qualities'
  | 'crm_lead_sources'
  | 'crm_lead_channels'
  | 'crm_activity_purposes';

/** True when another entry of the list already has this name (ignoring case and outer spaces). */
export async function nameTaken(store: Scope, table: ListTable, column: string, name: string, exceptId?: number): Promise<boolean> {
  let query = store
    .selectFrom(table)
    .select(sql<number>`id`.as('id'))
    .where(sql`lower(${sql.ref(`${table}.${column}`)})`, '=', sql`lower(${name.trim()})`);
  if (exceptId !== undefined) query = query.where(sql.ref(`${table}.id`), '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface EntrySpec<Row> {
  table: ListTable;
  codes: PageCodes;
  /** What the list calls an entry in messages ("lead stage"). */
  noun: string;
  id: number | undefined;
  /** The name parameter and the column holding it. */
  name: { param: string; column: string; value: string | undefined };
  /** Column values the request sets (undefined = not named). The name is added by the flow. */
  values: Record<string, unknown>;
  /** Parameters required when adding, besides the name. */
  requiredOnAdd?: ReadonlyArray<readonly [param: string, present: boolean]>;
  load(id: number): Promise<Row | undefined>;
  editable?(row: Row): boolean;
  /** A check of the merged result against the account's data (throws `rejected`). */
  check?(row: Row | undefined): Promise<void>;
}

export function upsertEntry<Row extends { id: number }>(ctx: ActionContext, spec: EntrySpec<Row>): Promise<UpsertResult> {
  return guardWrite(ctx, spec.codes.failed, () => upsert(ctx, spec));
}

async function upsert<Row extends { id: number }>(ctx: ActionContext, spec: EntrySpec<Row>): Promise<UpsertResult> {
  const values = Object.fromEntries(Object.entries(spec.values).filter(([, v]) => v !== undefined));
  const name = spec.name.value?.trim();
  if (name !== undefined) values[spec.name.column] = name;

  let current: Row | undefined;
  if (spec.id !== undefined) {
    current = await spec.load(spec.id);
    if (!current) throw notFound(spec.codes);
    if (spec.editable && !spec.editable(current)) throw notEditable(spec.codes);
    if (Object.keys(values).length === 0) throw invalid(spec.codes, `Nothing to update: the request names no field of the ${spec.noun}`);
  } else {
    if (name === undefined) throw isRequired(spec.name.param);
    for (const [param, present] of spec.requiredOnAdd ?? []) if (!present) throw isRequired(param);
  }
  if (name !== undefined && (await nameTaken(ctx.store, spec.table, spec.name.column, name, current?.id))) {
    throw rejected(spec.codes, `A ${spec.noun} named '${name}' already exists`);
  }
  await spec.check?.(current);

  if (current) {
    await ctx.store
      .updateTable(spec.table)
      .set({ ...values, modified_at: ctx.now })
      .where(sql.ref(`${spec.table}.id`), '=', current.id)
      .execute();
    return upserted(current.id);
  }
  // Kysely cannot type an insert into "one of these tables"; each caller's values fit its own.
  const row = await ctx.store
    .insertInto(spec.table, { ...values, created_at: ctx.now, modified_at: ctx.now } as never)
    .returning(sql<number>`id`.as('id'))
    .executeTakeFirstOrThrow();
  return upserted(Number(row.id));
}
