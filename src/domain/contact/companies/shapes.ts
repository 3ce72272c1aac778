/** Company rows -> the JSON of getCompany and getCompanyList. */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { addressOut } from '../address.js';
import { loadCompanyCustomFields, type CustomFieldOut } from '../custom-fields/values.js';
import { parseExternalUrls } from '../external-urls.js';
import type { CompanyDetail } from './schemas.js';
import { findCompaniesWithRefs, type CompanyWithRefs } from './store.js';

function person(id: number | null, first: string | null, last: string | null, email: string | null) {
  return id === null || first === null ? null : { id, firstName: first, lastName: last ?? '', email: email ?? '' };
}

export function companyShape(row: CompanyWithRefs, customFields: CustomFieldOut[]): CompanyDetail {
  return {
    id: row.id,
    externalId: row.external_id,
    businessName: row.business_name,
    tradingName: row.trading_name,
    businessNumber: row.business_number,
    phone: row.phone,
    otherPhone: row.other_phone,
    fax: row.fax,
    website: row.website,
    email: row.email,
    address: addressOut({
      line1: row.address_line1,
      line2: row.address_line2,
      line3: row.address_line3,
      line4: row.address_line4,
      city: row.address_city,
      stateCode: row.address_state_code,
      stateName: row.address_state_name,
      countryCode: row.address_country_code,
      postalCode: row.address_postal_code,
    }),
    modifiedDate: formatTimestamp(row.modified_at),
    primaryAccountManager: person(row.primary_account_manager_id, row.pam_first_name, row.pam_last_name, row.pam_email),
    secondaryAccountManager: person(row.secondary_account_manager_id, row.sam_first_name, row.sam_last_name, row.sam_email),
    industry: row.industry_id !== null && row.industry_name !== null ? { id: row.industry_id, name: row.industry_name } : null,
    primaryContact:
      row.primary_contact_id !== null && row.pc_first_name !== null
        ? {
            id: row.primary_contact_id,
            firstName: row.pc_first_name,
            lastName: row.pc_last_name ?? '',
            email: row.pc_email ?? '',
            phone: row.pc_phone,
          }
        : null,
    isAgent: row.is_agent === 1,
    parentCompanyId: row.parent_company_id,
    leftValue: row.tree_left,
    rightValue: row.tree_right,
    depth: row.tree_depth,
    rootId: row.tree_root_id ?? row.id,
    commissionSpace: row.commission_space,
    commissionSpaceType: row.commission_space_type,
    commissionRoomHireValue: row.commission_space,
    commissionRoomHireType: row.commission_space_type,
    commissionFoodValue: row.commission_food,
    commissionFoodType: row.commission_food_type,
    commissionBeverageValue: row.commission_beverage,
    commissionBeverageType: row.commission_beverage_type,
    commissionAudioVisualValue: row.commission_audio_visual,
    commissionAudioVisualType: row.commission_audio_visual_type,
    commissionAccommodationValue: row.commission_accommodation,
    commissionAccommodationType: row.commission_accommodation_type,
    iataNumber: row.iata_number,
    customFields,
    externalUrls: parseExternalUrls(row.external_urls),
  };
}

export async function companyShapes(store: Scope, rows: readonly CompanyWithRefs[]): Promise<CompanyDetail[]> {
  const customFields = await loadCompanyCustomFields(
    store,
    rows.map((r) => r.id),
  );
  return rows.map((row) => companyShape(row, customFields.get(row.id) ?? []));
}

export async function loadCompanyDetails(store: Scope, ids: readonly number[]): Promise<Map<number, CompanyDetail>> {
  const [rows, customFields] = await Promise.all([findCompaniesWithRefs(store, ids), loadCompanyCustomFields(store, ids)]);
  return new Map(rows.map((row) => [row.id, companyShape(row, customFields.get(row.id) ?? [])]));
}
