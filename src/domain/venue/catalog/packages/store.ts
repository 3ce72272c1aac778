/** Reading venue packages of the caller's account. */
import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../../storage/schema.js';
import type { Scope } from '../../../../storage/scope.js';
import { packageNotFound } from '../errors.js';
import type { VenuePackagesTable } from '../tables.js';

/** 1 when the package has at least one session (a detailed package), else 0. */
export const hasSessions = sql<number>`case when exists (select 1 from venue_package_sessions s where s.package_id = venue_packages.id) then 1 else 0 end`;

export const selectPackage = (qb: SelectQueryBuilder<Database, 'venue_packages', {}>): SelectQueryBuilder<Database, 'venue_packages', PackageRow> =>
  qb.selectAll('venue_packages').select(hasSessions.as('has_sessions'));

export type PackageRow = Selectable<VenuePackagesTable> & { has_sessions: number };

/** The venue's package, or 404 / 24458 (another venue's package does not exist for this one). */
export async function requirePackage(store: Scope, venueId: number, packageId: number): Promise<PackageRow> {
  const row = await selectPackage(store.selectFrom('venue_packages'))
    .where('venue_packages.id', '=', packageId)
    .where('venue_packages.venue_id', '=', venueId)
    .executeTakeFirst();
  if (!row) throw packageNotFound();
  return row;
}
