/**
 * Notification subjects by endpoint (notifications/*-endpoint.md). The endpoint decides which
 * subscription a change is delivered to. The events endpoint page documents no subjects yet;
 * Marquee's choices for it are listed in docs/compatibility.md.
 */
export const ENDPOINTS = ['companies', 'contacts', 'crm', 'payments', 'venues', 'ari', 'events'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const SUBJECTS = {
  // The CompanyNote… subjects are Marquee's, mirroring ContactNote… (docs/compatibility.md, Contacts).
  companies: ['CompanyAdded', 'CompanyUpdated', 'CompanyDeleted', 'CompanyNoteAdded', 'CompanyNoteUpdated'],
  contacts: [
    'ContactAdded',
    'ContactUpdated',
    'ContactDeleted',
    'ContactNoteAdded',
    'ContactNoteUpdated',
    'ContactNoteDeleted',
  ],
  crm: [
    'OpportunityAdded',
    'OpportunityUpdated',
    'OpportunityDeleted',
    'CrmEventTaskAdded',
    'CrmEventTaskUpdated',
    'CrmEventTaskDeleted',
    'CrmEventActivityAdded',
    'CrmEventActivityUpdated',
    'CrmEventActivityDeleted',
    'CrmLeadNoteAdded',
    'CrmLeadNoteUpdated',
    'CrmLeadNoteDeleted',
  ],
  payments: ['InvoiceAdded', 'InvoiceUpdated'],
  venues: [
    'BookingAdded',
    'BookingUpdated',
    'BookingMoved',
    'BookingDeleted',
    'BookingSessionAdded',
    'BookingSessionUpdated',
    'BookingSessionDeleted',
    'BookingAccommodationAdded',
    'BookingAccommodationUpdated',
    'BookingAccommodationDeleted',
    'BookingRoomReservationAdded',
    'BookingRoomReservationUpdated',
    'BookingRoomReservationDeleted',
    'BookingNoteAdded',
    'BookingNoteUpdated',
    'BookingNoteDeleted',
    'SpaceBlockoutAdded',
    'SpaceBlockoutUpdated',
    'SpaceBlockoutDeleted',
    'BookingDocumentGenerated',
    'BookingDocumentDeleted',
    'BookingBeoGenerated',
    'BookingBeoDeleted',
    // Venue setup writes: Marquee's subjects, named as the documented ones (docs/compatibility.md, Venues).
    'FunctionSpaceAdded',
    'FunctionSpaceUpdated',
    'FunctionSpaceCategoryAdded',
    'FunctionSpaceCategoryUpdated',
    'GuestRoomAdded',
    'GuestRoomUpdated',
  ],
  ari: ['RoomInventoryUpdated', 'RoomRatesUpdated', 'RatePlanBookingRulesUpdated'],
  events: [
    'EventAdded',
    'EventUpdated',
    'EventInvitationAdded',
    'EventInvitationUpdated',
    'EventRegistrationAdded',
    'EventRegistrationUpdated',
    'EventAttendeeAdded',
    'EventAttendeeUpdated',
  ],
} as const satisfies Record<Endpoint, readonly string[]>;

export type Subject = (typeof SUBJECTS)[Endpoint][number];

const endpointBySubject = new Map<string, Endpoint>(
  ENDPOINTS.flatMap((endpoint) => SUBJECTS[endpoint].map((subject) => [subject, endpoint] as const)),
);

export function endpointOf(subject: Subject): Endpoint {
  const endpoint = endpointBySubject.get(subject);
  if (!endpoint) throw new Error(`Unknown notification subject ${subject}`);
  return endpoint;
}
