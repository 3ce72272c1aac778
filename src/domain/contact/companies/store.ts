/** Queries over companies. */
import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../storage/schema.js';
import type { Scope } from '../../../storage/scope.js';
import type { CompaniesTable } from '../tables.js';

export type CompanyRow = Selectable<CompaniesTable>;

export async function findCompany(store: Scope, id: number): Promise<CompanyRow | undefined> {
  return store.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** addOrUpdateCompany(updateIfExists) pairs by business name, ignoring case; the oldest wins. */
export async function findCompanyByName(store: Scope, businessName: string): Promise<CompanyRow | undefined> {
  return store
    .selectFrom('companies')
    .selectAll()
    .where(sql`lower(business_name)`, '=', sql`lower(${businessName.trim()})`)
    .orderBy('id')
    .executeTakeFirst();
}

export async function existingCompanyIds(store: Scope, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await store.selectFrom('companies').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function industryExists(store: Scope, id: number): Promise<boolean> {
  return (await store.selectFrom('industries').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function userExists(store: Scope, id: number): Promise<boolean> {
  return (await store.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/**
 * The company row with what its shape names (industry, account managers, primary contact)
 * joined in, so a page of companies is one query. The joined rows are reached through the
 * company's own foreign keys, which only ever point inside its account.
 */
export function selectCompanyWithRefs(qb: SelectQueryBuilder<Database, 'companies', {}>) {
  return qb
    .leftJoin('industries', 'industries.id', 'companies.industry_id')
    .leftJoin('users as pam', 'pam.id', 'companies.primary_account_manager_id')
    .leftJoin('users as sam', 'sam.id', 'companies.secondary_account_manager_id')
    .leftJoin('contacts as pc', 'pc.id', 'companies.primary_contact_id')
    .selectAll('companies')
    .select([
      'industries.name as industry_name',
      'pam.first_name as pam_first_name',
      'pam.last_name as pam_last_name',
      'pam.email as pam_email',
      'sam.first_name as sam_first_name',
      'sam.last_name as sam_last_name',
      'sam.email as sam_email',
      'pc.first_name as pc_first_name',
      'pc.last_name as pc_last_name',
      'pc.email as pc_email',
      'pc.phone as pc_phone',
    ]);
}

export type CompanyWithRefs = Awaited<ReturnType<ReturnType<typeof selectCompanyWithRefs>['executeTakeFirstOrThrow']>>;

export async function findCompaniesWithRefs(store: Scope, ids: readonly number[]): Promise<CompanyWithRefs[]> {
  if (ids.length === 0) return [];
  return selectCompanyWithRefs(store.selectFrom('companies'))
    .where('companies.id', 'in', [...new Set(ids)])
    .orderBy('companies.id')
    .execute();
}
