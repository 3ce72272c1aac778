/**
 * Storage of the people and notes of a booking: its attendees (with the menu items each chose)
 * and its notes. Conventions are those of storage/schema.ts (epoch-ms `*_at`, 0/1 booleans,
 * JSON as text).
 */
import type { Generated } from 'kysely';

export interface BookingAttendeesTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  /**
   * 128 random bits as 32 hex digits (attendee-hash.ts): what a catering website link carries,
   * so it must not be guessable from ids or times. Unique across all accounts.
   */
  hash: string;
  first_name: string;
  last_name: string;
  phone: string;
  email: string;
  dietary_requirement: string | null;
  /** Set by the catering website; attendees added through the API are not from it. */
  is_from_catering_website: Generated<number>;
  created_at: number;
  modified_at: number;
}

/** One menu item an attendee chose: an item served by a menu of one of the booking's sessions. */
export interface BookingAttendeeMenuItemsTable {
  id: Generated<number>;
  account_id: number;
  attendee_id: number;
  session_id: number;
  /** The venue menu (venue_menus.id), as addOrUpdateBookingSessionMenu's menuId names it. */
  menu_id: number;
  /** The menu item (venue_menu_items.id). */
  inventory_id: number;
  /** The position in the attendee's menuItems. */
  sort_order: number;
}

export interface BookingNotesTable {
  id: Generated<number>;
  account_id: number;
  venue_id: number;
  booking_id: number;
  /** note-types.ts */
  type_id: number;
  description: string;
  is_private: number;
  /** JSON arrays of what the note is about (the ones its type takes; the others are `[]`). */
  booking_days: string;
  accommodation_ids: string;
  session_ids: string;
  menu_ids: string;
  beverage_ids: string;
  resource_ids: string;
  product_ids: string;
  /** JSON array of Template Applies To codes: 1 BEO, 2 Quotes & Contracts, 3 Resume. */
  apply_to_templates: string;
  /** The user of the key that added the note; null for keys without one. */
  created_by_user_id: number | null;
  created_at: number;
  modified_at: number;
}

declare module '../../../storage/schema.js' {
  interface Database {
    booking_attendees: BookingAttendeesTable;
    booking_attendee_menu_items: BookingAttendeeMenuItemsTable;
    booking_notes: BookingNotesTable;
  }
}
