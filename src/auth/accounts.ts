/** Accounts (tenants) and their users. Every other row in Marquee belongs to an account. */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

export interface NewUser {
  firstName: string;
  lastName: string;
  email: string;
  isPrimary: boolean;
}

export async function createAccount(
  db: Kysely<Database>,
  input: { name: string; isDemo?: boolean; primaryUser?: NewUser; now?: number },
): Promise<{ accountId: number; primaryUserId: number | null }> {
  const now = input.now ?? Date.now();
  return db.transaction().execute(async (tx) => {
    const account = await tx
      .insertInto('accounts')
      .values({ name: input.name, is_demo: input.isDemo ? 1 : 0, region: 'marquee', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    let primaryUserId: number | null = null;
    if (input.primaryUser) {
      primaryUserId = await createUser(tx, account.id, { ...input.primaryUser, isPrimary: true }, now);
    }
    return { accountId: account.id, primaryUserId };
  });
}

export async function createUser(db: Kysely<Database>, accountId: number, user: NewUser, now = Date.now()): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      account_id: accountId,
      first_name: user.firstName,
      last_name: user.lastName,
      email: user.email,
      is_primary: user.isPrimary ? 1 : 0,
      is_active: 1,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function accountExists(db: Kysely<Database>, accountId: number): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst()) !== undefined;
}

export async function userOfAccount(db: Kysely<Database>, accountId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findDemoAccount(db: Kysely<Database>): Promise<number | null> {
  const row = await db.selectFrom('accounts').select('id').where('is_demo', '=', 1).orderBy('id').executeTakeFirst();
  return row?.id ?? null;
}
