/**
 * Contact list items (getContactList's results, and the first part of getContact) kept as
 * JSON text per process, and reused while the account's write version is the one they were
 * read at. Building an item takes the contact row, three related queries, shaping and
 * serialization; a page of 100 costs far more than the request around it.
 *
 * Safety rests on the write version (storage/write-versions.ts): every table an item is made
 * of (contacts, custom values and definitions, group memberships, company links, companies)
 * is versioned, an item is kept only when the version read after building it equals the one
 * read before (so every statement in between read that same data), and it is served only to a
 * read at that same version, i.e. on unchanged data. Nothing is kept or served inside a
 * transaction, whose own writes are not versioned until commit.
 */
import { reportCacheSize } from '../../../storage/cache-sizes.js';
import { perDatabase } from '../../../storage/per-database.js';
import type { Scope } from '../../../storage/scope.js';
import { readNow } from '../../../storage/sqlite-direct.js';
import { tenantKey, type TenantKey } from '../../../storage/tenant-key.js';
import { currentWriteVersion, currentWriteVersionNow } from '../../../storage/write-versions.js';
import { contactEventLinksNow, loadContactEventLinks, type ContactEventLinks, type EventLinkOptions } from '../event-links.js';
import { contactListItem, loadContactRelations } from './shapes.js';
import { findContacts } from './store.js';

/** Bytes of JSON kept per process; the oldest items go first. */
const LIMIT_BYTES = 64 * 1024 * 1024;
/** Contacts built once by an in-order read and not kept, remembered to be kept the next time. */
const SEEN_LIMIT = 65_536;

interface Entry {
  version: number;
  /** The item's JSON, UTF-8. */
  bytes: Buffer;
}

interface ItemCache {
  entries: Map<TenantKey, Entry>;
  size: number;
  /** Keys built by in-order reads and not kept (oldest first). */
  seen: Set<TenantKey>;
  stats: ItemCacheStats;
}

export interface ItemCacheStats {
  /** Items served as kept. */
  hits: number;
  /** Items built from the database. */
  built: number;
}

function cacheOf(store: Scope): ItemCache {
  return perDatabase(store.executor, 'contact-list-items', (): ItemCache => {
    const cache: ItemCache = { entries: new Map(), size: 0, seen: new Set(), stats: { hits: 0, built: 0 } };
    reportCacheSize(store.executor, 'contact-list-items', () => ({ entries: cache.entries.size, bytes: cache.size, limit: LIMIT_BYTES, unit: 'bytes' }));
    reportCacheSize(store.executor, 'contact-list-seen', () => ({ entries: cache.seen.size, bytes: null, limit: SEEN_LIMIT, unit: 'entries' }));
    return cache;
  });
}

/** How items were served on this database (for tests and diagnostics). */
export function itemCacheStats(store: Scope): Readonly<ItemCacheStats> {
  return { ...cacheOf(store).stats };
}

function keep(cache: ItemCache, key: TenantKey, entry: Entry): void {
  const previous = cache.entries.get(key);
  if (previous) {
    cache.size -= previous.bytes.length;
    cache.entries.delete(key);
  }
  cache.entries.set(key, entry);
  cache.size += entry.bytes.length;
  while (cache.size > LIMIT_BYTES) {
    const [oldest, old] = cache.entries.entries().next().value as [TenantKey, Entry];
    cache.entries.delete(oldest);
    cache.size -= old.bytes.length;
  }
}

/**
 * Whether an item built by an in-order read is worth keeping: a client reading a whole list in
 * order reads each item once, and keeping them all would push out the ones read repeatedly. So
 * such an item is kept only when it was built before and not kept (the second read of it);
 * the first read only remembers its key.
 */
function admit(cache: ItemCache, key: TenantKey): boolean {
  if (cache.seen.delete(key)) return true;
  cache.seen.add(key);
  if (cache.seen.size > SEEN_LIMIT) cache.seen.delete(cache.seen.values().next().value as TenantKey);
  return false;
}

