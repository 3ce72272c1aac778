/**
 * Sessions as the pages show them: the getBookingSessionList item (also the body of the
 * BookingSession… notifications) and the session of getBooking. Times are on the clock of the
 * space's venue. A session holds no discount, surcharge, BEO or projected spend that the API
 * can set: those show as none.
 */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { zoneOf } from '../spaces/venue-time.js';
import { clockOf } from './clock.js';
import type { BookingSessionPart, SessionListItem } from './schemas.js';
import type { SessionRow } from './store.js';
import { lineTotals, totalFields, venueTaxes, type LineTotals, type VenueTaxes } from './taxes.js';

const ids = (json: string) => JSON.parse(json) as number[];
const flag = (n: number) => (n === 1 ? 1 : 0);

interface Context {
  zones: Map<number, string>;
  taxes: Map<number, VenueTaxes>;
}

async function contextOf(store: Scope, rows: readonly SessionRow[]): Promise<Context> {
  const venueIds = [...new Set(rows.flatMap((r) => [r.venue_id, r.space_venue_id]))];
  const [venues, taxes] = await Promise.all([
    venueIds.length ? store.selectFrom('venues').select(['id', 'timezone']).where('id', 'in', venueIds).execute() : [],
    venueTaxes(
      store,
      rows.map((r) => r.venue_id),
    ),
  ]);
  return { zones: new Map(venues.map((v) => [v.id, zoneOf(v.timezone)])), taxes };
}

function totalsOf(c: Context, r: SessionRow): LineTotals {
  return lineTotals(c.taxes.get(r.venue_id), { cents: r.cost, costCenterId: r.cost_center_id, excludedTaxIds: ids(r.excluded_tax_ids), inPackage: r.include_in_package === 1 });
}

const timesOf = (c: Context, r: SessionRow) => clockOf(c.zones.get(r.space_venue_id) ?? 'UTC', { from: r.starts_at, to: r.ends_at });

export interface ListOptions {
  /** includeBookingDetails: the booking's name, code and contact. */
  booking?: boolean;
}

export async function sessionListItems(store: Scope, rows: readonly SessionRow[], options: ListOptions = {}): Promise<SessionListItem[]> {
  if (rows.length === 0) return [];
  const c = await contextOf(store, rows);
  const bookingIds = [...new Set(rows.map((r) => r.booking_id))];
  const bookings = await store.selectFrom('bookings').select(['id', 'name', 'code', 'contact_id', 'can_be_moved']).where('id', 'in', bookingIds).execute();
  const byBooking = new Map(bookings.map((b) => [b.id, b]));
  const contactIds = options.booking ? [...new Set(bookings.flatMap((b) => (b.contact_id === null ? [] : [b.contact_id])))] : [];
  const contacts = contactIds.length
    ? await store.selectFrom('contacts').select(['id', 'first_name', 'last_name', 'email', 'phone']).where('id', 'in', contactIds).execute()
    : [];
  const byContact = new Map(contacts.map((p) => [p.id, p]));
  return rows.map((r): SessionListItem => {
    const totals = totalsOf(c, r);
    const booking = byBooking.get(r.booking_id);
    const contact = booking?.contact_id == null ? undefined : byContact.get(booking.contact_id);
    const cost = r.cost / 100;
    return {
      id: r.id,
      bookingId: r.booking_id,
      name: r.name,
      ...timesOf(c, r),
      spaceVenueId: r.space_venue_id,
      spaceId: r.space_id,
      spaceLayout: r.layout_id,
      customLayoutName: r.custom_layout_name,
      tariffId: r.tariff_id,
      cost,
      costAfterAdjustment: cost,
      costDiscount: 0,
      costSurcharge: null,
      amount: totals.totalAmount / 100,
      totalDiscount: 0,
      totalSurcharge: null,
      totalTaxAmount: totals.totalTaxAmount / 100,
      excludedTaxIds: ids(r.excluded_tax_ids),
      sfExcludedTaxIds: [],
      setupTime: r.setup_minutes,
      setdownTime: r.setdown_minutes,
      canBeMoved: flag(booking?.can_be_moved ?? 0),
      minAttendeesGuaranteed: r.min_attendees_guaranteed,
      agreedAttendees: r.agreed_attendees,
      expectedAttendees: r.expected_attendees,
      guaranteedAttendees: r.guaranteed_attendees,
      setAttendees: r.set_attendees,
      actualAttendees: r.actual_attendees,
      signage: r.signage,
      isSignageVisible: flag(r.is_signage_visible),
      createdDate: formatTimestamp(r.created_at),
      modifiedDate: formatTimestamp(r.modified_at),
      roomHireType: r.room_hire_type,
      includeInPackage: r.include_in_package === 1,
      bookingPackageId: r.booking_package_id ?? 0,
      costcenterId: r.cost_center_id,
      overridePax: flag(r.override_pax),
      sessionTypeId: r.session_type_id ?? 0,
      beoNumbers: null,
      ...(options.booking
        ? {
            booking: {
              name: booking?.name ?? '',
              code: booking?.code ?? '',
              contact: contact
                ? { id: contact.id, firstName: contact.first_name ?? '', lastName: contact.last_name ?? '', email: contact.email ?? '', phone: contact.phone ?? null }
                : null,
            },
          }
        : {}),
      projectedSpend: [],
    };
  });
}

/** Sessions as getBooking shows them (get-booking.md, Session). */
export async function sessionParts(store: Scope, rows: readonly SessionRow[]): Promise<BookingSessionPart[]> {
  if (rows.length === 0) return [];
  const c = await contextOf(store, rows);
  return rows.map((r): BookingSessionPart => {
    const totals = totalsOf(c, r);
    return {
      id: r.id,
      name: r.name,
      ...timesOf(c, r),
      spaceVenueId: r.space_venue_id,
      spaceId: r.space_id,
      spaceLayout: r.layout_id,
      customLayoutName: r.custom_layout_name,
      tariffId: r.tariff_id,
      cost: r.cost / 100,
      discount: 0,
      costcenterId: r.cost_center_id,
      ...totalFields(totals),
      excludedTaxIds: ids(r.excluded_tax_ids),
      includeInPackage: r.include_in_package === 1,
      bookingPackageId: r.booking_package_id,
      beoNumbers: [],
      createdDate: formatTimestamp(r.created_at),
      modifiedDate: formatTimestamp(r.modified_at),
      totalAttendees: r.min_attendees_guaranteed,
      projectedSpend: [],
    };
  });
}
