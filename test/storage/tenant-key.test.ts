import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountOfRowKey, tenantKey, tenantRowKey } from '../../src/storage/tenant-key.js';

describe('tenant keys', () => {
  it('never give two accounts the same key for the same row id', () => {
    assert.notEqual(tenantKey({ accountId: 1 }, 12), tenantKey({ accountId: 12 }, 1));
    const ids = [0, 1, 2, 12, 2 ** 31, 2 ** 32 - 1];
    const accounts = [0, 1, 2, 12, 2 ** 21 - 1];
    const seen = new Map<number, string>();
    for (const accountId of accounts) {
      for (const id of ids) {
        const key = tenantRowKey({ accountId }, id);
        assert.notEqual(key, undefined, `account ${accountId}, id ${id}`);
        assert.equal(seen.get(key!), undefined, `account ${accountId}, id ${id} collides with ${seen.get(key!)}`);
        seen.set(key!, `account ${accountId}, id ${id}`);
        assert.equal(accountOfRowKey(key!), accountId);
        assert.ok(Number.isSafeInteger(key));
      }
    }
  });

  it('give no row key where the number would not be exact, so nothing is kept for that row', () => {
    assert.equal(tenantRowKey({ accountId: 2 ** 21 }, 1), undefined);
    assert.equal(tenantRowKey({ accountId: 1 }, 2 ** 32), undefined);
    assert.equal(tenantRowKey({ accountId: 1 }, -1), undefined);
    assert.equal(tenantRowKey({ accountId: 1 }, 1.5), undefined);
  });
});
