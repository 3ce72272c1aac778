/**
 * `marquee faults add|list|clear`: fault rules for testing an integration's retry logic
 * (docs/faults.md). Rules live in the database, so every server using it applies a change
 * within about a second. The commands' work is in exported functions over a database handle,
 * which tests call in process.
 */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { integerOption, withRuntime } from '../shared.js';

export interface FaultAddOptions {
  key?: string;
  account?: number;
  namespace?: string;
  /** An action name, or `namespace.action`. */
  action?: string;
  ms?: number;
  status?: number;
  retryAfter?: number;
  every?: number;
  percent?: number;
  seed?: number;
  times?: number;
  note?: string;
  json?: boolean;
}

export interface FaultFilterOptions {
  id?: number;
  key?: string;
  account?: number;
  json?: boolean;
}

function percentOption(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`'${value}' is not a number`);
  return n;
}

/** An ApiError's reasons are in its additional messages: a command prints them all. */
function problem(error: unknown): Error {
  const extra = (error as { additionalMessages?: string[] }).additionalMessages;
  const message = error instanceof Error ? error.message : String(error);
  return new Error(extra && extra.length > 0 ? `${message}: ${extra.join('; ')}` : message);
}

function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Adds a rule; returns what the command prints. */
export async function faultsAdd(db: Kysely<Database>, kind: string, opts: FaultAddOptions): Promise<string> {
  const [{ faultRuleInput, describeRule }, { addFaultRule }, { validationError }] = await Promise.all([
    import('../../server/faults/rule.js'),
    import('../../server/faults/store.js'),
    import('../../registry/validation.js'),
  ]);
  let { namespace, action } = opts;
  if (namespace === undefined && action?.includes('.')) [namespace, action] = action.split('.', 2) as [string, string];
  const input = defined({
    kind,
    key: opts.key,
    accountId: opts.account,
    namespace,
    action,
    durationMs: opts.ms,
    status: opts.status,
    retryAfter: opts.retryAfter,
    every: opts.every,
    percent: opts.percent,
    seed: opts.seed,
    times: opts.times,
    note: opts.note,
  });
  const parsed = faultRuleInput.safeParse(input);
  if (!parsed.success) throw problem(validationError(parsed.error, input));
  const rule = await addFaultRule(db, parsed.data).catch((error: unknown) => {
    throw problem(error);
  });
  if (opts.json) return `${JSON.stringify({ ...rule, description: describeRule(rule) }, null, 2)}\n`;
  return `added fault rule ${rule.id}: ${describeRule(rule)}, for ${scopeOf(rule)}, on ${callsOf(rule)}\n`;
}

const scopeOf = (rule: { key: string | null; accountId: number | null }) =>
  rule.key !== null ? `key ${rule.key}` : rule.accountId !== null ? `account ${rule.accountId}` : 'every key';

const callsOf = (rule: { namespace: string | null; action: string | null }) =>
  rule.namespace === null ? 'every action' : rule.action === null ? `${rule.namespace}.*` : `${rule.namespace}.${rule.action}`;

function filterOf(opts: FaultFilterOptions) {
  return defined({ id: opts.id, accountId: opts.account, key: opts.key });
}

export async function faultsList(db: Kysely<Database>, opts: FaultFilterOptions): Promise<string> {
  const [{ describeRule }, { listFaultRules }, { plainTable }] = await Promise.all([
    import('../../server/faults/rule.js'),
    import('../../server/faults/store.js'),
    import('../table.js'),
  ]);
  const rules = await listFaultRules(db, filterOf(opts));
  if (opts.json) return `${JSON.stringify(rules.map((rule) => ({ ...rule, description: describeRule(rule) })), null, 2)}\n`;
  if (rules.length === 0) return 'no fault rules\n';
  return plainTable(
    ['id', 'applies to', 'calls', 'fault', 'note'],
    rules.map((rule) => [rule.id, scopeOf(rule), callsOf(rule), describeRule(rule), rule.note ?? '']),
  );
}

export async function faultsClear(db: Kysely<Database>, opts: FaultFilterOptions): Promise<string> {
  const { clearFaultRules } = await import('../../server/faults/store.js');
  const cleared = await clearFaultRules(db, filterOf(opts));
  return opts.json ? `${JSON.stringify({ cleared })}\n` : `cleared ${cleared} fault rule${cleared === 1 ? '' : 's'}\n`;
}

export function registerFaults(program: Command): void {
  const faults = program
    .command('faults')
    .description("Inject faults (latency, 429, 5xx, dropped connections, timeouts) to test a client's retries");
  const run = (database: string | undefined, work: (db: Kysely<Database>) => Promise<string>) =>
    withRuntime(database ? { databaseUrl: database } : {}, async (runtime) => {
      process.stdout.write(await work(runtime.storage.db));
    });

  faults
    .command('add <kind>')
    .description('Add a rule; kind is latency, rate-limit, error, drop or timeout. Without --key or --account it applies to every key')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--key <key>', 'only calls signed with this API key')
    .option('--account <id>', "only calls of this account's keys", integerOption)
    .option('--namespace <ns>', 'only calls to this namespace')
    .option('--action <action>', 'only this action (with --namespace, or as namespace.action)')
    .option('--ms <n>', 'latency: the delay added; timeout: how long the request is held before its connection is dropped (default 30000)', integerOption)
    .option('--status <code>', 'error: the HTTP status, 500-599 (default 500)', integerOption)
    .option('--retry-after <seconds>', 'rate-limit: the Retry-After header (default 1)', integerOption)
    .option('--every <n>', 'fire on every nth matching call (default 1: every call)', integerOption)
    .option('--percent <p>', 'fire on this percentage of matching calls instead', percentOption)
    .option('--seed <n>', 'make the percentage draws repeatable', integerOption)
    .option('--times <n>', 'fire at most this many times (per server process)', integerOption)
    .option('--note <text>', 'a note to recognise the rule by')
    .option('--json', 'print the rule as JSON')
    .action((kind: string, opts: FaultAddOptions & { database?: string }) => run(opts.database, (db) => faultsAdd(db, kind, opts)));

  faults
    .command('list')
    .description('List fault rules, oldest first')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--key <key>', "only this key's rules")
    .option('--account <id>', "only this account's rules (its keys' included)", integerOption)
    .option('--json', 'print JSON')
    .action((opts: FaultFilterOptions & { database?: string }) => run(opts.database, (db) => faultsList(db, opts)));

  faults
    .command('clear')
    .description('Remove fault rules: the one given by --id, those of --key or --account, or all of them')
    .option('--database <url>', 'database URL (env MARQUEE_DATABASE_URL)')
    .option('--id <n>', 'only this rule', integerOption)
    .option('--key <key>', "only this key's rules")
    .option('--account <id>', "only this account's rules", integerOption)
    .option('--json', 'print {"cleared": n}')
    .action((opts: FaultFilterOptions & { database?: string }) => run(opts.database, (db) => faultsClear(db, opts)));
}
