/**
 * Delivers queued emails over SMTP after their transaction committed. Failures are retried
 * with exponential backoff; after the last attempt the row is marked failed (success = false),
 * which is what getEmailLogList then reports.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Transporter } from 'nodemailer';
import type { BackgroundWorker } from '../worker.js';
import { claimRows } from '../storage/claim.js';
import type { Storage } from '../storage/database.js';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;
const BATCH = 20;

export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

export function createMailWorker(
  storage: Storage,
  transport: Transporter,
  log: Logger,
  options: { intervalMs?: number } = {},
): BackgroundWorker & { drain(): Promise<number> } {
  const interval = options.intervalMs ?? 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function deliverOne(id: number, now: number): Promise<void> {
    const email = await storage.db.selectFrom('email_log').selectAll().where('id', '=', id).executeTakeFirst();
    if (!email) return;
    try {
      await transport.sendMail({
        from: email.from_address,
        to: email.to_address,
        ...(email.bcc ? { bcc: email.bcc } : {}),
        subject: email.subject,
        html: email.body,
      });
      await storage.db
        .updateTable('email_log')
        .set({ status: 'sent', success: 1, attempts: email.attempts + 1, sent_at: Date.now(), claimed_until: null, last_error: null, next_attempt_at: null })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      const attempts = email.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      await storage.db
        .updateTable('email_log')
        .set({
          status: failed ? 'failed' : 'queued',
          attempts,
          last_error: error instanceof Error ? error.message : String(error),
          next_attempt_at: failed ? null : now + retryDelayMs(attempts),
          sent_at: failed ? now : null,
          claimed_until: null,
        })
        .where('id', '=', id)
        .execute();
      log.warn({ emailId: id, attempts, err: error }, failed ? 'email delivery failed for good' : 'email delivery failed; will retry');
    }
  }

  /** Delivers everything that is due now; returns how many emails were attempted. */
  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = Date.now();
      const ids = await claimRows(storage.db, {
        table: 'email_log',
        eligible: sql<boolean>`status = 'queued' and next_attempt_at <= ${now}`,
        orderBy: 'id',
        limit: BATCH,
        leaseMs: LEASE_MS,
        now,
      });
      if (ids.length === 0) return total;
      for (const id of ids) await deliverOne(id, now);
      total += ids.length;
    }
  }

  const tick = () => {
    if (stopped) return;
    running = drain().catch((error: unknown) => {
      log.error({ err: error }, 'mail worker pass failed');
      return 0;
    });
    void running.finally(() => {
      if (!stopped) timer = setTimeout(tick, interval);
    });
  };

  return {
    name: 'mail',
    start() {
      stopped = false;
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    },
    drain,
  };
}
