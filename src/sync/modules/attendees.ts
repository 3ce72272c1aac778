/**
 * Event attendees → CRM campaign members, one way (crm-systems.md, Event Attendees). A member
 * is one contact in one event, whatever brought them there: an invitation (response U, Y or
 * N, getInvitedContactList), one or more attendee rows (getAttendeeList: registration status,
 * `hasAttended`, `sessionHasAttended`), or both. Attendees who were never invited (events that
 * are not invite only) are members too. Attendees without a contact (guests known only by
 * name) cannot be attached to a CRM record and are left out.
 *
 * getAttendeeList has no filters ("No filters available") and no list is ordered by change,
 * so every run re-reads the members of the tracked events — those starting at or after
 * `eventsWithinDays` ago (getEventList `afterDate`; 0 tracks every event) — and the engine
 * skips the members whose fields did not change (one database lookup per event, no CRM call).
 * This is the "keeping the invitation and attendance status periodically up to date" of the
 * guide. Member ids are `<eventId>:<contactId>`.
 *
 * Canonical fields: campaign and contact (CRM ids of the event's and the contact's pairs),
 * email, invitation (U, Y, N), registered (yes: a Completed or Payment Waiting registration),
 * cancelled (yes: registrations, all cancelled), attended (yes: hasAttended), sessionAttended
 * (yes: sessionHasAttended), and for CRMs with a single participation state: participation
 * (attended, registered — which a Yes answer counts as — or cancelled, which a No answer
 * counts as; nothing while undecided) with participatedAt, when that happened.
 */
import type { IvvySide, ModuleContext, SyncModule } from '../module.js';
import { ivvyTimestamp, offsetFeed, type CollectionPage } from '../ivvy/feed.js';
import type { IvvyApi, IvvyItem } from '../ivvy/api.js';
import { modifiedAt } from '../ivvy/records.js';
import { instantText, relatedIds } from '../ivvy/related.js';
import { canonicalValue } from '../fingerprint.js';
import type { FieldValue, SideRecord } from '../types.js';

type IvvyEvent = IvvyItem<'event', 'getEventList'>;

interface Invitation {
  eventId: number;
  contactId: number;
  email: string | null;
  response: 'U' | 'Y' | 'N';
  modifiedDate: string;
}

interface Attendee {
  id: number;
  registrationStatus: number;
  contactId: number | null;
  email: string | null;
  hasAttended: boolean;
  sessionHasAttended: boolean;
  attendedDatetime: string | null;
  sessionAttendedTimestamp: string | null;
  createdDate: string;
  modifiedDate: string;
}

interface Member {
  eventId: number;
  contactId: number;
  invitation: Invitation | null;
  attendees: Attendee[];
}

export const MEMBER_FIELDS = [
  'campaign',
  'contact',
  'email',
  'invitation',
  'registered',
  'cancelled',
  'attended',
  'sessionAttended',
  'participation',
  'participatedAt',
] as const;

const DAY = 86_400_000;
/** The most a collection page holds (pagination.md). */
const LIST_PAGE = 100;
/** Registration statuses that hold a place: Completed, Payment Waiting. */
const REGISTERED = new Set([2, 4]);
const CANCELLED = 3;

export const memberId = (eventId: number | string, contactId: number | string): string => `${eventId}:${contactId}`;

async function readAll<T>(api: IvvyApi, action: string, eventId: number): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; ; ) {
    const page = await api.call<CollectionPage<T>>('event', action, { eventId, start, perPage: LIST_PAGE });
    out.push(...page.results);
    start += page.results.length;
    if (page.results.length === 0 || start >= page.meta.totalResults) return out;
  }
}

/** The members of one event: its invitations and attendees, joined by contact. */
async function membersOf(api: IvvyApi, eventId: number): Promise<Member[]> {
  const [invitations, attendees] = [await readAll<Invitation>(api, 'getInvitedContactList', eventId), await readAll<Attendee>(api, 'getAttendeeList', eventId)];
  const byContact = new Map<number, Member>();
  const member = (contactId: number) => {
    let m = byContact.get(contactId);
    if (!m) byContact.set(contactId, (m = { eventId, contactId, invitation: null, attendees: [] }));
    return m;
  };
  for (const i of invitations) member(i.contactId).invitation = i;
  for (const a of attendees) if (a.contactId !== null) member(a.contactId).attendees.push(a);
  return [...byContact.values()];
}

