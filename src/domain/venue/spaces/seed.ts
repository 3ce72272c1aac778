/** Seed data of the venue spaces area. */
import type { VenueSeedContext } from '../seed/types.js';

export async function seedSpaces(_ctx: VenueSeedContext): Promise<Record<string, number>> {
  return {};
}
