/** The sessions of a detailed venue package with everything in them (get-venue-package.md, Session Details). */
import type { Scope } from '../../../../storage/scope.js';
import { bool, idList, refOrZero, unitsOrNull } from '../values.js';
import type { PackageSession } from './schemas.js';
import { itemsOfSessions, MAX_OF_EACH } from './session-items.js';
import { setupsOfSessions } from './setups.js';
import { packageTimestamp } from './shapes.js';

export async function sessionsOf(store: Scope, packageId: number): Promise<PackageSession[]> {
  const sessions = await store
    .selectFrom('venue_package_sessions')
    .selectAll()
    .where('package_id', '=', packageId)
    .orderBy('sort_order')
    .orderBy('id')
    .limit(MAX_OF_EACH)
    .execute();
  const ids = sessions.map((s) => s.id);
  const [items, setups] = await Promise.all([itemsOfSessions(store, ids), setupsOfSessions(store, ids)]);
  return sessions.map((s) => {
    const contents = items.get(s.id)!;
    return {
      id: s.id,
      name: s.name,
      startTime: s.start_time,
      endTime: s.end_time,
      setupTime: s.setup_minutes,
      setdownTime: s.setdown_minutes,
      setDownTime: s.setdown_minutes,
      createdDate: packageTimestamp(s.created_at),
      modifiedDate: packageTimestamp(s.modified_at),
      isOptional: bool(s.is_optional),
      spaceVenueId: refOrZero(s.space_venue_id),
      spaceId: refOrZero(s.space_id),
      spaceLayoutId: refOrZero(s.space_layout_id),
      spaceCustomLayoutName: s.space_custom_layout_name,
      includeInPackage: bool(s.include_in_package),
      tariffId: refOrZero(s.tariff_id),
      roomHireType: refOrZero(s.room_hire_type),
      minSpendAmount: unitsOrNull(s.min_spend_amount),
      minSpendRevenueItems: idList(s.min_spend_revenue_items),
      overridePax: bool(s.override_pax),
      costcenterId: refOrZero(s.cost_center_id),
      amount: unitsOrNull(s.amount),
      excludedTaxIds: idList(s.excluded_tax_ids),
      sortOrder: s.sort_order,
      sessionTypeId: refOrZero(s.session_type_id),
      sessionStatusId: refOrZero(s.session_status_id),
      beverages: contents.beverages,
      beveragePackages: contents.beverages,
      menus: contents.menus,
      products: contents.products,
      resources: contents.resources,
      setupRequirements: setups.get(s.id) ?? [],
    };
  });
}
