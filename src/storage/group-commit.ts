/**
 * Group commit for SQLite write transactions. SQLite has one writer and, in WAL mode, a commit
 * appends every page the transaction touched to the log. Concurrent API writes touch many of
 * the same pages (the account's write version, the outbox's last leaf and index page, the
 * database header as the file grows), and the commit itself costs more than a simple write's
 * statements (docs/performance.md, round four). So write transactions that arrive together
 * share one database transaction:
 *
 * - the first opens it and runs its work; before committing it lets the rest of the current
 *   event-loop turn run (setImmediate), and every write transaction requested meanwhile joins;
 * - each member runs alone, in order, inside its own SAVEPOINT: a member that fails is rolled
 *   back to its savepoint and gets its own error, while the others go on;
 * - one COMMIT makes every surviving member durable together, and only then does any member's
 *   promise settle, so no caller answers before its writes are committed. If the commit fails,
 *   nothing of the group was written and every member gets that failure.
 *
 * Readers cannot see a member's writes early: while the group's transaction is open the
 * connection is busy (Kysely's connection mutex, and sqlite-direct.ts refuses to read on a
 * connection inside a transaction). PostgreSQL does not need this: each write has its own
 * connection and transaction from the pool.
 */
import type { Kysely, Transaction } from 'kysely';
import { perDatabase } from './per-database.js';
import type { Database } from './schema.js';
import { runDirect } from './sqlite-direct.js';

/** Upper bound on members per group, so one group's latency stays bounded under any load. */
const MAX_MEMBERS = 64;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Member {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  settle: (outcome: Outcome) => void;
}

export interface GroupCommitStats {
  /** Committed (or failed) database transactions. */
  groups: number;
  /** Write transactions run through them. */
  members: number;
}

interface State {
  /** The members of the group still taking more; null once its leader has decided to commit. */
  open: Member[] | null;
  stats: GroupCommitStats;
}

function stateOf(db: Kysely<Database>): State {
  return perDatabase(db, 'group-commit', () => ({ open: null, stats: { groups: 0, members: 0 } }));
}

/** How transactions were grouped on this database so far (for tests and diagnostics). */
export function groupCommitStats(db: Kysely<Database>): Readonly<GroupCommitStats> {
  return { ...stateOf(db).stats };
}

function statement(trx: Transaction<Database>, sql: string): void {
  if (runDirect(trx, true, sql, []) === undefined) throw new Error(`group commit needs a direct SQLite connection for ${sql}`);
}

async function runMember(trx: Transaction<Database>, member: Member): Promise<Outcome> {
  statement(trx, 'savepoint member');
  try {
    const value = await member.work(trx);
    statement(trx, 'release member');
    return { ok: true, value };
  } catch (error) {
    statement(trx, 'rollback to member');
    statement(trx, 'release member');
    return { ok: false, error };
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function lead(db: Kysely<Database>, state: State, group: Member[]): Promise<void> {
  const close = () => {
    if (state.open === group) state.open = null;
  };
  const outcomes: Outcome[] = [];
  let failed: { error: unknown } | null = null;
  try {
    await db.transaction().execute(async (trx) => {
      for (;;) {
        while (outcomes.length < group.length) outcomes.push(await runMember(trx, group[outcomes.length] as Member));
        if (group.length >= MAX_MEMBERS) break;
        await nextTurn();
        // No await between this check and closing the group: nobody can join in between.
        if (outcomes.length === group.length) break;
      }
      close();
    });
  } catch (error) {
    // The transaction failed as a whole (BEGIN, COMMIT or a savepoint statement): nothing of
    // the group was written, whatever its members' own outcomes were.
    failed = { error };
  } finally {
    close();
    state.stats.groups++;
  }
  group.forEach((member, i) => member.settle(failed ? { ok: false, error: failed.error } : (outcomes[i] as Outcome)));
}

/** Runs `work` in a write transaction shared with the ones requested alongside it (see above). */
export function groupTransaction<R>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<R>): Promise<R> {
  const state = stateOf(db);
  return new Promise<R>((resolve, reject) => {
    const member: Member = {
      work,
      settle: (outcome) => (outcome.ok ? resolve(outcome.value as R) : reject(outcome.error)),
    };
    state.stats.members++;
    const open = state.open;
    if (open !== null && open.length < MAX_MEMBERS) {
      open.push(member);
      return;
    }
    const group = [member];
    state.open = group;
    void lead(db, state, group);
  });
}
