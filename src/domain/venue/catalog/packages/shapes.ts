/** Venue package rows as the package pages answer them. */
import { formatTimestamp } from '../../../../protocol/timestamp.js';
import type { Scope } from '../../../../storage/scope.js';
import { groupBy } from '../group.js';
import { bool, idList, refOrZero, units } from '../values.js';
import type { PackageCostCenter, VenuePackage } from './schemas.js';
import type { PackageRow } from './store.js';

interface CostCenterSplit {
  costcenters: PackageCostCenter[];
  discounts: Array<{ id: number; value: number }>;
}

async function costCentersOf(store: Scope, packageIds: readonly number[]): Promise<Map<number, CostCenterSplit>> {
  if (packageIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('venue_package_cost_centers')
    .selectAll()
    .where('package_id', 'in', packageIds)
    .orderBy('package_id')
    .orderBy('cost_center_id')
    .execute();
  const byPackage = groupBy(rows, (r) => r.package_id, (r) => r);
  return new Map(
    [...byPackage].map(([packageId, list]) => [
      packageId,
      {
        costcenters: list.map((r) => ({ id: r.cost_center_id, value: units(r.value), excludedTaxIds: idList(r.excluded_tax_ids) })),
        // Percentages are stored in hundredths, like money.
        discounts: list.filter((r) => r.discount !== null).map((r) => ({ id: r.cost_center_id, value: units(r.discount!) })),
      },
    ]),
  );
}

/**
 * The package pages print created and modified dates without the ` UTC` suffix other venue
 * pages use; Marquee answers as they show.
 */
export const packageTimestamp = (instant: number): string => formatTimestamp(instant, false);

function packageItem(r: PackageRow, split: CostCenterSplit | undefined): VenuePackage {
  return {
    id: r.id,
    name: r.name,
    type: r.type as 1 | 2,
    minPax: r.min_pax,
    maxPax: r.max_pax,
    cost: units(r.cost),
    priceMethod: r.price_method as 1 | 2,
    actualCost: units(r.actual_cost),
    actualCostExcludedTaxIds: idList(r.actual_cost_excluded_tax_ids),
    smallDescription: r.small_description,
    largeDescription: r.large_description,
    marketplaceName: r.marketplace_name,
    isVisibleOnVenueSearch: bool(r.is_visible_on_venue_search),
    createdDate: packageTimestamp(r.created_at),
    modifiedDate: packageTimestamp(r.modified_at),
    startDate: r.start_date,
    endDate: r.end_date,
    startTime: r.start_time,
    endTime: r.end_time,
    costcenters: split?.costcenters ?? [],
    hasSessions: Number(r.has_sessions) === 1,
    spaceId: refOrZero(r.space_id),
    spaceLayoutId: refOrZero(r.space_layout_id),
    spaceCustomLayoutName: r.space_custom_layout_name,
    sortOrder: r.sort_order,
    excludedFromCommissions: bool(r.excluded_from_commissions),
    reduceRoomHireFirst: bool(r.reduce_room_hire_first),
    eventTypes: idList(r.event_types),
    userGroupIds: idList(r.user_group_ids),
    hasLimitedStartTimes: bool(r.has_limited_start_times),
    limitedStartTimes: JSON.parse(r.limited_start_times) as string[],
    isAccommIncluded: bool(r.is_accomm_included),
    discountCampaignId: refOrZero(r.discount_campaign_id),
    costcentersDiscounts: split?.discounts ?? [],
  };
}

/** A page of packages, their cost center splits read in one query. */
export async function packageItems(store: Scope, rows: readonly PackageRow[]): Promise<VenuePackage[]> {
  const splits = await costCentersOf(store, rows.map((r) => r.id));
  return rows.map((r) => packageItem(r, splits.get(r.id)));
}
