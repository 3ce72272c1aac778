/** What an action handler receives besides its parameters, and the one way to make it. */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { queueEmail, type MailSettings, type OutgoingEmail } from '../mail/queue.js';
import { recordChange } from '../outbox/record-change.js';
import type { Subject } from '../outbox/subjects.js';
import type { KeyKind } from '../storage/schema.js';
import type { Scope } from '../storage/scope.js';

/** Who is calling: the verified key's account and user. */
export interface Caller {
  readonly accountId: number;
  readonly userId: number | null;
  /** The API key of the request; null for calls made by Marquee itself (seeding, CLI). */
  readonly apiKey: string | null;
  /** Where the call came from: HTTP, a batch job, or Marquee itself. */
  readonly via: 'http' | 'batch' | 'internal';
  /** The kind of key: a partner key may call only the partner namespace (absent: an account key). */
  readonly keyKind?: KeyKind;
  readonly requestId: string;
  /** The file of a multipart/form-data call (server/multipart.ts); JSON calls carry none. */
  readonly upload?: UploadedFile;
}

/** A file sent in a multipart/form-data call, read whole (uploadBookingDocument). */
export interface UploadedFile {
  /** The form field that carried it. */
  readonly field: string;
  /** The file name the client gave (may be empty). */
  readonly filename: string;
  /** The part's Content-Type as sent. */
  readonly contentType: string;
  readonly bytes: Buffer;
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

/** What a context needs of the running server. */
export interface ContextDeps {
  readonly publicUrl: string;
  readonly log: Logger;
  readonly mail: MailSettings;
}

export interface ContextOptions {
  /** The instant the call started (default: now). */
  readonly now?: number;
  /**
   * Record outbox changes (default: yes). Seeding turns it off: demo data is not news to
   * anyone subscribed.
   */
  readonly recordChanges?: boolean;
}

/** Marquee acting on an account itself (public pages, seeding, the CLI): no key, no user. */
export function internalCaller(accountId: number): Caller {
  return { accountId, userId: null, apiKey: null, via: 'internal', requestId: randomUUID() };
}

/** The context of a call by `caller` on `store` (a transaction's scope for writes). */
export function createActionContext(deps: ContextDeps, store: Scope, caller: Caller, options: ContextOptions = {}): ActionContext {
  const now = options.now ?? Date.now();
  const recording = options.recordChanges ?? true;
  const source = { type: caller.via === 'internal' ? (0 as const) : (1 as const), apiKey: caller.apiKey };
  return {
    store,
    caller,
    now,
    publicUrl: deps.publicUrl,
    log: deps.log,
    recordChange: recording ? (subject, body) => recordChange(store, subject, body, source, now) : async () => undefined,
    sendEmail: (email) => {
      if (!store.inTransaction) throw new Error('sendEmail must run inside a write action');
      return queueEmail(store, deps.mail, email, now);
    },
  };
}
