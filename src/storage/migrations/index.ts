/**
 * The platform's own migrations (accounts and keys, the outbox, batches and notifications,
 * mail, sync state, write versions). Each namespace brings its own (domain/index.ts); they are
 * all applied together, in name order.
 */
import type { Migration } from '../ddl.js';
import { foundation } from './0001_foundation.js';
import { batchNotify } from './0003_batch_notify.js';
import { mail } from './0004_mail.js';
import { sync } from './0009_sync.js';
import { writeVersions } from './0010_write_versions.js';
import { outboxIndex } from './0011_outbox_index.js';
import { keyKinds } from './0016_key_kinds.js';
import { seedRuns } from './0018_seed_runs.js';
import { syncRefusals } from './0020_sync_refusals.js';
import { snapshots } from './0027_snapshots.js';
import { faults } from './0028_faults.js';
import { housekeeping } from './0030_housekeeping.js';

export const platformMigrations: readonly Migration[] = [foundation, batchNotify, mail, sync, writeVersions, outboxIndex, keyKinds, seedRuns, syncRefusals, snapshots, faults, housekeeping];
