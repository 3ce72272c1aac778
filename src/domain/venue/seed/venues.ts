/**
 * Three venues of different kinds, in two groups: a city hotel with guest rooms, a conference
 * centre with combinable spaces, and a restaurant that hosts functions. Venues hold a few
 * contacts and companies each (the venueId filters of the contact lists).
 */
import { createHash } from 'node:crypto';
import type { SeedContext } from '../../../seed/types.js';
import type { SeededVenue, VenueKind } from './types.js';

interface Plan {
  kind: VenueKind;
  name: string;
  group: string;
  identifier: string;
  timezone: string;
  city: string;
  stateCode: string;
  postalCode: string;
  street: string;
  latitude: number;
  longitude: number;
  hasSpaces: boolean;
  hasAccommodation: boolean;
  inMarketplace: boolean;
  allowsLiveBook: boolean;
  facilities: number[];
  description: string;
  stars: number | null;
}

const PLANS: readonly Plan[] = [
  {
    kind: 'hotel',
    name: 'Harbourside Grand Hotel',
    group: 'Harbour Collection',
    identifier: 'HGH',
    timezone: 'Australia/Sydney',
    city: 'Sydney',
    stateCode: 'NSW',
    postalCode: '2000',
    street: '12 Circular Quay West',
    latitude: -33.8587,
    longitude: 151.2094,
    hasSpaces: true,
    hasAccommodation: true,
    inMarketplace: true,
    allowsLiveBook: true,
    facilities: [1, 6, 14, 15, 25, 28, 31, 36],
    description: '<p>A harbourfront hotel with 180 rooms, a ballroom that divides in three and a rooftop terrace.</p>',
    stars: 5,
  },
  {
    kind: 'conference',
    name: 'Riverbank Convention Centre',
    group: 'Harbour Collection',
    identifier: 'RCC',
    timezone: 'Australia/Brisbane',
    city: 'Brisbane',
    stateCode: 'QLD',
    postalCode: '4101',
    street: '1 Grey Street',
    latitude: -27.4748,
    longitude: 153.0186,
    hasSpaces: true,
    hasAccommodation: false,
    inMarketplace: true,
    allowsLiveBook: false,
    facilities: [1, 3, 6, 9, 15, 24, 35, 36],
    description: '<p>Exhibition halls and meeting rooms on the river, combinable into one 2,000-seat plenary.</p>',
    stars: null,
  },
  {
    kind: 'restaurant',
    name: 'The Olive Grove',
    group: 'Independent Venues',
    identifier: 'TOG',
    timezone: 'Australia/Melbourne',
    city: 'Melbourne',
    stateCode: 'VIC',
    postalCode: '3000',
    street: '88 Flinders Lane',
    latitude: -37.8162,
    longitude: 144.9676,
    hasSpaces: true,
    hasAccommodation: false,
    inMarketplace: false,
    allowsLiveBook: false,
    facilities: [4, 19, 25, 39],
    description: '<p>A restaurant with a private dining room and a garden courtyard for functions.</p>',
    stars: null,
  },
];

export async function seedVenues(ctx: SeedContext): Promise<{ venues: SeededVenue[]; counts: Record<string, number> }> {
  const { store, faker, now } = ctx;
  return store.transaction(async (tx) => {
    const groups = new Map<string, number>();
    const venues: SeededVenue[] = [];
    for (const plan of PLANS) {
      let groupId = groups.get(plan.group);
      if (groupId === undefined) {
        const row = await tx.insertInto('venue_groups', { name: plan.group, created_at: now, modified_at: now }).returning('id').executeTakeFirstOrThrow();
        groupId = row.id;
        groups.set(plan.group, groupId);
      }
      const slug = plan.name.toLowerCase().replace(/[^a-z]+/g, '');
      const row = await tx
        .insertInto('venues', {
          group_id: groupId,
          // Unique across accounts (public links use it): the seeded draw, made the account's own.
          hash_id: createHash('sha256').update(`${tx.accountId}:${faker.string.hexadecimal({ length: 32, prefix: '' })}`).digest('hex').slice(0, 32),
          business_name: plan.name,
          business_number: faker.string.numeric(11),
          venue_identifier: plan.identifier,
          phone: faker.phone.number({ style: 'national' }),
          fax: null,
          website: `https://www.${slug}.example`,
          email: `events@${slug}.example`,
          description: plan.description,
          checkin_time: plan.hasAccommodation ? '14:00:00' : null,
          checkout_time: plan.hasAccommodation ? '10:00:00' : null,
          child_age: plan.hasAccommodation ? 12 : 0,
          infant_age: plan.hasAccommodation ? 2 : 0,
          currency_code: 'AUD',
          locale_code: 'en_AU',
          timezone: plan.timezone,
          has_spaces: plan.hasSpaces ? 1 : 0,
          has_accommodation: plan.hasAccommodation ? 1 : 0,
          longitude: plan.longitude,
          latitude: plan.latitude,
          address_line1: plan.street,
          address_line2: null,
          address_line3: null,
          address_line4: null,
          address_city: plan.city,
          address_state_code: plan.stateCode,
          address_state_name: null,
          address_country_code: 'AU',
          address_postal_code: plan.postalCode,
          is_tax_exclusive: 0,
          has_distribution_channel: plan.hasAccommodation ? 1 : 0,
          in_marketplace: plan.inMarketplace ? 1 : 0,
          allows_live_book: plan.allowsLiveBook ? 1 : 0,
          airport_name: plan.kind === 'hotel' ? 'Sydney Kingsford Smith' : null,
          airport_distance: plan.kind === 'hotel' ? '9 km' : null,
          star_rating: plan.stars,
          rating_authority: plan.stars === null ? null : 1,
          facilities: JSON.stringify(plan.facilities),
          video_urls: '[]',
          enable_multi_occupancy: plan.hasAccommodation ? 1 : 0,
          created_at: now,
          modified_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      venues.push({ id: row.id, kind: plan.kind, name: plan.name, timezone: plan.timezone, currency: 'AUD' });
    }

    // Each venue deals with some of the account's contacts and companies.
    const contacts = (await tx.selectFrom('contacts').select('id').orderBy('id').execute()).map((r) => r.id);
    const companies = (await tx.selectFrom('companies').select('id').orderBy('id').execute()).map((r) => r.id);
    let links = 0;
    for (const venue of venues) {
      const someContacts = faker.helpers.arrayElements(contacts, Math.min(contacts.length, faker.number.int({ min: 10, max: 30 })));
      const someCompanies = faker.helpers.arrayElements(companies, Math.min(companies.length, faker.number.int({ min: 2, max: 6 })));
      if (someContacts.length > 0) {
        await tx.insertInto('venue_contacts', someContacts.map((contact_id) => ({ venue_id: venue.id, contact_id, created_at: now }))).execute();
      }
      if (someCompanies.length > 0) {
        await tx.insertInto('venue_companies', someCompanies.map((company_id) => ({ venue_id: venue.id, company_id, created_at: now }))).execute();
      }
      links += someContacts.length + someCompanies.length;
    }
    return { venues, counts: { venueGroups: groups.size, venues: venues.length, venueContactLinks: links } };
  });
}
