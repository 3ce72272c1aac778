import type { Command } from 'commander';
import { integerOption, printJson, withRuntime } from '../shared.js';

export function registerReset(program: Command): void {
  program
    .command('reset')
    .description("Empty an account's data and seed it again as it was first seeded (default: the demo account)")
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'target account id', integerOption)
    .action(async (opts: { database?: string; account?: number }) => {
      const [{ accountExists, findDemoAccount }, { resetAccount }] = await Promise.all([
        import('../../auth/accounts.js'),
        import('../../seed/reset.js'),
      ]);
      await withRuntime(opts.database ? { databaseUrl: opts.database } : {}, async (runtime) => {
        const accountId = opts.account ?? (await findDemoAccount(runtime.storage.db));
        if (accountId === null) throw new Error('No demo account to reset: give --account, or run `marquee seed` first');
        if (!(await accountExists(runtime.storage.db, accountId))) throw new Error(`No account ${accountId}`);
        const started = Date.now();
        const result = await resetAccount(runtime, accountId);
        if (!result.seeded) {
          process.stderr.write(`marquee: account ${accountId} was never seeded: emptied, and left empty.\n`);
        }
        printJson({
          accountId,
          // What a reset keeps, so the same key goes on working.
          kept: 'the account, its API keys, its primary user and the users its keys act as',
          deleted: result.deleted,
          seeded: result.seeded && {
            randomSeed: result.seeded.randomSeed,
            now: new Date(result.seeded.now).toISOString(),
            created: result.seeded.totals,
          },
          seconds: (Date.now() - started) / 1000,
        });
      });
    });
}
