/**
 * Contacts and companies as the CRM refers to them. Linking a contact to a company is a change
 * of the contact (its `companies` list), so it goes through the contact namespace's own
 * addOrUpdateContact rules: the contact's modifiedDate moves and ContactUpdated is recorded.
 */
import type { ActionContext } from '../../registry/context.js';
import { existingCompanyIds } from '../contact/companies/store.js';
import { existingContactIds, loadCompanyLinks } from '../contact/contacts/store.js';
import { upsertContact } from '../contact/contacts/upsert.js';

export async function contactExists(ctx: ActionContext, id: number): Promise<boolean> {
  return (await existingContactIds(ctx.store, [id])).has(id);
}

export async function companyExists(ctx: ActionContext, id: number): Promise<boolean> {
  return (await existingCompanyIds(ctx.store, [id])).has(id);
}

export async function worksFor(ctx: ActionContext, contactId: number, companyId: number): Promise<boolean> {
  const links = (await loadCompanyLinks(ctx.store, [contactId])).get(contactId) ?? [];
  return links.some((l) => l.id === companyId);
}

/** Makes the contact one of the company's contacts, keeping its other companies. */
export async function linkContactToCompany(ctx: ActionContext, contactId: number, companyId: number): Promise<void> {
  const links = (await loadCompanyLinks(ctx.store, [contactId])).get(contactId) ?? [];
  if (links.some((l) => l.id === companyId)) return;
  await upsertContact(ctx, { id: contactId, companies: [...links.map((l) => l.id), companyId] });
}
