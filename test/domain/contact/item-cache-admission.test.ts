/**
 * The item cache's admission rule for in-order reads (contact/contacts/item-cache.ts `admit`):
 * an item is kept on its second read only, and into room the cache has: an in-order read may
 * push out only its own account's items that are dead (kept at an older write version), never
 * another account's and never one still servable. The rule is pure, so it is checked on a small
 * cache here; the 64 MiB cache of a server is not reachable cheaply in a test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admit, createItemCache, type ItemCache } from '../../../src/domain/contact/contacts/item-cache.js';
import { tenantRowKey, type TenantRowKey } from '../../../src/storage/tenant-key.js';

const ITEM = 100;

function key(accountId: number, id: number): TenantRowKey {
  return tenantRowKey({ accountId }, id)!;
}

/** A cache of ten items, full of account 1's items 1..10 kept at `version`. */
function fullCache(version: number): ItemCache {
  const cache = createItemCache(10 * ITEM);
  for (let id = 1; id <= 10; id++) cache.entries.set(key(1, id), { version, bytes: Buffer.alloc(ITEM) });
  return cache;
}

/** `admit` twice in a row, as two in-order reads of the same item would. */
function secondRead(cache: ItemCache, accountId: number, id: number, version: number): boolean {
  assert.equal(admit(cache, accountId, id, version, ITEM), false, 'the first read only remembers the item');
  return admit(cache, accountId, id, version, ITEM);
}

describe('item cache admission of in-order reads', () => {
  it('keeps an item on its second read when there is room', () => {
    const cache = createItemCache(10 * ITEM);
    assert.equal(secondRead(cache, 1, 42, 1), true);
  });

  it("never pushes out another account's items", () => {
    const cache = fullCache(1);
    assert.equal(secondRead(cache, 2, 42, 99), false);
    assert.equal(cache.entries.size, 10);
    assert.notEqual(cache.entries.get(key(1, 1)), undefined);
  });

  it("never pushes out its own account's items that are still servable", () => {
    const cache = fullCache(5);
    assert.equal(secondRead(cache, 1, 42, 5), false);
    assert.equal(cache.entries.size, 10);
  });

  it("pushes out its own account's dead items, oldest first, to make room", () => {
    const cache = fullCache(5);
    assert.equal(secondRead(cache, 1, 42, 6), true);
    assert.equal(cache.entries.get(key(1, 1)), undefined, 'the oldest dead item went');
    assert.notEqual(cache.entries.get(key(1, 2)), undefined, 'only as much room as needed was made');
  });
});
