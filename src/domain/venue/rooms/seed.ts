/** Seed data of the venue rooms area. */
import type { VenueSeedContext } from '../seed/types.js';

export async function seedRooms(_ctx: VenueSeedContext): Promise<Record<string, number>> {
  return {};
}
