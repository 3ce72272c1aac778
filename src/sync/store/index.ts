/** The sync engine's state in Marquee's storage, for one profile. */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import { createConflictStore, type ConflictStore } from './conflicts.js';
import { createCursorStore, type CursorStore } from './cursors.js';
import { createLinkStore, type LinkStore } from './links.js';
import { createRefusalStore, type RefusalStore } from './refusals.js';
import { createRetryStore, type RetryStore } from './retries.js';
import { createRunStore, type RunStore } from './runs.js';

export interface SyncState {
  readonly profile: string;
  readonly links: LinkStore;
  readonly cursors: CursorStore;
  readonly runs: RunStore;
  readonly conflicts: ConflictStore;
  readonly retries: RetryStore;
  readonly refusals: RefusalStore;
}

export function createSyncState(db: Kysely<Database>, profile: string): SyncState {
  return {
    profile,
    links: createLinkStore(db, profile),
    cursors: createCursorStore(db, profile),
    runs: createRunStore(db, profile),
    conflicts: createConflictStore(db, profile),
    retries: createRetryStore(db, profile),
    refusals: createRefusalStore(db, profile),
  };
}
