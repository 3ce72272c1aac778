/**
 * Seed data of the venue catalog area: the account's session types, event types and booking
 * custom fields, then for each venue its cost centers, taxes, revenue templates, menus,
 * beverage packages, space hire plans and packages. Everything is fixed data of the venue's
 * kind; `ctx.faker` only draws the menu groups' public hashes, so a seed is repeatable.
 */
import type { VenueSeedContext } from '../seed/types.js';
import { seedCostCenters, seedRevenueTemplates, seedTaxes } from './seed-data/accounting.js';
import { seedBeverages } from './seed-data/beverages.js';
import { SeedCounts } from './seed-data/counter.js';
import { seedMenus } from './seed-data/menus.js';
import { seedPackages } from './seed-data/packages.js';
import { seedReference } from './seed-data/reference.js';
import { seedSpaceHire } from './seed-data/space-hire.js';

export async function seedCatalog(ctx: VenueSeedContext): Promise<Record<string, number>> {
  const { faker, now } = ctx;
  return ctx.store.transaction(async (tx) => {
    const counts = new SeedCounts();
    const { sessionTypes } = await seedReference(tx, now, counts);
    for (const venue of ctx.venues) {
      const cc = await seedCostCenters(tx, venue, now, counts);
      await seedTaxes(tx, venue, cc, now, counts);
      await seedRevenueTemplates(tx, venue, cc, now, counts);
      const menus = await seedMenus(tx, venue, cc, faker, now, counts);
      const beverages = await seedBeverages(tx, venue, cc, now, counts);
      const plans = await seedSpaceHire(tx, venue, now, counts);
      await seedPackages(tx, { venue, cc, menus, beverages, plans, sessionTypes, now, counts });
    }
    return counts.toJSON();
  });
}
