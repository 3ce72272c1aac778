/**
 * The transactional outbox. A change row is written with the same executor as the data it
 * describes, so it commits or rolls back with it; the notification worker and the sync engine
 * read these rows later, in id (commit) order.
 */
import { prepared } from '../storage/prepared.js';
import type { Scope } from '../storage/scope.js';
import { endpointOf, type Subject } from './subjects.js';

export interface ChangeSource {
  /** 1 = API (notifications.md, Source Type), 0 = unknown (seeding, CLI, internal jobs). */
  type: 0 | 1;
  apiKey?: string | null;
}

interface ChangeRow {
  endpoint: string;
  subject: string;
  body: string;
  source_type: 0 | 1;
  source_info: string | null;
  created_at: number;
}

// Every write records at least one change: the insert is compiled once, not built and compiled
// by Kysely for each change (docs/performance.md).
const insertChange = prepared((tx: Scope, p: { row: ChangeRow }) => tx.insertInto('changes', p.row));

export async function recordChange(
  tx: Scope,
  subject: Subject,
  body: Record<string, unknown>,
  source: ChangeSource,
  now: number = Date.now(),
): Promise<void> {
  if (!tx.inTransaction) {
    throw new Error(`recordChange(${subject}) must run inside the transaction that writes the data`);
  }
  await insertChange(tx, {
    row: {
      endpoint: endpointOf(subject),
      subject,
      body: JSON.stringify(body),
      source_type: source.type,
      source_info: source.type === 1 && source.apiKey ? JSON.stringify({ apiKey: source.apiKey }) : null,
      created_at: now,
    },
  });
}
