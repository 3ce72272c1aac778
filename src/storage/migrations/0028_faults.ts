import type { Migration } from '../ddl.js';
import { T, withId } from '../ddl.js';

/**
 * Fault injection rules (src/server/faults/): stored rather than held in one process, so the
 * CLI and the operator endpoint of any server set them for a whole fleet. A rule with neither
 * key nor account applies to every caller; namespace and action narrow it the same way.
 * The account column is not named `account_id`: rules are the tester's settings, not account
 * data, so a reset, a wipe or a snapshot restore (which take every `account_id` table) must
 * neither remove nor bring back rules.
 */
export const faults: Migration = {
  name: '0028_faults',
  async up(db, { dialect }) {
    await withId(db.schema.createTable('fault_rules'), dialect)
      .addColumn('target_account', T.int, (c) => c.references('accounts.id').onDelete('cascade'))
      .addColumn('api_key', T.text, (c) => c.references('api_keys.key').onDelete('cascade'))
      .addColumn('namespace', T.text)
      .addColumn('action', T.text)
      // latency | rate-limit | error | drop | timeout
      .addColumn('kind', T.text, (c) => c.notNull())
      // Milliseconds: the delay added (latency) or how long the request is held (timeout).
      .addColumn('duration_ms', T.int)
      .addColumn('status', T.int)
      .addColumn('retry_after', T.int)
      .addColumn('every', T.int, (c) => c.notNull())
      .addColumn('percent', T.decimal)
      .addColumn('seed', T.int)
      .addColumn('times', T.int)
      .addColumn('note', T.text)
      .addColumn('created_at', T.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fault_rules_key').on('fault_rules').column('api_key').execute();
  },
};
