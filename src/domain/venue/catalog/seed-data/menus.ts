/**
 * Menus of each kind of venue, with their items and per-person prices: breakfasts, breaks,
 * lunches, dinners with selection groups, canapés priced by the piece (a "total of menu items"
 * menu), a flat-rate platter, a menu split over cost centers and seasonal menus.
 */
import type { Faker } from '@faker-js/faker';
import type { Scope } from '../../../../storage/scope.js';
import type { SeededVenue, VenueKind } from '../../seed/types.js';
import { MENU_COST_TYPES } from '../menus/price.js';
import { hundredths } from '../values.js';
import type { CostCenterKey, CostCenters } from './accounting.js';
import type { SeedCounts } from './counter.js';

type Item = readonly [name: string, price: number, group?: number];

interface MenuPlan {
  name: string;
  /** get-menu-list.md, Menu Type Categories. */
  category: number;
  costType: number;
  /** Per person, or the flat rate; unused for a total of items or a split menu. */
  cost?: number;
  minPax?: number;
  maxPax?: number;
  /** get-menu-list.md, Marketplace Categories. */
  marketplace: number[];
  description: string;
  groups?: ReadonlyArray<readonly [name: string, min: number, max: number, servingTime?: string]>;
  items: readonly Item[];
  split?: ReadonlyArray<readonly [CostCenterKey, number]>;
  /** `mm-dd` to `mm-dd`. */
  active?: readonly [string, string];
  inactive?: boolean;
}

const { perPerson, flatRate, totalOfItems } = MENU_COST_TYPES;

const BREAKS: readonly Item[] = [
  ['Barista Coffee & Selection of Teas', 5],
  ['Freshly Baked Muffins', 4.5],
  ['Seasonal Fruit Skewers', 3.5],
];

const CANAPES: readonly Item[] = [
  ['Sydney Rock Oysters, Finger Lime', 5.5],
  ['Peking Duck Pancakes', 4.5],
  ['Wild Mushroom Arancini, Truffle Aioli', 4],
  ['Tempura King Prawns, Yuzu Mayo', 5],
  ['Mini Wagyu Sliders', 6],
  ['Goat Cheese & Caramelised Onion Tartlets', 4],
];

