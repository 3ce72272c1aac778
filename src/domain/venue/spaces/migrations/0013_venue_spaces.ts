import type { Migration } from '../../../../storage/ddl.js';

/** The tables of the venue spaces area (src/domain/venue/spaces/tables.ts). */
export const spacesMigration: Migration = {
  name: '0013_venue_spaces',
  async up() {},
};
