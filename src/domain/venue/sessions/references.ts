/**
 * Checks that what a session line names belongs to the venue's catalogue (catalog/tables.ts):
 * cost centers and taxes of the venue. A reference that is not there is refused with the
 * page's "invalid data" code for data the account does not have (errors.ts, `rejected`).
 */
import type { Scope } from '../../../storage/scope.js';
import { invalid, rejected, type LineCodes } from './errors.js';

export async function checkCostCenter(store: Scope, codes: LineCodes, venueId: number, id: number | null, param: string): Promise<void> {
  if (id === null) return;
  const row = await store.selectFrom('venue_cost_centers').select('id').where('id', '=', id).where('venue_id', '=', venueId).executeTakeFirst();
  if (!row) throw rejected(codes, `${param}: ${id} is not a cost center of venue ${venueId}`);
}

export async function checkTaxes(store: Scope, codes: LineCodes, venueId: number, ids: readonly number[], param: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await store.selectFrom('venue_taxes').select('id').where('id', 'in', [...new Set(ids)]).where('venue_id', '=', venueId).execute();
  const known = new Set(rows.map((r) => r.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw rejected(codes, `${param}: ${unknown} is not a tax of venue ${venueId}`);
}

/** Money in currency units as cents; a negative price is not one. */
export function cents(codes: LineCodes, value: number, param: string): number {
  if (value < 0) throw invalid(codes, `${param}: Value must be 0 or greater`);
  return Math.round(value * 100);
}

export const jsonIds = (ids: readonly number[]): string => JSON.stringify([...new Set(ids)]);
