/**
 * Result schemas of partner.getVenueList and partner.getVenue (partner/get-venue-list.md,
 * partner/get-venue.md): the public face of a venue. They are the venue namespace's shapes
 * without what only the venue's own account sees (internal names and ids, the venue
 * identifier, distribution and catering settings), with the marketplace fields the pages add.
 */
import { z } from 'zod';
import { activePeriodResult, fileResult, venueAvailabilityResult, venueListItemResult } from '../venue/venues/schemas.js';

export const partnerVenueListItemResult = venueListItemResult
  .omit({ venueIdentifier: true, hasDistributionChannel: true })
  .extend({
    allowsLiveBook: z.boolean(),
    instantBookUrl: z.string().nullable(),
    availability: venueAvailabilityResult,
    mainImageUrl: z.string().nullable(),
    detailsPageUrl: z.string().nullable(),
  });

export type PartnerVenueListItem = z.input<typeof partnerVenueListItemResult>;

const imageLibraryFileResult = fileResult.extend({ marketplaceEventTypes: z.array(z.number().int()) });

const partnerPackageResult = z.strictObject({
  marketplaceName: z.string(),
  marketplaceEventTypes: z.array(z.number().int()).nullable(),
  minPax: z.number().int().nullable(),
  price: z.number(),
  priceMethod: z.union([z.literal(1), z.literal(2)]),
  smallDescription: z.string().nullable(),
  largeDescription: z.string().nullable(),
});

const partnerLayoutResult = z.strictObject({
  type: z.number().int().min(0).max(9),
  paxMinimum: z.number().int().nullable(),
  paxMaximum: z.number().int().nullable(),
  timeForSetup: z.number().int().nullable(),
  timeForTakedown: z.number().int().nullable(),
});

const partnerFunctionSpaceResult = z.strictObject({
  marketplaceName: z.string(),
  marketplaceEventTypes: z.array(z.number().int()).nullable(),
  description: z.string().nullable(),
  area: z.number().nullable(),
  length: z.number().nullable(),
  width: z.number().nullable(),
  heightMaximum: z.number().nullable(),
  heightMinimum: z.number().nullable(),
  floorPressureMaximum: z.number().nullable(),
  minPax: z.number().int().nullable(),
  maxPax: z.number().int().nullable(),
  hasLayouts: z.boolean(),
  image: fileResult.nullable(),
  layouts: z.array(partnerLayoutResult),
});

const partnerAccommodationResult = z.strictObject({
  code: z.string().nullable(),
  marketplaceName: z.string(),
  description: z.string().nullable(),
  numStandardAdults: z.number().int(),
  numExtraAdults: z.number().int(),
  extraAdultCost: z.number(),
  canSmoke: z.boolean(),
  capacity: z.number().int(),
  image: fileResult.nullable(),
});

const partnerMenuResult = z.strictObject({
  marketplaceName: z.string(),
  smallDescription: z.string().nullable(),
  image: fileResult.nullable(),
  minimumPax: z.number().int().nullable(),
  maximumPax: z.number().int().nullable(),
  marketplaceCategories: z.array(z.number().int()),
  currentStatus: z.number().int(),
  activePeriodStart: activePeriodResult.nullable(),
  activePeriodEnd: activePeriodResult.nullable(),
});

const partnerBeveragePackageResult = z.strictObject({
  marketplaceName: z.string(),
  smallDescription: z.string().nullable(),
  minPax: z.number().int().nullable(),
  maxPax: z.number().int().nullable(),
  marketplaceCategories: z.array(z.number().int()),
  currentStatus: z.number().int(),
  activePeriodStart: activePeriodResult.nullable(),
  activePeriodEnd: activePeriodResult.nullable(),
});

/** A review as get-venue.md shows one; Marquee stores no reviews, so the list is always empty. */
const reviewResult = z.strictObject({
  reviewDate: z.string(),
  reviewComment: z.string(),
  replyDate: z.string().nullable(),
  replierComment: z.string().nullable(),
  reviewerName: z.string(),
  reviewRatingAvg: z.number(),
  ratings: z.array(z.strictObject({ ratingType: z.number().int().min(1).max(4), rating: z.number() })),
});

/** The list item without the two list-only links (the detail carries the images themselves), and the detail fields. */
export const partnerVenueDetailResult = partnerVenueListItemResult.omit({ mainImageUrl: true, detailsPageUrl: true }).extend({
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
  imageLibrary: z.array(imageLibraryFileResult),
  packages: z.array(partnerPackageResult),
  functionSpaces: z.array(partnerFunctionSpaceResult),
  accommodation: z.array(partnerAccommodationResult),
  menus: z.array(partnerMenuResult),
  beveragePackages: z.array(partnerBeveragePackageResult),
  reviews: z.array(reviewResult),
});

export type PartnerVenueDetail = z.input<typeof partnerVenueDetailResult>;
