/** The event namespace's constants, as the event pages document them. */

/** get-event-list.md, Event types. Only 12 can be created through the API (add-or-update-event.md). */
export const EVENT_TYPES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const RECORD_EVENT_DETAILS = 12;

/** get-event-list.md, Current status of event. */
export const EventStatus = { draft: 0, closed: 1, launched: 3 } as const;
export const EVENT_STATUSES = [0, 1, 3] as const;

/**
 * Registration current status: get-registration-list.md lists 1 In Progress, 2 Completed and
 * 4 Payment Waiting; get-contact.md lists 2 Completed, 3 Cancelled and 4 Payment Required.
 * Marquee has all four (docs/compatibility.md, Events).
 */
export const RegistrationStatus = { inProgress: 1, completed: 2, cancelled: 3, paymentRequired: 4 } as const;
export const REGISTRATION_STATUSES = [1, 2, 3, 4] as const;
export type RegistrationStatusCode = (typeof REGISTRATION_STATUSES)[number];

/** Registrations that hold places (and count as registered): everything but cancelled. */
export const ACTIVE_REGISTRATION_STATUSES = [1, 2, 4] as const;

/** get-invited-contact-list.md, Response. */
export const INVITATION_RESPONSES = ['U', 'Y', 'N'] as const;
export type InvitationResponse = (typeof INVITATION_RESPONSES)[number];

/** How long a createLoginToken token can be used, and how long the sign-in it gives lasts. */
export const LOGIN_TOKEN_TTL_MS = 15 * 60_000;
export const WEB_SESSION_TTL_MS = 2 * 60 * 60_000;

/** Default currency of events created through the API (tickets and invoices). */
export const DEFAULT_CURRENCY = 'AUD';
