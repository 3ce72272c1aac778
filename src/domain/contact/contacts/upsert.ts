/**
 * addOrUpdateContact: update by id; else, with updateIfExists, update the contact matching
 * iVvy's identity triple (first name, last name, email); else create. Everything the request
 * refers to is checked before the first write, so a refused request changes nothing.
 */
import type { Updateable } from 'kysely';
import type { ActionContext } from '../../../registry/context.js';
import { lockNaturalKey } from '../../../storage/natural-key-lock.js';
import { existingCompanyIds } from '../companies/store.js';
import { resolveCustomFieldChanges, applyContactCustomFields, type CustomFieldChange } from '../custom-fields/values.js';
import { contactNotFound, invalid, paramName, required } from '../errors.js';
import { mergeExternalUrls, parseExternalUrls, serialiseExternalUrls, type ExternalUrl } from '../external-urls.js';
import { existingGroupIds } from '../groups/store.js';
import type { ContactsTable } from '../tables.js';
import { recordContactAdded, trackContactChanges, updateContactColumns } from './changes.js';
import type { ContactInput } from './params.js';
import { CONSENT_SOURCE_API } from './schemas.js';
import { findContact, findContactByIdentity, setContactCompanies, setContactGroups, type ContactRow } from './store.js';

export interface UpsertResult {
  id: number;
  created: boolean;
}

interface Plan {
  groups: number[] | undefined;
  companies: number[] | undefined;
  customFields: CustomFieldChange[];
  externalUrls: ExternalUrl[] | undefined;
}

const blankToNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

async function resolveTarget(ctx: ActionContext, input: ContactInput, prefix: string): Promise<ContactRow | undefined> {
  if (input.id !== undefined) {
    const row = await findContact(ctx.store, input.id);
    if (!row) throw contactNotFound();
    return row;
  }
  const lastName = input.lastName ?? input.LastName;
  if (input.firstName === undefined) throw required(paramName(prefix, 'firstName'));
  if (lastName === undefined) throw required(paramName(prefix, 'lastName'));
  if (input.email === undefined) throw required(paramName(prefix, 'email'));
  if (!input.updateIfExists) return undefined;
  const identity = { firstName: input.firstName, lastName, email: input.email };
  await lockNaturalKey(ctx.store, `contact:${[identity.firstName, identity.lastName, identity.email].map((v) => v.trim().toLowerCase()).join('\n')}`);
  return findContactByIdentity(ctx.store, identity);
}

async function plan(ctx: ActionContext, input: ContactInput, current: ContactRow | undefined, prefix: string): Promise<Plan> {
  const groups = input.groups === undefined ? undefined : [...new Set((input.groups ?? []).map((g) => g.groupId))];
  if (groups && groups.length > 0) {
    const found = await existingGroupIds(ctx.store, groups);
    const missing = groups.find((g) => !found.has(g));
    if (missing !== undefined) throw invalid(paramName(prefix, 'groups'), `The subscription group ${missing} does not exist`);
  }
  const companies = input.companies === undefined ? undefined : [...new Set(input.companies ?? [])];
  if (companies && companies.length > 0) {
    const found = await existingCompanyIds(ctx.store, companies);
    const missing = companies.find((c) => !found.has(c));
    if (missing !== undefined) throw invalid(paramName(prefix, 'companies'), `The company ${missing} does not exist`);
  }
  const customFields = input.customFields
    ? await resolveCustomFieldChanges(ctx.store, 'contact', input.customFields, prefix)
    : [];
  let externalUrls: ExternalUrl[] | undefined;
  if (input.externalUrls !== undefined) {
    const merged = mergeExternalUrls(parseExternalUrls(current?.external_urls ?? null), input.externalUrls);
    if ('error' in merged) throw invalid(paramName(prefix, 'externalUrls'), merged.error);
    externalUrls = merged.urls;
  }
  return { groups, companies, customFields, externalUrls };
}

/** The column values the request sets (only those it names). */
function columns(ctx: ActionContext, input: ContactInput, current: ContactRow | undefined, p: Plan): Updateable<ContactsTable> {
  const set: Updateable<ContactsTable> = {};
  const lastName = input.lastName ?? input.LastName;
  if (input.firstName !== undefined) set.first_name = input.firstName.trim();
  if (lastName !== undefined) set.last_name = lastName.trim();
  if (input.email !== undefined) set.email = input.email;
  const phone = blankToNull(input.phone);
  if (phone !== undefined) set.phone = phone;
  const externalId = blankToNull(input.externalId);
  if (externalId !== undefined) set.external_id = externalId;
  if (input.status !== undefined) set.email_status = input.status;
  if (input.smsStatus !== undefined) set.sms_status = input.smsStatus;
  if (p.externalUrls !== undefined) set.external_urls = serialiseExternalUrls(p.externalUrls);
  if (input.privacyConsent === true && (current?.privacy_consent_at ?? null) === null) {
    // Consent given through the API; an existing consent keeps its original source and time.
    set.privacy_consent_source = CONSENT_SOURCE_API;
    set.privacy_consent_at = ctx.now;
  }
  if (input.privacyConsent === false) {
    set.privacy_consent_source = null;
    set.privacy_consent_at = null;
  }
  return set;
}

async function applyRelations(ctx: ActionContext, contactId: number, p: Plan): Promise<void> {
  if (p.groups !== undefined) await setContactGroups(ctx.store, contactId, p.groups, ctx.now);
  if (p.companies !== undefined) await setContactCompanies(ctx.store, contactId, p.companies, ctx.now);
  if (p.customFields.length > 0) await applyContactCustomFields(ctx.store, contactId, p.customFields);
}

/** `prefix` names the parameters in errors when the contact is nested (`primaryContact`). */
export async function upsertContact(ctx: ActionContext, input: ContactInput, prefix = ''): Promise<UpsertResult> {
  const current = await resolveTarget(ctx, input, prefix);
  const p = await plan(ctx, input, current, prefix);
  const set = columns(ctx, input, current, p);

  if (current) {
    if (p.groups === undefined && p.companies === undefined && p.customFields.length === 0) {
      await updateContactColumns(ctx, current, set);
      return { id: current.id, created: false };
    }
    await trackContactChanges(ctx, [current.id], async () => {
      if (Object.keys(set).length > 0) await ctx.store.updateTable('contacts').set(set).where('id', '=', current.id).execute();
      await applyRelations(ctx, current.id, p);
    });
    return { id: current.id, created: false };
  }

  const row = await ctx.store
    .insertInto('contacts', {
      first_name: set.first_name!,
      last_name: set.last_name!,
      email: set.email!,
      phone: set.phone ?? null,
      email_status: set.email_status ?? 1,
      sms_status: set.sms_status ?? 1,
      external_id: set.external_id ?? null,
      external_urls: set.external_urls ?? null,
      privacy_consent_source: set.privacy_consent_source ?? null,
      privacy_consent_at: set.privacy_consent_at ?? null,
      is_anonymised: 0,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await applyRelations(ctx, row.id, p);
  await recordContactAdded(ctx, row.id);
  return { id: row.id, created: true };
}
