import type { Command } from 'commander';
import { formatTimestamp } from '../../protocol/timestamp.js';
import { integerOption, printJson, withRuntime } from '../shared.js';
import { plainTable } from '../table.js';

const accounts = () => import('../../auth/accounts.js');
const keysStore = () => import('../../auth/keys.js');

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('Manage API keys');

  keys
    .command('create')
    .description('Create an API key (and an account with a primary user when --account is not given)')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'existing account id', integerOption)
    .option('--user <id>', 'user the key acts as (omit for an account-level key)', integerOption)
    .option('--label <text>', 'a note to recognise the key by')
    .option('--partner', 'a partner key: it reads the venue marketplace (partner namespace) and nothing else')
    .option('--json', 'print {"key","secret","accountId","userId","kind"}')
    .action(async (opts: { database?: string; account?: number; user?: number; label?: string; partner?: boolean; json?: boolean }) => {
      const [{ accountExists, createAccount, userOfAccount }, { createApiKey }] = await Promise.all([accounts(), keysStore()]);
      await withRuntime(opts.database ? { databaseUrl: opts.database } : {}, async (runtime) => {
        const db = runtime.storage.db;
        let accountId = opts.account;
        if (accountId === undefined) {
          const created = await createAccount(db, {
            name: opts.label ?? (opts.partner ? 'Marquee partner' : 'Marquee account'),
            primaryUser: { firstName: 'Primary', lastName: 'User', email: 'primary@marquee.local', isPrimary: true },
          });
          accountId = created.accountId;
        } else if (!(await accountExists(db, accountId))) {
          throw new Error(`No account ${accountId}`);
        }
        if (opts.user !== undefined && !(await userOfAccount(db, accountId, opts.user))) {
          throw new Error(`User ${opts.user} does not belong to account ${accountId}`);
        }
        const key = await createApiKey(db, runtime.secrets, {
          accountId,
          userId: opts.user ?? null,
          label: opts.label ?? null,
          kind: opts.partner ? 'partner' : 'account',
        });
        if (opts.json) printJson(key);
        else {
          process.stdout.write(
            `key:     ${key.key}\nsecret:  ${key.secret}\naccount: ${key.accountId}\nuser:    ${key.userId ?? '-'}\nkind:    ${key.kind}\n`,
          );
        }
      });
    });

  keys
    .command('revoke <key>')
    .description('Revoke an API key; requests signed with it get 463 Key Revoked')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .action(async (key: string, opts: { database?: string }) => {
      await withRuntime(opts.database ? { databaseUrl: opts.database } : {}, async (runtime) => {
        if (!(await (await keysStore()).revokeApiKey(runtime.storage.db, key))) throw new Error(`No API key ${key}`);
        process.stdout.write(`revoked ${key}\n`);
      });
    });

  keys
    .command('list')
    .description('List API keys (never their secrets)')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'only this account', integerOption)
    .option('--json', 'print JSON')
    .action(async (opts: { database?: string; account?: number; json?: boolean }) => {
      await withRuntime(opts.database ? { databaseUrl: opts.database } : {}, async (runtime) => {
        const rows = await (await keysStore()).listApiKeys(runtime.storage.db, opts.account);
        if (opts.json) return printJson(rows);
        const lines = rows.map((r) => [
          r.key,
          r.accountId,
          r.userId ?? '-',
          r.kind,
          r.revokedAt === null ? 'active' : `revoked ${formatTimestamp(r.revokedAt)}`,
          formatTimestamp(r.createdAt),
          r.label ?? '',
        ]);
        process.stdout.write(plainTable(['key', 'account', 'user', 'kind', 'state', 'created', 'label'], lines));
      });
    });
}
