/** Arranging venues for tests, straight into the account's tables. */
import { randomBytes } from 'node:crypto';
import type { Scope } from '../../../src/storage/scope.js';

export async function addVenueGroup(store: Scope, name: string): Promise<number> {
  const now = Date.now();
  return (await store.insertInto('venue_groups', { name, created_at: now, modified_at: now }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function addVenue(
  store: Scope,
  fields: { name: string; groupId?: number | null; timezone?: string; inMarketplace?: boolean; allowsLiveBook?: boolean },
): Promise<number> {
  const now = Date.now();
  const row = await store
    .insertInto('venues', {
      group_id: fields.groupId ?? null,
      hash_id: randomBytes(16).toString('hex'),
      business_name: fields.name,
      business_number: null,
      venue_identifier: null,
      phone: null,
      fax: null,
      website: null,
      email: null,
      description: null,
      checkin_time: null,
      checkout_time: null,
      child_age: 0,
      infant_age: 0,
      currency_code: 'AUD',
      locale_code: 'en_AU',
      timezone: fields.timezone ?? 'Australia/Sydney',
      has_spaces: 1,
      has_accommodation: 0,
      longitude: null,
      latitude: null,
      address_line1: null,
      address_line2: null,
      address_line3: null,
      address_line4: null,
      address_city: 'Sydney',
      address_state_code: 'NSW',
      address_state_name: null,
      address_country_code: 'AU',
      address_postal_code: '2000',
      is_tax_exclusive: 0,
      has_distribution_channel: 0,
      in_marketplace: fields.inMarketplace ? 1 : 0,
      allows_live_book: fields.allowsLiveBook ? 1 : 0,
      airport_name: null,
      airport_distance: null,
      star_rating: null,
      rating_authority: null,
      facilities: '[]',
      video_urls: '[]',
      enable_multi_occupancy: 0,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function linkToVenue(store: Scope, venueId: number, members: { contacts?: number[]; companies?: number[] }): Promise<void> {
  const now = Date.now();
  for (const contact_id of members.contacts ?? []) await store.insertInto('venue_contacts', { venue_id: venueId, contact_id, created_at: now }).execute();
  for (const company_id of members.companies ?? []) await store.insertInto('venue_companies', { venue_id: venueId, company_id, created_at: now }).execute();
}
