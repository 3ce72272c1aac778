/**
 * Marketplace venues as partner.getVenueList and partner.getVenue answer them: the venue
 * namespace's shapes (venue/venues/shapes.ts), read through the venue's own account, cut down
 * to what the partner pages show. Marquee stores no images, so the image links are null.
 */
import type { ActionContext } from '../../registry/context.js';
import type { VenueDetail, VenueListItem } from '../venue/venues/schemas.js';
import { instantBookUrl, venueDetail, venueListItems } from '../venue/venues/shapes.js';
import type { VenueRow } from '../venue/venues/store.js';
import { venueAvailability, viewableSpaceIds, type Availability } from './availability.js';
import { ownerScope, ownerScopes } from './marketplace.js';
import type { PartnerVenueDetail, PartnerVenueListItem } from './schemas.js';

/** The name a booking engine shows: the marketplace name, or the item's own name when the venue gave none. */
const publicName = (item: { marketplaceName: string | null; name: string }) =>
  item.marketplaceName !== null && item.marketplaceName.trim() !== '' ? item.marketplaceName : item.name;

/** The venue list item's public fields (named one by one: a detail passed here must not bring its own along). */
function publicFields(item: VenueListItem, row: VenueRow, publicUrl: string, availability: Availability) {
  return {
    id: item.id,
    hashId: item.hashId,
    businessName: item.businessName,
    businessNumber: item.businessNumber,
    phone: item.phone,
    fax: item.fax,
    websiteAddress: item.websiteAddress,
    emailAddress: item.emailAddress,
    description: item.description,
    checkinTime: item.checkinTime,
    checkoutTime: item.checkoutTime,
    childAge: item.childAge,
    infantAge: item.infantAge,
    currencyCode: item.currencyCode,
    localeCode: item.localeCode,
    timezone: item.timezone,
    hasSpaces: item.hasSpaces,
    hasAccommodation: item.hasAccommodation,
    numMeetingRooms: item.numMeetingRooms,
    numAccommodationRooms: item.numAccommodationRooms,
    maxSpaceArea: item.maxSpaceArea,
    totalSpaceArea: item.totalSpaceArea,
    longitude: item.longitude,
    latitude: item.latitude,
    primaryAddress: item.primaryAddress,
    isTaxExclusive: item.isTaxExclusive,
    allowsLiveBook: row.allows_live_book === 1,
    instantBookUrl: instantBookUrl(publicUrl, row),
    availability,
  };
}

/** A page of listed venues (of any accounts), each read through its own account, in the page's order. */
export async function partnerListItems(ctx: ActionContext, rows: readonly VenueRow[], days: readonly string[]): Promise<PartnerVenueListItem[]> {
  const scopes = ownerScopes(ctx, rows);
  const items = new Map<number, VenueListItem>();
  const availability = new Map<number, Availability>();
  await Promise.all(
    [...scopes].map(async ([accountId, scope]) => {
      const mine = rows.filter((r) => r.account_id === accountId);
      const [listed, free] = await Promise.all([
        venueListItems(scope, mine),
        Promise.all(mine.map((row) => venueAvailability(scope, row, days))),
      ]);
      listed.forEach((item, i) => items.set(mine[i]!.id, item));
      free.forEach((a, i) => availability.set(mine[i]!.id, a));
    }),
  );
  return rows.map((row) => ({
    ...publicFields(items.get(row.id)!, row, ctx.publicUrl, availability.get(row.id)!),
    mainImageUrl: null,
    detailsPageUrl: null,
  }));
}

function publicDetail(d: VenueDetail, row: VenueRow, ctx: ActionContext, availability: Availability, viewable: ReadonlySet<number>): PartnerVenueDetail {
  return {
    ...publicFields(d, row, ctx.publicUrl, availability),
    videoUrls: d.videoUrls,
    airportName: d.airportName,
    airportDistance: d.airportDistance,
    starRating: d.starRating,
    ratingAuthority: d.ratingAuthority,
    maxSpaceCapacity: d.maxSpaceCapacity,
    facilities: d.facilities,
    mainImage: d.mainImage,
    marketplaceBannerImage: d.marketplaceBannerImage,
    brochureFile: d.brochureFile,
    imageLibrary: [],
    packages: d.packages.map((p) => ({
      marketplaceName: publicName(p),
      marketplaceEventTypes: p.marketplaceEventTypes,
      minPax: p.minPax,
      price: p.price,
      priceMethod: p.priceMethod,
      smallDescription: p.smallDescription,
      largeDescription: p.largeDescription,
    })),
    // Only the spaces the venue shows on the marketplace (get-function-space-list.md, isViewable).
    functionSpaces: d.functionSpaces
      .filter((s) => viewable.has(s.id))
      .map((s) => ({
        marketplaceName: publicName(s),
        marketplaceEventTypes: s.marketplaceEventTypes,
        description: s.description,
        area: s.area,
        length: s.length,
        width: s.width,
        heightMaximum: s.heightMaximum,
        heightMinimum: s.heightMinimum,
        floorPressureMaximum: s.floorPressureMaximum,
        minPax: s.minPax,
        maxPax: s.maxPax,
        hasLayouts: s.hasLayouts,
        image: s.image,
        layouts: s.layouts.map((l) => ({
          type: l.type,
          paxMinimum: l.paxMinimum,
          paxMaximum: l.paxMaximum,
          timeForSetup: l.timeForSetup,
          timeForTakedown: l.timeForTakedown,
        })),
      })),
    accommodation: d.accommodation.map((a) => ({
      code: a.code,
      marketplaceName: publicName(a),
      description: a.description,
      numStandardAdults: a.numStandardAdults,
      numExtraAdults: a.numExtraAdults,
      extraAdultCost: a.extraAdultCost,
      canSmoke: a.canSmoke,
      capacity: a.capacity,
      image: a.image,
    })),
    menus: d.menus.map((m) => ({
      marketplaceName: publicName(m),
      smallDescription: m.smallDescription,
      image: m.image,
      minimumPax: m.minimumPax,
      maximumPax: m.maximumPax,
      marketplaceCategories: m.marketplaceCategories,
      currentStatus: m.currentStatus,
      activePeriodStart: m.activePeriodStart,
      activePeriodEnd: m.activePeriodEnd,
    })),
    beveragePackages: d.beveragePackages.map((b) => ({
      marketplaceName: publicName(b),
      smallDescription: b.smallDescription,
      minPax: b.minPax,
      maxPax: b.maxPax,
      marketplaceCategories: b.marketplaceCategories,
      currentStatus: b.currentStatus,
      activePeriodStart: b.activePeriodStart,
      activePeriodEnd: b.activePeriodEnd,
    })),
    reviews: [],
  };
}

/** One listed venue's public details, read through its own account. */
export async function partnerDetail(ctx: ActionContext, row: VenueRow, days: readonly string[]): Promise<PartnerVenueDetail> {
  const scope = ownerScope(ctx, row);
  const [availability, viewable] = await Promise.all([venueAvailability(scope, row, days), viewableSpaceIds(scope, row.id)]);
  const detail = await venueDetail(scope, row, ctx.publicUrl, availability);
  return publicDetail(detail, row, ctx, availability, new Set(viewable));
}
