/**
 * `marquee subscriptions list|remove|resend`: webhook subscriptions of every account, pending
 * or confirmed, managed from the server's side (no subscriber key needed). The running server
 * picks up what these commands queue on its next poll.
 */
import type { Command } from 'commander';
import type { SubscriptionEntry } from '../../notify/subscription-admin.js';
import { formatTimestamp } from '../../protocol/timestamp.js';
import { integerOption, printJson, withRuntime } from '../shared.js';

type Common = { database?: string; json?: boolean };

function databaseOverride(database: string | undefined): { databaseUrl?: string } {
  return database ? { databaseUrl: database } : {};
}

const admin = () => import('../../notify/subscription-admin.js');

async function table(entries: SubscriptionEntry[]): Promise<string> {
  const { plainTable } = await import('../table.js');
  return plainTable(
    ['id', 'account', 'endpoint', 'status', 'queued', 'dead', 'next attempt', 'url', 'last error'],
    entries.map((s) => [
      s.id,
      s.accountId,
      s.endpoint,
      s.status,
      s.queued,
      s.dead,
      s.nextAttemptAt === null ? '-' : formatTimestamp(s.nextAttemptAt),
      s.url,
      s.lastError ?? '',
    ]),
  );
}

const describe = (s: SubscriptionEntry) => `subscription ${s.id} (account ${s.accountId}, ${s.endpoint}, ${s.status}) to ${s.url}`;

export function registerSubscriptions(program: Command): void {
  const subscriptions = program
    .command('subscriptions')
    .description('List, remove and resend webhook notification subscriptions, pending or confirmed');

  subscriptions
    .command('list', { isDefault: true })
    .description('Every subscription with its state and what is queued for it')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'only this account', integerOption)
    .option('--json', 'print JSON')
    .action(async (opts: Common & { account?: number }) => {
      await withRuntime(databaseOverride(opts.database), async (runtime) => {
        const entries = await (await admin()).listSubscriptions(runtime.storage.db, opts.account !== undefined ? { accountId: opts.account } : {});
        if (opts.json) return printJson(entries);
        process.stdout.write(entries.length === 0 ? 'no subscriptions\n' : await table(entries));
      });
    });

  subscriptions
    .command('remove <id>')
    .description('Remove a subscription in any state; its queued messages are cancelled, never sent')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--json', 'print the removed subscription as JSON')
    .action(async (id: string, opts: Common) => {
      const subscriptionId = integerOption(id);
      await withRuntime(databaseOverride(opts.database), async (runtime) => {
        const removed = await (await admin()).removeSubscriptionById(runtime.storage.db, subscriptionId);
        if (opts.json) return printJson(removed);
        process.stdout.write(`removed ${describe(removed)}; ${removed.queued} queued message(s) cancelled\n`);
      });
    });

  subscriptions
    .command('resend <id>')
    .description('Pending: send the confirmation again now. Confirmed: queue its dead notifications again')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--json', 'print the queued deliveries as JSON')
    .action(async (id: string, opts: Common) => {
      const subscriptionId = integerOption(id);
      await withRuntime(databaseOverride(opts.database), async (runtime) => {
        const { subscription, queued } = await (await admin()).resendSubscription(runtime.storage.db, subscriptionId);
        if (opts.json) return printJson({ subscription, queued });
        if (subscription.status === 'pending') {
          process.stdout.write(`confirmation of ${describe(subscription)} queued, due now (delivery #${queued[0]!.id})\n`);
        } else if (queued.length === 0) {
          process.stdout.write(`${describe(subscription)} has no dead notifications: nothing to resend\n`);
        } else {
          process.stdout.write(`re-queued ${queued.length} dead notification(s) of ${describe(subscription)}: #${queued.map((d) => d.id).join(', #')}\n`);
        }
      });
    });
}
