/**
 * Marketing events in the HubSpot double (marketing/v3/marketing-events, from HubSpot's
 * marketing events API reference): events keyed by object id and by (external account id,
 * external event id); upsert, read, list, update and delete; attendance state changes
 * (`register`, `attend`, `cancel`) recorded by contact id, which make the contact's
 * participation state REGISTERED, ATTENDED or CANCELLED; and the participations breakdown
 * of an event, paged with `after`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readJson, send } from './http.js';

export interface StoredEvent {
  objectId: string;
  externalAccountId: string;
  externalEventId: string;
  eventName: string;
  eventOrganizer: string;
  eventType: string | null;
  eventUrl: string | null;
  eventDescription: string | null;
  startDateTime: string | null;
  endDateTime: string | null;
  eventCancelled: boolean;
  eventCompleted: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface Participation {
  id: string;
  contactId: string;
  state: 'REGISTERED' | 'ATTENDED' | 'CANCELLED';
  occurredAt: number;
  createdAt: number;
}

const STATES = { register: 'REGISTERED', attend: 'ATTENDED', cancel: 'CANCELLED' } as const;
const BREAKDOWN_MAX = 100;

export interface MarketingEventsDouble {
  events(): StoredEvent[];
  participations(objectId: string): Participation[];
  /** Deletes an event as a HubSpot user would. */
  remove(objectId: string): void;
  handle(req: IncomingMessage, res: ServerResponse, parts: string[], url: URL): Promise<boolean>;
}