const MENUS: Record<VenueKind, readonly MenuPlan[]> = {
  hotel: [
    { name: 'Continental Breakfast', category: 1, costType: perPerson, cost: 32, marketplace: [1], description: 'Pastries, fruit, yoghurt and barista coffee', items: [['Freshly Baked Pastries', 6], ['Seasonal Fruit Platter', 7], ['Bircher Muesli', 6], ['Greek Yoghurt & Berries', 6], ['Barista Coffee & Tea', 5]] },
    { name: 'Hot Buffet Breakfast', category: 1, costType: perPerson, cost: 45, minPax: 20, marketplace: [1], description: 'Full hot buffet with eggs your way', items: [['Scrambled Eggs & Chives', 8], ['Bacon & Pork Sausages', 9], ['Roasted Tomatoes & Mushrooms', 6], ['Hash Browns', 4], ['Pastries & Toast Station', 7], ['Barista Coffee & Tea', 5]] },
    { name: 'Morning Tea Break', category: 4, costType: perPerson, cost: 14, marketplace: [2], description: 'Coffee, tea and something sweet', items: BREAKS },
    { name: 'Working Lunch Buffet', category: 2, costType: perPerson, cost: 42, minPax: 15, marketplace: [3], description: 'Salads, hot dishes and dessert served in the pre-function area', items: [['Chef’s Salad Selection', 9], ['Grilled Barramundi, Salsa Verde', 14], ['Slow-Cooked Lamb Shoulder', 14], ['Seasonal Vegetables', 5], ['Petit Fours', 6]] },
    {
      name: 'Three-Course Plated Dinner',
      category: 3,
      costType: perPerson,
      cost: 95,
      minPax: 20,
      marketplace: [5],
      description: 'Alternate drop entrée and main, plated dessert',
      groups: [['Entrée', 2, 2, '19:30:00'], ['Main', 2, 2, '20:30:00'], ['Dessert', 1, 1, '21:45:00']],
      items: [['Kingfish Crudo, Citrus & Fennel', 22, 0], ['Burrata, Heirloom Tomatoes', 21, 0], ['Eye Fillet, Potato Gratin, Jus', 48, 1], ['Snapper, Saffron Beurre Blanc', 44, 1], ['Chocolate Fondant, Vanilla Bean Ice Cream', 18, 2]],
    },
    { name: 'Canapé Selection', category: 5, costType: totalOfItems, minPax: 30, marketplace: [6], description: 'Priced per piece per guest; choose any', items: CANAPES },
    { name: 'Wedding Banquet', category: 3, costType: perPerson, minPax: 50, maxPax: 400, marketplace: [5], description: 'Canapés on arrival, three courses and the cutting of your cake', items: [['Canapés on Arrival', 18], ['Entrée', 24], ['Main', 48], ['Dessert or Wedding Cake Served', 18]], split: [['banquetFood', 120], ['service', 15]] },
    { name: 'Summer Terrace BBQ', category: 2, costType: perPerson, cost: 58, minPax: 25, marketplace: [3], description: 'Rooftop barbecue over summer', items: [['Grilled Prawns, Garlic & Chilli', 14], ['Chargrilled Sirloin', 18], ['Corn on the Cob', 5], ['Pavlova', 8]], active: ['12-01', '02-28'] },
  ],
  conference: [
    { name: 'Arrival Tea & Coffee', category: 4, costType: perPerson, cost: 9, marketplace: [2], description: 'Served in the foyer as delegates register', items: [['Barista Coffee & Selection of Teas', 5], ['Cookies', 3]] },
    { name: 'Morning Tea', category: 4, costType: perPerson, cost: 12, marketplace: [2], description: 'Mid-morning break', items: BREAKS },
    { name: 'Delegate Lunch Buffet', category: 2, costType: perPerson, cost: 38, minPax: 30, marketplace: [3], description: 'Standing lunch in the exhibition hall', items: [['Gourmet Wraps & Sandwiches', 10], ['Asian Noodle Salad', 8], ['Thai Green Chicken Curry, Jasmine Rice', 12], ['Fruit Platter', 5]] },
    { name: 'Afternoon Tea', category: 4, costType: perPerson, cost: 12, marketplace: [4], description: 'Afternoon break', items: BREAKS },
    { name: 'Sandwich Platter (serves 10)', category: 6, costType: flatRate, cost: 120, marketplace: [3], description: 'Delivered to exhibition stands', items: [['Assorted Sandwiches, 20 Points', 120]] },
    { name: 'Networking Canapés', category: 5, costType: totalOfItems, minPax: 50, marketplace: [6], description: 'Priced per piece per guest', items: CANAPES.slice(1, 5) },
    { name: 'Conference Day Catering', category: 2, costType: perPerson, minPax: 50, marketplace: [2, 3, 4], description: 'Arrival coffee, morning tea, lunch and afternoon tea', items: [['Arrival Coffee', 6], ['Morning Tea', 12], ['Lunch Buffet', 35], ['Afternoon Tea', 12]], split: [['banquetFood', 55], ['beverage', 10]] },
    { name: 'Winter Warmers Lunch', category: 2, costType: perPerson, cost: 44, minPax: 30, marketplace: [3], description: 'Soups, braises and puddings', items: [['Pumpkin Soup', 8], ['Beef & Red Wine Pie', 16], ['Sticky Date Pudding', 9]], active: ['06-01', '08-31'], inactive: true },
  ],
  restaurant: [
    { name: 'Long Lunch Set Menu', category: 2, costType: perPerson, cost: 75, minPax: 10, maxPax: 60, marketplace: [3], description: 'Three courses to share, served from noon', items: [['House Focaccia, Olive Oil', 6], ['Charred Octopus, Romesco', 22], ['Slow-Roasted Lamb, Salsa Verde', 38], ['Tiramisu', 14]] },
    { name: 'Chef’s Tasting Menu', category: 3, costType: perPerson, cost: 125, minPax: 8, maxPax: 40, marketplace: [5], description: 'Seven courses from the chef', items: [['Oyster, Mignonette', 8], ['Kingfish, Blood Orange', 18], ['Handmade Pappardelle, Duck Ragù', 24], ['Murray Cod, Brown Butter', 32], ['Wagyu Rump, Bone Marrow', 36], ['Pre-Dessert', 7], ['Olive Oil Cake, Mascarpone', 14]] },
    {
      name: 'Shared Banquet',
      category: 3,
      costType: perPerson,
      cost: 89,
      minPax: 12,
      maxPax: 80,
      marketplace: [5],
      description: 'Choose three entrées and two mains to share',
      groups: [['Entrées to Share', 3, 3], ['Mains to Share', 2, 2], ['Sides', 1, 2]],
      items: [['Burrata, Peach & Basil', 18, 0], ['Calamari Fritti', 17, 0], ['Beef Carpaccio', 19, 0], ['Arancini', 15, 0], ['Whole Roasted Snapper', 42, 1], ['Porchetta, Apple Mostarda', 38, 1], ['Wild Mushroom Risotto', 32, 1], ['Rocket & Parmesan Salad', 10, 2], ['Rosemary Potatoes', 10, 2]],
    },
    { name: 'Antipasti & Canapés', category: 5, costType: totalOfItems, minPax: 20, marketplace: [6], description: 'Priced per piece per guest', items: [['Prosciutto & Melon', 4], ['Bruschetta, Heirloom Tomato', 3.5], ['Arancini, Truffle Aioli', 4], ['Salt Cod Croquettes', 4.5]] },
    { name: 'Kids Menu', category: 0, costType: perPerson, cost: 25, marketplace: [], description: 'For guests under twelve', items: [['Pasta Napoli or Fish & Chips', 18], ['Gelato', 7]] },
    { name: 'Grazing Table', category: 5, costType: flatRate, cost: 650, maxPax: 60, marketplace: [6], description: 'Cheeses, cured meats, breads and fruit for up to 60', items: [['Grazing Table', 650]] },
    { name: 'Festive Christmas Lunch', category: 2, costType: perPerson, cost: 110, minPax: 10, marketplace: [3], description: 'Roast turkey, glazed ham and plum pudding', items: [['Glazed Ham', 20], ['Roast Turkey, Cranberry', 30], ['Prawn Cocktail', 18], ['Plum Pudding, Brandy Custard', 14]], active: ['11-15', '12-24'] },
  ],
};

