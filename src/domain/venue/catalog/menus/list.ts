/**
 * venue.getMenuList (get-menu-list.md): the venue's menus with their prices. The example shows
 * fewer fields than the Menu table; every field of the table is answered (costPerPerson and
 * the cost center breakdown `costcenters` included).
 */
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import type { ExpressionFilter } from '../../../../storage/collection.js';
import type { Scope } from '../../../../storage/scope.js';
import { requireVenue } from '../../venues/store.js';
import { groupBy } from '../group.js';
import { hundredths, idList, units } from '../values.js';
import { menuPrice, perPerson } from './price.js';

const menuCostCenterResult = z.strictObject({
  costcenterId: z.number().int(),
  costPerPerson: z.number(),
  costPerPersonExcludedTaxIds: z.array(z.number().int()),
});
type MenuCostCenter = z.input<typeof menuCostCenterResult>;

const menuResult = z.strictObject({
  id: z.number().int(),
  menuTypeCategory: z.number().int().min(0).max(6),
  name: z.string(),
  minimumPax: z.number().int().nullable(),
  maximumPax: z.number().int().nullable(),
  cost: z.number(),
  costType: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  costPerPerson: z.number().nullable(),
  smallDescription: z.string().nullable(),
  marketplaceName: z.string().nullable(),
  marketplaceCategories: z.array(z.number().int().min(1).max(6)),
  costcenters: z.array(menuCostCenterResult),
});

const cost: ExpressionFilter = {
  type: 'number',
  // A menu always has a price, so __ISNULL__ matches none.
  where: (eb, value) => (value === null ? sql<SqlBool>`1 = 0` : eb(menuPrice, '=', hundredths(Number(value)))),
};

async function costCentersOf(store: Scope, menuIds: readonly number[]): Promise<Map<number, MenuCostCenter[]>> {
  if (menuIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('venue_menu_cost_centers')
    .selectAll()
    .where('menu_id', 'in', menuIds)
    .orderBy('menu_id')
    .orderBy('cost_center_id')
    .execute();
  return groupBy(
    rows,
    (r) => r.menu_id,
    (r) => ({ costcenterId: r.cost_center_id, costPerPerson: units(r.cost_per_person), costPerPersonExcludedTaxIds: idList(r.excluded_tax_ids) }),
  );
}

export const getMenuList = defineListAction({
  namespace: 'venue',
  action: 'getMenuList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_menus.id', type: 'integer' },
    name: { column: 'venue_menus.name', type: 'string' },
    menuTypeCategory: { column: 'venue_menus.menu_type_category', type: 'integer' },
    minimumPax: { column: 'venue_menus.min_pax', type: 'integer' },
    maximumPax: { column: 'venue_menus.max_pax', type: 'integer' },
    cost,
    costType: { column: 'venue_menus.cost_type', type: 'integer' },
    smallDescription: { column: 'venue_menus.small_description', type: 'string' },
    marketplaceName: { column: 'venue_menus.marketplace_name', type: 'string' },
  },
  item: menuResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_menus'),
      idColumn: 'venue_menus.id',
      select: (qb) => qb.selectAll('venue_menus').select(menuPrice.as('price')),
      where: (eb) => eb('venue_menus.venue_id', '=', venueId),
    };
  },
  async items(rows, ctx) {
    const costCenters = await costCentersOf(ctx.store, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      menuTypeCategory: r.menu_type_category,
      name: r.name,
      minimumPax: r.min_pax,
      maximumPax: r.max_pax,
      cost: units(r.price),
      costType: r.cost_type as 1 | 2 | 3,
      costPerPerson: perPerson(r.cost_type, r.price),
      smallDescription: r.small_description,
      marketplaceName: r.marketplace_name,
      marketplaceCategories: idList(r.marketplace_categories),
      costcenters: costCenters.get(r.id) ?? [],
    }));
  },
});
