/** Where the bench keeps what it builds: outside the sources, where no linter, compiler or git looks. */
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Datasets (SQLite files, json-server's file), their manifest and the compiled Marquee. */
export const DEFAULT_DATA_DIR = join(ROOT, 'node_modules', '.cache', 'marquee-bench');
