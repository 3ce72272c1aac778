/**
 * Database URLs: `sqlite:./path.db`, `sqlite:/abs/path.db`, `sqlite::memory:`,
 * `postgres://user@host:port/db` (or `postgresql://`).
 */
import { resolve } from 'node:path';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string; memory: boolean }
  | { dialect: 'postgres'; connectionString: string };

export const DEFAULT_DATABASE_URL = 'sqlite:./data/marquee.db';

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (rest === ':memory:' || rest === '') return { dialect: 'sqlite', file: ':memory:', memory: true };
    return { dialect: 'sqlite', file: resolve(rest), memory: false };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', connectionString: url };
  }
  throw new Error(
    `Unsupported database URL '${redactUrl(url)}': use sqlite:./path.db, sqlite::memory: or postgres://user@host:port/db`,
  );
}

/** The URL with any password replaced, for logs and messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}
