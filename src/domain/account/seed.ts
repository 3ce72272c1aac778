/**
 * Seeds an account's team (sales and events users with the fields of get-user-list.md), its
 * cost centers (the seven defaults and a few of its own) and a few error reports an
 * integration would have filed. Runs before the contact seeder, so companies and CRM records
 * can name these users. Idempotent per account: each part is created only when missing.
 */
import type { SeedContext, Seeder } from '../../seed/types.js';
import type { TenantInsert } from '../../storage/scope.js';
import { DEFAULT_COST_CENTERS } from './cost-center-actions.js';
import { errorReportFingerprint } from './error-report-actions.js';

const DAY = 86_400_000;
const TEAM_SIZE = 6;

const OWN_COST_CENTERS: ReadonlyArray<readonly [string, string, string]> = [
  ['Conference Packages', 'CONF', 'Day-delegate and residential conference packages'],
  ['Weddings', 'WED', 'Ceremony and reception packages'],
  ['Marketing Events', 'MKT-EV', 'Showcases and familiarisation events run by the sales team'],
];

const ERROR_REPORTS: ReadonlyArray<{ code: string; message: string; level: number; debug: string }> = [
  { code: 'PMS-504', message: 'Property management system did not answer the rate push', level: 3, debug: 'POST /rates timed out after 30000 ms' },
  { code: 'PAY-DECLINED', message: 'Card payment declined by the gateway', level: 2, debug: 'gateway response: do_not_honour' },
  { code: 'SYNC-409', message: 'CRM contact sync conflict left unresolved', level: 4, debug: 'both sides changed since the last run' },
];

export async function seedAccountData(ctx: SeedContext): Promise<Record<string, number>> {
  const { faker, now } = ctx;
  return ctx.store.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    const existing = await tx.selectFrom('users').select('email').orderBy('id').execute();
    const missing = Math.max(0, TEAM_SIZE - existing.length);
    if (missing > 0) {
      const domain = existing[0]?.email.split('@')[1] ?? faker.internet.domainName();
      const taken = new Set(existing.map((u) => u.email.toLowerCase()));
      const users: TenantInsert<'users'>[] = [];
      for (let i = 0; i < missing; i++) {
        const sex = faker.person.sexType();
        const firstName = faker.person.firstName(sex);
        const lastName = faker.person.lastName();
        let email = `${firstName}.${lastName}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
        while (taken.has(email)) email = email.replace('@', `${faker.number.int(9)}@`);
        taken.add(email);
        const createdAt = now - faker.number.int({ min: 30, max: 3 * 365 }) * DAY;
        users.push({
          salutation: faker.person.prefix(sex),
          first_name: firstName,
          middle_name: faker.datatype.boolean({ probability: 0.2 }) ? faker.person.middleName(sex) : null,
          last_name: lastName,
          email,
          phone: faker.phone.number({ style: 'national' }),
          phone_mobile: faker.datatype.boolean({ probability: 0.7 }) ? faker.phone.number({ style: 'national' }) : null,
          // One integration user; the rest are the sales and events team.
          user_type: i === missing - 1 ? 4 : 1,
          is_primary: 0,
          is_active: i === 0 && missing > 2 ? 0 : 1,
          created_at: createdAt,
          modified_at: faker.number.int({ min: createdAt, max: now }),
        });
      }
      await tx.insertInto('users', users).execute();
      counts.users = users.length;
    }

    if (!(await tx.selectFrom('cost_centers').select('id').executeTakeFirst())) {
      const rows: TenantInsert<'cost_centers'>[] = [
        ...DEFAULT_COST_CENTERS.map(([type, name, code]) => ({ name, code, description: null, default_type: type })),
        ...OWN_COST_CENTERS.map(([name, code, description]) => ({ name, code, description, default_type: null })),
      ].map((r) => ({ ...r, created_at: now, modified_at: now }));
      await tx.insertInto('cost_centers', rows).execute();
      counts.costCenters = rows.length;
    }

    if (!(await tx.selectFrom('error_reports').select('id').executeTakeFirst())) {
      const rows: TenantInsert<'error_reports'>[] = ERROR_REPORTS.map((r) => {
        const createdAt = now - faker.number.int({ min: 1, max: 60 }) * DAY;
        return {
          fingerprint: errorReportFingerprint(r.code, r.message, r.level, 1, [null, null, null, null, null]),
          code: r.code,
          message: r.message,
          level: r.level,
          ref_type: 1,
          debug_data: r.debug,
          occurrences: faker.number.int({ min: 1, max: 12 }),
          created_at: createdAt,
          last_reported_at: faker.number.int({ min: createdAt, max: now }),
        };
      });
      await tx.insertInto('error_reports', rows).execute();
      counts.errorReports = rows.length;
    }
    return counts;
  });
}

export const accountSeeder: Seeder = { name: 'account', seed: seedAccountData };