export function createMarketingEvents(deps: {
  nextId(): string;
  tick(): number;
  contact(id: string): { email: string | null; firstname: string | null; lastname: string | null } | null;
}): MarketingEventsDouble {
  const events = new Map<string, StoredEvent>();
  const participations = new Map<string, Map<string, Participation>>();

  const byExternal = (account: string, external: string) =>
    [...events.values()].find((e) => e.externalAccountId === account && e.externalEventId === external);

  const date = (value: unknown, name: string): string | null => {
    if (value === undefined || value === null || value === '') return null;
    const ms = typeof value === 'number' ? value : Date.parse(String(value));
    if (Number.isNaN(ms)) throw new HttpError(400, `Invalid date for ${name}`, 'VALIDATION_ERROR');
    return new Date(ms).toISOString();
  };

  const text = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));

  /** The documented read shape (MarketingEventPublicReadResponseV2), counters included. */
  const view = (e: StoredEvent) => {
    const states = [...(participations.get(e.objectId)?.values() ?? [])].map((p) => p.state);
    return {
      objectId: e.objectId,
      externalEventId: e.externalEventId,
      externalAccountId: e.externalAccountId,
      eventName: e.eventName,
      eventOrganizer: e.eventOrganizer,
      ...(e.eventType !== null ? { eventType: e.eventType } : {}),
      ...(e.eventUrl !== null ? { eventUrl: e.eventUrl } : {}),
      ...(e.eventDescription !== null ? { eventDescription: e.eventDescription } : {}),
      ...(e.startDateTime !== null ? { startDateTime: e.startDateTime } : {}),
      ...(e.endDateTime !== null ? { endDateTime: e.endDateTime } : {}),
      eventCancelled: e.eventCancelled,
      eventCompleted: e.eventCompleted,
      registrants: states.filter((s) => s !== 'CANCELLED').length,
      attendees: states.filter((s) => s === 'ATTENDED').length,
      cancellations: states.filter((s) => s === 'CANCELLED').length,
      noShows: 0,
      customProperties: [],
      createdAt: new Date(e.createdAt).toISOString(),
      updatedAt: new Date(e.updatedAt).toISOString(),
    };
  };

  const apply = (e: StoredEvent, body: Record<string, unknown>) => {
    if ('eventName' in body) e.eventName = String(body.eventName ?? '');
    if ('eventOrganizer' in body) e.eventOrganizer = String(body.eventOrganizer ?? '');
    if ('eventType' in body) e.eventType = text(body.eventType);
    if ('eventUrl' in body) e.eventUrl = text(body.eventUrl);
    if ('eventDescription' in body) e.eventDescription = text(body.eventDescription);
    if ('startDateTime' in body) e.startDateTime = date(body.startDateTime, 'startDateTime');
    if ('endDateTime' in body) e.endDateTime = date(body.endDateTime, 'endDateTime');
    if ('eventCancelled' in body) e.eventCancelled = body.eventCancelled === true;
    if ('eventCompleted' in body) e.eventCompleted = body.eventCompleted === true;
    e.updatedAt = deps.tick();
  };

  const required = (body: Record<string, unknown>, names: string[]) => {
    const missing = names.filter((n) => typeof body[n] !== 'string' || body[n] === '');
    if (missing.length > 0) throw new HttpError(400, `Some required fields were not set: [${missing.join(', ')}]`, 'VALIDATION_ERROR');
  };

  const find = (objectId: string) => {
    const e = events.get(objectId);
    if (!e) throw new HttpError(404, `Marketing event ${objectId} not found`, 'OBJECT_NOT_FOUND');
    return e;
  };

  return {
    events: () => [...events.values()],
    participations: (objectId) => [...(participations.get(objectId)?.values() ?? [])],
    remove(objectId) {
      events.delete(objectId);
      participations.delete(objectId);
    },

    async handle(req, res, parts, url) {
      // parts: ['marketing', 'v3', 'marketing-events', …]
      const rest = parts.slice(3);
      const method = req.method ?? 'GET';

      // Upsert / read by external id: /events/{externalEventId}
      if (rest[0] === 'events' && rest[1] !== undefined && rest.length === 2) {
        const external = decodeURIComponent(rest[1]);
        if (method === 'PUT') {
          const body = await readJson(req);
          required(body, ['eventName', 'eventOrganizer', 'externalAccountId']);
          const account = String(body.externalAccountId);
          let e = byExternal(account, external);
          if (!e) {
            const now = deps.tick();
            e = {
              objectId: deps.nextId(),
              externalAccountId: account,
              externalEventId: external,
              eventName: '',
              eventOrganizer: '',
              eventType: null,
              eventUrl: null,
              eventDescription: null,
              startDateTime: null,
              endDateTime: null,
              eventCancelled: false,
              eventCompleted: false,
              createdAt: now,
              updatedAt: now,
            };
            events.set(e.objectId, e);
          }
          apply(e, body);
          const v = view(e);
          send(res, 200, { ...v, id: e.objectId });
          return true;
        }
        if (method === 'GET') {
          const account = url.searchParams.get('externalAccountId');
          if (!account) throw new HttpError(400, 'externalAccountId is required', 'VALIDATION_ERROR');
          const e = byExternal(account, external);
          if (!e) throw new HttpError(404, `Marketing event ${external} not found`, 'OBJECT_NOT_FOUND');
          send(res, 200, { ...view(e), id: e.objectId });
          return true;
        }
      }

      // Attendance by contact id: /{objectId}/attendance/{state}/create
      if (rest.length === 4 && rest[1] === 'attendance' && rest[3] === 'create' && method === 'POST') {
        const e = find(rest[0]!);
        const state = STATES[rest[2] as keyof typeof STATES];
        if (!state) throw new HttpError(400, `Unknown subscriber state ${rest[2]}`, 'VALIDATION_ERROR');
        const body = await readJson(req);
        const inputs = Array.isArray(body.inputs) ? (body.inputs as Array<Record<string, unknown>>) : null;
        if (!inputs) throw new HttpError(400, 'Invalid input JSON: inputs is required', 'VALIDATION_ERROR');
        const startedAt = new Date().toISOString();
        const results: Array<{ vid: number }> = [];
        const errors: unknown[] = [];
        const list = participations.get(e.objectId) ?? new Map<string, Participation>();
        participations.set(e.objectId, list);
        for (const input of inputs) {
          const vid = String(input.vid ?? '');
          const at = Number(input.interactionDateTime);
          if (!deps.contact(vid) || !Number.isFinite(at)) {
            errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `Contact ${vid} not found or interactionDateTime missing`, context: { vid: [vid] } });
            continue;
          }
          const now = deps.tick();
          const existing = list.get(vid);
          list.set(vid, { id: existing?.id ?? deps.nextId(), contactId: vid, state, occurredAt: at, createdAt: existing?.createdAt ?? now });
          results.push({ vid: Number(vid) });
        }
        send(res, 200, {
          status: 'COMPLETE',
          results,
          ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}),
          startedAt,
          completedAt: new Date().toISOString(),
        });
        return true;
      }

      // Participations breakdown: /participations/{marketingEventId}/breakdown
      if (rest[0] === 'participations' && rest.length === 3 && rest[2] === 'breakdown' && method === 'GET') {
        const e = find(rest[1]!);
        const contact = url.searchParams.get('contactIdentifier');
        const state = url.searchParams.get('state');
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 10) || 10, BREAKDOWN_MAX);
        const after = Number(url.searchParams.get('after') ?? 0) || 0;
        const all = [...(participations.get(e.objectId)?.values() ?? [])]
          .filter((p) => contact === null || p.contactId === contact || deps.contact(p.contactId)?.email === contact)
          .filter((p) => state === null || p.state === state)
          .sort((a, b) => Number(a.id) - Number(b.id));
        const page = all.slice(after, after + limit);
        send(res, 200, {
          total: all.length,
          results: page.map((p) => {
            const c = deps.contact(p.contactId);
            return {
              id: p.id,
              createdAt: new Date(p.createdAt).toISOString(),
              associations: {
                contact: { contactId: p.contactId, email: c?.email ?? '', firstname: c?.firstname ?? undefined, lastname: c?.lastname ?? undefined },
                marketingEvent: { marketingEventId: e.objectId, name: e.eventName, externalAccountId: e.externalAccountId, externalEventId: e.externalEventId },
              },
              properties: { attendanceState: p.state, occurredAt: p.occurredAt },
            };
          }),
          ...(after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {}),
        });
        return true;
      }

      // List: / (a trailing slash in HubSpot's path)
      if (rest.length === 0 && method === 'GET') {
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 10) || 10, 100);
        const after = url.searchParams.get('after');
        const all = [...events.values()].sort((a, b) => Number(a.objectId) - Number(b.objectId));
        const start = after === null ? 0 : all.findIndex((e) => Number(e.objectId) > Number(after));
        const page = start < 0 ? [] : all.slice(start, start + limit);
        const last = page[page.length - 1];
        send(res, 200, {
          results: page.map(view),
          ...(start >= 0 && start + limit < all.length && last ? { paging: { next: { after: last.objectId } } } : {}),
        });
        return true;
      }

      // By object id: /{objectId}
      if (rest.length === 1 && /^\d+$/.test(rest[0]!)) {
        if (method === 'GET') {
          send(res, 200, view(find(rest[0]!)));
          return true;
        }
        if (method === 'PATCH') {
          const e = find(rest[0]!);
          const body = await readJson(req);
          if (!Array.isArray(body.customProperties)) throw new HttpError(400, 'customProperties is required', 'VALIDATION_ERROR');
          apply(e, body);
          send(res, 200, view(e));
          return true;
        }
        if (method === 'DELETE') {
          find(rest[0]!);
          events.delete(rest[0]!);
          participations.delete(rest[0]!);
          send(res, 204);
          return true;
        }
      }
      return false;
    },
  };
}
