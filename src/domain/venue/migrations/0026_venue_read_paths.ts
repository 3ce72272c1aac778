import type { Migration } from '../../../storage/ddl.js';
import { versionTable } from '../../../storage/write-versions.js';

/** What a getAvailableFunctionSpaces answer is made of (spaces/availability/available-spaces.ts, storage/answer-cache.ts). */
const AVAILABILITY_TABLES = ['venues', 'function_spaces', 'function_space_parts', 'function_space_event_types', 'function_space_layouts', 'space_occupancies'] as const;

/**
 * The polled venue reads (bench/venue-availability.ts, bench/room-rates.ts).
 *
 * Availability (spaces/availability/available-spaces-reads.ts) finds a window's holds by the
 * start, then checks the end and reads what an answer shows of each hold: with all of that in
 * the index, holds that ended before the window are skipped without visiting the table, and the
 * rows that match are read from the index alone. The index replaces the one of 0024, whose
 * columns it starts with. Answers are also kept per process while the account's write version
 * stands, so every table an answer is made of now moves the version.
 *
 * getRoomRates reads the amounts of up to 31 nights of every room type of a plan: with them in
 * the index (beside the unique one the writes rely on) it reads no table rows at all.
 */
export const venueReadPathsMigration: Migration = {
  name: '0026_venue_read_paths',
  async up(db, { dialect }) {
    await db.schema
      .createIndex('space_occupancies_window_covering')
      .on('space_occupancies')
      .columns(['account_id', 'venue_id', 'long_hold', 'held_from', 'held_until', 'id', 'space_id', 'source_kind', 'source_id', 'booking_id', 'pax', 'starts_at', 'ends_at'])
      .execute();
    await db.schema.dropIndex('space_occupancies_window').execute();
    for (const table of AVAILABILITY_TABLES) await versionTable(db, dialect, table);
    await db.schema
      .createIndex('venue_room_dynamic_rates_amounts')
      .on('venue_room_dynamic_rates')
      .columns(['account_id', 'rate_plan_id', 'room_id', 'night', 'cost', 'cost_double', 'cost_triple', 'cost_quad'])
      .execute();
  },
};
