/**
 * Everything SQLite and PostgreSQL do differently, behind one small interface: Marquee's SQL
 * is the same on both except for these. Each method is exercised on both databases by
 * test/storage/dialects.test.ts.
 */
import type { CreateTableBuilder, Expression, Kysely, RawBuilder, SelectQueryBuilder, SqlBool, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import type { Executor } from '../scope.js';
import type { DialectName } from '../url.js';

/**
 * Where a reader of the `changes` outbox stands, and how far it may safely read.
 *
 * A reader keeps a cursor `(seq, id)` and reads rows at or after it in `(seq, id)` order. The
 * catch is that ids are handed out when a row is inserted, not when its transaction commits:
 * - SQLite has one writer at a time, so ids are in commit order and `seq` is simply the id.
 * - On PostgreSQL a transaction holding id 10 may commit after another one that wrote id 11;
 *   a reader that advanced past 11 would never see 10. There `seq` is the id of the writing
 *   transaction (column `txid`, filled by a default), and a reader only reads rows whose
 *   transaction is older than every writer of this database still running. Rows below that
 *   horizon are final: no later commit can add one, so the cursor never skips.
 */
export interface OutboxPosition {
  /** The ordering column of `changes` (qualified with the given alias). */
  seq(alias: string): RawBuilder<number>;
  /** Rows with `seq` below this are final; null when every visible row is (SQLite). */
  horizon(db: Executor): Promise<number | null>;
  /** The cursor of a reader that wants only changes committed from now on. */
  start(db: Executor): Promise<{ seq: number; id: number }>;
}

// Queries of any table go through these helpers unchanged.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySelect = SelectQueryBuilder<any, any, any>;

export interface Dialect {
  readonly name: DialectName;
  /** Adds an auto-increment integer primary key named `id` (64-bit when `big`). */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>, big: boolean): CreateTableBuilder<T, 'id'>;
  /** `column LIKE pattern`, case-insensitive, with `\` escaping `%` and `_`. */
  likeInsensitive(column: Expression<unknown>, pattern: string): RawBuilder<SqlBool>;
  /** Locks the rows a worker is about to lease, passing over rows other workers hold. */
  skipLocked<Q extends AnySelect>(query: Q): Q;
  /** Serialises, until the transaction ends, the writers of one natural key of an account. */
  lockNaturalKey(executor: Executor, inTransaction: boolean, accountId: number, key: string): Promise<void>;
  /** Runs `work` in a write transaction (on SQLite, writes requested together share a commit). */
  transaction<R>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<R>): Promise<R>;
  /**
   * A page of at most `perPage` rows that reads nothing unless `version` (an expression of the
   * account's write version) equals `expected` (paging-cache.ts).
   */
  guardByVersion<Q extends AnySelect>(page: Q, version: RawBuilder<number>, expected: number, perPage: number): Q;
  /** Creates what moves write versions besides the counter table (write-versions.ts). */
  installVersionCounter(db: Kysely<unknown>): Promise<void>;
  /** Installs the trigger(s) that move the account's write version on every write to `table`. */
  versionTable(db: Kysely<unknown>, table: string): Promise<void>;
  /** How readers of the outbox order `changes`, and the column and index that ordering needs. */
  readonly outbox: OutboxPosition;
  addOutboxOrdering(db: Kysely<unknown>): Promise<void>;
}
