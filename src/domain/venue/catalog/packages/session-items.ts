/**
 * The menus, beverage packages, products and resources of package sessions, as
 * get-venue-package.md shows them. A menu's `items` are the menu items the package chose
 * (their ids are the page's `inventoryId`), with the hash of their selection group, and its
 * `groups` are those items' groups.
 */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../../storage/scope.js';
import type { VenuePackageSessionItemsTable } from '../tables.js';
import { bool, idList, refOrZero, unitsOrNull, units } from '../values.js';
import type { PackageBeverage, PackageMenu, PackageProduct, PackageResource } from './schemas.js';
import { packageTimestamp } from './shapes.js';

type ItemRow = Selectable<VenuePackageSessionItemsTable>;

export interface SessionItems {
  menus: PackageMenu[];
  beverages: PackageBeverage[];
  products: PackageProduct[];
  resources: PackageResource[];
}

/** The get-venue-package.md note: at most 100 items of each type per session. */
export const MAX_OF_EACH = 100;

function priced(r: ItemRow) {
  return {
    id: r.id,
    includeInPackage: bool(r.include_in_package),
    costcenterId: refOrZero(r.cost_center_id),
    amount: unitsOrNull(r.amount),
    excludedTaxIds: idList(r.excluded_tax_ids),
    createdDate: packageTimestamp(r.created_at),
    modifiedDate: packageTimestamp(r.modified_at),
  };
}

interface MenuParts {
  items: Map<number, { groupId: number | null }>;
  groups: Map<number, PackageMenu['groups'][number] & { sortOrder: number }>;
}

/** The chosen menu items of the page's menus and their groups, in two queries. */
async function menuParts(store: Scope, menuRows: readonly ItemRow[]): Promise<MenuParts> {
  const itemIds = [...new Set(menuRows.flatMap((r) => idList(r.item_ids)))];
  if (itemIds.length === 0) return { items: new Map(), groups: new Map() };
  const items = await store.selectFrom('venue_menu_items').select(['id', 'group_id']).where('id', 'in', itemIds).execute();
  const groupIds = [...new Set(items.flatMap((i) => (i.group_id === null ? [] : [i.group_id])))];
  const groups = groupIds.length === 0 ? [] : await store.selectFrom('venue_menu_groups').selectAll().where('id', 'in', groupIds).execute();
  return {
    items: new Map(items.map((i) => [i.id, { groupId: i.group_id }])),
    groups: new Map(
      groups.map((g) => [
        g.id,
        {
          idHash: g.hash_id,
          name: g.name,
          marketplaceName: g.marketplace_name ?? '',
          minSelection: g.min_selection,
          maxSelection: g.max_selection,
          servingTime: g.serving_time,
          sortOrder: g.sort_order,
        },
      ]),
    ),
  };
}

function menuOf(r: ItemRow, parts: MenuParts): PackageMenu {
  const chosen = idList(r.item_ids).filter((itemId) => parts.items.has(itemId));
  const groupIds = [...new Set(chosen.map((itemId) => parts.items.get(itemId)!.groupId).filter((g): g is number => g !== null))];
  const groups = groupIds
    .map((g) => parts.groups.get(g)!)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map(({ sortOrder: _sortOrder, ...group }) => group);
  const cost = JSON.parse(r.cost_centers) as Array<{ id: number; value: number; excludedTaxIds: number[] }>;
  return {
    ...priced(r),
    name: r.name ?? '',
    menuVenueId: refOrZero(r.ref_venue_id),
    menuId: r.ref_id,
    startTime: r.start_time,
    endTime: r.end_time,
    sameAsSessionTime: bool(r.same_as_session_time),
    items: chosen.map((itemId) => {
      const groupId = parts.items.get(itemId)!.groupId;
      return { inventoryId: itemId, groupId: groupId === null ? '' : (parts.groups.get(groupId)?.idHash ?? '') };
    }),
    groups,
    costcenters: cost.map((c) => ({ id: c.id, value: units(c.value), excludedTaxIds: c.excludedTaxIds })),
  };
}

function beverageOf(r: ItemRow): PackageBeverage {
  return {
    ...priced(r),
    name: r.name ?? '',
    beverageVenueId: refOrZero(r.ref_venue_id),
    beverageId: r.ref_id,
    numHours: r.num_hours,
    startTime: r.start_time,
    endTime: r.end_time,
    sameAsSessionTime: bool(r.same_as_session_time),
    itemsIds: idList(r.item_ids),
  };
}

const productOf = (r: ItemRow): PackageProduct => ({ ...priced(r), productId: r.ref_id });

const resourceOf = (r: ItemRow): PackageResource => ({
  ...priced(r),
  resourceVenueId: refOrZero(r.ref_venue_id),
  resourceId: r.ref_id,
  quantity: r.quantity ?? 1,
});

/** The items of some sessions, by session, each kind in its order and capped at MAX_OF_EACH. */
export async function itemsOfSessions(store: Scope, sessionIds: readonly number[]): Promise<Map<number, SessionItems>> {
  const bySession = new Map<number, SessionItems>(sessionIds.map((s) => [s, { menus: [], beverages: [], products: [], resources: [] }]));
  if (sessionIds.length === 0) return bySession;
  const rows = await store
    .selectFrom('venue_package_session_items')
    .selectAll()
    .where('session_id', 'in', sessionIds)
    .orderBy('session_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const counts = new Map<string, number>();
  const kept = rows.filter((r) => {
    const key = `${r.session_id}:${r.kind}`;
    const seen = counts.get(key) ?? 0;
    counts.set(key, seen + 1);
    return seen < MAX_OF_EACH;
  });
  const parts = await menuParts(store, kept.filter((r) => r.kind === 'menu'));
  for (const r of kept) {
    const items = bySession.get(r.session_id)!;
    if (r.kind === 'menu') items.menus.push(menuOf(r, parts));
    else if (r.kind === 'beverage') items.beverages.push(beverageOf(r));
    else if (r.kind === 'product') items.products.push(productOf(r));
    else items.resources.push(resourceOf(r));
  }
  return bySession;
}
