import type { Command } from 'commander';
import { integerOption, printJson, withRuntime } from '../shared.js';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Fill an account with realistic demo data (default: the demo account)')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'target account id', integerOption)
    .option('--contacts <n>', 'number of contacts to create', integerOption, 1000)
    .option('--random-seed <n>', 'make the generated data reproducible', integerOption)
    .action(async (opts: { database?: string; account?: number; contacts: number; randomSeed?: number }) => {
      const [{ accountExists, findDemoAccount }, { createDemoAccount, seedAccount }] = await Promise.all([
        import('../../auth/accounts.js'),
        import('../../seed/seed.js'),
      ]);
      await withRuntime(opts.database ? { databaseUrl: opts.database } : {}, async (runtime) => {
        // Without --account the demo account is the target; created empty first when missing.
        const accountId =
          opts.account ?? (await findDemoAccount(runtime.storage.db)) ?? (await createDemoAccount(runtime));
        if (!(await accountExists(runtime.storage.db, accountId))) throw new Error(`No account ${accountId}`);
        const started = Date.now();
        const totals = await seedAccount(runtime, {
          accountId,
          contacts: opts.contacts,
          ...(opts.randomSeed !== undefined ? { randomSeed: opts.randomSeed } : {}),
        });
        printJson({ accountId, seconds: (Date.now() - started) / 1000, created: totals });
      });
    });
}
