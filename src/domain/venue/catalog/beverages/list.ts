/**
 * venue.getBeveragePackageList (get-beverage-package-list.md). The example and the table name
 * the same things differently — `costType` / `priceType`, `cost` / `price` — so both are
 * answered with the same value, together with the table's `actualCost` and hourly `costs`.
 */
import { z } from 'zod';
import { defineListAction } from '../../../../registry/define-list-action.js';
import { id } from '../../../../registry/params.js';
import type { Scope } from '../../../../storage/scope.js';
import { requireVenue } from '../../venues/store.js';
import { groupBy } from '../group.js';
import { hundredthsFilter, idList, idListOrNull, units } from '../values.js';

const hourlyCostResult = z.strictObject({
  id: z.number().int(),
  beveragePackageId: z.number().int(),
  numHours: z.number().int(),
  cost: z.number(),
  costExcludedTaxIds: z.array(z.number().int()),
  actualCost: z.number(),
  actualCostExcludedTaxIds: z.array(z.number().int()),
});
type HourlyCost = z.input<typeof hourlyCostResult>;

const priceType = z.union([z.literal(1), z.literal(2)]);

const beveragePackageResult = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  minimumPax: z.number().int().nullable(),
  maximumPax: z.number().int().nullable(),
  price: z.number(),
  cost: z.number(),
  costs: z.array(hourlyCostResult),
  actualCost: z.number(),
  priceType,
  costType: priceType,
  smallDescription: z.string().nullable(),
  marketplaceName: z.string().nullable(),
  marketplaceEventTypes: z.array(z.number().int()).nullable(),
});

async function hourlyCostsOf(store: Scope, packageIds: readonly number[]): Promise<Map<number, HourlyCost[]>> {
  if (packageIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('venue_beverage_package_costs')
    .selectAll()
    .where('package_id', 'in', packageIds)
    .orderBy('package_id')
    .orderBy('num_hours')
    .execute();
  return groupBy(
    rows,
    (r) => r.package_id,
    (r) => ({
      id: r.id,
      beveragePackageId: r.package_id,
      numHours: r.num_hours,
      cost: units(r.cost),
      costExcludedTaxIds: idList(r.cost_excluded_tax_ids),
      actualCost: units(r.actual_cost),
      actualCostExcludedTaxIds: idList(r.actual_cost_excluded_tax_ids),
    }),
  );
}

export const getBeveragePackageList = defineListAction({
  namespace: 'venue',
  action: 'getBeveragePackageList',
  params: { venueId: id() },
  filters: {
    id: { column: 'venue_beverage_packages.id', type: 'integer' },
    name: { column: 'venue_beverage_packages.name', type: 'string' },
    minimumPax: { column: 'venue_beverage_packages.min_pax', type: 'integer' },
    maximumPax: { column: 'venue_beverage_packages.max_pax', type: 'integer' },
    price: hundredthsFilter('venue_beverage_packages.cost'),
    cost: hundredthsFilter('venue_beverage_packages.cost'),
    actualCost: hundredthsFilter('venue_beverage_packages.actual_cost'),
    priceType: { column: 'venue_beverage_packages.price_type', type: 'integer' },
    costType: { column: 'venue_beverage_packages.price_type', type: 'integer' },
    smallDescription: { column: 'venue_beverage_packages.small_description', type: 'string' },
    marketplaceName: { column: 'venue_beverage_packages.marketplace_name', type: 'string' },
  },
  item: beveragePackageResult,
  async rows(ctx, { venueId }) {
    await requireVenue(ctx.store, venueId);
    return {
      from: ctx.store.selectFrom('venue_beverage_packages'),
      idColumn: 'venue_beverage_packages.id',
      select: (qb) => qb.selectAll('venue_beverage_packages'),
      where: (eb) => eb('venue_beverage_packages.venue_id', '=', venueId),
    };
  },
  async items(rows, ctx) {
    const costs = await hourlyCostsOf(ctx.store, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      minimumPax: r.min_pax,
      maximumPax: r.max_pax,
      price: units(r.cost),
      cost: units(r.cost),
      costs: costs.get(r.id) ?? [],
      actualCost: units(r.actual_cost),
      priceType: r.price_type as 1 | 2,
      costType: r.price_type as 1 | 2,
      smallDescription: r.small_description,
      marketplaceName: r.marketplace_name,
      marketplaceEventTypes: idListOrNull(r.marketplace_event_types),
    }));
  },
});
