/**
 * Storage of the contact namespace: contacts, companies, their memberships, subscription
 * groups, custom fields, notes, and the account's industries. Conventions are those of
 * storage/schema.ts (epoch-ms `*_at`, 0/1 booleans, JSON as text).
 */
import type { Generated } from 'kysely';

export interface ContactsTable {
  id: Generated<number>;
  account_id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  /** Email subscription status, 1–5 (get-contact.md, Email Registration Status). */
  email_status: number;
  /** SMS subscription status, 1–4. */
  sms_status: number;
  external_id: string | null;
  /** JSON array of `{ref, url, label}`, at most three. */
  external_urls: string | null;
  /** Privacy consent source (1–5) and instant; both null when no consent was given. */
  privacy_consent_source: number | null;
  privacy_consent_at: number | null;
  is_anonymised: number;
  created_at: number;
  modified_at: number;
}

export interface CompaniesTable {
  id: Generated<number>;
  account_id: number;
  external_id: string | null;
  business_name: string;
  trading_name: string | null;
  business_number: string | null;
  phone: string | null;
  other_phone: string | null;
  fax: string | null;
  website: string | null;
  email: string | null;
  address_line1: string | null;
  address_line2: string | null;
  address_line3: string | null;
  address_line4: string | null;
  address_city: string | null;
  address_state_code: string | null;
  address_state_name: string | null;
  address_country_code: string | null;
  address_postal_code: string | null;
  primary_contact_id: number | null;
  primary_account_manager_id: number | null;
  secondary_account_manager_id: number | null;
  industry_id: number | null;
  is_agent: number;
  /** Departments: the company tree as a nested set per root (roots have no parent and no root id). */
  parent_company_id: number | null;
  tree_root_id: number | null;
  tree_left: Generated<number>;
  tree_right: Generated<number>;
  tree_depth: Generated<number>;
  commission_space: number | null;
  commission_space_type: number | null;
  commission_food: number | null;
  commission_food_type: number | null;
  commission_beverage: number | null;
  commission_beverage_type: number | null;
  commission_audio_visual: number | null;
  commission_audio_visual_type: number | null;
  commission_accommodation: number | null;
  commission_accommodation_type: number | null;
  iata_number: string | null;
  external_urls: string | null;
  created_at: number;
  modified_at: number;
}

/** Which contacts belong to which companies. */
export interface CompanyContactsTable {
  account_id: number;
  company_id: number;
  contact_id: number;
  created_at: number;
}

export interface SubscriptionGroupsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  /** `#rrggbb` */
  tag_colour: string;
  created_at: number;
  modified_at: number;
}

export interface SubscriptionGroupMembersTable {
  account_id: number;
  group_id: number;
  contact_id: number;
  joined_at: number;
}

export type CustomFieldEntity = 'contact' | 'company';

export interface CustomFieldDefinitionsTable {
  id: Generated<number>;
  account_id: number;
  entity: CustomFieldEntity;
  /** get-custom-field-definition.md, Types of field (0–9). */
  field_type: number;
  display_name: string;
  is_required: number;
  is_active: number;
  sort_order: number;
  /** JSON object of option value -> label, for select fields. */
  select_values: string | null;
  /** JSON array of accepted file categories, for file fields. */
  file_types: string | null;
  created_at: number;
  modified_at: number;
}

/** One value per (record, field): JSON text of the value as the API returns it. */
export interface ContactCustomValuesTable {
  account_id: number;
  contact_id: number;
  field_id: number;
  value: string;
}

export interface CompanyCustomValuesTable {
  account_id: number;
  company_id: number;
  field_id: number;
  value: string;
}

export interface ContactNotesTable {
  id: Generated<number>;
  account_id: number;
  contact_id: number;
  note_text: string;
  created_by_user_id: number | null;
  created_at: number;
  modified_at: number;
}

export interface CompanyNotesTable {
  id: Generated<number>;
  account_id: number;
  company_id: number;
  note_text: string;
  created_by_user_id: number | null;
  created_at: number;
  modified_at: number;
}

/** The account's industry list (account/get-industry-list.md); companies reference one. */
export interface IndustriesTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  created_at: number;
  modified_at: number;
}

declare module '../../storage/schema.js' {
  interface Database {
    contacts: ContactsTable;
    companies: CompaniesTable;
    company_contacts: CompanyContactsTable;
    subscription_groups: SubscriptionGroupsTable;
    subscription_group_members: SubscriptionGroupMembersTable;
    custom_field_definitions: CustomFieldDefinitionsTable;
    contact_custom_values: ContactCustomValuesTable;
    company_custom_values: CompanyCustomValuesTable;
    contact_notes: ContactNotesTable;
    company_notes: CompanyNotesTable;
    industries: IndustriesTable;
  }
}
