/**
 * What the event store functions need from their caller: an ActionContext of a write action
 * is one; the public pages and the seeder build one around their own transaction. Without
 * `sendEmail` no email is sent. It is also what invoice/store.ts asks for, so registrations
 * raise their invoices with the same context.
 */
import type { ActionContext } from '../../registry/context.js';

export type EventWriteContext = Pick<ActionContext, 'store' | 'now' | 'publicUrl' | 'recordChange'> & {
  sendEmail?: ActionContext['sendEmail'];
};
