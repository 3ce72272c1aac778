/** The email log (account/get-email-log-list.md): every email Marquee renders and sends. */
import type { Generated } from 'kysely';

export interface EmailLogTable {
  id: Generated<number>;
  account_id: number;
  contact_id: number | null;
  user_id: number | null;
  event_id: number | null;
  /** The page's `type` codes (1 = Completed Event Registration, 1501 = Invoice, …). */
  type: number;
  /** The page's `refType` codes (2 = Event, 5 = Registration, 6 = Invoice, …). */
  ref_type: number;
  ref_id: number | null;
  from_address: string;
  to_address: string;
  bcc: string | null;
  subject: string;
  /** HTML body, exactly as sent. */
  body: string;
  /** queued → sent | failed; `logged` when no SMTP server is configured. */
  status: string;
  success: number;
  attempts: number;
  last_error: string | null;
  next_attempt_at: number | null;
  /** Lease of the delivery worker that claimed the row (multi-process safety). */
  claimed_until: number | null;
  created_at: number;
  sent_at: number | null;
}

declare module '../storage/schema.js' {
  interface Database {
    email_log: EmailLogTable;
  }
}
