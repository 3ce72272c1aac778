/**
 * Attendee rows -> the documented JSON. The sessions of a whole page of attendees are loaded
 * with one query; sessionHasAttended and sessionAttendedTimestamp are derived from them (the
 * latest session check-in).
 */
import type { Selectable } from 'kysely';
import { formatOptionalTimestamp, formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import type { RegistrationStatusCode } from '../codes.js';
import { privacyConsentOf } from '../consent.js';
import type { EventAttendeesTable } from '../tables.js';
import { attendeeTicketUrl, barcodeUrl } from '../urls.js';
import type { AttendeeDetail, AttendeeListItem, AttendeeSession } from './schemas.js';

export type AttendeeRow = Selectable<EventAttendeesTable> & {
  registration_status: number;
  ticket_token: string;
  ticket_title: string | null;
};

/** The scoped attendees with their registration and ticket (if any), before selection. */
export function attendeesFrom(store: Scope) {
  return store
    .selectFrom('event_attendees')
    .innerJoin('event_registrations', 'event_registrations.id', 'event_attendees.registration_id')
    .leftJoin('event_tickets', 'event_tickets.id', 'event_attendees.ticket_id');
}

export function selectAttendeeRow(qb: ReturnType<typeof attendeesFrom>) {
  return qb
    .selectAll('event_attendees')
    .select([
      'event_registrations.status as registration_status',
      'event_registrations.ticket_token as ticket_token',
      'event_tickets.title as ticket_title',
    ]);
}

export async function loadAttendeeRows(store: Scope, ids: readonly number[]): Promise<AttendeeRow[]> {
  if (ids.length === 0) return [];
  return selectAttendeeRow(attendeesFrom(store))
    .where('event_attendees.id', 'in', [...new Set(ids)])
    .orderBy('event_attendees.id')
    .execute();
}

interface SessionLinks {
  sessions: AttendeeSession[];
  lastAttendedAt: number | null;
}

async function loadSessions(store: Scope, attendeeIds: readonly number[]): Promise<Map<number, SessionLinks>> {
  const out = new Map<number, SessionLinks>();
  if (attendeeIds.length === 0) return out;
  const rows = await store
    .selectFrom('event_attendee_sessions')
    .innerJoin('event_sessions', 'event_sessions.id', 'event_attendee_sessions.session_id')
    .select([
      'event_attendee_sessions.attendee_id',
      'event_attendee_sessions.is_reserved',
      'event_attendee_sessions.has_attended',
      'event_attendee_sessions.attended_at',
      'event_sessions.id',
      'event_sessions.name',
      'event_sessions.is_optional',
    ])
    .where('event_attendee_sessions.attendee_id', 'in', [...attendeeIds])
    .orderBy('event_sessions.start_at')
    .orderBy('event_sessions.id')
    .execute();
  for (const r of rows) {
    const links = out.get(r.attendee_id) ?? { sessions: [], lastAttendedAt: null };
    const attendedAt = r.has_attended === 1 && r.attended_at !== null ? Number(r.attended_at) : null;
    links.sessions.push({
      sessionId: r.id,
      sessionName: r.name,
      isOptional: r.is_optional === 1,
      hasAttended: r.has_attended === 1,
      attendedDatetime: formatOptionalTimestamp(attendedAt),
      isSessionReserved: r.is_reserved === 1,
    });
    if (attendedAt !== null && (links.lastAttendedAt === null || attendedAt > links.lastAttendedAt)) links.lastAttendedAt = attendedAt;
    out.set(r.attendee_id, links);
  }
  return out;
}

function parseCustomFields(json: string): Array<{ name: string; value: string }> {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed)
      ? parsed.filter((f): f is { name: string; value: string } => typeof f?.name === 'string' && typeof f?.value === 'string')
      : [];
  } catch {
    return [];
  }
}

function details(row: AttendeeRow, sessions: Map<number, SessionLinks>, publicUrl: string) {
  const links = sessions.get(row.id) ?? { sessions: [], lastAttendedAt: null };
  return {
    ticketTitle: row.ticket_title,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    privacyConsentData: privacyConsentOf(row),
    hasAttended: row.has_attended === 1,
    sessionHasAttended: links.lastAttendedAt !== null,
    isPublic: row.is_public === 1,
    barcode: row.barcode,
    barcodeUrl: barcodeUrl(publicUrl, row.barcode),
    ticketUrl: attendeeTicketUrl(publicUrl, row.registration_id, row.ticket_token, row.id),
    attendedDatetime: formatOptionalTimestamp(row.attended_at === null ? null : Number(row.attended_at)),
    sessionAttendedTimestamp: formatOptionalTimestamp(links.lastAttendedAt),
    cost: Math.round(Number(row.cost_cents)) / 100,
    customFields: parseCustomFields(row.custom_fields),
    sessions: links.sessions,
  };
}

export async function attendeeListItems(store: Scope, rows: readonly AttendeeRow[], publicUrl: string): Promise<AttendeeListItem[]> {
  const sessions = await loadSessions(
    store,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    registrationStatus: row.registration_status as RegistrationStatusCode,
    contactId: row.contact_id,
    ...details(row, sessions, publicUrl),
    createdDate: formatTimestamp(Number(row.created_at)),
    modifiedDate: formatTimestamp(Number(row.modified_at)),
  }));
}

export async function loadAttendeeDetails(store: Scope, ids: readonly number[], publicUrl: string): Promise<Map<number, AttendeeDetail>> {
  const rows = await loadAttendeeRows(store, ids);
  const sessions = await loadSessions(
    store,
    rows.map((r) => r.id),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        registrationStatus: row.registration_status as RegistrationStatusCode,
        contactId: row.contact_id,
        registrationId: row.registration_id,
        ...details(row, sessions, publicUrl),
      },
    ]),
  );
}
