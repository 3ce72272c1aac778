import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { DeliveryLogEntry } from '../../notify/delivery-log.js';
import { DEAD, type DeliveryStatus } from '../../notify/tables.js';
import type { Database } from '../../storage/schema.js';
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
    `#${d.id}  ${formatTimestamp(when)}  account ${d.accountId}  subscription ${d.subscriptionId ?? '-'}  ${d.endpoint}  ${what}` +
    `  ${d.status}  attempts ${d.attempts}  ${d.url}${next}${error}`
  );
}

function databaseOverride(database: string | undefined): { databaseUrl?: string } {
  return database ? { databaseUrl: database } : {};
}

type ListOptions = { database?: string; account?: number; status?: DeliveryStatus; dead?: boolean; limit: number; json?: boolean };
type RedeliverOptions = { database?: string; subscription?: number; json?: boolean };

async function redeliver(db: Kysely<Database>, deliveryId?: number, subscriptionId?: number): Promise<DeliveryLogEntry[]> {
  const { redeliverOne, redeliverSubscription } = await import('../../notify/dead-letter.js');
  if (deliveryId !== undefined && subscriptionId === undefined) return [await redeliverOne(db, deliveryId)];
  if (subscriptionId !== undefined && deliveryId === undefined) return redeliverSubscription(db, subscriptionId);
  throw new Error('redeliver takes either a delivery id or --subscription <id>');
}

function registerRedeliver(deliveries: Command): void {
  deliveries
    .command('redeliver [deliveryId]')
    .description('Queue dead deliveries again (fresh retry window, first attempt now); the running server sends them')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--subscription <id>', 'every dead delivery of this subscription, oldest first', integerOption)
    .option('--json', 'print the re-queued deliveries as JSON')
    .action(async (id: string | undefined, _local: RedeliverOptions, command: Command) => {
      // The parent command consumes the options it shares with this one (--database, --json).
      const opts = command.optsWithGlobals<RedeliverOptions>();
      const deliveryId = id === undefined ? undefined : integerOption(id);
      await withRuntime(databaseOverride(opts.database), async (runtime) => {
        const requeued = await redeliver(runtime.storage.db, deliveryId, opts.subscription);
        if (opts.json) return printJson(requeued);
        if (requeued.length === 0) process.stdout.write(`subscription ${opts.subscription} has no dead deliveries: nothing re-queued\n`);
        for (const entry of requeued) process.stdout.write(`re-queued ${line(entry)}\n`);
      });
    });
}

export function registerDeliveries(program: Command): void {
  const deliveries = program
    .command('deliveries')
    .description('Show the webhook notification delivery log, most recent first; redeliver dead ones')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--account <id>', 'only this account', integerOption)
    .option('--status <status>', `only ${STATUSES.join(' | ')}`, statusOption)
    .option('--dead', `only the dead-letter list (status ${DEAD}: given up after the retry window, not redelivered)`)
    .option('--limit <n>', 'at most this many entries', integerOption, 50)
    .option('--json', 'print JSON')
    .action(async (opts: ListOptions) => {
      if (opts.dead && opts.status !== undefined && opts.status !== DEAD) throw new Error(`--dead lists status ${DEAD} only; drop --status`);
      await withRuntime(databaseOverride(opts.database), async (runtime) => {
        const db = runtime.storage.db;
        const account = opts.account !== undefined ? { accountId: opts.account } : {};
        const entries = opts.dead
          ? await (await import('../../notify/dead-letter.js')).listDeadLetters(db, { ...account, limit: opts.limit })
          : await (await import('../../notify/delivery-log.js')).listDeliveries(db, { ...account, ...(opts.status !== undefined ? { status: opts.status } : {}), limit: opts.limit });
        if (opts.json) return printJson(entries);
        if (entries.length === 0) process.stdout.write(opts.dead ? 'no dead deliveries\n' : 'no deliveries\n');
        for (const entry of entries) process.stdout.write(`${line(entry)}\n`);
      });
    });
  registerRedeliver(deliveries);
}
