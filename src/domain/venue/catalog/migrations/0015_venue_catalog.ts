import type { Migration } from '../../../../storage/ddl.js';

/** The tables of the venue catalog area (src/domain/venue/catalog/tables.ts). */
export const catalogMigration: Migration = {
  name: '0015_venue_catalog',
  async up() {},
};
