import type { Migration } from '../ddl.js';

/**
 * The outbox purge keeps a change while a delivery of it may still be sent (pending, or dead
 * and redeliverable); this index answers that per change instead of scanning the log.
 */
export const housekeeping: Migration = {
  name: '0030_housekeeping',
  async up(db) {
    await db.schema.createIndex('notification_deliveries_change').on('notification_deliveries').column('change_id').execute();
  },
};
