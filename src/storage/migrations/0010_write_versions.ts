import type { Migration } from '../ddl.js';
import { installWriteVersions } from '../write-versions.js';

/**
 * Account write versions and the triggers that move them (storage/write-versions.ts), for the
 * contact tables of that time. A migration is history: later versioned tables get their
 * triggers in their own namespace's migrations.
 */
export const writeVersions: Migration = {
  name: '0010_write_versions',
  async up(db, { dialect }) {
    await installWriteVersions(db, dialect, [
      'contacts',
      'company_contacts',
      'subscription_group_members',
      'contact_custom_values',
      'companies',
      'custom_field_definitions',
    ]);
  },
};
