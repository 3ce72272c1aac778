/** Parameters of addOrUpdateCompany (add-or-update-company.md). */
import { z } from 'zod';
import { array, bool, email, id, intEnum, number, string, text } from '../../../registry/params.js';
import { addressInput } from '../address.js';
import { contactInput } from '../contacts/params.js';
import { customFieldInput } from '../custom-fields/values.js';
import { externalUrlsInput } from '../external-urls.js';

/** Optional text that a client may clear with null or "". */
const optionalText = (max: number) => string(max).nullable().optional();

const commission = () =>
  number()
    .refine((n) => n >= 0, { message: 'Value must be 0 or greater' })
    .nullable()
    .optional();
/** The docs show two commission types, 1 and 2 (see docs/compatibility.md). */
const commissionType = () => intEnum([1, 2] as const).nullable().optional();

const emailOrBlank = () =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), email().nullable()).optional();

export const companyInput = z.object({
  id: id().optional(),
  externalId: optionalText(255),
  businessName: text(255).optional(),
  tradingName: optionalText(255),
  businessNumber: optionalText(100),
  phone: optionalText(50),
  otherPhone: optionalText(50),
  fax: optionalText(50),
  website: optionalText(2048),
  email: emailOrBlank(),
  address: addressInput.nullable().optional(),
  primaryContactId: id().nullable().optional(),
  primaryContact: contactInput.optional(),
  primaryAccountManagerId: id().nullable().optional(),
  secondaryAccountManagerId: id().nullable().optional(),
  industryId: id().nullable().optional(),
  isAgent: bool().optional(),
  commissionSpace: commission(),
  commissionSpaceType: commissionType(),
  commissionFood: commission(),
  commissionFoodType: commissionType(),
  commissionBeverage: commission(),
  commissionBeverageType: commissionType(),
  commissionAudioVisual: commission(),
  commissionAudioVisualType: commissionType(),
  commissionAccommodation: commission(),
  commissionAccommodationType: commissionType(),
  iataNumber: optionalText(50),
  updateIfExists: bool().optional(),
  customFields: array(customFieldInput).nullable().optional(),
  externalUrls: externalUrlsInput(),
});

export type CompanyInput = z.output<typeof companyInput>;
