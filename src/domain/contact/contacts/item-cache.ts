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
import { answerCache } from '../../../storage/answer-cache.js';
import { boundedMap, type BoundedMap } from '../../../storage/bounded-map.js';
import { reportCacheSize } from '../../../storage/cache-sizes.js';
import { perDatabase } from '../../../storage/per-database.js';
import type { Scope } from '../../../storage/scope.js';
import { readNow } from '../../../storage/sqlite-direct.js';
import { accountOfRowKey, tenantRowKey, type TenantRowKey } from '../../../storage/tenant-key.js';
import { currentWriteVersion, currentWriteVersionNow } from '../../../storage/write-versions.js';
import { contactEventLinksNow, loadContactEventLinks, type ContactEventLinks, type EventLinkOptions } from '../event-links.js';
import { contactListItem, loadContactRelations } from './shapes.js';
import { findContacts } from './store.js';

/** Bytes of JSON kept per process; the oldest items go first. */
const LIMIT_BYTES = 64 * 1024 * 1024;
/**
 * Slots remembering contacts built once by an in-order read and not kept, so the next read of
 * one keeps it. A slot per hash of (account, id), overwritten on collision: no eviction work,
 * which a FIFO set paid on every item of an export (a deleted head entry is skipped by every
 * later look at the head, until the table is rebuilt).
 */
const SEEN_SLOTS = 65_536;

export interface Entry {
  version: number;
  /** The item's JSON, UTF-8. */
  bytes: Buffer;
}

export interface ItemCache {
  /** Bytes of JSON the cache holds at most. */
  limit: number;
  entries: BoundedMap<TenantRowKey, Entry>;
  /** Contact id and account per slot (admit). */
  seenIds: Float64Array;
  seenAccounts: Float64Array;
  stats: ItemCacheStats;
}

export interface ItemCacheStats {
  /** Items served as kept. */
  hits: number;
  /** Items built from the database. */
  built: number;
}

/** An empty item cache of `limit` bytes (exported for the admission rule's test). */
export function createItemCache(limit: number): ItemCache {
  return {
    limit,
    entries: boundedMap<TenantRowKey, Entry>(limit, (entry) => entry.bytes.length),
    seenIds: new Float64Array(SEEN_SLOTS).fill(-1),
    seenAccounts: new Float64Array(SEEN_SLOTS),
    stats: { hits: 0, built: 0 },
  };
}

function cacheOf(store: Scope): ItemCache {
  return perDatabase(store.executor, 'contact-list-items', (): ItemCache => {
    const cache = createItemCache(LIMIT_BYTES);
    reportCacheSize(store.executor, 'contact-list-items', () => ({ entries: cache.entries.size, bytes: cache.entries.weight, limit: cache.limit, unit: 'bytes' }));
    reportCacheSize(store.executor, 'contact-list-seen', () => ({ entries: SEEN_SLOTS, bytes: null, limit: SEEN_SLOTS, unit: 'entries' }));
    return cache;
  });
}

/** How items were served on this database (for tests and diagnostics). */
export function itemCacheStats(store: Scope): Readonly<ItemCacheStats> {
  return { ...cacheOf(store).stats };
}

/**
 * Whether an item built by an in-order read is worth keeping: a client reading a whole list in
 * order reads each item once, and keeping them all would push out the ones read repeatedly. So
 * such an item is kept only on its second read (the first only remembers its key), and only
 * into room the cache has: in-order reads evict only their own account's dead items (read at
 * an older version, which no read can be served any more). Clients cycling through more items
 * than the cache holds then find the part that fits, instead of each item evicted just before
 * its turn comes round again.
 */
export function admit(cache: ItemCache, accountId: number, id: number, version: number, bytes: number): boolean {
  const slot = (Math.imul(id, 0x9e3779b1) ^ Math.imul(accountId, 0x85ebca6b)) >>> 16;
  if (cache.seenIds[slot] !== id || cache.seenAccounts[slot] !== accountId) {
    cache.seenIds[slot] = id;
    cache.seenAccounts[slot] = accountId;
    return false;
  }
  cache.seenIds[slot] = -1;
  while (cache.entries.weight + bytes > cache.limit) {
    const [oldestKey, oldest] = cache.entries.oldest() as [TenantRowKey, Entry];
    if (accountOfRowKey(oldestKey) !== accountId || oldest.version >= version) return false;
    cache.entries.delete(oldestKey);
  }
  return true;
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
    const key = cache === null ? undefined : tenantRowKey(store, id);
    const entry = key === undefined ? undefined : cache?.entries.get(key);
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
    const key = tenantRowKey(store, id);
    if (key === undefined) continue;
    if (keepBuilt || admit(cache, store.accountId, id, version as number, bytes.length)) cache.entries.set(key, { version: version as number, bytes });
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
    const key = tenantRowKey(store, id);
    const entry = version === undefined || key === undefined ? undefined : cacheOf(store).entries.get(key);
    if (entry === undefined || entry.version !== version) return undefined;
    const links = contactEventLinksNow(store, id, publicUrl, options);
    if (links === undefined) return undefined;
    cacheOf(store).stats.hits++;
    return withEventLinks(entry.bytes, links);
  });
}

/**
 * Whole getContact answers, kept under the write version: every table one is made of is
 * versioned (the contact tables, and the event tables by 0032_contact_event_links), so a kept
 * answer is served after one read of the version. That read is the whole request's database
 * work, which matters most on PostgreSQL, where each statement is a round trip.
 */
const details = answerCache<Buffer | null>({ name: 'contact-details', limit: 32 * 1024 * 1024, weigh: (answer) => 64 + (answer?.length ?? 0) });

/** getContact's JSON (UTF-8), or null when the account has no such contact. */
export async function contactDetailText(
  store: Scope,
  id: number,
  publicUrl: string,
  options: EventLinkOptions = {},
): Promise<Buffer | null> {
  const question = `${id}\u0001${options.byEventStart === true ? 1 : 0}\u0001${publicUrl}`;
  return details.answer(store, question, async () => {
    const kept = keptDetailText(store, id, publicUrl, options);
    if (kept !== undefined) return kept;
    const version = store.inTransaction ? undefined : await currentWriteVersion(store);
    const [[item], events] = await Promise.all([listItemTexts(store, [id], version), loadContactEventLinks(store, [id], publicUrl, options)]);
    if (item === null || item === undefined) return null;
    return withEventLinks(item, events.get(id) ?? { eventInvitations: [], eventRegistrations: [] });
  });
}
