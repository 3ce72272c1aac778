/**
 * Events → CRM campaigns, one way (crm-systems.md, Events). iVvy reads: getEventList with
 * `modifiedDate__GREATERTHAN` (the page documents no modified-date filter of its own; the
 * generic inclusive modifier on the result field is what filtering.md offers), getEvent by id.
 * Nothing is written into iVvy: the CRM holds the iVvy event id (HubSpot: the marketing
 * event's externalEventId; Tryton: in the mailing list's name).
 *
 * Canonical fields: name (title), code, type (the event type's name), status (draft, closed,
 * launched), startAt and endAt (ISO 8601 UTC), url (the event website).
 */
import type { IvvyItem } from '../ivvy/api.js';
import type { IvvySide, ModuleContext, SyncModule } from '../module.js';
import { offsetFeed } from '../ivvy/feed.js';
import { getEach, modifiedAt } from '../ivvy/records.js';
import { instantText } from '../ivvy/related.js';
import { canonicalValue } from '../fingerprint.js';
import type { FieldValue, SideRecord } from '../types.js';

type IvvyEvent = IvvyItem<'event', 'getEventList'>;

/** get-event-list.md, Event types. */
const EVENT_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'Other',
  1: 'Party',
  2: 'Festival',
  3: 'Golf Day',
  4: 'Wedding',
  5: 'Meeting',
  6: 'Seminar',
  7: 'Conference',
  8: 'Exhibition',
  9: 'Roadshow',
  10: 'Simple',
  11: 'Party (21st / 18th)',
  12: 'Record Event Details',
};

/** get-event-list.md, Current status of event. */
const EVENT_STATUS_NAMES: Readonly<Record<number, string>> = { 0: 'draft', 1: 'closed', 3: 'launched' };

export const EVENT_FIELDS = ['name', 'code', 'type', 'status', 'startAt', 'endAt', 'url'] as const;

/** Specific code of getEvent for an event that does not exist. */
const EVENT_NOT_FOUND = 24097;

export function eventRecord(e: IvvyEvent): SideRecord {
  const at = (text: string) => instantText(modifiedAt(text) || null);
  const fields: Record<string, FieldValue> = {
    name: canonicalValue('name', e.title),
    code: canonicalValue('code', e.code),
    type: canonicalValue('type', EVENT_TYPE_NAMES[e.eventType] ?? String(e.eventType)),
    status: canonicalValue('status', EVENT_STATUS_NAMES[e.currentStatus] ?? String(e.currentStatus)),
    startAt: at(e.startDateTime),
    endAt: at(e.endDateTime),
    url: canonicalValue('url', e.websiteUrl),
  };
  return { id: String(e.id), modifiedAt: modifiedAt(e.modifiedDate), fields, pairedId: null };
}

export const eventsModule: SyncModule = {
  name: 'events',
  description: 'Events, one way into CRM campaigns (HubSpot marketing events, Tryton mailing lists)',
  kind: 'campaign',
  twoWay: false,
  dependsOn: [],
  webhook: { endpoint: 'eventsEndpoint', changed: ['EventAdded', 'EventUpdated'] },
  entityOptions: () => ({ customFields: [], groups: false }),

  async open(ctx: ModuleContext): Promise<IvvySide> {
    const feed = offsetFeed<IvvyEvent>({
      api: ctx.api,
      namespace: 'event',
      action: 'getEventList',
      perPage: ctx.pageSize,
      since: (t) => ({ modifiedDate__GREATERTHAN: t }),
      toRecords: (page) => page.map(eventRecord),
    });
    return {
      fields: EVENT_FIELDS,
      listChanges: feed.listChanges,
      get: (ids) => getEach<IvvyEvent>(ctx.api, 'event', 'getEvent', ids, EVENT_NOT_FOUND, eventRecord),
      async *listIds() {
        for await (const page of feed.listAll()) yield page.map((e) => String(e.id));
      },
    };
  },
};
