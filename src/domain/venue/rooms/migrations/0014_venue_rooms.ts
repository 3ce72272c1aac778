import type { Migration } from '../../../../storage/ddl.js';

/** The tables of the venue rooms area (src/domain/venue/rooms/tables.ts). */
export const roomsMigration: Migration = {
  name: '0014_venue_rooms',
  async up() {},
};
