/**
 * Server-side prepared statements for what a server repeats. node-pg sends a parameterised
 * query as an unnamed statement, which PostgreSQL parses and plans anew every time; for the
 * short indexed reads most requests are made of, that costs more than running them. Named, a
 * statement is parsed once per connection and then only bound and executed.
 *
 * The statements are the code's own (Kysely compiles the same text for the same query shape),
 * so their set is small; a bound keeps any generated variety (lists compiled per length) from
 * growing it without end: past it, statements go unnamed as before. Only plain reads and writes
 * are named, never transaction control or session commands.
 *
 * Poolers in transaction mode that do not carry prepared statements across server connections
 * (PgBouncer before 1.21, or with max_prepared_statements = 0) need this off: `pgPrepare: false`
 * (MARQUEE_PG_PREPARE=0).
 */
import type pg from 'pg';

const MAX_NAMES = 4096;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

type Query = (...args: unknown[]) => unknown;

export function prepareRepeatedStatements(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMES && NAMEABLE.test(text)) {
      name = `marquee_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    // Kysely calls query(text, values) and awaits the promise; everything else passes through.
    (client as unknown as { query: Query }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
        const name = nameOf(config);
        if (name !== undefined) return query({ name, text: config, values });
      }
      return callback === undefined ? query(config, values) : query(config, values, callback);
    };
  });
}
