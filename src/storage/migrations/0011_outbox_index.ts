import type { Migration } from '../ddl.js';

/**
 * Drops `changes_account` (account_id, id). Every reader of the outbox (notification fan-out
 * and delivery) goes by account and endpoint, which `changes_outbox` serves, and that index
 * also leads with account_id for the cascade from accounts. The unused index still cost every
 * write one more page in its commit (docs/performance.md).
 */
export const outboxIndex: Migration = {
  name: '0011_outbox_index',
  async up(db) {
    await db.schema.dropIndex('changes_account').ifExists().execute();
  },
};
