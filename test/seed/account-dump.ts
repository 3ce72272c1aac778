/**
 * An account's data as content, for comparing two seedings. Ids are handed out by the
 * database across accounts, so two accounts seeded alike hold the same records under other
 * ids: rows are compared in id order, and every id (a row's own, a foreign key, an id inside a
 * text such as "registration 12" or a JSON list of ids) matches when it names the row of the
 * same rank in both. Secrets stay random by design (public-link tokens, ticket barcodes, venue
 * hash ids made unique per account, event codes derived from ids): they are compared by the
 * row they belong to, wherever they appear (links in emails).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.js';
import type { DialectName } from '../../src/storage/url.js';
import { accountTables } from '../../src/storage/account-wipe.js';

type Row = Record<string, unknown>;

/** Not seeded data: keys and version counters belong to the account's creation and to caches. */
const SKIPPED_TABLES = new Set(['api_keys', 'write_versions']);
/** Columns stamped with the real clock however a seeding is dated. */
const CLOCK_COLUMNS = new Set(['seed_runs.started_at', 'seed_runs.finished_at']);
/**
 * A stored file's content, compressed or hashed, where it renders a secret (a BEO PDF prints
 * the booking's id-derived code): its row, name and type are compared, its bytes cannot be.
 */
const RENDERED_COLUMNS = new Set(['booking_files.bytes', 'booking_files.md5', 'booking_files.byte_size']);
/** Values random (or id-derived) on purpose, each unique to its row. */
const SECRET_COLUMNS = [
  'events.code',
  'bookings.code',
  'booking_files.link_key',
  'event_invitations.token',
  'event_registrations.ticket_token',
  'event_attendees.barcode',
  'invoices.token',
  'venues.hash_id',
];

export interface AccountDump {
  accountId: number;
  tables: Map<string, Row[]>;
  foreignKeys: Map<string, string>;
  /** table -> id -> rank of the row in id order. */
  ranks: Map<string, Map<number, number>>;
  /** Secret value -> "table.column#rank". */
  secrets: Map<string, string>;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export async function dumpAccount(db: Kysely<Database>, dialect: DialectName, accountId: number): Promise<AccountDump> {
  const dump: AccountDump = { accountId, tables: new Map(), foreignKeys: new Map(), ranks: new Map(), secrets: new Map() };
  for (const table of await accountTables(db, dialect)) {
    if (SKIPPED_TABLES.has(table.name)) continue;
    for (const k of table.foreignKeys) dump.foreignKeys.set(`${table.name}.${k.column}`, k.table);
    const rows = (await sql<Row>`select * from ${sql.table(table.name)} where account_id = ${accountId}`.execute(db)).rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    );
    const columns = rows[0] ? Object.keys(rows[0]).sort((x, y) => (x === 'id' ? -1 : y === 'id' ? 1 : 0)) : [];
    rows.sort((x, y) => {
      for (const c of columns) {
        const d = compareValues(x[c], y[c]);
        if (d !== 0) return d;
      }
      return 0;
    });
    if (columns.includes('id')) dump.ranks.set(table.name, new Map(rows.map((r, i) => [Number(r.id), i])));
    for (const [i, r] of rows.entries()) {
      for (const secret of SECRET_COLUMNS) {
        const [t, c] = secret.split('.') as [string, string];
        // Codes made from ids can be equal in two tables; the first name is enough for text.
        if (t === table.name && typeof r[c] === 'string' && !dump.secrets.has(r[c])) dump.secrets.set(r[c], `<${secret}#${i}>`);
      }
    }
    // Users the account was created with are not seeded; their rows still count for ranks.
    dump.tables.set(table.name, table.name === 'users' ? rows.filter((r) => r.is_primary !== 1) : rows);
  }
  return dump;
}

