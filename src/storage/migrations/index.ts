/**
 * Every migration, in order. A domain adds its tables with one file here and one line below.
 */
import type { Migration } from '../ddl.js';
import { foundation } from './0001_foundation.js';
import { contact } from './0002_contact.js';
import { batchNotify } from './0003_batch_notify.js';
import { mail } from './0004_mail.js';
import { event } from './0005_event.js';
import { invoice } from './0006_invoice.js';
import { accountCrm } from './0007_account_crm.js';
import { sync } from './0009_sync.js';
import { writeVersions } from './0010_write_versions.js';
import { outboxIndex } from './0011_outbox_index.js';

export const migrations: readonly Migration[] = [
  foundation,
  contact,
  batchNotify,
  mail,
  event,
  invoice,
  accountCrm,
  sync,
  writeVersions,
  outboxIndex,
];
