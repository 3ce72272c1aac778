/**
 * Beverage packages of each kind of venue: per-person packages priced by duration (the page's
 * hourly costs), a flat-rate bar tab and arrival drinks, each with what it pours. What a
 * package costs the venue (`actualCost`) is about a third of its price.
 */
import type { Scope } from '../../../../storage/scope.js';
import type { SeededVenue, VenueKind } from '../../seed/types.js';
import { hundredths } from '../values.js';
import type { CostCenters } from './accounting.js';
import type { SeedCounts } from './counter.js';

interface BeveragePlan {
  name: string;
  /** 1 per person, 2 flat rate. */
  priceType: 1 | 2;
  /** Price of the shortest duration, or the package's only price. */
  cost: number;
  hours?: ReadonlyArray<readonly [hours: number, cost: number]>;
  minPax?: number;
  maxPax?: number;
  description: string;
  marketplace: number[];
  eventTypes?: number[];
  items: readonly string[];
}

const HOUSE = ['Sparkling Brut NV', 'House Sauvignon Blanc', 'House Shiraz', 'Tap Beer', 'Soft Drinks & Juices'];
const NON_ALCOHOLIC = ['Seasonal Mocktails', 'Fresh Juices', 'Soft Drinks', 'Sparkling Mineral Water'];

const standard: BeveragePlan = {
  name: 'Standard Beverage Package',
  priceType: 1,
  cost: 35,
  hours: [[2, 35], [3, 42], [4, 49], [5, 56]],
  minPax: 20,
  description: 'House wines, beer and soft drinks',
  marketplace: [5, 6],
  items: HOUSE,
};
const nonAlcoholic: BeveragePlan = { name: 'Non-Alcoholic Package', priceType: 1, cost: 15, hours: [[3, 15], [5, 20]], description: 'Mocktails, juices and soft drinks', marketplace: [2, 4], items: NON_ALCOHOLIC };
const barTab: BeveragePlan = { name: 'Bar Tab', priceType: 2, cost: 2000, description: 'Drinks on consumption up to the tab, from the standard list', marketplace: [], items: HOUSE };

const BEVERAGES: Record<VenueKind, readonly BeveragePlan[]> = {
  hotel: [
    standard,
    {
      name: 'Premium Beverage Package',
      priceType: 1,
      cost: 55,
      hours: [[3, 55], [4, 64], [5, 72]],
      minPax: 30,
      description: 'Champagne, premium wines and craft beer',
      marketplace: [5, 6],
      eventTypes: [11, 21],
      items: ['Champagne NV', 'Margaret River Chardonnay', 'Barossa Valley Shiraz', 'Craft Beer Selection', 'Soft Drinks & Juices'],
    },
    nonAlcoholic,
    { name: 'Arrival Cocktail', priceType: 1, cost: 16, description: 'A signature cocktail as guests arrive', marketplace: [6], eventTypes: [21], items: ['Harbour Spritz'] },
    barTab,
  ],
  conference: [
    standard,
    nonAlcoholic,
    { name: 'Networking Drinks (1 hour)', priceType: 1, cost: 22, minPax: 50, description: 'One hour of house wine and beer after sessions', marketplace: [6], eventTypes: [31], items: HOUSE.slice(1, 4) },
    barTab,
  ],
  restaurant: [
    { name: 'Italian Wine Pairing', priceType: 1, cost: 65, maxPax: 40, description: 'A glass matched to every course', marketplace: [5], items: ['Prosecco', 'Vermentino', 'Chianti Classico', 'Moscato d’Asti'] },
    { ...standard, hours: [[2, 35], [3, 42], [4, 49]] },
    nonAlcoholic,
    { name: 'Aperitivo on Arrival', priceType: 1, cost: 15, description: 'Aperol spritz or Negroni on arrival', marketplace: [6], items: ['Aperol Spritz', 'Negroni'] },
  ],
};

export interface SeededBeverage {
  id: number;
  name: string;
  itemIds: number[];
}

export type Beverages = ReadonlyMap<string, SeededBeverage>;

/** What the venue pays: about a third of the price, in whole cents. */
const actualOf = (price: number) => Math.round(hundredths(price) * 0.35);

export async function seedBeverages(tx: Scope, venue: SeededVenue, cc: CostCenters, now: number, counts: SeedCounts): Promise<Beverages> {
  const revenue = cc.get('banquetBeverage') ?? cc.get('beverage')!;
  const seeded = new Map<string, SeededBeverage>();
  for (const plan of BEVERAGES[venue.kind]) {
    const row = await tx
      .insertInto('venue_beverage_packages', {
        venue_id: venue.id,
        name: plan.name,
        min_pax: plan.minPax ?? null,
        max_pax: plan.maxPax ?? null,
        price_type: plan.priceType,
        cost: hundredths(plan.cost),
        cost_excluded_tax_ids: '[]',
        actual_cost: actualOf(plan.cost),
        actual_cost_excluded_tax_ids: '[]',
        cost_center_id: revenue,
        small_description: plan.description,
        marketplace_name: plan.marketplace.length > 0 ? plan.name : null,
        marketplace_categories: JSON.stringify(plan.marketplace),
        marketplace_event_types: plan.eventTypes ? JSON.stringify(plan.eventTypes) : null,
        current_status: 1,
        active_from: null,
        active_to: null,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (plan.hours) {
      await tx
        .insertInto(
          'venue_beverage_package_costs',
          plan.hours.map(([num_hours, cost]) => ({
            package_id: row.id,
            num_hours,
            cost: hundredths(cost),
            cost_excluded_tax_ids: '[]',
            actual_cost: actualOf(cost),
            actual_cost_excluded_tax_ids: '[]',
            created_at: now,
            modified_at: now,
          })),
        )
        .execute();
      counts.add('venueBeverageHourlyCosts', plan.hours.length);
    }
    const items = await tx
      .insertInto(
        'venue_beverage_package_items',
        plan.items.map((name, sort_order) => ({ package_id: row.id, name, sort_order })),
      )
      .returning('id')
      .execute();
    seeded.set(plan.name, { id: row.id, name: plan.name, itemIds: items.map((i) => i.id) });
  }
  counts.add('venueBeveragePackages', BEVERAGES[venue.kind].length);
  return seeded;
}