/**
 * The list item JSON (UTF-8) of each id, in order, or null for an id that is not a contact of
 * the account (any more). `version` is the write version the ids were read at, when known.
 * `keepBuilt: false` (an in-order read) keeps a new item only on its second read (admit).
 */
export async function listItemTexts(
  store: Scope,
  ids: readonly number[],
  version: number | undefined,
  keepBuilt = true,
): Promise<Array<Buffer | null>> {
  const cache = store.inTransaction || version === undefined ? null : cacheOf(store);
  const out: Array<Buffer | null> = new Array<Buffer | null>(ids.length).fill(null);
  const missing: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const entry = cache?.entries.get(tenantKey(store, id));
    if (entry !== undefined && entry.version === version) out[i] = entry.bytes;
    else missing.push(id);
  }
  const stats = cacheOf(store).stats;
  stats.hits += ids.length - missing.length;
  stats.built += missing.length;
  if (missing.length === 0) return out;

  const [rows, relations] = await Promise.all([findContacts(store, missing), loadContactRelations(store, missing)]);
  const built = new Map(rows.map((row) => [row.id, Buffer.from(JSON.stringify(contactListItem(row, relations)), 'utf8')]));
  const unchanged = cache !== null && (await currentWriteVersion(store)) === version;
  for (let i = 0; i < ids.length; i++) {
    if (out[i] !== null) continue;
    const id = ids[i] as number;
    const bytes = built.get(id) ?? null;
    out[i] = bytes;
    if (bytes === null || !unchanged) continue;
    const key = tenantKey(store, id);
    if (keepBuilt || admit(cache, key)) keep(cache, key, { version: version as number, bytes });
  }
  return out;
}

/** The item followed by getContact's two event arrays (the item is an object; they close it). */
function withEventLinks(item: Buffer, links: ContactEventLinks): Buffer {
  const tail = `,"eventInvitations":${JSON.stringify(links.eventInvitations)},"eventRegistrations":${JSON.stringify(links.eventRegistrations)}}`;
  const out = Buffer.allocUnsafe(item.length - 1 + Buffer.byteLength(tail));
  item.copy(out, 0, 0, item.length - 1);
  out.write(tail, item.length - 1, 'utf8');
  return out;
}

/**
 * The common case without waiting, on SQLite: the item is kept at the current version and the
 * contact has no listed registration. Version, kept item and event links are then read in one
 * read transaction (storage/sqlite-direct.ts `readNow`); anything else takes the general path.
 */
function keptDetailText(store: Scope, id: number, publicUrl: string, options: EventLinkOptions): Buffer | undefined {
  if (store.inTransaction) return undefined;
  return readNow(store.executor, () => {
    const version = currentWriteVersionNow(store);
    const entry = version === undefined ? undefined : cacheOf(store).entries.get(tenantKey(store, id));
    if (entry === undefined || entry.version !== version) return undefined;
    const links = contactEventLinksNow(store, id, publicUrl, options);
    if (links === undefined) return undefined;
    cacheOf(store).stats.hits++;
    return withEventLinks(entry.bytes, links);
  });
}

/** getContact's JSON (UTF-8), or null when the account has no such contact. */
export async function contactDetailText(
  store: Scope,
  id: number,
  publicUrl: string,
  options: EventLinkOptions = {},
): Promise<Buffer | null> {
  const kept = keptDetailText(store, id, publicUrl, options);
  if (kept !== undefined) return kept;
  const version = store.inTransaction ? undefined : await currentWriteVersion(store);
  const [[item], events] = await Promise.all([listItemTexts(store, [id], version), loadContactEventLinks(store, [id], publicUrl, options)]);
  if (item === null || item === undefined) return null;
  return withEventLinks(item, events.get(id) ?? { eventInvitations: [], eventRegistrations: [] });
}
