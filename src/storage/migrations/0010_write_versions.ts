import type { Migration } from '../ddl.js';
import { installWriteVersions } from '../write-versions.js';

/** Account write versions and the triggers that move them (storage/write-versions.ts). */
export const writeVersions: Migration = {
  name: '0010_write_versions',
  async up(db, { dialect }) {
    await installWriteVersions(db, dialect);
  },
};
