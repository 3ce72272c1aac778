/** What an action handler receives besides its parameters. */
import type { Logger } from 'pino';
import type { OutgoingEmail } from '../mail/queue.js';
import type { Subject } from '../outbox/subjects.js';
import type { Scope } from '../storage/scope.js';

/** Who is calling: the verified key's account and user. */
export interface Caller {
  readonly accountId: number;
  readonly userId: number | null;
  /** The API key of the request; null for calls made by Marquee itself (seeding, CLI). */
  readonly apiKey: string | null;
  /** Where the call came from: HTTP, a batch job, or Marquee itself. */
  readonly via: 'http' | 'batch' | 'internal';
  readonly requestId: string;
}

export interface ActionContext {
  /** Account-scoped database access; inside a transaction for write actions. */
  readonly store: Scope;
  readonly caller: Caller;
  /** The instant the call started (epoch ms); use it for every timestamp the call writes. */
  readonly now: number;
  /** Base URL under which Marquee serves its public pages (invite links, invoices, …). */
  readonly publicUrl: string;
  readonly log: Logger;
  /** Writes an outbox row in the action's transaction (write actions only). */
  recordChange(subject: Subject, body: Record<string, unknown>): Promise<void>;
  /**
   * Logs an email in the action's transaction (write actions only); it is delivered over SMTP
   * after commit when a server is configured. Returns the email log id.
   */
  sendEmail(email: OutgoingEmail): Promise<number>;
}
