/**
 * Tenancy is structural: handlers receive a `Scope` bound to the verified key's account, and
 * every query it builds is filtered by (or stamped with) that account. Handlers never see a
 * raw connection, so none can forget the `account_id` predicate.
 */
import type {
  DeleteQueryBuilder,
  DeleteResult,
  Insertable,
  InsertQueryBuilder,
  InsertResult,
  Kysely,
  SelectQueryBuilder,
  Transaction,
  UpdateQueryBuilder,
  UpdateResult,
} from 'kysely';
import { dialectOf } from './dialects/index.js';
import type { Database } from './schema.js';
import type { DialectName } from './url.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** Tables whose rows belong to an account. */
export type TenantTable = {
  [K in keyof Database]: Database[K] extends { account_id: number } ? K : never;
}[keyof Database];

export type TenantInsert<T extends TenantTable> = Omit<Insertable<Database[T]>, 'account_id'>;

export interface Scope {
  readonly accountId: number;
  readonly dialect: DialectName;
  /** True when this scope runs inside a transaction (write actions). */
  readonly inTransaction: boolean;
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}>;
  insertInto<T extends TenantTable>(
    table: T,
    values: TenantInsert<T> | ReadonlyArray<TenantInsert<T>>,
  ): InsertQueryBuilder<Database, T, InsertResult>;
  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult>;
  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult>;
  /** The same account on another executor (used to open a transaction from a read scope). */
  withExecutor(executor: Executor, inTransaction: boolean): Scope;
  /**
   * Runs `fn` in a transaction; reuses the current one when already inside a transaction. On
   * SQLite, transactions requested together share one commit (group-commit.ts).
   */
  transaction<R>(fn: (scope: Scope) => Promise<R>): Promise<R>;
  /**
   * The executor itself, for the few platform modules (outbox, batch bookkeeping) that write
   * rows they scope themselves. Domain code must not use it.
   */
  readonly executor: Executor;
}

// Kysely's builders are generic over the table name; the account predicate is the same for
// every tenant table, so the casts below only tell the compiler what the column is called.
// A class rather than closures: a scope is created for every call, so its methods are shared.
/* eslint-disable @typescript-eslint/no-explicit-any */
class AccountScope implements Scope {
  constructor(
    readonly executor: Executor,
    readonly accountId: number,
    readonly dialect: DialectName,
    readonly inTransaction: boolean,
  ) {}

  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    return (this.executor.selectFrom(table) as any).where(`${table}.account_id`, '=', this.accountId);
  }

  insertInto<T extends TenantTable>(
    table: T,
    values: TenantInsert<T> | ReadonlyArray<TenantInsert<T>>,
  ): InsertQueryBuilder<Database, T, InsertResult> {
    const rows = (Array.isArray(values) ? values : [values]).map((v) => ({ ...v, account_id: this.accountId }));
    return (this.executor.insertInto(table) as any).values(rows);
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    return (this.executor.updateTable(table) as any).where(`${table}.account_id`, '=', this.accountId);
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    return (this.executor.deleteFrom(table) as any).where(`${table}.account_id`, '=', this.accountId);
  }

  withExecutor(next: Executor, inTransaction: boolean): Scope {
    return new AccountScope(next, this.accountId, this.dialect, inTransaction);
  }

  async transaction<R>(fn: (scope: Scope) => Promise<R>): Promise<R> {
    if (this.inTransaction) return fn(this);
    const work = (trx: Transaction<Database>) => fn(new AccountScope(trx, this.accountId, this.dialect, true));
    return dialectOf(this.dialect).transaction(this.executor as Kysely<Database>, work);
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function createScope(executor: Executor, accountId: number, dialect: DialectName, inTransaction = false): Scope {
  return new AccountScope(executor, accountId, dialect, inTransaction);
}
