/** Function space rows as getFunctionSpaceList answers them. */
import { formatTimestamp } from '../../../../protocol/timestamp.js';
import type { Scope } from '../../../../storage/scope.js';
import { LAYOUT_TYPES, type LayoutType } from '../layout-types.js';
import type { FunctionSpaceItem } from './schemas.js';
import { spaceRelations, type SpaceRelations, type SpaceRow } from './store.js';

const bool = (n: number) => n === 1;
const idList = (json: string) => JSON.parse(json) as number[];

export const layoutType = (n: number): LayoutType => (LAYOUT_TYPES.includes(n as LayoutType) ? (n as LayoutType) : 0);

export function spaceItem(row: SpaceRow, rel: SpaceRelations): FunctionSpaceItem {
  return {
    id: row.id,
    venueId: row.venue_id,
    name: row.name,
    description: row.description,
    categoryId: row.category_id,
    imageId: row.image_id,
    hasLayouts: bool(row.has_layouts),
    minPax: row.min_pax,
    maxPax: row.max_pax,
    maxNumBookings: row.max_num_bookings,
    area: row.area,
    length: row.length,
    width: row.width,
    heightMaximum: row.height_maximum,
    heightMinimum: row.height_minimum,
    floorPressureMaximum: row.floor_pressure_maximum,
    partSpaceIds: rel.parts.get(row.id) ?? [],
    includedInReportDashboard: bool(row.included_in_report_dashboard),
    threeDScanId: row.three_d_scan_id,
    useIntegrationPartner: bool(row.use_integration_partner),
    isViewable: bool(row.is_viewable),
    marketplaceName: row.marketplace_name,
    eventTypes: rel.eventTypes.get(row.id) ?? [],
    canBeLiveBooked: bool(row.can_be_live_booked),
    canProvideFoodBeverage: bool(row.can_provide_food_beverage),
    menuTypeIds: idList(row.menu_type_ids),
    beverageCategoryIds: idList(row.beverage_category_ids),
    availableFromTime: row.available_from_time,
    availableTillTime: row.available_till_time,
    minimumBookingTime: row.minimum_booking_time,
    restrictBookingTimeInterval: row.restrict_booking_time_interval,
    availableDaysOfWeek: idList(row.available_days_of_week),
    displayAvailabilityTo: row.display_availability_to,
    restrictVisibility: row.restrict_visibility,
    userGroupIds: idList(row.user_group_ids),
    isViewableToAnonymousUsers: bool(row.is_viewable_to_anonymous_users),
    sortOrder: row.sort_order,
    marketplaceSortOrder: row.marketplace_sort_order,
    createdDate: formatTimestamp(row.created_at),
    modifiedDate: formatTimestamp(row.modified_at),
    layouts: (rel.layouts.get(row.id) ?? []).map((l) => ({ id: l.id, layoutName: l.name, layoutType: layoutType(l.type) })),
  };
}

export async function spaceItems(store: Scope, rows: readonly SpaceRow[]): Promise<FunctionSpaceItem[]> {
  const rel = await spaceRelations(
    store,
    rows.map((r) => r.id),
  );
  return rows.map((r) => spaceItem(r, rel));
}
