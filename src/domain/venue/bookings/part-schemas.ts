/**
 * The shapes of what a booking holds, as get-booking.md lists them: packages, sessions, menus,
 * beverage packages, resources, products, additional items, service fees, daily revenue. Where
 * the page's example and its tables differ, the tables' fields are kept and the example's extra
 * ones added (menuCategoryId beside menuTypeCategory, tariffId on sessions, totalDiscount on
 * package cost centres). Money is in the currency's units (doubles on the wire).
 */
import { z } from 'zod';
import { dateText, timestampText } from '../../../registry/result-schemas.js';

const int = z.number().int();
const money = z.number();
const timeText = z.string().regex(/^\d{2}:\d{2}:\d{2}$/);
const ids = z.array(int);

export const taxDetailResult = z.strictObject({
  id: int,
  tax: money,
  rateId: int,
  rateAmount: money,
  /** 1 a percentage, 2 an amount. */
  rateAmountType: int,
});

export const dayTaxDetailResult = z.strictObject({ date: dateText, taxDetails: z.array(taxDetailResult) });

export const dailyRevenueResult = z.strictObject({
  venueId: int,
  costcenterId: int,
  revenueDate: dateText,
  totalAmount: money,
  totalDiscountAmount: money,
  totalTaxAmount: money,
});

const priced = {
  cost: money,
  discount: money,
  surcharge: money,
  excludedTaxIds: ids,
};

const totals = {
  costcenterId: int.nullable(),
  totalAmount: money,
  totalDiscount: money,
  totalSurcharge: money,
  totalTaxAmount: money,
  taxDetails: z.array(taxDetailResult),
};

const stamped = { createdDate: timestampText, modifiedDate: timestampText };

const timed = { startDate: dateText, endDate: dateText, startTime: timeText, endTime: timeText };

const packaged = { includeInPackage: z.boolean(), bookingPackageId: int.nullable() };

export const packageCostCentreResult = z.strictObject({
  costcenterId: int,
  value: money,
  discount: money,
  surcharge: money,
  excludedTaxIds: ids,
  totalAmount: money,
  totalDiscount: money,
  totalSurcharge: money,
  totalTaxAmount: money,
  taxDetails: z.array(taxDetailResult),
});

export const bookingPackageResult = z.strictObject({
  id: int,
  bookingDate: dateText,
  numberAttendees: int,
  price: money,
  ...stamped,
  totalAmount: money,
  totalDiscount: money,
  totalSurcharge: money,
  totalTaxAmount: money,
  /** 1 per person, 2 flat rate. */
  priceMethod: z.union([z.literal(1), z.literal(2)]),
  costcenters: z.array(packageCostCentreResult),
  taxDetails: z.array(taxDetailResult),
  smallDescription: z.string().nullable(),
  packageId: int.nullable(),
  packageName: z.string().nullable(),
});

export const projectedSpendResult = z.strictObject({ priceMethod: int, costcenterId: int.nullable(), total: money, amount: money });

export const bookingSessionResult = z.strictObject({
  id: int,
  name: z.string(),
  ...timed,
  spaceVenueId: int,
  spaceId: int,
  spaceLayout: int.nullable(),
  customLayoutName: z.string().nullable(),
  tariffId: int.nullable(),
  cost: money,
  discount: money,
  ...totals,
  excludedTaxIds: ids,
  ...packaged,
  beoNumbers: z.array(z.string()),
  ...stamped,
  totalAttendees: int,
  projectedSpend: z.array(projectedSpendResult),
});

export const menuCostCentreResult = z.strictObject({
  costcenterId: int,
  costPerPerson: money,
  costPerPersonExcludedTaxIds: ids,
});

export const bookingMenuResult = z.strictObject({
  id: int,
  name: z.string(),
  menuVenueId: int,
  menuId: int,
  menuTypeCategory: int,
  menuCategoryId: int,
  sessionId: int,
  ...priced,
  ...timed,
  ...packaged,
  ...stamped,
  ...totals,
  totalAttendees: int,
  costcenters: z.array(menuCostCentreResult).optional(),
});

export const bookingBeverageResult = z.strictObject({
  id: int,
  name: z.string(),
  sessionId: int,
  beverageVenueId: int,
  beverageId: int,
  ...priced,
  ...timed,
  ...packaged,
  ...stamped,
  ...totals,
  totalAttendees: int,
  smallDescription: z.string().nullable(),
  marketplaceName: z.string().nullable(),
});

export const bookingResourceResult = z.strictObject({
  id: int,
  name: z.string().nullable(),
  sessionId: int,
  resourceVenueId: int,
  resourceId: int,
  ...priced,
  quantity: int,
  ...timed,
  ...packaged,
  ...stamped,
  ...totals,
});

export const bookingProductResult = z.strictObject({
  id: int,
  name: z.string().nullable(),
  sessionId: int.nullable(),
  productId: int,
  ...priced,
  quantity: int,
  ...packaged,
  ...stamped,
  ...totals,
});

export const bookingAdditionalItemResult = z.strictObject({
  id: int,
  description: z.string(),
  quantity: money,
  totalCost: money,
  totalCostDiscount: money,
  totalCostSurcharge: money,
  totalCostExcludedTaxIds: ids,
  actualCost: money,
  actualCostExcludedTaxIds: ids,
  ...stamped,
  ...totals,
  startDateTime: timestampText.nullable(),
  endDateTime: timestampText.nullable(),
  dayTaxDetails: z.array(dayTaxDetailResult),
});

/** get-booking.md, Service Fee Reference Types. */
export const SERVICE_FEE_REF_TYPES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11] as const;

export const bookingServiceFeeResult = z.strictObject({
  id: int,
  refType: z.union(SERVICE_FEE_REF_TYPES.map((t) => z.literal(t))),
  refId: int,
  ref2Id: int,
  ref3Id: int,
  refDate: dateText,
  refCostcenterId: int,
  amount: money,
  excludedTaxIds: ids,
  ...stamped,
  totalAmount: money,
  totalTaxAmount: money,
  taxDetails: z.array(taxDetailResult),
});

export const commissionByCostCentreResult = z.strictObject({ costcenterId: int, commission: money });

export const fileResult = z.strictObject({
  id: int,
  accountId: int,
  originalFileName: z.string(),
  size: int,
  tags: z.array(z.string()),
  contentType: z.string(),
  url: z.string(),
});

export type BookingPackage = z.input<typeof bookingPackageResult>;
export type BookingSession = z.input<typeof bookingSessionResult>;
export type BookingMenu = z.input<typeof bookingMenuResult>;
export type BookingBeverage = z.input<typeof bookingBeverageResult>;
export type BookingResource = z.input<typeof bookingResourceResult>;
export type BookingProduct = z.input<typeof bookingProductResult>;
export type BookingAdditionalItem = z.input<typeof bookingAdditionalItemResult>;
export type BookingServiceFee = z.input<typeof bookingServiceFeeResult>;
export type DailyRevenue = z.input<typeof dailyRevenueResult>;
export type CommissionByCostCentre = z.input<typeof commissionByCostCentreResult>;
export type FileItem = z.input<typeof fileResult>;
