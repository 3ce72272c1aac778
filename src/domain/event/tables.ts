/**
 * Storage of the event namespace: events with their tickets, website information, tags,
 * sessions, speakers and sponsors; invitations, registrations and attendees; and the tokens
 * behind the public pages (invite links, ticket pages, login links). Conventions are those of
 * storage/schema.ts (epoch-ms `*_at`, 0/1 booleans, JSON as text, money in cents).
 */
import type { Generated } from 'kysely';

export interface EventsTable {
  id: Generated<number>;
  account_id: number;
  /** Public, globally unique code (events/codes.ts): the event's website is /event/{code}/. */
  code: string;
  /** get-event-list.md, Event types (0–12). */
  event_type: number;
  title: string;
  /** IANA time zone name, e.g. Australia/Sydney. */
  timezone: string;
  start_at: number;
  end_at: number;
  /** Maximum number of attendees; 0 = no limit. */
  capacity: number;
  budget_cents: number | null;
  cost_center_id: number | null;
  primary_contact_user_id: number | null;
  /** get-event-list.md, Current status: 0 draft, 1 closed, 3 launched. */
  status: number;
  /** Only invited contacts may register (crm-systems.md, Event Attendees). */
  is_invite_only: number;
  /** ISO 4217 currency of the event's tickets and invoices. */
  currency: string;
  domain_name: string | null;
  banner_image_url: string | null;
  homepage_content: string | null;
  venue_name: string | null;
  venue_description: string | null;
  venue_address: string | null;
  venue_image_url: string | null;
  app_title: string | null;
  twitter: string | null;
  /** Flags of the event website and app: default 0 (migration). */
  app_banner: Generated<number>;
  map: string | null;
  include_speakers: Generated<number>;
  display_speakers: Generated<number>;
  include_sponsors: Generated<number>;
  display_sponsors: Generated<number>;
  include_booths: Generated<number>;
  display_exhibitors: Generated<number>;
  include_abstracts: Generated<number>;
  display_abstracts: Generated<number>;
  use_multiple_sessions: Generated<number>;
  include_hotels: Generated<number>;
  include_travel: Generated<number>;
  include_membership: Generated<number>;
  created_at: number;
  modified_at: number;
}

export interface EventTagsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  created_at: number;
}

export interface EventTagLinksTable {
  account_id: number;
  event_id: number;
  tag_id: number;
}

/** A ticket (registration type) of an event. */
export interface EventTicketsTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  title: string;
  description: string | null;
  /** 0 = no limit. */
  capacity: number;
  amount_cents: number;
  is_tax_free: number;
  /** Sold to exhibitors rather than delegates. */
  is_exhibitor: number;
  sort_order: number;
  created_at: number;
  modified_at: number;
}

/** Subscription groups a ticket's buyers join (get-event-list.md, Subscription group details). */
export interface EventTicketGroupsTable {
  account_id: number;
  ticket_id: number;
  group_id: number;
}

/** get-event-list.md, Event website information details. */
export interface EventInformationTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  description: string;
  information: string;
  file_url: string | null;
  sort_order: number;
}

export interface EventSessionsTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  name: string;
  start_at: number;
  end_at: number;
  description: string | null;
  room_id: number | null;
  is_optional: number;
  max_capacity: number;
  cost_cents: number;
  is_tax_free: number;
  auto_close_at: number | null;
  setup_minutes: number;
  breakdown_minutes: number;
  show_in_agenda: number;
  show_time: number;
  only_for_certain_tickets: number;
  notes: string | null;
  setup_notes: string | null;
  allow_guests: number;
  created_at: number;
  modified_at: number;
}

export interface EventSessionSpeakersTable {
  account_id: number;
  session_id: number;
  speaker_id: number;
}

export interface EventSessionTicketsTable {
  account_id: number;
  session_id: number;
  ticket_id: number;
}

export interface EventSpeakersTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  full_name: string;
  organisation: string | null;
  position: string | null;
  profile_description: string | null;
  profile_image_url: string | null;
  created_at: number;
  modified_at: number;
}

export interface EventSponsorsTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  name: string;
  description: string | null;
  website_address: string | null;
  logo_image_url: string | null;
  level: number;
  custom_level_id: number | null;
  amount_cents: number;
  amount_paid_cents: number;
  created_at: number;
  modified_at: number;
}

/** An invitation of a contact to an event (one per event and contact). */
export interface EventInvitationsTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  contact_id: number;
  /** U undecided, Y yes, N no. */
  response: string;
  /** The contact's registration for the event, once they registered. */
  registration_id: number | null;
  /** Random secret of the yes/no links; compared in constant time (tokens.ts). */
  token: string;
  responded_at: number | null;
  created_at: number;
  modified_at: number;
}

export interface EventRegistrationsTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  /** The main contact (who registered). */
  contact_id: number | null;
  is_exhibitor: number;
  /** registrations/status.ts: 1 in progress, 2 completed, 3 cancelled, 4 payment required. */
  status: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  privacy_consent_source: number | null;
  privacy_consent_at: number | null;
  /** Random secret of the ticket print URLs. */
  ticket_token: string;
  completed_at: number | null;
  cancelled_at: number | null;
  created_at: number;
  modified_at: number;
}

export interface EventAttendeesTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  registration_id: number;
  contact_id: number | null;
  ticket_id: number | null;
  first_name: string;
  last_name: string;
  email: string | null;
  privacy_consent_source: number | null;
  privacy_consent_at: number | null;
  is_public: number;
  /** Globally unique, random: what the door scanner reads. */
  barcode: string;
  cost_cents: number;
  /** JSON array of {name, value}. */
  custom_fields: string;
  has_attended: number;
  attended_at: number | null;
  created_at: number;
  modified_at: number;
}

/** The sessions an attendee reserved or attended. */
export interface EventAttendeeSessionsTable {
  account_id: number;
  attendee_id: number;
  session_id: number;
  is_reserved: number;
  has_attended: number;
  attended_at: number | null;
}

/** createLoginToken: single use, expiring, stored as a SHA-256 hash. */
export interface EventLoginTokensTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  contact_id: number;
  token_hash: string;
  referrer: string | null;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

/** A contact signed in to an event's registration pages (cookie value stored hashed). */
export interface EventWebSessionsTable {
  id: Generated<number>;
  account_id: number;
  event_id: number;
  contact_id: number;
  token_hash: string;
  expires_at: number;
  created_at: number;
}

declare module '../../storage/schema.js' {
  interface Database {
    events: EventsTable;
    event_tags: EventTagsTable;
    event_tag_links: EventTagLinksTable;
    event_tickets: EventTicketsTable;
    event_ticket_groups: EventTicketGroupsTable;
    event_information: EventInformationTable;
    event_sessions: EventSessionsTable;
    event_session_speakers: EventSessionSpeakersTable;
    event_session_tickets: EventSessionTicketsTable;
    event_speakers: EventSpeakersTable;
    event_sponsors: EventSponsorsTable;
    event_invitations: EventInvitationsTable;
    event_registrations: EventRegistrationsTable;
    event_attendees: EventAttendeesTable;
    event_attendee_sessions: EventAttendeeSessionsTable;
    event_login_tokens: EventLoginTokensTable;
    event_web_sessions: EventWebSessionsTable;
  }
}
