/** The documented shape of getCompany and getCompanyList (get-company.md, get-company-list.md). */
import { z } from 'zod';
import { addressResult } from '../address.js';
import { customFieldResult } from '../custom-fields/values.js';
import { externalUrlResult } from '../external-urls.js';
import { timestampText } from '../schemas.js';

const person = z.strictObject({
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});

const commissionValue = z.number().nullable();
/** Commission types are codes as sent to addOrUpdateCompany (1 or 2). */
const commissionType = z.number().int().nullable();

export const companyResult = z.strictObject({
  id: z.number().int(),
  externalId: z.string().nullable(),
  businessName: z.string(),
  tradingName: z.string().nullable(),
  businessNumber: z.string().nullable(),
  phone: z.string().nullable(),
  otherPhone: z.string().nullable(),
  fax: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  address: addressResult,
  modifiedDate: timestampText,
  primaryAccountManager: person.nullable(),
  secondaryAccountManager: person.nullable(),
  industry: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  primaryContact: z
    .strictObject({
      id: z.number().int(),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
    })
    .nullable(),
  isAgent: z.boolean(),
  parentCompanyId: z.number().int().nullable(),
  leftValue: z.number().int(),
  rightValue: z.number().int(),
  depth: z.number().int().min(0),
  rootId: z.number().int(),
  commissionSpace: commissionValue,
  commissionSpaceType: commissionType,
  /** The space commission as get-company.md's example names it. */
  commissionRoomHireValue: commissionValue,
  commissionRoomHireType: commissionType,
  commissionFoodValue: commissionValue,
  commissionFoodType: commissionType,
  commissionBeverageValue: commissionValue,
  commissionBeverageType: commissionType,
  commissionAudioVisualValue: commissionValue,
  commissionAudioVisualType: commissionType,
  commissionAccommodationValue: commissionValue,
  commissionAccommodationType: commissionType,
  iataNumber: z.string().nullable(),
  customFields: z.array(customFieldResult),
  externalUrls: z.array(externalUrlResult),
});

export type CompanyDetail = z.input<typeof companyResult>;
