/**
 * The iVvy side of the end-to-end sync scenarios: the list items they read through the API,
 * and the one-way changes they make in Marquee between runs (an invitee answers, an attendee
 * checks in, a registration is paid or cancelled) — the same in every connector's scenario.
 */
import type { MarqueeClient } from '../../../src/client/index.js';
import { markAttended } from '../../../src/domain/event/attendees/attendance.js';
import type { EventWriteContext } from '../../../src/domain/event/context.js';
import { respondToInvitation } from '../../../src/domain/event/invitations/store.js';
import { cancelRegistration } from '../../../src/domain/event/registrations/store.js';
import type { TestServer } from '../../support/server.js';
import { createActionContext, internalCaller } from '../../../src/registry/context.js';

export interface IvvyEvent {
  id: number;
  title: string;
  eventType: number;
}
export interface IvvyInvitation {
  contactId: number;
  email: string;
  response: 'U' | 'Y' | 'N';
}
export interface IvvyAttendee {
  id: number;
  contactId: number | null;
  registrationStatus: number;
  hasAttended: boolean;
  sessionHasAttended: boolean;
}
export interface IvvyRegistration {
  id: number;
  currentStatus: number;
  mainContactId: number | null;
  invoiceTotalCost: number;
  eventName: string;
}
export interface IvvyEmail {
  id: number;
  contactId: number | null;
  subject: string;
  body: string;
  sentTime: string | null;
}

export async function listAll<T>(client: MarqueeClient, namespace: string, action: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const out: T[] = [];
  for await (const r of client.paginate<T>(namespace, action, params)) out.push(r);
  return out;
}

/** Changes the API cannot make (answers, check-ins, cancellations), made in the server's store. */
export function ivvyChanges(server: () => TestServer) {
  const client = () => server().client;
  // Changes made behind the API's back, as a CRM sees them: no notifications.
  const writeContext = (): EventWriteContext =>
    createActionContext(server().runtime, server().store(), internalCaller(server().accountId), { recordChanges: false });

  return {
    /** The first undecided invitee of these events says yes. */
    async answerUndecided(events: readonly IvvyEvent[]): Promise<void> {
      for (const e of events) {
        const u = (await listAll<IvvyInvitation>(client(), 'event', 'getInvitedContactList', { eventId: e.id })).find((i) => i.response === 'U');
        if (!u) continue;
        const row = await server()
          .store()
          .selectFrom('event_invitations')
          .select('id')
          .where('event_id', '=', e.id)
          .where('contact_id', '=', u.contactId)
          .executeTakeFirstOrThrow();
        await respondToInvitation(writeContext(), row.id, 'Y');
        return;
      }
      throw new Error('the seed has no undecided invitation');
    },

    /** A paid attendee of these events who had not come checks in; false when there is none. */
    async checkInSomeone(events: readonly IvvyEvent[]): Promise<boolean> {
      for (const e of events) {
        const absent = (await listAll<IvvyAttendee>(client(), 'event', 'getAttendeeList', { eventId: e.id })).find(
          (a) => a.registrationStatus === 2 && !a.hasAttended && !a.sessionHasAttended && a.contactId !== null,
        );
        if (absent && (await markAttended(writeContext(), absent.id))) return true;
      }
      return false;
    },

    /** Pays what is owed on the registration's open invoices, through the API. */
    async payRegistration(registrationId: number): Promise<void> {
      const invoices = await listAll<{ id: number; currentStatus: number; totalCost: number; amountPaid: number }>(client(), 'invoice', 'getInvoiceList', {
        filter: { refType: 1, refId: registrationId },
      });
      for (const invoice of invoices.filter((i) => i.currentStatus === 0 || i.currentStatus === 1)) {
        const owed = Math.round((invoice.totalCost - invoice.amountPaid) * 100) / 100;
        await client().call('invoice', 'addPayment', { invoiceId: invoice.id, amountPaid: owed, paymentMethod: 3 });
      }
    },

    cancelRegistration: (registrationId: number) => cancelRegistration(writeContext(), registrationId),

    /**
     * The one-way changes both scenarios make between runs: an undecided invitee says yes, a
     * paid attendee checks in, a registration waiting on payment is paid, a paid one that has a
     * CRM record (`dealt`) is cancelled, and the event of type 12 is renamed. Returns what changed.
     */
    async oneWayChanges(dealt: ReadonlySet<number>): Promise<{ renamed: IvvyEvent; waiting: IvvyRegistration; cancelled: IvvyRegistration }> {
      const events = await listAll<IvvyEvent>(client(), 'event', 'getEventList');
      const registrations = await listAll<IvvyRegistration>(client(), 'event', 'getRegistrationList');
      await this.answerUndecided(events);
      if (!(await this.checkInSomeone(events))) throw new Error('no paid attendee who had not come');
      const waiting = registrations.find((r) => r.currentStatus === 4 && r.invoiceTotalCost > 0);
      if (!waiting) throw new Error('the seed has no registration waiting on payment');
      await this.payRegistration(waiting.id);
      const cancelled = registrations.find((r) => r.currentStatus === 2 && dealt.has(r.id));
      if (!cancelled) throw new Error('no paid registration with a CRM record');
      await this.cancelRegistration(cancelled.id);
      const renamed = events.find((e) => e.eventType === 12);
      if (!renamed) throw new Error('the seed has no event of type 12');
      await client().call('event', 'addOrUpdateEvent', { id: renamed.id, title: `${renamed.title} (renamed)` });
      return { renamed, waiting, cancelled };
    },
  };
}
