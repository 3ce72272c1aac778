/**
 * addOrUpdateCompany: update by id; else, with updateIfExists, update the company with the
 * same business name; else create. References (primary contact, account managers, industry,
 * custom fields) are checked before anything is written.
 */
import type { Updateable } from 'kysely';
import type { ActionContext } from '../../../registry/context.js';
import { lockNaturalKey } from '../../../storage/natural-key-lock.js';
import { normaliseAddress } from '../address.js';
import { existingContactIds } from '../contacts/store.js';
import { upsertContact } from '../contacts/upsert.js';
import { applyCompanyCustomFields, resolveCustomFieldChanges, type CustomFieldChange } from '../custom-fields/values.js';
import { companyNotFound, invalid, required } from '../errors.js';
import { mergeExternalUrls, parseExternalUrls, serialiseExternalUrls } from '../external-urls.js';
import type { CompaniesTable } from '../tables.js';
import { recordCompanyAdded, trackCompanyChange } from './changes.js';
import type { CompanyInput } from './params.js';
import { findCompany, findCompanyByName, industryExists, userExists, type CompanyRow } from './store.js';

type CompanyColumns = Updateable<CompaniesTable>;

const blankToNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

async function resolveTarget(ctx: ActionContext, input: CompanyInput): Promise<CompanyRow | undefined> {
  if (input.id !== undefined) {
    const row = await findCompany(ctx.store, input.id);
    if (!row) throw companyNotFound();
    return row;
  }
  if (input.businessName === undefined) throw required('businessName');
  if (!input.updateIfExists) return undefined;
  await lockNaturalKey(ctx.store, `company:${input.businessName.trim().toLowerCase()}`);
  return findCompanyByName(ctx.store, input.businessName);
}

async function checkReferences(ctx: ActionContext, input: CompanyInput): Promise<void> {
  if (input.primaryContactId !== undefined && input.primaryContact !== undefined) {
    throw invalid('primaryContact', 'Send either primaryContactId or primaryContact, not both');
  }
  if (typeof input.primaryContactId === 'number') {
    const found = await existingContactIds(ctx.store, [input.primaryContactId]);
    if (!found.has(input.primaryContactId)) {
      throw invalid('primaryContactId', `The contact ${input.primaryContactId} does not exist`);
    }
  }
  for (const name of ['primaryAccountManagerId', 'secondaryAccountManagerId'] as const) {
    const userId = input[name];
    if (typeof userId === 'number' && !(await userExists(ctx.store, userId))) {
      throw invalid(name, `The user ${userId} does not exist`);
    }
  }
  if (typeof input.industryId === 'number' && !(await industryExists(ctx.store, input.industryId))) {
    throw invalid('industryId', `The industry ${input.industryId} does not exist`);
  }
}

/** The column values the request sets (only those it names). */
function columns(input: CompanyInput, current: CompanyRow | undefined): CompanyColumns {
  const set: CompanyColumns = {};
  if (input.businessName !== undefined) set.business_name = input.businessName.trim();
  const texts = [
    ['externalId', 'external_id'],
    ['tradingName', 'trading_name'],
    ['businessNumber', 'business_number'],
    ['phone', 'phone'],
    ['otherPhone', 'other_phone'],
    ['fax', 'fax'],
    ['website', 'website'],
    ['iataNumber', 'iata_number'],
  ] as const;
  for (const [param, column] of texts) {
    const value = blankToNull(input[param]);
    if (value !== undefined) set[column] = value;
  }
  if (input.email !== undefined) set.email = input.email;
  if (input.address !== undefined) {
    // The address is one value: a request replaces it whole (null clears it).
    const a = normaliseAddress(input.address ?? {});
    set.address_line1 = a.line1;
    set.address_line2 = a.line2;
    set.address_line3 = a.line3;
    set.address_line4 = a.line4;
    set.address_city = a.city;
    set.address_state_code = a.stateCode;
    set.address_state_name = a.stateName;
    set.address_country_code = a.countryCode;
    set.address_postal_code = a.postalCode;
  }
  if (input.primaryContactId !== undefined) set.primary_contact_id = input.primaryContactId;
  if (input.primaryAccountManagerId !== undefined) set.primary_account_manager_id = input.primaryAccountManagerId;
  if (input.secondaryAccountManagerId !== undefined) set.secondary_account_manager_id = input.secondaryAccountManagerId;
  if (input.industryId !== undefined) set.industry_id = input.industryId;
  if (input.isAgent !== undefined) set.is_agent = input.isAgent ? 1 : 0;
  const commissions = [
    ['commissionSpace', 'commission_space'],
    ['commissionSpaceType', 'commission_space_type'],
    ['commissionFood', 'commission_food'],
    ['commissionFoodType', 'commission_food_type'],
    ['commissionBeverage', 'commission_beverage'],
    ['commissionBeverageType', 'commission_beverage_type'],
    ['commissionAudioVisual', 'commission_audio_visual'],
    ['commissionAudioVisualType', 'commission_audio_visual_type'],
    ['commissionAccommodation', 'commission_accommodation'],
    ['commissionAccommodationType', 'commission_accommodation_type'],
  ] as const;
  for (const [param, column] of commissions) {
    if (input[param] !== undefined) set[column] = input[param];
  }
  if (input.externalUrls !== undefined) {
    const merged = mergeExternalUrls(parseExternalUrls(current?.external_urls ?? null), input.externalUrls);
    if ('error' in merged) throw invalid('externalUrls', merged.error);
    set.external_urls = serialiseExternalUrls(merged.urls);
  }
  return set;
}

export interface CompanyUpsertResult {
  id: number;
  created: boolean;
}

export async function upsertCompany(ctx: ActionContext, input: CompanyInput): Promise<CompanyUpsertResult> {
  const current = await resolveTarget(ctx, input);
  await checkReferences(ctx, input);
  const customFields: CustomFieldChange[] = input.customFields
    ? await resolveCustomFieldChanges(ctx.store, 'company', input.customFields)
    : [];
  const set = columns(input, current);
  if (input.primaryContact !== undefined) {
    // The nested contact goes through addOrUpdateContact's rules (and notifications).
    set.primary_contact_id = (await upsertContact(ctx, input.primaryContact, 'primaryContact')).id;
  }

  if (current) {
    await trackCompanyChange(ctx, current.id, async () => {
      if (Object.keys(set).length > 0) await ctx.store.updateTable('companies').set(set).where('id', '=', current.id).execute();
      if (customFields.length > 0) await applyCompanyCustomFields(ctx.store, current.id, customFields);
    });
    return { id: current.id, created: false };
  }

  const row = await ctx.store
    .insertInto('companies', {
      ...set,
      business_name: set.business_name!,
      is_agent: set.is_agent ?? 0,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (customFields.length > 0) await applyCompanyCustomFields(ctx.store, row.id, customFields);
  await recordCompanyAdded(ctx, row.id);
  return { id: row.id, created: true };
}
