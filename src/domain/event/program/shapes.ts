/** Session, speaker and sponsor rows -> the documented JSON of the programme lists. */
import type { Selectable } from 'kysely';
import { formatOptionalTimestamp, formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import type { EventSessionsTable, EventSpeakersTable, EventSponsorsTable } from '../tables.js';
import type { SessionItem, SpeakerItem, SponsorItem } from './schemas.js';

async function linkedIds(
  store: Scope,
  table: 'event_session_speakers' | 'event_session_tickets',
  sessionIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (sessionIds.length === 0) return out;
  const rows =
    table === 'event_session_speakers'
      ? await store
          .selectFrom('event_session_speakers')
          .select(['session_id', 'speaker_id as ref'])
          .where('session_id', 'in', [...sessionIds])
          .orderBy('speaker_id')
          .execute()
      : await store
          .selectFrom('event_session_tickets')
          .select(['session_id', 'ticket_id as ref'])
          .where('session_id', 'in', [...sessionIds])
          .orderBy('ticket_id')
          .execute();
  for (const r of rows) {
    const list = out.get(r.session_id);
    if (list) list.push(r.ref);
    else out.set(r.session_id, [r.ref]);
  }
  return out;
}

type SessionRow = Selectable<EventSessionsTable>;

function sessionOf(row: SessionRow, speakers: Map<number, number[]>, tickets: Map<number, number[]>): SessionItem {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    startDate: formatTimestamp(Number(row.start_at)),
    endDate: formatTimestamp(Number(row.end_at)),
    description: row.description,
    roomId: row.room_id,
    isOptional: row.is_optional === 1,
    maxCapacity: row.max_capacity,
    costAmount: Math.round(Number(row.cost_cents)) / 100,
    isTaxFree: row.is_tax_free === 1,
    autoCloseDate: formatOptionalTimestamp(row.auto_close_at === null ? null : Number(row.auto_close_at)),
    setupTime: row.setup_minutes,
    breakdownTime: row.breakdown_minutes,
    speakers: speakers.get(row.id) ?? [],
    showInAgenda: row.show_in_agenda === 1,
    showTime: row.show_time === 1,
    onlyForCertainTickets: row.only_for_certain_tickets === 1,
    tickets: row.only_for_certain_tickets === 1 ? (tickets.get(row.id) ?? []) : [],
    notes: row.notes,
    setupNotes: row.setup_notes,
    createdDate: formatTimestamp(Number(row.created_at)),
    modifiedDate: formatTimestamp(Number(row.modified_at)),
    allowGuests: row.allow_guests === 1,
  };
}

/** A page of sessions with their speakers and tickets (one query each for the page). */
export async function sessionItems(store: Scope, rows: readonly SessionRow[]): Promise<SessionItem[]> {
  const ids = rows.map((r) => r.id);
  const [speakers, tickets] = await Promise.all([
    linkedIds(store, 'event_session_speakers', ids),
    linkedIds(store, 'event_session_tickets', ids),
  ]);
  return rows.map((r) => sessionOf(r, speakers, tickets));
}

export const speakerOf = (r: Selectable<EventSpeakersTable>): SpeakerItem => ({
  id: String(r.id),
  fullName: r.full_name,
  organisation: r.organisation,
  position: r.position,
  profileDescription: r.profile_description,
  profileImageUrl: r.profile_image_url,
});

/** `44`, `44.5`-style amounts as the sponsor example shows them: whole units bare, else cents. */
const amountText = (cents: number): string => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

export const sponsorOf = (r: Selectable<EventSponsorsTable>): SponsorItem => ({
  id: String(r.id),
  name: r.name,
  description: r.description,
  websiteAddress: r.website_address,
  logoImageUrl: r.logo_image_url,
  level: String(r.level),
  customLevelId: r.custom_level_id === null ? null : String(r.custom_level_id),
  sponsorshipAmount: amountText(Number(r.amount_cents)),
  sponsorshipAmountPaid: amountText(Number(r.amount_paid_cents)),
});
