/**
 * Storage of the venue namespace's core: venue groups, venues, and which contacts and
 * companies a venue deals with. The setup areas (spaces, rooms, catalogue) declare their own
 * tables next to their code. Conventions are those of storage/schema.ts (epoch-ms `*_at`,
 * 0/1 booleans, JSON as text, money in cents).
 */
import type { Generated } from 'kysely';

export interface VenueGroupsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  created_at: number;
  modified_at: number;
}

export interface VenuesTable {
  id: Generated<number>;
  account_id: number;
  group_id: number | null;
  /** 32 hex characters: the venue's public identifier (instant-book links, partner pages). */
  hash_id: string;
  business_name: string;
  business_number: string | null;
  venue_identifier: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  email: string | null;
  description: string | null;
  /** `hh:mm:ss`, venue local time. */
  checkin_time: string | null;
  checkout_time: string | null;
  child_age: number;
  infant_age: number;
  currency_code: string;
  locale_code: string;
  /** IANA zone: every time of the venue's day (availability, stays) is local to it. */
  timezone: string;
  has_spaces: number;
  has_accommodation: number;
  longitude: number | null;
  latitude: number | null;
  address_line1: string | null;
  address_line2: string | null;
  address_line3: string | null;
  address_line4: string | null;
  address_city: string | null;
  address_state_code: string | null;
  address_state_name: string | null;
  address_country_code: string | null;
  address_postal_code: string | null;
  is_tax_exclusive: number;
  has_distribution_channel: number;
  /** Listed in the partner marketplace (partner namespace). */
  in_marketplace: number;
  allows_live_book: number;
  airport_name: string | null;
  airport_distance: string | null;
  star_rating: number | null;
  /** 1 AAA rated, 2 self rated. */
  rating_authority: number | null;
  /** JSON array of facility codes (get-venue.md, facilities). */
  facilities: string;
  /** JSON array of URLs. */
  video_urls: string;
  enable_multi_occupancy: number;
  created_at: number;
  modified_at: number;
}

/** Contacts a venue deals with (the venueId / venueGroupId filters of getContactList). */
export interface VenueContactsTable {
  account_id: number;
  venue_id: number;
  contact_id: number;
  created_at: number;
}

/** Companies a venue deals with (the venueId / venueGroupId filters of getCompanyList). */
export interface VenueCompaniesTable {
  account_id: number;
  venue_id: number;
  company_id: number;
  created_at: number;
}

declare module '../../storage/schema.js' {
  interface Database {
    venue_groups: VenueGroupsTable;
    venues: VenuesTable;
    venue_contacts: VenueContactsTable;
    venue_companies: VenueCompaniesTable;
  }
}
