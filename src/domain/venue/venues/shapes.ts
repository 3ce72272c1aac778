/** Venue rows as getVenueList and getVenue answer them. */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { beveragePackagesOfVenue, menusOfVenue, packagesOfVenue } from '../catalog/venue-parts.js';
import { VENUE_ORDER_PATH } from '../pages/order-start.js';
import { accommodationOfVenue, roomCountsOf } from '../rooms/venue-parts.js';
import { functionSpacesOfVenue, spaceFiguresOf, type SpaceFigures } from '../spaces/venue-parts.js';
import type { VenueDetail, VenueListItem } from './schemas.js';
import type { VenueRow } from './store.js';

const NO_SPACES: SpaceFigures = { numMeetingRooms: 0, maxSpaceArea: null, totalSpaceArea: null, maxSpaceCapacity: null };

/** Coordinates go out as text, as the pages show them. */
const coordinate = (value: number | null) => (value === null ? null : String(value));

function address(row: VenueRow): VenueListItem['primaryAddress'] {
  return {
    line1: row.address_line1 ?? '',
    line2: row.address_line2 ?? '',
    line3: row.address_line3 ?? '',
    line4: row.address_line4 ?? '',
    city: row.address_city ?? '',
    stateCode: row.address_state_code,
    stateName: row.address_state_name,
    countryCode: row.address_country_code,
    countryName: null,
    postalCode: row.address_postal_code ?? '',
  };
}

function listItem(row: VenueRow, spaces: SpaceFigures, rooms: number): VenueListItem {
  return {
    id: row.id,
    hashId: row.hash_id,
    businessName: row.business_name,
    businessNumber: row.business_number,
    venueIdentifier: row.venue_identifier,
    phone: row.phone,
    fax: row.fax,
    websiteAddress: row.website,
    emailAddress: row.email,
    description: row.description,
    checkinTime: row.checkin_time,
    checkoutTime: row.checkout_time,
    childAge: row.child_age,
    infantAge: row.infant_age,
    currencyCode: row.currency_code,
    localeCode: row.locale_code,
    timezone: row.timezone,
    hasSpaces: row.has_spaces === 1,
    hasAccommodation: row.has_accommodation === 1,
    numMeetingRooms: spaces.numMeetingRooms,
    numAccommodationRooms: rooms,
    maxSpaceArea: spaces.maxSpaceArea,
    totalSpaceArea: spaces.totalSpaceArea,
    longitude: coordinate(row.longitude),
    latitude: coordinate(row.latitude),
    primaryAddress: address(row),
    isTaxExclusive: row.is_tax_exclusive === 1,
    hasDistributionChannel: row.has_distribution_channel === 1,
  };
}

/** List items of a page of venues (spaces and rooms counted in two queries for the page). */
export async function venueListItems(store: Scope, rows: readonly VenueRow[]): Promise<VenueListItem[]> {
  const ids = rows.map((r) => r.id);
  const [spaces, rooms] = await Promise.all([spaceFiguresOf(store, ids), roomCountsOf(store, ids)]);
  return rows.map((row) => listItem(row, spaces.get(row.id) ?? NO_SPACES, rooms.get(row.id) ?? 0));
}

/** Where a partner or guest books the venue online; only venues that allow live booking have one. */
export function instantBookUrl(publicUrl: string, row: VenueRow): string | null {
  return row.allows_live_book === 1 ? `${publicUrl}${VENUE_ORDER_PATH}?v=${row.hash_id}` : null;
}

export async function venueDetail(
  store: Scope,
  row: VenueRow,
  publicUrl: string,
  availability: VenueDetail['availability'] = {},
): Promise<VenueDetail> {
  const [[item], spaces, packages, functionSpaces, accommodation, menus, beveragePackages] = await Promise.all([
    venueListItems(store, [row]),
    spaceFiguresOf(store, [row.id]),
    packagesOfVenue(store, row.id),
    functionSpacesOfVenue(store, row.id),
    accommodationOfVenue(store, row.id),
    menusOfVenue(store, row.id),
    beveragePackagesOfVenue(store, row.id),
  ]);
  return {
    ...item!,
    allowsLiveBook: row.allows_live_book === 1,
    instantBookUrl: instantBookUrl(publicUrl, row),
    availability,
    createdDate: formatTimestamp(row.created_at),
    modifiedDate: formatTimestamp(row.modified_at),
    lastModifiedDate: formatTimestamp(row.modified_at),
    videoUrls: JSON.parse(row.video_urls) as string[],
    airportName: row.airport_name,
    airportDistance: row.airport_distance,
    starRating: row.star_rating,
    ratingAuthority: row.rating_authority === 1 || row.rating_authority === 2 ? row.rating_authority : null,
    maxSpaceCapacity: spaces.get(row.id)?.maxSpaceCapacity ?? null,
    facilities: JSON.parse(row.facilities) as number[],
    mainImage: null,
    marketplaceBannerImage: null,
    brochureFile: null,
    imageLibrary: [],
    packages,
    functionSpaces,
    accommodation,
    menus,
    beveragePackages,
    reviews: [],
    accommodationSetting: { enableMultiOccupancy: row.enable_multi_occupancy === 1 },
    cateringWebsitePrimaryColour: null,
    cateringWebsiteLogoId: null,
    cateringWebsiteLogo: null,
    cateringWebsiteBannerId: null,
    cateringWebsiteBanner: null,
  };
}