/** The canonical fields of a member that do not depend on the id map. */
export function memberFields(m: Member): { fields: Record<string, FieldValue>; modifiedAt: number } {
  const times = (values: Array<string | null | undefined>) => values.map((v) => (v ? modifiedAt(v) : 0)).filter((t) => t > 0);
  const active = m.attendees.filter((a) => REGISTERED.has(a.registrationStatus));
  const registered = active.length > 0;
  const cancelled = m.attendees.length > 0 && m.attendees.every((a) => a.registrationStatus === CANCELLED);
  const attended = m.attendees.some((a) => a.hasAttended);
  const sessionAttended = m.attendees.some((a) => a.sessionHasAttended);
  const response = m.invitation?.response ?? null;

  let participation: string | null = null;
  let participatedAt: number | null = null;
  const first = (list: number[]) => (list.length > 0 ? Math.min(...list) : null);
  const last = (list: number[]) => (list.length > 0 ? Math.max(...list) : null);
  if (attended || sessionAttended) {
    participation = 'attended';
    participatedAt = first(times(m.attendees.flatMap((a) => [a.attendedDatetime, a.sessionAttendedTimestamp])));
  } else if (registered || (response === 'Y' && !cancelled)) {
    participation = 'registered';
    participatedAt = first(times(active.length > 0 ? active.map((a) => a.createdDate) : [m.invitation?.modifiedDate]));
  } else if (cancelled || response === 'N') {
    participation = 'cancelled';
    participatedAt = last(times([...m.attendees.map((a) => a.modifiedDate), m.invitation?.modifiedDate]));
  }
  const email = m.invitation?.email ?? m.attendees.find((a) => a.email)?.email ?? null;
  return {
    fields: {
      email: canonicalValue('email', email),
      invitation: response,
      registered: registered ? 'yes' : null,
      cancelled: cancelled ? 'yes' : null,
      attended: attended ? 'yes' : null,
      sessionAttended: sessionAttended ? 'yes' : null,
      participation,
      participatedAt: instantText(participatedAt),
    },
    modifiedAt: Math.max(0, ...times([m.invitation?.modifiedDate, ...m.attendees.map((a) => a.modifiedDate)])),
  };
}

export const attendeesModule: SyncModule = {
  name: 'attendees',
  description: 'Event attendees and invitations, one way into CRM campaign members (invitation, registration and attendance)',
  kind: 'campaignMember',
  twoWay: false,
  dependsOn: ['events', 'contacts'],
  webhook: {
    endpoint: 'eventsEndpoint',
    changed: ['EventInvitationAdded', 'EventInvitationUpdated', 'EventAttendeeAdded', 'EventAttendeeUpdated', 'EventRegistrationUpdated'],
  },
  // Invitations and attendees are not deleted in iVvy (their changes are statuses), and
  // listing every member of every event would cost much and find nothing.
  reconcile: false,
  entityOptions: () => ({ customFields: [], groups: false }),

  async open(ctx: ModuleContext): Promise<IvvySide> {
    const days = typeof ctx.settings.eventsWithinDays === 'number' ? ctx.settings.eventsWithinDays : 365;
    const horizon = days > 0 ? { afterDate: ivvyTimestamp(Date.now() - days * DAY) } : {};

    const toRecords = async (all: readonly Member[]): Promise<SideRecord[]> => {
      const campaigns = await relatedIds(ctx.links, 'events', all.map((m) => String(m.eventId)));
      const contacts = await relatedIds(ctx.links, 'contacts', all.map((m) => String(m.contactId)));
      // Members of an event or a contact deleted on one side have nowhere to go.
      const members = all.filter((m) => !campaigns.closed.has(String(m.eventId)) && !contacts.closed.has(String(m.contactId)));
      return members.map((m) => {
        const { fields, modifiedAt: at } = memberFields(m);
        return {
          id: memberId(m.eventId, m.contactId),
          modifiedAt: at,
          fields: { campaign: campaigns.crm.get(String(m.eventId)) ?? null, contact: contacts.crm.get(String(m.contactId)) ?? null, ...fields },
          pairedId: null,
        };
      });
    };

    // One event per page: its members are read whole (both lists), then applied and
    // checkpointed before the next event.
    const feed = offsetFeed<IvvyEvent>({
      api: ctx.api,
      namespace: 'event',
      action: 'getEventList',
      perPage: 1,
      filter: horizon,
      since: () => ({}),
      toRecords: async (events) => {
        const members: Member[] = [];
        for (const e of events) members.push(...(await membersOf(ctx.api, e.id)));
        return toRecords(members);
      },
    });

    return {
      fields: MEMBER_FIELDS,
      listChanges: feed.listChanges,
      async get(ids) {
        const wanted = new Map<number, Set<number>>();
        for (const id of ids) {
          const [eventId, contactId] = id.split(':').map(Number);
          if (!Number.isSafeInteger(eventId) || !Number.isSafeInteger(contactId)) continue;
          const set = wanted.get(eventId!) ?? new Set<number>();
          set.add(contactId!);
          wanted.set(eventId!, set);
        }
        const found: Member[] = [];
        for (const [eventId, contacts] of wanted) {
          let members: Member[];
          try {
            members = await membersOf(ctx.api, eventId);
          } catch (error) {
            // An event that no longer exists has no members.
            if ((error as { status?: number }).status === 404) continue;
            throw error;
          }
          found.push(...members.filter((m) => contacts.has(m.contactId)));
        }
        return toRecords(found);
      },
      async *listIds() {
        for await (const events of feed.listAll()) {
          for (const e of events) yield (await membersOf(ctx.api, e.id)).map((m) => memberId(m.eventId, m.contactId));
        }
      },
    };
  },
};
