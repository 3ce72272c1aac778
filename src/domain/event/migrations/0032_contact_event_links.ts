import type { Migration } from '../../../storage/ddl.js';
import { versionTable } from '../../../storage/write-versions.js';

/**
 * What the events side of a getContact answer is made of (contact/event-links.ts): events, the
 * contact's invitations and registrations, and the registrations' guests (invoices are
 * versioned already). With them versioned, the account's write version covers a whole getContact
 * answer, which is then kept while it stands (contact/contacts/item-cache.ts), so a warm
 * getContact is one read of the version, on PostgreSQL one round trip instead of three.
 */
export const CONTACT_EVENT_TABLES = ['events', 'event_invitations', 'event_registrations', 'event_attendees'] as const;

export const contactEventLinksMigration: Migration = {
  name: '0032_contact_event_links',
  async up(db, { dialect }) {
    for (const table of CONTACT_EVENT_TABLES) await versionTable(db, dialect, table);
  },
};
