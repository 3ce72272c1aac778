/**
 * A venue's cost centers (each rolling up to the account's default cost center of its kind),
 * its taxes — GST at 10% as Australian venues charge it, and one fee or levy of its kind — and
 * its revenue templates.
 */
import type { Scope } from '../../../../storage/scope.js';
import type { SeededVenue, VenueKind } from '../../seed/types.js';
import { hundredths } from '../values.js';
import type { SeedCounts } from './counter.js';

/** Cost center keys: the account's default types, then the venue's own. */
export type CostCenterKey = 'other' | 'food' | 'beverage' | 'av' | 'roomHire' | 'accommodation' | 'service' | 'banquetFood' | 'banquetBeverage' | 'privateDining';

const DEFAULTS: ReadonlyArray<readonly [CostCenterKey, defaultType: number, name: string, code: string]> = [
  ['other', 1, 'Other', 'OTH'],
  ['food', 2, 'Food', 'FOOD'],
  ['beverage', 3, 'Beverage', 'BEV'],
  ['av', 4, 'Audio Visual', 'AV'],
  ['roomHire', 5, 'Room Hire', 'ROOM'],
  ['accommodation', 6, 'Accommodation', 'ACC'],
  ['service', 7, 'Service Fees', 'SVC'],
];

/** Cost centers a kind of venue keeps besides the defaults, each under a default parent. */
const OWN: Record<VenueKind, ReadonlyArray<readonly [CostCenterKey, parent: number, name: string, code: string, description: string]>> = {
  hotel: [
    ['banquetFood', 2, 'Banquet Food', 'BQF', 'Food served at functions, apart from the restaurant'],
    ['banquetBeverage', 3, 'Banquet Beverage', 'BQB', 'Beverages served at functions'],
  ],
  conference: [['banquetFood', 2, 'Conference Catering', 'CCAT', 'Catering for delegates and exhibitors']],
  restaurant: [['privateDining', 2, 'Private Dining', 'PDR', 'Food and beverage of private dining bookings']],
};

export type CostCenters = ReadonlyMap<CostCenterKey, number>;

/** The venue's code prefix: the initials of its name (Harbourside Grand Hotel → HGH). */
const prefixOf = (venue: SeededVenue) =>
  venue.name
    .split(/\s+/)
    .map((w) => w[0]!.toUpperCase())
    .join('');

export async function seedCostCenters(tx: Scope, venue: SeededVenue, now: number, counts: SeedCounts): Promise<CostCenters> {
  const parents = new Map(
    (await tx.selectFrom('cost_centers').select(['id', 'default_type']).where('default_type', 'is not', null).orderBy('id').execute()).map((r) => [r.default_type!, r.id]),
  );
  const prefix = prefixOf(venue);
  const ids = new Map<CostCenterKey, number>();
  const plans = [
    ...DEFAULTS.filter(([key]) => key !== 'accommodation' || venue.kind === 'hotel').map(
      ([key, type, name, code]) => [key, type, name, code, `${venue.name} ${name.toLowerCase()} revenue`] as const,
    ),
    ...OWN[venue.kind],
  ];
  for (const [key, parentType, name, code, description] of plans) {
    const row = await tx
      .insertInto('venue_cost_centers', {
        venue_id: venue.id,
        parent_id: parents.get(parentType) ?? null,
        name,
        code: `${prefix}-${code}`,
        description,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(key, row.id);
  }
  counts.add('venueCostCenters', plans.length);
  return ids;
}

export interface Taxes {
  gst: number;
  /** The venue's service fee, surcharge or levy. */
  other: number;
}

export async function seedTaxes(tx: Scope, venue: SeededVenue, cc: CostCenters, now: number, counts: SeedCounts): Promise<Taxes> {
  const insert = async (values: {
    name: string;
    type: 1 | 2;
    applies_to: 1 | 2;
    amount_type: 1 | 2;
    amount: number;
    tax_ids?: number[];
    cost_center_ids?: number[];
    calculate_exclusively?: boolean;
    unit_type?: 1 | 2 | 3;
  }) =>
    (
      await tx
        .insertInto('venue_taxes', {
          venue_id: venue.id,
          name: values.name,
          type: values.type,
          applies_to: values.applies_to,
          amount_type: values.amount_type,
          amount: hundredths(values.amount),
          tax_ids: JSON.stringify(values.tax_ids ?? []),
          cost_center_ids: JSON.stringify(values.cost_center_ids ?? []),
          excluded_tax_ids: '[]',
          calculate_exclusively: values.calculate_exclusively ? 1 : 0,
          unit_type: values.unit_type ?? null,
          created_at: now,
          modified_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const gst = await insert({ name: 'GST', type: 1, applies_to: 1, amount_type: 1, amount: 10 });
  let other: number;
  if (venue.kind === 'hotel') {
    // A per-night levy on rooms only, counted in room nights.
    other = await insert({ name: 'City Tourism Levy', type: 1, applies_to: 2, amount_type: 2, amount: 2.5, unit_type: 1 });
  } else if (venue.kind === 'conference') {
    // A service fee on catering and AV, with GST charged on the fee itself.
    other = await insert({ name: 'Event Service Fee', type: 2, applies_to: 1, amount_type: 1, amount: 8, tax_ids: [gst], cost_center_ids: [cc.get('food')!, cc.get('av')!, cc.get('banquetFood')!] });
  } else {
    other = await insert({ name: 'Public Holiday Surcharge', type: 2, applies_to: 1, amount_type: 1, amount: 15, tax_ids: [gst], calculate_exclusively: true });
  }
  counts.add('venueTaxes', 2);
  return { gst, other };
}

/** Templates moving function revenue from the default cost centers to the venue's own. */
export async function seedRevenueTemplates(tx: Scope, venue: SeededVenue, cc: CostCenters, now: number, counts: SeedCounts): Promise<void> {
  const own = venue.kind === 'restaurant' ? cc.get('privateDining')! : cc.get('banquetFood')!;
  const templates: ReadonlyArray<{ name: string; isDefault: boolean; map: ReadonlyArray<readonly [CostCenterKey, number]> }> = [
    {
      name: venue.kind === 'restaurant' ? 'Private Dining' : 'Banquet',
      isDefault: true,
      map: [
        ['food', own],
        ['beverage', cc.get('banquetBeverage') ?? own],
      ],
    },
    { name: 'Standard', isDefault: false, map: [['other', cc.get('food')!]] },
  ];
  for (const t of templates) {
    const row = await tx
      .insertInto('venue_revenue_templates', { venue_id: venue.id, name: t.name, is_default: t.isDefault ? 1 : 0, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto(
        'venue_revenue_template_cost_centers',
        t.map.map(([from, to]) => ({ template_id: row.id, cost_center_id: cc.get(from)!, new_cost_center_id: to })),
      )
      .execute();
  }
  counts.add('venueRevenueTemplates', templates.length);
}
