/** What getVenue shows of a venue's packages, menus and beverage packages (get-venue.md). */
import type { Scope } from '../../../storage/scope.js';
import type { BeveragePackageSummary, MenuSummary, VenuePackageSummary } from '../venues/schemas.js';
import { idList, units } from './values.js';

/** A stored `mm-dd` as get-venue.md's activePeriod. */
function activePeriod(monthDay: string | null): { month: number; date: number } | null {
  if (monthDay === null) return null;
  const [month, date] = monthDay.split('-').map(Number) as [number, number];
  return { month, date };
}

export async function packagesOfVenue(store: Scope, venueId: number): Promise<VenuePackageSummary[]> {
  const rows = await store
    .selectFrom('venue_packages')
    .selectAll()
    .where('venue_id', '=', venueId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const eventTypes = idList(r.event_types);
    return {
      id: r.id,
      name: r.name,
      minPax: r.min_pax,
      price: units(r.cost),
      priceMethod: r.price_method as 1 | 2,
      smallDescription: r.small_description,
      largeDescription: r.large_description,
      marketplaceName: r.marketplace_name,
      // get-venue.md shows null for a package offered to every event type.
      marketplaceEventTypes: eventTypes.length === 0 ? null : eventTypes,
    };
  });
}

export async function menusOfVenue(store: Scope, venueId: number): Promise<MenuSummary[]> {
  const rows = await store.selectFrom('venue_menus').selectAll().where('venue_id', '=', venueId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    marketplaceName: r.marketplace_name,
    smallDescription: r.small_description,
    menuTypeCategory: r.menu_type_category,
    image: null,
    minimumPax: r.min_pax,
    maximumPax: r.max_pax,
    marketplaceCategories: idList(r.marketplace_categories),
    currentStatus: r.current_status,
    activePeriodStart: activePeriod(r.active_from),
    activePeriodEnd: activePeriod(r.active_to),
  }));
}

export async function beveragePackagesOfVenue(store: Scope, venueId: number): Promise<BeveragePackageSummary[]> {
  const rows = await store.selectFrom('venue_beverage_packages').selectAll().where('venue_id', '=', venueId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    marketplaceName: r.marketplace_name,
    smallDescription: r.small_description,
    minimumPax: r.min_pax,
    maximumPax: r.max_pax,
    minPax: r.min_pax,
    maxPax: r.max_pax,
    marketplaceCategories: idList(r.marketplace_categories),
    currentStatus: r.current_status,
    activePeriodStart: activePeriod(r.active_from),
    activePeriodEnd: activePeriod(r.active_to),
  }));
}
