import type { Migration } from '../ddl.js';
import { T } from '../ddl.js';

/**
 * Keys of two kinds: `account` keys call every namespace but `partner`; `partner` keys call
 * only the partner namespace (the marketplace, across accounts). Existing keys are account keys.
 */
export const keyKinds: Migration = {
  name: '0016_key_kinds',
  async up(db) {
    await db.schema.alterTable('api_keys').addColumn('kind', T.text, (c) => c.notNull().defaultTo('account')).execute();
  },
};
