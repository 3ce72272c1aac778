/**
 * Storage of the venue bookings area: bookings (quotes are bookings in a prospective status),
 * their changelog, and what addOrUpdateOpportunity takes that the
 * crm lead table has no column for. Conventions are those of storage/schema.ts (epoch-ms
 * `*_at`, `yyyy-mm-dd` dates as text, 0/1 booleans, JSON as text, money in cents).
 *
 * Every booking belongs to an opportunity: a `crm_leads` row with a venue (the crm namespace's
 * one table for leads and opportunities).
 */
import type { Generated } from 'kysely';

export interface BookingsTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  /** The opportunity (crm_leads row with a venue) the booking belongs to. */
  lead_id: number;
  /** 1 Detailed, 3 Simple, 4 Accommodation Only (get-booking.md, Booking Types). */
  booking_type: number;
  /** status.ts: 1 Prospective, 2 Tentative, 3 Confirmed, 4 Cancelled, 5 Ordering, 8 Not Accepted, 9 Prospective Hold. */
  current_status: number;
  /** Unique within the venue, ignoring case. */
  code: string;
  name: string;
  event_type_id: number | null;
  event_sub_type_id: number | null;
  company_id: number | null;
  contact_id: number | null;
  industry_id: number | null;
  purchase_order_number: string | null;
  booked_by_id: number | null;
  can_be_moved: Generated<number>;
  date_event_start: string | null;
  date_event_end: string | null;
  total_attendees: number;
  is_accomm_included: Generated<number>;
  date_accom_start: string | null;
  date_accom_end: string | null;
  accomm_cut_off_date: string | null;
  accomm_cancellation_date: string | null;
  accomm_charging_method: number | null;
  accomm_guarantee_required: Generated<number>;
  accomm_external_block_id: string | null;
  accomm_reservation_method: number | null;
  accomm_reservation_cancellation_date: string | null;
  accomm_arrival_method: number | null;
  is_confidential: Generated<number>;
  ota_folio_ref: string | null;
  /** JSON array of five user ids or nulls: bookingRoleUserId1 … bookingRoleUserId5. */
  role_user_ids: Generated<string>;
  discount_code: string | null;
  /** JSON array of `{ref, url, label}`, or null. */
  external_urls: string | null;
  converted_to_tentative_at: number | null;
  converted_to_confirmed_at: number | null;
  converted_to_cancelled_at: number | null;
  /** changeBookingStatus to Cancelled: cancelClosedDate, cancelReasonId, cancelLostToCompetition. */
  cancelled_on: string | null;
  cancel_reason_id: number | null;
  cancel_lost_to_competition: string | null;
  created_at: number;
  /** The booking's own fields. */
  modified_at: number;
  /** The booking or anything it holds (sessions, packages, items… as later areas add them). */
  last_modified_at: number;
}

/** get-booking-changelog-list.md: one row per change to a booking or something it holds. */
export interface BookingChangelogTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  beo_id: number | null;
  session_id: number | null;
  /** The user of the key that made the change (or changedByUserId); null for keys without one. */
  recorded_by_user_id: number | null;
  /** changelog.ts, Booking Changelog Reference Type. */
  ref_type: number;
  ref_id: number;
  note_text: string;
  created_at: number;
  modified_at: number;
}

/**
 * What add-or-update-opportunity.md takes beyond the crm lead's columns: the campaign (utm)
 * fields, the referral of a "Referral Program" source, the confirmed and cancelled quotes, and
 * the marketplace regret reason of change-booking-status.md. One row per opportunity, made
 * when one of them is first set.
 */
export interface VenueOpportunityDetailsTable {
  account_id: number;
  lead_id: number;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  referral_contact_id: number | null;
  referral_company_id: number | null;
  confirmed_quote_id: number | null;
  confirmed_quote_status: number | null;
  cancelled_quote_id: number | null;
  marketplace_stage_reason_type: number | null;
  modified_at: number;
}

declare module '../../../storage/schema.js' {
  interface Database {
    bookings: BookingsTable;
    booking_changelog: BookingChangelogTable;
    venue_opportunity_details: VenueOpportunityDetailsTable;
  }
}
