/**
 * Column types for migrations, so that a migration reads the same for both dialects and the
 * few real differences (auto-increment keys) are decided here.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from './dialects/index.js';
import type { DialectName } from './url.js';

export interface MigrationContext {
  dialect: DialectName;
}

export interface Migration {
  /** Sorted lexically by the migrator: prefix with a 4-digit sequence number. */
  readonly name: string;
  up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
}

/** Adds an auto-increment integer primary key named `id`. */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
  big = false,
): CreateTableBuilder<T, 'id'> {
  return dialectOf(dialect).addIdColumn(table, big);
}

/** Column type names shared by the dialects (SQLite maps each to its affinity). */
export const T = {
  instant: 'bigint',
  money: 'bigint',
  bool: 'integer',
  int: 'integer',
  text: 'text',
  json: 'text',
  date: 'text',
  time: 'text',
  decimal: 'double precision',
  /** Raw bytes: PostgreSQL's bytea; SQLite stores a Buffer in it as a blob, unchanged. */
  bytes: 'bytea',
} as const;
