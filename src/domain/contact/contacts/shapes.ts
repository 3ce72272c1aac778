/**
 * Contact rows -> the JSON of getContactList and getContact. Related rows are loaded for a
 * whole batch of contacts with one query per relation.
 */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { contactCustomFieldsNow, loadContactCustomFields, type CustomFieldOut } from '../custom-fields/values.js';
import { loadContactEventLinks, type EventLinkOptions } from '../event-links.js';
import { parseExternalUrls } from '../external-urls.js';
import type { ContactDetail, ContactListItem } from './schemas.js';
import {
  findContacts,
  loadCompanyLinks,
  loadGroupMemberships,
  membershipsNow,
  type CompanyLink,
  type ContactRow,
  type GroupMembership,
} from './store.js';

export interface ContactRelations {
  customFields: Map<number, CustomFieldOut[]>;
  groups: Map<number, GroupMembership[]>;
  companies: Map<number, CompanyLink[]>;
}

export async function loadContactRelations(store: Scope, contactIds: readonly number[]): Promise<ContactRelations> {
  const [customFields, groups, companies] = await Promise.all([
    loadContactCustomFields(store, contactIds),
    loadGroupMemberships(store, contactIds),
    loadCompanyLinks(store, contactIds),
  ]);
  return { customFields, groups, companies };
}

/** loadContactRelations synchronously when the database allows it (storage/prepared.ts `now`). */
export function contactRelationsNow(store: Scope, contactIds: readonly number[]): ContactRelations | undefined {
  const customFields = contactCustomFieldsNow(store, contactIds);
  const memberships = customFields === undefined ? undefined : membershipsNow(store, contactIds);
  if (customFields === undefined || memberships === undefined) return undefined;
  return { customFields, groups: memberships.groups, companies: memberships.companies };
}

/** Relations of no contact: a list item made with them holds only what the contact row says. */
export const NO_RELATIONS: ContactRelations = { customFields: new Map(), groups: new Map(), companies: new Map() };

export function contactListItem(row: ContactRow, relations: ContactRelations): ContactListItem {
  const companies = relations.companies.get(row.id) ?? [];
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    status: row.email_status,
    smsStatus: row.sms_status,
    customFields: relations.customFields.get(row.id) ?? [],
    groups: (relations.groups.get(row.id) ?? []).map((g) => ({
      contactId: g.contactId,
      groupId: g.groupId,
      joinDate: formatTimestamp(g.joinedAt, false),
    })),
    companies: companies.map((c) => c.id),
    companiesData: companies.map((c) => ({ id: c.id, businessName: c.businessName })),
    externalId: row.external_id,
    modifiedDate: formatTimestamp(row.modified_at),
    isAnonymised: row.is_anonymised === 1,
    externalUrls: parseExternalUrls(row.external_urls),
    privacyConsentData:
      row.privacy_consent_source !== null && row.privacy_consent_at !== null
        ? { source: row.privacy_consent_source, dateTime: formatTimestamp(row.privacy_consent_at) }
        : null,
  };
}

export async function contactListItems(store: Scope, rows: readonly ContactRow[]): Promise<ContactListItem[]> {
  const relations = await loadContactRelations(
    store,
    rows.map((r) => r.id),
  );
  return rows.map((row) => contactListItem(row, relations));
}

/** getContact's shape for each of `contactIds` that exists in the account. */
export async function loadContactDetails(
  store: Scope,
  contactIds: readonly number[],
  publicUrl: string,
  options: EventLinkOptions = {},
): Promise<Map<number, ContactDetail>> {
  const out = new Map<number, ContactDetail>();
  if (contactIds.length === 0) return out;
  const [rows, relations, events] = await Promise.all([
    findContacts(store, contactIds),
    loadContactRelations(store, contactIds),
    loadContactEventLinks(store, contactIds, publicUrl, options),
  ]);
  for (const row of rows) {
    const links = events.get(row.id) ?? { eventInvitations: [], eventRegistrations: [] };
    out.set(row.id, {
      ...contactListItem(row, relations),
      eventInvitations: links.eventInvitations,
      eventRegistrations: links.eventRegistrations,
    });
  }
  return out;
}
