/**
 * What a menu costs (per person, or in total for a flat rate), in cents, as SQL over a
 * `venue_menus` row: a "total of menu items" menu (cost type 3) costs the sum of its items; a
 * menu split over cost centers costs the sum of its parts; any other menu its `cost`. Computed
 * when read, so a menu's price never disagrees with its items or its split.
 */
import { sql, type RawBuilder } from 'kysely';

export const MENU_COST_TYPES = { perPerson: 1, flatRate: 2, totalOfItems: 3 } as const;

export const menuPrice: RawBuilder<number> = sql<number>`case
  when venue_menus.cost_type = ${sql.lit(MENU_COST_TYPES.totalOfItems)}
    then coalesce((select cast(sum(i.price) as bigint) from venue_menu_items i where i.menu_id = venue_menus.id), 0)
  else coalesce((select cast(sum(c.cost_per_person) as bigint) from venue_menu_cost_centers c where c.menu_id = venue_menus.id), venue_menus.cost)
end`;

/** The per-person price: a flat-rate menu has none. */
export const perPerson = (costType: number, priceCents: number): number | null =>
  costType === MENU_COST_TYPES.flatRate ? null : priceCents / 100;
