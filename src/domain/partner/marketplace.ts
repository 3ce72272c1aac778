/**
 * The marketplace as a partner reads it: the venues of every account listed in it
 * (`in_marketplace = 1`), and nothing else. A partner key's own account plays no part: every
 * query starts here, from `listedVenues`, and a listed venue's details are then read through
 * a read-only Scope of the venue's own account (storage/cross-account.ts).
 */
import type { SelectQueryBuilder } from 'kysely';
import type { ActionContext } from '../../registry/context.js';
import { crossAccountReader } from '../../storage/cross-account.js';
import type { Database } from '../../storage/schema.js';
import type { Scope } from '../../storage/scope.js';
import { venueNotFound } from '../venue/errors.js';
import type { VenueRow } from '../venue/venues/store.js';

/** The venues listed in the marketplace, of every account, for a list to filter and page. */
export function listedVenues(ctx: ActionContext): SelectQueryBuilder<Database, 'venues', {}> {
  return crossAccountReader(ctx.store).selectFrom('venues').where('venues.in_marketplace', '=', 1);
}

/** A listed venue, or the venue namespace's 404 (24102): an unlisted venue does not exist here. */
export async function requireListedVenue(ctx: ActionContext, id: number): Promise<VenueRow> {
  const row = await listedVenues(ctx).selectAll('venues').where('venues.id', '=', id).executeTakeFirst();
  if (!row) throw venueNotFound();
  return row;
}

/** Read-only Scopes of the accounts of some listed venues, one per account. */
export function ownerScopes(ctx: ActionContext, rows: readonly VenueRow[]): Map<number, Scope> {
  const reader = crossAccountReader(ctx.store);
  const scopes = new Map<number, Scope>();
  for (const row of rows) {
    // Only rows read through listedVenues come here; anything else is a bug, not a request.
    if (row.in_marketplace !== 1) throw new Error(`venue ${row.id} is not listed in the marketplace`);
    if (!scopes.has(row.account_id)) scopes.set(row.account_id, reader.scopeOf(row.account_id));
  }
  return scopes;
}

/** The read-only Scope of a listed venue's account. */
export function ownerScope(ctx: ActionContext, row: VenueRow): Scope {
  return ownerScopes(ctx, [row]).get(row.account_id)!;
}
