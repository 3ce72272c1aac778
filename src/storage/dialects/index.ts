/** The dialect of a database by name (storage/url.ts decides the name from the URL). */
import type { DialectName } from '../url.js';
import type { Dialect } from './dialect.js';
import { postgres } from './postgres.js';
import { sqlite } from './sqlite.js';

export type { Dialect, OutboxPosition } from './dialect.js';

export function dialectOf(name: DialectName): Dialect {
  return name === 'postgres' ? postgres : sqlite;
}
