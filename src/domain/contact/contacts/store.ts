/** Queries over contacts and their memberships (groups, companies). */
import { sql, type Selectable } from 'kysely';
import { prepared } from '../../../storage/prepared.js';
import type { Scope } from '../../../storage/scope.js';
import type { ContactsTable } from '../tables.js';

export type ContactRow = Selectable<ContactsTable>;

// The queries below run on every getContact, page of contacts and contact write: prepared
// once (storage/prepared.ts) rather than built and compiled per call.
const contactById = prepared((store, p: { id: number }) => store.selectFrom('contacts').selectAll().where('id', '=', p.id));
const contactsById = prepared((store, p: { ids: number[] }) =>
  store.selectFrom('contacts').selectAll().where('id', 'in', p.ids).orderBy('id'),
);

export async function findContact(store: Scope, id: number): Promise<ContactRow | undefined> {
  return (await contactById(store, { id }))[0];
}

export async function findContacts(store: Scope, ids: readonly number[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  return contactsById(store, { ids: [...new Set(ids)] });
}

/**
 * iVvy's identity of a contact: first name, last name and email, compared without regard to
 * case or surrounding spaces. When several contacts share the triple, the oldest wins.
 */
export async function findContactByIdentity(
  store: Scope,
  identity: { firstName: string; lastName: string; email: string },
): Promise<ContactRow | undefined> {
  return store
    .selectFrom('contacts')
    .selectAll()
    .where(sql`lower(email)`, '=', sql`lower(${identity.email.trim()})`)
    .where(sql`lower(first_name)`, '=', sql`lower(${identity.firstName.trim()})`)
    .where(sql`lower(last_name)`, '=', sql`lower(${identity.lastName.trim()})`)
    .orderBy('id')
    .executeTakeFirst();
}

/** The subset of `ids` that are contacts of this account. */
export async function existingContactIds(store: Scope, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await store.selectFrom('contacts').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

const groupMembershipsOf = prepared((store, p: { ids: number[] }) =>
  store
    .selectFrom('subscription_group_members')
    .select(['contact_id', 'group_id', 'joined_at'])
    .where('contact_id', 'in', p.ids)
    .orderBy('contact_id')
    .orderBy('group_id'),
);

export interface GroupMembership {
  contactId: number;
  groupId: number;
  joinedAt: number;
}

type GroupRow = Awaited<ReturnType<typeof groupMembershipsOf>>[number];
type CompanyRow = Awaited<ReturnType<typeof companyLinksOf>>[number];

/** loadGroupMemberships and loadCompanyLinks synchronously when the database allows it (prepared.ts `now`). */
export function membershipsNow(
  store: Scope,
  contactIds: readonly number[],
): { groups: Map<number, GroupMembership[]>; companies: Map<number, CompanyLink[]> } | undefined {
  if (contactIds.length === 0) return { groups: new Map(), companies: new Map() };
  const groups = groupMembershipsOf.now(store, { ids: [...contactIds] });
  const companies = groups === undefined ? undefined : companyLinksOf.now(store, { ids: [...contactIds] });
  if (groups === undefined || companies === undefined) return undefined;
  return { groups: groupsByContact(groups), companies: companiesByContact(companies) };
}

export async function loadGroupMemberships(
  store: Scope,
  contactIds: readonly number[],
): Promise<Map<number, GroupMembership[]>> {
  if (contactIds.length === 0) return new Map();
  return groupsByContact(await groupMembershipsOf(store, { ids: [...contactIds] }));
}

function groupsByContact(rows: readonly GroupRow[]): Map<number, GroupMembership[]> {
  const out = new Map<number, GroupMembership[]>();
  for (const r of rows) {
    const item = { contactId: r.contact_id, groupId: r.group_id, joinedAt: r.joined_at };
    const list = out.get(r.contact_id);
    if (list) list.push(item);
    else out.set(r.contact_id, [item]);
  }
  return out;
}

const companyLinksOf = prepared((store, p: { ids: number[] }) =>
  store
    .selectFrom('company_contacts')
    .innerJoin('companies', 'companies.id', 'company_contacts.company_id')
    .select(['company_contacts.contact_id', 'companies.id', 'companies.business_name'])
    .where('company_contacts.contact_id', 'in', p.ids)
    .orderBy('company_contacts.contact_id')
    .orderBy('companies.id'),
);

export interface CompanyLink {
  id: number;
  businessName: string;
}

export async function loadCompanyLinks(store: Scope, contactIds: readonly number[]): Promise<Map<number, CompanyLink[]>> {
  if (contactIds.length === 0) return new Map();
  return companiesByContact(await companyLinksOf(store, { ids: [...contactIds] }));
}

function companiesByContact(rows: readonly CompanyRow[]): Map<number, CompanyLink[]> {
  const out = new Map<number, CompanyLink[]>();
  for (const r of rows) {
    const item = { id: r.id, businessName: r.business_name };
    const list = out.get(r.contact_id);
    if (list) list.push(item);
    else out.set(r.contact_id, [item]);
  }
  return out;
}

/** Makes the contact's groups exactly `groupIds`, keeping the join date of groups it stays in. */
export async function setContactGroups(store: Scope, contactId: number, groupIds: readonly number[], now: number) {
  const wanted = new Set(groupIds);
  const current = await store
    .selectFrom('subscription_group_members')
    .select('group_id')
    .where('contact_id', '=', contactId)
    .execute();
  const have = new Set(current.map((r) => r.group_id));
  const leave = [...have].filter((g) => !wanted.has(g));
  const join = [...wanted].filter((g) => !have.has(g));
  if (leave.length > 0) {
    await store
      .deleteFrom('subscription_group_members')
      .where('contact_id', '=', contactId)
      .where('group_id', 'in', leave)
      .execute();
  }
  if (join.length > 0) {
    await store
      .insertInto(
        'subscription_group_members',
        join.map((g) => ({ contact_id: contactId, group_id: g, joined_at: now })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Makes the contact's companies exactly `companyIds`. */
export async function setContactCompanies(store: Scope, contactId: number, companyIds: readonly number[], now: number) {
  const wanted = new Set(companyIds);
  const current = await store
    .selectFrom('company_contacts')
    .select('company_id')
    .where('contact_id', '=', contactId)
    .execute();
  const have = new Set(current.map((r) => r.company_id));
  const leave = [...have].filter((c) => !wanted.has(c));
  const join = [...wanted].filter((c) => !have.has(c));
  if (leave.length > 0) {
    await store
      .deleteFrom('company_contacts')
      .where('contact_id', '=', contactId)
      .where('company_id', 'in', leave)
      .execute();
  }
  if (join.length > 0) {
    await store
      .insertInto(
        'company_contacts',
        join.map((c) => ({ contact_id: contactId, company_id: c, created_at: now })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