/** Two numbers that are ids of the rows of the same rank in the same table of each account. */
function sameId(a: AccountDump, b: AccountDump, x: number, y: number, only?: string): boolean {
  if (x === y && only === undefined) return true;
  for (const [table, ranks] of a.ranks) {
    if (only !== undefined && table !== only) continue;
    const rank = ranks.get(x);
    if (rank !== undefined && b.ranks.get(table)?.get(y) === rank) return true;
  }
  if (only !== undefined) return false;
  // References shown to people: invoices 1,000,000 + id, credit notes CN 10,000,000 + id.
  if (x > 10_000_000 && y > 10_000_000 && sameId(a, b, x - 10_000_000, y - 10_000_000, 'credit_notes')) return true;
  return x > 1_000_000 && y > 1_000_000 && sameId(a, b, x - 1_000_000, y - 1_000_000, 'invoices');
}

function withoutSecrets(dump: AccountDump, text: string): string {
  let out = text;
  for (const [secret, name] of dump.secrets) if (out.includes(secret)) out = out.split(secret).join(name);
  return out;
}

/** Text equal but for ids that name corresponding rows. */
function sameText(a: AccountDump, b: AccountDump, x: string, y: string): boolean {
  const tx = withoutSecrets(a, x).split(/(\d+)/);
  const ty = withoutSecrets(b, y).split(/(\d+)/);
  if (tx.length !== ty.length) return false;
  return tx.every((part, i) => (i % 2 === 0 ? part === ty[i] : part === ty[i] || sameId(a, b, Number(part), Number(ty[i]))));
}

function sameValue(a: AccountDump, b: AccountDump, table: string, column: string, x: unknown, y: unknown): boolean {
  if (x === null || y === null) return x === y;
  if (column === 'id') return sameId(a, b, Number(x), Number(y), table);
  const parent = a.foreignKeys.get(`${table}.${column}`);
  if (parent !== undefined) return sameId(a, b, Number(x), Number(y), parent);
  // The rows correspond already; what matters is that each has its own value of the same kind.
  if (SECRET_COLUMNS.includes(`${table}.${column}`)) return typeof x === 'string' && typeof y === 'string' && x.length === y.length;
  if (typeof x === 'number' && typeof y === 'number') return x === y || (/_id$/.test(column) && sameId(a, b, x, y));
  return typeof x === 'string' && typeof y === 'string' && (x === y || sameText(a, b, x, y));
}

/** Where two accounts' data differ as content (empty when they hold the same records). */
export function differences(a: AccountDump, b: AccountDump, limit = 20): string[] {
  const out: string[] = [];
  for (const table of new Set([...a.tables.keys(), ...b.tables.keys()])) {
    const ra = a.tables.get(table) ?? [];
    const rb = b.tables.get(table) ?? [];
    if (ra.length !== rb.length) {
      out.push(`${table}: ${ra.length} rows against ${rb.length}`);
      continue;
    }
    for (let i = 0; i < ra.length && out.length < limit; i++) {
      for (const column of new Set([...Object.keys(ra[i]!), ...Object.keys(rb[i]!)])) {
        if (column === 'account_id' || CLOCK_COLUMNS.has(`${table}.${column}`) || RENDERED_COLUMNS.has(`${table}.${column}`)) continue;
        const x = ra[i]![column];
        const y = rb[i]![column];
        if (!sameValue(a, b, table, column, x, y)) {
          out.push(`${table}[${i}].${column}: ${JSON.stringify(x)?.slice(0, 120)} against ${JSON.stringify(y)?.slice(0, 120)}`);
        }
      }
    }
    if (out.length >= limit) break;
  }
  return out;
}

/** Rows by table, as stored (ids included): for data that must not have changed at all. */
export async function rawDump(db: Kysely<Database>, dialect: DialectName, accountId: number): Promise<Record<string, Row[]>> {
  const dump = await dumpAccount(db, dialect, accountId);
  const out: Record<string, Row[]> = {};
  for (const [table, rows] of dump.tables) out[table] = rows;
  return out;
}

/** Rows per table, for saying what a dump holds. */
export function rowCounts(dump: AccountDump): Record<string, number> {
  return Object.fromEntries([...dump.tables].filter(([, rows]) => rows.length > 0).map(([t, rows]) => [t, rows.length]));
}
