import type { Command } from 'commander';
import { integerOption, printJson, withRuntime } from '../shared.js';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Fill an account with realistic demo data, once (default: the demo account)')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'target account id', integerOption)
    .option('--contacts <n>', 'number of contacts to create', integerOption, 1000)
    .option('--random-seed <n>', 'make the generated data reproducible (dated from the start of today, UTC)', integerOption)
    .option('--add', 'seed another batch into an account that was seeded already')
    .action(async (opts: { database?: string; account?: number; contacts: number; randomSeed?: number; add?: boolean }) => {
      const [{ accountExists, findDemoAccount }, { createDemoAccount, seedOnce }] = await Promise.all([
        import('../../auth/accounts.js'),
        import('../../seed/seed.js'),
      ]);
      await withRuntime(opts.database ? { databaseUrl: opts.database } : {}, async (runtime) => {
        // Without --account the demo account is the target; created empty first when missing.
        const accountId =
          opts.account ?? (await findDemoAccount(runtime.storage.db)) ?? (await createDemoAccount(runtime));
        if (!(await accountExists(runtime.storage.db, accountId))) throw new Error(`No account ${accountId}`);
        const started = Date.now();
        const result = await seedOnce(runtime, {
          accountId,
          contacts: opts.contacts,
          add: opts.add === true,
          ...(opts.randomSeed !== undefined ? { randomSeed: opts.randomSeed } : {}),
        });
        if (!result.changed) {
          const first = result.runs[0]!;
          const unfinished = result.runs.some((r) => r.finishedAt === null);
          process.stderr.write(
            `marquee: account ${accountId} is already seeded (seed ${first.randomSeed}, ${first.contacts} contacts` +
              `${result.runs.length > 1 ? `, ${result.runs.length} batches` : ''})${unfinished ? ', and a seeding did not finish' : ''}; ` +
              `nothing changed. --add seeds another batch; \`marquee reset --account ${accountId}\` starts over.\n`,
          );
          printJson({
            accountId,
            changed: false,
            runs: result.runs.map((r) => ({ batch: r.batch, randomSeed: r.randomSeed, contacts: r.contacts, finished: r.finishedAt !== null })),
          });
          return;
        }
        printJson({
          accountId,
          changed: true,
          batch: result.batch,
          randomSeed: result.randomSeed,
          now: new Date(result.now).toISOString(),
          seconds: (Date.now() - started) / 1000,
          created: result.totals,
        });
      });
    });
}
