/**
 * Puts an email in the log, in the caller's transaction: it is sent after the data it talks
 * about has committed (by the delivery worker), or never if the transaction rolls back.
 */
import type { Scope } from '../storage/scope.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** Complete HTML document (see mail/html.ts). */
  html: string;
  type: number;
  refType: number;
  refId?: number | null;
  contactId?: number | null;
  userId?: number | null;
  eventId?: number | null;
  bcc?: string | null;
  /** Defaults to the server's configured sender. */
  from?: string;
}

export interface MailSettings {
  /** True when an SMTP server is configured; otherwise emails are only logged. */
  delivers: boolean;
  from: string;
}

/** iVvy's email log `type` codes used by Marquee. */
export const EmailType = {
  completedRegistration: 1,
  registrationAwaitingPayment: 2,
  paymentReminder: 5,
  exhibitorConfirmation: 20,
  notification: 1001,
  invoice: 1501,
  creditNote: 1502,
} as const;

/** iVvy's email log `refType` codes. */
export const EmailRefType = {
  other: 0,
  contact: 1,
  event: 2,
  registration: 5,
  invoice: 6,
  task: 8,
  creditNote: 9,
  booking: 12,
  company: 13,
} as const;

export async function queueEmail(tx: Scope, settings: MailSettings, email: OutgoingEmail, now: number): Promise<number> {
  const row = await tx
    .insertInto('email_log', {
      contact_id: email.contactId ?? null,
      user_id: email.userId ?? null,
      event_id: email.eventId ?? null,
      type: email.type,
      ref_type: email.refType,
      ref_id: email.refId ?? null,
      from_address: email.from ?? settings.from,
      to_address: email.to,
      bcc: email.bcc ?? null,
      // A subject is one header line: stored as it will be sent (SMTP would fold the breaks).
      subject: email.subject.replace(/[\r\n]+/g, ' '),
      body: email.html,
      // Without SMTP, Marquee is a mail catcher: the log is the delivery (docs/compatibility.md).
      status: settings.delivers ? 'queued' : 'logged',
      success: settings.delivers ? 0 : 1,
      attempts: 0,
      last_error: null,
      next_attempt_at: settings.delivers ? now : null,
      claimed_until: null,
      created_at: now,
      sent_at: settings.delivers ? null : now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
