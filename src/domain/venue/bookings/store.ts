/** Reading bookings of the caller's account, and what their shapes name. */
import type { Selectable } from 'kysely';
import type { Scope } from '../../../storage/scope.js';
import { bookingNotFound } from './errors.js';
import type { BookingsTable } from './tables.js';

export type BookingRow = Selectable<BookingsTable>;

export async function findBooking(store: Scope, id: number): Promise<BookingRow | undefined> {
  return store.selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The booking, of `venueId` when one is named; otherwise 404 / 23026. */
export async function requireBooking(store: Scope, id: number, venueId?: number): Promise<BookingRow> {
  const row = await findBooking(store, id);
  if (!row || (venueId !== undefined && row.venue_id !== venueId)) throw bookingNotFound();
  return row;
}

export async function findBookings(store: Scope, ids: readonly number[]): Promise<BookingRow[]> {
  if (ids.length === 0) return [];
  return store.selectFrom('bookings').selectAll().where('id', 'in', [...new Set(ids)]).orderBy('id').execute();
}

interface Person {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
}

/** Everything the shapes of a page of bookings name, read in one query per table. */
export interface BookingRefs {
  venueTimezone(venueId: number): string | null;
  eventType(id: number | null): string | null;
  company(id: number | null): { id: number; businessName: string } | null;
  contact(id: number | null): Person | null;
  user(id: number | null): Person | null;
  /** The opportunity's owner: the booking's sales person. */
  salesPersonId(leadId: number): number | null;
}

const ids = (values: ReadonlyArray<number | null>) => [...new Set(values.filter((v): v is number => v !== null))];

export async function loadBookingRefs(store: Scope, rows: readonly BookingRow[]): Promise<BookingRefs> {
  const venueIds = ids(rows.map((r) => r.venue_id));
  const typeIds = ids(rows.map((r) => r.event_type_id));
  const companyIds = ids(rows.map((r) => r.company_id));
  const contactIds = ids(rows.map((r) => r.contact_id));
  const leadIds = ids(rows.map((r) => r.lead_id));
  const [venues, types, companies, contacts, leads] = await Promise.all([
    venueIds.length ? store.selectFrom('venues').select(['id', 'timezone']).where('id', 'in', venueIds).execute() : [],
    typeIds.length ? store.selectFrom('venue_event_types').select(['id', 'name']).where('id', 'in', typeIds).execute() : [],
    companyIds.length ? store.selectFrom('companies').select(['id', 'business_name']).where('id', 'in', companyIds).execute() : [],
    contactIds.length
      ? store.selectFrom('contacts').select(['id', 'first_name', 'last_name', 'email', 'phone']).where('id', 'in', contactIds).execute()
      : [],
    leadIds.length ? store.selectFrom('crm_leads').select(['id', 'owner_user_id']).where('id', 'in', leadIds).execute() : [],
  ]);
  const userIds = ids([...rows.map((r) => r.booked_by_id), ...leads.map((l) => l.owner_user_id)]);
  const users = userIds.length
    ? await store.selectFrom('users').select(['id', 'first_name', 'last_name', 'email', 'phone']).where('id', 'in', userIds).execute()
    : [];
  const person = (r: { id: number; first_name: string | null; last_name: string | null; email: string | null; phone: string | null }): Person => ({
    id: r.id,
    firstName: r.first_name ?? '',
    lastName: r.last_name ?? '',
    email: r.email ?? '',
    phone: r.phone ?? null,
  });
  const byId = <T extends { id: number }>(list: readonly T[]) => new Map(list.map((r) => [r.id, r]));
  const venueMap = byId(venues);
  const typeMap = byId(types);
  const companyMap = byId(companies);
  const contactMap = byId(contacts);
  const userMap = byId(users);
  const leadMap = byId(leads);
  return {
    venueTimezone: (venueId) => venueMap.get(venueId)?.timezone ?? null,
    eventType: (id) => (id === null ? null : (typeMap.get(id)?.name ?? null)),
    company: (id) => {
      const c = id === null ? undefined : companyMap.get(id);
      return c ? { id: c.id, businessName: c.business_name } : null;
    },
    contact: (id) => {
      const c = id === null ? undefined : contactMap.get(id);
      return c ? person(c) : null;
    },
    user: (id) => {
      const u = id === null ? undefined : userMap.get(id);
      return u ? person(u) : null;
    },
    salesPersonId: (leadId) => leadMap.get(leadId)?.owner_user_id ?? null,
  };
}
