/** The contact namespace: contacts, companies, notes, subscription groups, custom field definitions. */
import { addOrUpdateCompany, getCompany, getCompanyList } from './companies/actions.js';
import { addOrUpdateContact, getContact, getContactList } from './contacts/actions.js';
import { getCompanyCustomFieldDefinition, getCustomFieldDefinition } from './custom-fields/actions.js';
import {
  addContactsToSubscriptionGroup,
  getSubscriptionGroupList,
  removeContactsFromSubscriptionGroup,
} from './groups/actions.js';
import { addOrUpdateLead } from './leads/add-or-update-lead.js';
import { addOrUpdateCompanyNote, addOrUpdateContactNote, getCompanyNoteList, getContactNoteList } from './notes/actions.js';

export const contactActions = [
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
] as const;
