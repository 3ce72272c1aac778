import type { Command } from 'commander';
import { listDeliveries, type DeliveryLogEntry } from '../../notify/delivery-log.js';
import type { DeliveryStatus } from '../../notify/tables.js';
import { formatTimestamp } from '../../protocol/timestamp.js';
import { integerOption, printJson, withRuntime } from '../shared.js';

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed', 'cancelled'];

function statusOption(value: string): DeliveryStatus {
  if (!(STATUSES as readonly string[]).includes(value)) throw new Error(`--status must be one of ${STATUSES.join(', ')}`);
  return value as DeliveryStatus;
}

function line(d: DeliveryLogEntry): string {
  const when = d.lastAttemptAt ?? d.createdAt;
  const what = d.type === 'Notification' ? (d.subject ?? 'Notification') : d.type;
  const next = d.nextAttemptAt !== null && d.attempts > 0 ? `  next ${formatTimestamp(d.nextAttemptAt)}` : '';
  const error = d.lastError ? `  last error: ${d.lastError}` : '';
  return (
    `#${d.id}  ${formatTimestamp(when)}  account ${d.accountId}  ${d.endpoint}  ${what}  ${d.status}` +
    `  attempts ${d.attempts}  ${d.url}${next}${error}`
  );
}

export function registerDeliveries(program: Command): void {
  program
    .command('deliveries')
    .description('Show the webhook notification delivery log, most recent first')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'only this account', integerOption)
    .option('--status <status>', `only ${STATUSES.join(' | ')}`, statusOption)
    .option('--limit <n>', 'at most this many entries', integerOption, 50)
    .option('--json', 'print JSON')
    .action(async (opts: { database?: string; account?: number; status?: DeliveryStatus; limit: number; json?: boolean }) => {
      await withRuntime(opts.database ? { databaseUrl: opts.database } : {}, async (runtime) => {
        const entries = await listDeliveries(runtime.storage.db, {
          ...(opts.account !== undefined ? { accountId: opts.account } : {}),
          ...(opts.status !== undefined ? { status: opts.status } : {}),
          limit: opts.limit,
        });
        if (opts.json) return printJson(entries);
        if (entries.length === 0) process.stdout.write('no deliveries\n');
        for (const entry of entries) process.stdout.write(`${line(entry)}\n`);
      });
    });
}