/** A seeded menu: its id, name and items, for the packages that include it. */
export interface SeededMenu {
  id: number;
  name: string;
  itemIds: number[];
  priceCents: number;
}

export type Menus = ReadonlyMap<string, SeededMenu>;

export async function seedMenus(tx: Scope, venue: SeededVenue, cc: CostCenters, faker: Faker, now: number, counts: SeedCounts): Promise<Menus> {
  const revenue = cc.get(venue.kind === 'restaurant' ? 'privateDining' : 'banquetFood')!;
  const menus = new Map<string, SeededMenu>();
  for (const plan of MENUS[venue.kind]) {
    const row = await tx
      .insertInto('venue_menus', {
        venue_id: venue.id,
        name: plan.name,
        menu_type_category: plan.category,
        min_pax: plan.minPax ?? null,
        max_pax: plan.maxPax ?? null,
        cost_type: plan.costType,
        cost: hundredths(plan.cost ?? 0),
        cost_excluded_tax_ids: '[]',
        cost_center_id: revenue,
        small_description: plan.description,
        marketplace_name: plan.marketplace.length > 0 ? plan.name : null,
        marketplace_categories: JSON.stringify(plan.marketplace),
        current_status: plan.inactive ? 0 : 1,
        active_from: plan.active?.[0] ?? null,
        active_to: plan.active?.[1] ?? null,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const groupIds: number[] = [];
    for (const [sort_order, [name, min, max, servingTime]] of (plan.groups ?? []).entries()) {
      const group = await tx
        .insertInto('venue_menu_groups', {
          menu_id: row.id,
          hash_id: `gr${faker.string.hexadecimal({ length: 13, casing: 'lower', prefix: '' })}`,
          name,
          marketplace_name: null,
          min_selection: min,
          max_selection: max,
          serving_time: servingTime ?? null,
          sort_order,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      groupIds.push(group.id);
    }
    const items = await tx
      .insertInto(
        'venue_menu_items',
        plan.items.map(([name, price, group], sort_order) => ({
          menu_id: row.id,
          group_id: group === undefined ? null : groupIds[group]!,
          name,
          description: null,
          price: hundredths(price),
          sort_order,
        })),
      )
      .returning('id')
      .execute();
    if (plan.split) {
      await tx
        .insertInto(
          'venue_menu_cost_centers',
          plan.split.map(([key, price]) => ({ menu_id: row.id, cost_center_id: cc.get(key)!, cost_per_person: hundredths(price), excluded_tax_ids: '[]' })),
        )
        .execute();
    }
    const priceCents =
      plan.costType === totalOfItems
        ? plan.items.reduce((sum, [, price]) => sum + hundredths(price), 0)
        : plan.split
          ? plan.split.reduce((sum, [, price]) => sum + hundredths(price), 0)
          : hundredths(plan.cost ?? 0);
    menus.set(plan.name, { id: row.id, name: plan.name, itemIds: items.map((i) => i.id), priceCents });
    counts.add('venueMenuItems', plan.items.length);
    counts.add('venueMenuGroups', plan.groups?.length ?? 0);
  }
  counts.add('venueMenus', MENUS[venue.kind].length);
  return menus;
}
