/**
 * Result schemas of getVenuePackageList and getVenuePackage (get-venue-package-list.md,
 * get-venue-package.md). Where the example and the tables disagree on a name, both names are
 * answered: a session's `setDownTime` (example) and `setdownTime` (table), its
 * `beveragePackages` (example) and `beverages` (table).
 */
import { z } from 'zod';
import { dateText, timestampText } from '../../../../registry/result-schemas.js';

const int = z.number().int();
/** A reference the pages print as 0 when it is not set. */
const ref = z.number().int().min(0);
const taxIds = z.array(int);
const timeText = z.string().regex(/^\d{2}:\d{2}:\d{2}$/);
const oneOrTwo = z.union([z.literal(1), z.literal(2)]);

export const packageCostCenterResult = z.strictObject({ id: int, value: z.number(), excludedTaxIds: taxIds });

export const venuePackageResult = z.strictObject({
  id: int,
  name: z.string(),
  type: oneOrTwo,
  minPax: int.nullable(),
  maxPax: int.nullable(),
  cost: z.number(),
  priceMethod: oneOrTwo,
  actualCost: z.number(),
  actualCostExcludedTaxIds: taxIds,
  smallDescription: z.string().nullable(),
  largeDescription: z.string().nullable(),
  marketplaceName: z.string().nullable(),
  isVisibleOnVenueSearch: z.boolean(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  startDate: dateText.nullable(),
  endDate: dateText.nullable(),
  startTime: timeText.nullable(),
  endTime: timeText.nullable(),
  costcenters: z.array(packageCostCenterResult),
  hasSessions: z.boolean(),
  spaceId: ref,
  spaceLayoutId: ref,
  spaceCustomLayoutName: z.string().nullable(),
  sortOrder: int,
  excludedFromCommissions: z.boolean(),
  reduceRoomHireFirst: z.boolean(),
  eventTypes: z.array(int),
  userGroupIds: z.array(int),
  hasLimitedStartTimes: z.boolean(),
  limitedStartTimes: z.array(timeText),
  isAccommIncluded: z.boolean(),
  discountCampaignId: ref,
  costcentersDiscounts: z.array(z.strictObject({ id: int, value: z.number() })),
});

/** What every package session item shares: how it is priced. */
const priced = {
  id: int,
  includeInPackage: z.boolean(),
  costcenterId: ref,
  amount: z.number().nullable(),
  excludedTaxIds: taxIds,
  createdDate: timestampText,
  modifiedDate: timestampText,
};

export const packageBeverageResult = z.strictObject({
  ...priced,
  name: z.string(),
  beverageVenueId: ref,
  beverageId: int,
  numHours: z.number().nullable(),
  startTime: timeText.nullable(),
  endTime: timeText.nullable(),
  sameAsSessionTime: z.boolean(),
  itemsIds: z.array(int),
});

export const packageMenuResult = z.strictObject({
  ...priced,
  name: z.string(),
  menuVenueId: ref,
  menuId: int,
  startTime: timeText.nullable(),
  endTime: timeText.nullable(),
  sameAsSessionTime: z.boolean(),
  items: z.array(z.strictObject({ inventoryId: int, groupId: z.string() })),
  groups: z.array(
    z.strictObject({
      idHash: z.string(),
      name: z.string(),
      marketplaceName: z.string(),
      minSelection: int,
      maxSelection: int,
      servingTime: timeText.nullable(),
    }),
  ),
  costcenters: z.array(packageCostCenterResult),
});

export const packageProductResult = z.strictObject({ ...priced, productId: int });

export const packageResourceResult = z.strictObject({ ...priced, resourceVenueId: ref, resourceId: int, quantity: int });

export const setupOptionResult = z.strictObject({
  id: int,
  setupRequirementId: int,
  setupRequirementOptionId: int,
  name: z.string(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  sortOrder: int,
});

export const setupRequirementResult = z.strictObject({
  id: int,
  setupRequirementId: int,
  name: z.string(),
  description: z.string().nullable(),
  createdDate: timestampText,
  modifiedDate: timestampText,
  sortOrder: int,
  hasChoices: z.boolean(),
  minChoices: int,
  maxChoices: int,
  options: z.array(setupOptionResult),
});

export const packageSessionResult = z.strictObject({
  id: int,
  name: z.string(),
  startTime: timeText.nullable(),
  endTime: timeText.nullable(),
  setupTime: int,
  setdownTime: int,
  setDownTime: int,
  createdDate: timestampText,
  modifiedDate: timestampText,
  isOptional: z.boolean(),
  spaceVenueId: ref,
  spaceId: ref,
  spaceLayoutId: ref,
  spaceCustomLayoutName: z.string().nullable(),
  includeInPackage: z.boolean(),
  tariffId: ref,
  roomHireType: ref,
  minSpendAmount: z.number().nullable(),
  minSpendRevenueItems: z.array(int),
  overridePax: z.boolean(),
  costcenterId: ref,
  amount: z.number().nullable(),
  excludedTaxIds: taxIds,
  sortOrder: int,
  sessionTypeId: ref,
  sessionStatusId: ref,
  beverages: z.array(packageBeverageResult),
  beveragePackages: z.array(packageBeverageResult),
  menus: z.array(packageMenuResult),
  products: z.array(packageProductResult),
  resources: z.array(packageResourceResult),
  setupRequirements: z.array(setupRequirementResult),
});

export const venuePackageDetailResult = venuePackageResult.extend({ sessions: z.array(packageSessionResult) });

export type VenuePackage = z.input<typeof venuePackageResult>;
export type VenuePackageDetail = z.input<typeof venuePackageDetailResult>;
export type PackageSession = z.input<typeof packageSessionResult>;
export type PackageMenu = z.input<typeof packageMenuResult>;
export type PackageBeverage = z.input<typeof packageBeverageResult>;
export type PackageProduct = z.input<typeof packageProductResult>;
export type PackageResource = z.input<typeof packageResourceResult>;
export type SetupRequirement = z.input<typeof setupRequirementResult>;
export type PackageCostCenter = z.input<typeof packageCostCenterResult>;
