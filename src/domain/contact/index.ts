/** The contact namespace: contacts, companies, notes, subscription groups, custom field definitions. */
import { defineNamespace } from '../../registry/namespace.js';
import { addOrUpdateCompany, getCompany, getCompanyList } from './companies/actions.js';
import { addOrUpdateContact, getContact, getContactList } from './contacts/actions.js';
import { getCompanyCustomFieldDefinition, getCustomFieldDefinition } from './custom-fields/actions.js';
import {
  addContactsToSubscriptionGroup,
  getSubscriptionGroupList,
  removeContactsFromSubscriptionGroup,
} from './groups/actions.js';
import { addOrUpdateLead } from './leads/add-or-update-lead.js';
import { contact as contactMigration } from './migrations/0002_contact.js';
import { addOrUpdateCompanyNote, addOrUpdateContactNote, getCompanyNoteList, getContactNoteList } from './notes/actions.js';
import { contactSeeder } from './seed/seed.js';

export const contact = defineNamespace({
  namespace: 'contact',
  actions: {
    getContactList,
    getContact,
    addOrUpdateContact,
    getContactNoteList,
    addOrUpdateContactNote,
    getCustomFieldDefinition,
    getCompanyCustomFieldDefinition,
    getSubscriptionGroupList,
    addContactsToSubscriptionGroup,
    removeContactsFromSubscriptionGroup,
    getCompanyList,
    getCompany,
    addOrUpdateCompany,
    getCompanyNoteList,
    addOrUpdateCompanyNote,
    addOrUpdateLead,
  },
  migrations: [contactMigration],
  seeder: contactSeeder,
  // Everything a contact list item is built from (contacts/item-cache.ts); triggers by 0010.
  versionedTables: {
    contacts: { key: 'id' },
    company_contacts: { key: null },
    subscription_group_members: { key: null },
    contact_custom_values: { key: null },
    companies: { key: 'id' },
    custom_field_definitions: { key: 'id' },
  },
});
