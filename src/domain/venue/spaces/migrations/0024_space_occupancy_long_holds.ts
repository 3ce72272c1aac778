import { sql } from 'kysely';
import type { Migration } from '../../../../storage/ddl.js';
import { T } from '../../../../storage/ddl.js';
import { LONG_HOLD_MS } from '../occupancy-window.js';

/**
 * An occupancy overlaps a window when it starts before the window ends and ends after it
 * starts; an index on the start alone bounds only the first half, so a busy venue's query read
 * every hold since the venue opened. Holds up to LONG_HOLD_MS long (sessions) are now found by
 * a start within [window start − LONG_HOLD_MS, window end); the few longer ones (blockouts of
 * weeks) are flagged and read apart.
 */
export const occupancyLongHoldsMigration: Migration = {
  name: '0024_space_occupancy_long_holds',
  async up(db) {
    await db.schema.alterTable('space_occupancies').addColumn('long_hold', T.bool, (c) => c.notNull().defaultTo(0)).execute();
    await sql`UPDATE space_occupancies SET long_hold = 1 WHERE held_until - held_from > ${LONG_HOLD_MS}`.execute(db);
    await db.schema.dropIndex('space_occupancies_window').execute();
    await db.schema
      .createIndex('space_occupancies_window')
      .on('space_occupancies')
      .columns(['account_id', 'venue_id', 'long_hold', 'held_from'])
      .execute();
  },
};
