/** Arranging bookings for the sessions suites: a contact, an opportunity and a booking, straight into the tables. */
import { randomBytes } from 'node:crypto';
import type { Scope } from '../../../src/storage/scope.js';

export async function addContact(store: Scope, name = 'Dina'): Promise<number> {
  const now = Date.now();
  const row = await store
    .insertInto('contacts', { first_name: name, last_name: 'Antonopoulos', email: `${name.toLowerCase()}@example.com`, email_status: 1, sms_status: 1, is_anonymised: 0, created_at: now, modified_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A booking of the venue (status 3 Confirmed unless given) on an opportunity of its own. */
export async function addBooking(store: Scope, venueId: number, fields: { status?: number; contactId?: number | null; canBeMoved?: boolean } = {}): Promise<number> {
  const now = Date.now();
  const code = randomBytes(5).toString('hex').toUpperCase();
  const lead = await store
    .insertInto('crm_leads', {
      venue_id: venueId,
      name: `Opportunity ${code}`,
      description: null,
      owner_user_id: null,
      contact_id: fields.contactId ?? null,
      company_id: null,
      industry_id: null,
      current_booking_id: null,
      quality_id: null,
      stage_id: null,
      stage_reason_id: null,
      admin_status_changed_at: null,
      type_id: null,
      subtype_id: null,
      source_id: null,
      channel_id: null,
      closed_at: null,
      lost_to_competition: null,
      external_urls: null,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await store
    .insertInto('bookings', {
      venue_id: venueId,
      lead_id: lead.id,
      booking_type: 1,
      current_status: fields.status ?? 3,
      code,
      name: `Booking ${code}`,
      event_type_id: null,
      event_sub_type_id: null,
      company_id: null,
      contact_id: fields.contactId ?? null,
      industry_id: null,
      purchase_order_number: null,
      booked_by_id: null,
      can_be_moved: fields.canBeMoved ? 1 : 0,
      date_event_start: null,
      date_event_end: null,
      total_attendees: 0,
      is_accomm_included: 0,
      date_accom_start: null,
      date_accom_end: null,
      accomm_cut_off_date: null,
      accomm_cancellation_date: null,
      accomm_charging_method: null,
      accomm_guarantee_required: 0,
      accomm_external_block_id: null,
      accomm_reservation_method: null,
      accomm_reservation_cancellation_date: null,
      accomm_arrival_method: null,
      is_confidential: 0,
      ota_folio_ref: null,
      role_user_ids: '[null,null,null,null,null]',
      discount_code: null,
      external_urls: null,
      converted_to_tentative_at: null,
      converted_to_confirmed_at: null,
      converted_to_cancelled_at: null,
      cancelled_on: null,
      cancel_reason_id: null,
      cancel_lost_to_competition: null,
      created_at: now,
      modified_at: now,
      last_modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface SessionSpec {
  venueId: number;
  bookingId: number;
  contactId: number;
  spaceId: number;
  costcenterId: number;
  startDate: string;
  startTime: string;
  endTime: string;
  [field: string]: unknown;
}

/** addOrUpdateBookingSession's parameters for a new session, as the page's example sends them. */
export function sessionParams(spec: SessionSpec): Record<string, unknown> {
  const { venueId, ...rest } = spec;
  return { venueId, spaceVenueId: venueId, name: 'Keynote', minAttendeesGuaranteed: 10, includeInPackage: 0, cost: '400', excludedTaxIds: [], ...rest };
}
