/** Booking rows -> the get-booking-list.md item and the get-booking.md booking. */
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import { parseExternalUrls } from '../../contact/external-urls.js';
import { detailParts, listParts } from './booking-parts.js';
import type { Booking, BookingListItem } from './schemas.js';
import { findBookings, loadBookingRefs, type BookingRefs, type BookingRow } from './store.js';

/** A stored `yyyy-mm-dd` as the pages show booking dates (midnight UTC), `""` when unset. */
const dateStamp = (date: string | null): string => (date === null ? '' : `${date} 00:00:00 UTC`);
const instantStamp = (ms: number | null): string => (ms === null ? '' : formatTimestamp(ms));

type ListParts = ReturnType<Awaited<ReturnType<typeof listParts>>>;

function common(r: BookingRow, refs: BookingRefs, parts: ListParts) {
  return {
    id: r.id,
    venueId: r.venue_id,
    code: r.code,
    name: r.name,
    eventType: refs.eventType(r.event_type_id),
    eventTypeId: r.event_type_id,
    eventSubTypeId: r.event_sub_type_id,
    companyId: r.company_id,
    company: refs.company(r.company_id),
    contactId: r.contact_id,
    contact: refs.contact(r.contact_id),
    isConfidential: r.is_confidential === 1,
    currentStatus: r.current_status as Booking['currentStatus'],
    ...parts.money,
    // Marquee accounts have no timezone of their own: every time of a booking is its venue's.
    accountTimezone: null,
    venueTimezone: refs.venueTimezone(r.venue_id),
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
    lastModifiedDate: formatTimestamp(r.last_modified_at),
    dateEventStart: dateStamp(r.date_event_start),
    dateEventEnd: dateStamp(r.date_event_end),
    convertedToTentative: instantStamp(r.converted_to_tentative_at),
    convertedToConfirmed: instantStamp(r.converted_to_confirmed_at),
    convertedToCancelled: instantStamp(r.converted_to_cancelled_at),
    isAccommIncluded: r.is_accomm_included === 1,
    dateAccomStart: dateStamp(r.date_accom_start),
    dateAccomEnd: dateStamp(r.date_accom_end),
    focRoomsDenominator: parts.focRooms.denominator,
    maxNumFocRoomsPerDay: parts.focRooms.maxPerDay,
    hasPackages: parts.packages.length > 0,
    // add-or-update-booking.md takes no decision date.
    decisionDate: '',
    canBeMoved: r.can_be_moved === 1,
    bookedById: r.booked_by_id,
    beoNumbers: parts.beo.beoNumbers,
    isBeoFinalised: parts.beo.isBeoFinalised,
    beoFinalisedDate: instantStamp(parts.beo.beoFinalisedAt),
    otaFolioRef: r.ota_folio_ref,
    accommCutOffDate: dateStamp(r.accomm_cut_off_date),
    accommCancellationDate: dateStamp(r.accomm_cancellation_date),
    accommChargingMethod: r.accomm_charging_method,
    accommGuaranteeRequired: r.accomm_guarantee_required === 1,
    accommExternalBlockId: r.accomm_external_block_id,
  };
}

/** List items of a page of booking rows, in the rows' order. */
export async function bookingListItems(store: Scope, rows: readonly BookingRow[]): Promise<BookingListItem[]> {
  const [refs, parts] = await Promise.all([loadBookingRefs(store, rows), listParts(store, rows.map((r) => r.id))]);
  return rows.map((r) => ({
    ...common(r, refs, parts(r.id)),
    leadId: r.lead_id,
    bookingType: r.booking_type as BookingListItem['bookingType'],
  }));
}

/** Full bookings, by id, in the order asked for; ids that are not the account's are left out. */
export async function bookingDetails(store: Scope, ids: readonly number[]): Promise<Booking[]> {
  const rows = await findBookings(store, ids);
  const [refs, parts] = await Promise.all([loadBookingRefs(store, rows), detailParts(store, rows.map((r) => r.id))]);
  const byId = new Map(
    rows.map((r) => {
      const p = parts(r.id);
      const c = p.commissions;
      const agentCompany = refs.company(c.agentCompanyId);
      const booking: Booking = {
        ...common(r, refs, p),
        accommReservationMethod: r.accomm_reservation_method === null ? [] : [r.accomm_reservation_method],
        hasCommissions: c.hasCommissions,
        hasCommissionPaid: c.hasCommissionPaid,
        agentCompanyId: c.agentCompanyId,
        agentCompany,
        agentContactId: c.agentContactId,
        agentContact: refs.contact(c.agentContactId),
        commissionAccommodationType: c.accommodation.type,
        commissionAccommodation: c.accommodation.amount,
        commissionSpaceType: c.space.type,
        commissionSpace: c.space.amount,
        commissionFoodType: c.food.type,
        commissionFood: c.food.amount,
        commissionBeverageType: c.beverage.type,
        commissionBeverage: c.beverage.amount,
        commissionAudioVisualType: c.audioVisual.type,
        commissionAudioVisual: c.audioVisual.amount,
        dailyRevenue: p.dailyRevenue,
        packages: p.packages,
        sessions: p.sessions,
        menus: p.menus,
        beveragePackages: p.beveragePackages,
        resources: p.resources,
        products: p.products,
        additionalItems: p.additionalItems,
        serviceFees: p.serviceFees,
        salesPersonUser: refs.user(refs.salesPersonId(r.lead_id)),
        bookedByUser: refs.user(r.booked_by_id),
        // Marquee receives no mail, so there is no address that would file an email to the lead.
        leadBccEmail: null,
        foodBeveragePayableBy: p.catering.foodBeveragePayableBy,
        totalAttendees: r.total_attendees,
        agent: agentCompany ? { id: agentCompany.id, businessName: agentCompany.businessName, email: null, phone: null } : null,
        commissionByCostCentres: c.byCostCentre,
        bookingType: r.booking_type as Booking['bookingType'],
        opportunityId: r.lead_id,
        hasCateringWebsite: p.catering.hasCateringWebsite,
        cateringWebsiteLogoId: p.catering.logoId,
        cateringWebsiteLogo: p.catering.logo,
        cateringWebsiteBannerId: p.catering.bannerId,
        cateringWebsiteBanner: p.catering.banner,
        cateringWebsiteEventDesc: p.catering.eventDescription,
        cateringWebsiteEndNumDays: p.catering.endNumDays,
        externalUrls: parseExternalUrls(r.external_urls),
      };
      return [r.id, booking] as const;
    }),
  );
  return ids.flatMap((id) => {
    const b = byId.get(id);
    return b ? [b] : [];
  });
}

export async function bookingDetail(store: Scope, id: number): Promise<Booking> {
  const [booking] = await bookingDetails(store, [id]);
  if (!booking) throw new Error(`booking ${id} vanished`);
  return booking;
}
