/** API keys: a public key id, a sealed secret, an optional user, and a revoked flag. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, KeyKind } from '../storage/schema.js';
import type { SecretBox } from './secret-box.js';

export interface ApiKeyRecord {
  key: string;
  secret: string;
  accountId: number;
  userId: number | null;
  /** A partner key may call only the partner namespace, and an account key anything else. */
  kind: KeyKind;
  revoked: boolean;
}

export interface ApiKeySummary {
  key: string;
  accountId: number;
  userId: number | null;
  label: string | null;
  kind: KeyKind;
  createdAt: number;
  revokedAt: number | null;
}

export async function createApiKey(
  db: Kysely<Database>,
  box: SecretBox,
  input: { accountId: number; userId?: number | null; label?: string | null; kind?: KeyKind; now?: number },
): Promise<{ key: string; secret: string; accountId: number; userId: number | null; kind: KeyKind }> {
  const key = randomBytes(16).toString('hex');
  const secret = randomBytes(20).toString('hex');
  const userId = input.userId ?? null;
  await db
    .insertInto('api_keys')
    .values({
      key,
      account_id: input.accountId,
      user_id: userId,
      secret_box: box.seal(secret),
      label: input.label ?? null,
      kind: input.kind ?? 'account',
      created_at: input.now ?? Date.now(),
      revoked_at: null,
    })
    .execute();
  return { key, secret, accountId: input.accountId, userId, kind: input.kind ?? 'account' };
}

export async function findApiKey(db: Kysely<Database>, box: SecretBox, key: string): Promise<ApiKeyRecord | null> {
  const row = await db
    .selectFrom('api_keys')
    .select(['key', 'account_id', 'user_id', 'secret_box', 'kind', 'revoked_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  return {
    key: row.key,
    secret: box.open(row.secret_box),
    accountId: row.account_id,
    userId: row.user_id,
    kind: row.kind,
    revoked: row.revoked_at !== null,
  };
}

/** Marks a key revoked; returns false when no such key exists. */
export async function revokeApiKey(db: Kysely<Database>, key: string, now = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('key', '=', key)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return true;
  const exists = await db.selectFrom('api_keys').select('key').where('key', '=', key).executeTakeFirst();
  return exists !== undefined;
}

export async function listApiKeys(db: Kysely<Database>, accountId?: number): Promise<ApiKeySummary[]> {
  let q = db.selectFrom('api_keys').select(['key', 'account_id', 'user_id', 'label', 'kind', 'created_at', 'revoked_at']);
  if (accountId !== undefined) q = q.where('account_id', '=', accountId);
  const rows = await q.orderBy('created_at').orderBy('key').execute();
  return rows.map((r) => ({
    key: r.key,
    accountId: r.account_id,
    userId: r.user_id,
    label: r.label,
    kind: r.kind,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}
