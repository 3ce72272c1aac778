/** Result schemas of getVenueList and getVenue (get-venue-list.md, get-venue.md). */
import { z } from 'zod';
import { timestampText } from '../../../registry/result-schemas.js';

export const venueAddressResult = z.strictObject({
  line1: z.string(),
  line2: z.string(),
  line3: z.string(),
  line4: z.string(),
  city: z.string(),
  stateCode: z.string().nullable(),
  stateName: z.string().nullable(),
  countryCode: z.string().nullable(),
  countryName: z.string().nullable(),
  postalCode: z.string(),
});

/** A file (image, brochure) as get-venue.md documents it. Marquee stores none yet: all null or empty. */
export const fileResult = z.strictObject({
  url: z.string(),
  originalFileName: z.string(),
  tags: z.array(z.string()),
  size: z.number().int(),
  contentType: z.string(),
});

export const venueListItemResult = z.strictObject({
  id: z.number().int(),
  hashId: z.string().regex(/^[0-9a-f]{32}$/),
  businessName: z.string(),
  businessNumber: z.string().nullable(),
  venueIdentifier: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  websiteAddress: z.string().nullable(),
  emailAddress: z.string().nullable(),
  description: z.string().nullable(),
  checkinTime: z.string().nullable(),
  checkoutTime: z.string().nullable(),
  childAge: z.number().int(),
  infantAge: z.number().int(),
  currencyCode: z.string().length(3),
  localeCode: z.string(),
  timezone: z.string(),
  hasSpaces: z.boolean(),
  hasAccommodation: z.boolean(),
  numMeetingRooms: z.number().int(),
  numAccommodationRooms: z.number().int(),
  maxSpaceArea: z.number().nullable(),
  totalSpaceArea: z.number().nullable(),
  longitude: z.string().nullable(),
  latitude: z.string().nullable(),
  primaryAddress: venueAddressResult,
  isTaxExclusive: z.boolean(),
  hasDistributionChannel: z.boolean(),
});

export type VenueListItem = z.input<typeof venueListItemResult>;

/** A month and day of the year (get-venue.md, activePeriod). */
export const activePeriodResult = z.strictObject({ month: z.number().int().min(1).max(12), date: z.number().int().min(1).max(31) });

export const venuePackageSummaryResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  minPax: z.number().int().nullable(),
  price: z.number(),
  priceMethod: z.union([z.literal(1), z.literal(2)]),
  smallDescription: z.string().nullable(),
  largeDescription: z.string().nullable(),
  marketplaceName: z.string().nullable(),
  marketplaceEventTypes: z.array(z.number().int()).nullable(),
});

export const layoutSummaryResult = z.strictObject({
  id: z.number().int(),
  type: z.number().int().min(0).max(9),
  paxMinimum: z.number().int().nullable(),
  paxMaximum: z.number().int().nullable(),
  timeForSetup: z.number().int(),
  timeForTakedown: z.number().int(),
});

export const functionSpaceSummaryResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  area: z.number().nullable(),
  length: z.number().nullable(),
  width: z.number().nullable(),
  heightMaximum: z.number().nullable(),
  heightMinimum: z.number().nullable(),
  floorPressureMaximum: z.number().nullable(),
  floorPressureMinimum: z.number().nullable(),
  marketplaceName: z.string().nullable(),
  marketplaceEventTypes: z.array(z.number().int()).nullable(),
  minPax: z.number().int().nullable(),
  maxPax: z.number().int().nullable(),
  hasLayouts: z.boolean(),
  image: fileResult.nullable(),
  layouts: z.array(layoutSummaryResult),
});

export const accommodationSummaryResult = z.strictObject({
  id: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  numStandardAdults: z.number().int(),
  numExtraAdults: z.number().int(),
  extraAdultCost: z.number(),
  canSmoke: z.boolean(),
  capacity: z.number().int(),
  marketplaceName: z.string().nullable(),
  image: fileResult.nullable(),
});

export const menuSummaryResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  marketplaceName: z.string().nullable(),
  smallDescription: z.string().nullable(),
  menuTypeCategory: z.number().int(),
  image: fileResult.nullable(),
  minimumPax: z.number().int().nullable(),
  maximumPax: z.number().int().nullable(),
  marketplaceCategories: z.array(z.number().int()),
  currentStatus: z.number().int(),
  activePeriodStart: activePeriodResult.nullable(),
  activePeriodEnd: activePeriodResult.nullable(),
});

/**
 * The page's table says minimumPax/maximumPax, its example minPax/maxPax: both are answered
 * (docs/compatibility.md, Venues).
 */
export const beveragePackageSummaryResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  marketplaceName: z.string().nullable(),
  smallDescription: z.string().nullable(),
  minimumPax: z.number().int().nullable(),
  maximumPax: z.number().int().nullable(),
  minPax: z.number().int().nullable(),
  maxPax: z.number().int().nullable(),
  marketplaceCategories: z.array(z.number().int()),
  currentStatus: z.number().int(),
  activePeriodStart: activePeriodResult.nullable(),
  activePeriodEnd: activePeriodResult.nullable(),
});

/** `{"yyyy-mm-dd": {"isAvailable": bool}}` for the requested days. */
export const venueAvailabilityResult = z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.strictObject({ isAvailable: z.boolean() }));

export const venueDetailResult = venueListItemResult.extend({
  allowsLiveBook: z.boolean(),
  instantBookUrl: z.string().nullable(),
  availability: venueAvailabilityResult,
  createdDate: timestampText,
  modifiedDate: timestampText,
  lastModifiedDate: timestampText,
  videoUrls: z.array(z.string()),
  airportName: z.string().nullable(),
  airportDistance: z.string().nullable(),
  starRating: z.number().nullable(),
  ratingAuthority: z.union([z.literal(1), z.literal(2)]).nullable(),
  maxSpaceCapacity: z.number().int().nullable(),
  facilities: z.array(z.number().int()),
  mainImage: fileResult.nullable(),
  marketplaceBannerImage: fileResult.nullable(),
  brochureFile: fileResult.nullable(),
  imageLibrary: z.array(fileResult),
  packages: z.array(venuePackageSummaryResult),
  functionSpaces: z.array(functionSpaceSummaryResult),
  accommodation: z.array(accommodationSummaryResult),
  menus: z.array(menuSummaryResult),
  beveragePackages: z.array(beveragePackageSummaryResult),
  reviews: z.array(z.unknown()),
  accommodationSetting: z.strictObject({ enableMultiOccupancy: z.boolean() }),
  cateringWebsitePrimaryColour: z.string().nullable(),
  cateringWebsiteLogoId: z.number().int().nullable(),
  cateringWebsiteLogo: fileResult.nullable(),
  cateringWebsiteBannerId: z.number().int().nullable(),
  cateringWebsiteBanner: fileResult.nullable(),
});

export type VenueDetail = z.input<typeof venueDetailResult>;
export type FunctionSpaceSummary = z.input<typeof functionSpaceSummaryResult>;
export type AccommodationSummary = z.input<typeof accommodationSummaryResult>;
export type VenuePackageSummary = z.input<typeof venuePackageSummaryResult>;
export type MenuSummary = z.input<typeof menuSummaryResult>;
export type BeveragePackageSummary = z.input<typeof beveragePackageSummaryResult>;
