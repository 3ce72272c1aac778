/**
 * `marquee snapshot save|restore|list|delete`: named snapshots of one account's data, kept in
 * the database (storage/snapshot/), so every server and CLI run on it shares them.
 */
import type { Command } from 'commander';
import type { Runtime } from '../../runtime.js';
import type { SnapshotSummary } from '../../storage/snapshot/index.js';
import { integerOption, printJson, withRuntime } from '../shared.js';

const asJson = (s: SnapshotSummary) => ({ ...s, takenAt: new Date(s.takenAt).toISOString() });

async function targetAccount(runtime: Runtime, given: number | undefined): Promise<number> {
  const { accountExists, findDemoAccount } = await import('../../auth/accounts.js');
  const accountId = given ?? (await findDemoAccount(runtime.storage.db));
  if (accountId === null) throw new Error('No demo account: give --account');
  if (!(await accountExists(runtime.storage.db, accountId))) throw new Error(`No account ${accountId}`);
  return accountId;
}

/** What `snapshot save` prints (tests run the commands' work in-process through these). */
export async function saveSnapshotCommand(runtime: Runtime, name: string, account?: number) {
  const { takeSnapshot } = await import('../../storage/snapshot/index.js');
  const accountId = await targetAccount(runtime, account);
  const taken = await takeSnapshot(runtime.storage.db, runtime.storage.dialect, { name, accountId });
  return { snapshot: asJson(taken), replaced: taken.replaced };
}

export async function restoreSnapshotCommand(runtime: Runtime, name: string) {
  const { restoreSnapshot } = await import('../../storage/snapshot/index.js');
  const result = await restoreSnapshot(runtime.storage.db, runtime.storage.dialect, name);
  return { ...result, takenAt: new Date(result.takenAt).toISOString() };
}

export async function listSnapshotsCommand(runtime: Runtime, account?: number) {
  const { listSnapshots } = await import('../../storage/snapshot/index.js');
  return { snapshots: (await listSnapshots(runtime.storage.db, account)).map(asJson) };
}

export function registerSnapshot(program: Command): void {
  const snapshot = program.command('snapshot').description("Save, restore and list named snapshots of an account's data");
  const database = (opts: { database?: string }) => (opts.database ? { databaseUrl: opts.database } : {});

  snapshot
    .command('save <name>')
    .description('Save the account\'s data (default: the demo account) under NAME, replacing a snapshot of that name')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'account to snapshot', integerOption)
    .action(async (name: string, opts: { database?: string; account?: number }) => {
      await withRuntime(database(opts), async (runtime) => printJson(await saveSnapshotCommand(runtime, name, opts.account)));
    });

  snapshot
    .command('restore <name>')
    .description('Put the snapshot\'s account back as it was when NAME was saved (its API keys stay valid)')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .action(async (name: string, opts: { database?: string }) => {
      await withRuntime(database(opts), async (runtime) => printJson(await restoreSnapshotCommand(runtime, name)));
    });

  snapshot
    .command('list')
    .description('List the snapshots, oldest first')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'only the snapshots of this account', integerOption)
    .action(async (opts: { database?: string; account?: number }) => {
      await withRuntime(database(opts), async (runtime) => printJson(await listSnapshotsCommand(runtime, opts.account)));
    });

  snapshot
    .command('delete <name>')
    .description('Delete the snapshot NAME')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .action(async (name: string, opts: { database?: string }) => {
      const { deleteSnapshot } = await import('../../storage/snapshot/index.js');
      await withRuntime(database(opts), async (runtime) => {
        await deleteSnapshot(runtime.storage.db, name);
        printJson({ deleted: name });
      });
    });
}
