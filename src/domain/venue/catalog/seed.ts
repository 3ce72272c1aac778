/** Seed data of the venue catalog area. */
import type { VenueSeedContext } from '../seed/types.js';

export async function seedCatalog(_ctx: VenueSeedContext): Promise<Record<string, number>> {
  return {};
}
