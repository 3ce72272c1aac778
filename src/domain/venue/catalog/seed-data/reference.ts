/**
 * The account's booking reference data: session types, event types with sub types, and
 * booking custom fields. Event type codes are get-event-type-list.md's marketplace types.
 */
import type { Scope } from '../../../../storage/scope.js';
import type { SeedCounts } from './counter.js';

const SESSION_TYPES = ['Meeting', 'Plenary', 'Breakout', 'Catering', 'Dinner', 'Ceremony', 'Reception', 'Exhibition', 'Bump In / Bump Out'] as const;
export type SessionTypeName = (typeof SESSION_TYPES)[number];

const EVENT_TYPES: ReadonlyArray<{ name: string; marketplace: number; contactType: 0 | 1 | 2; description: string | null; subTypes: string[] }> = [
  { name: 'Conference', marketplace: 4, contactType: 1, description: 'Multi-session conferences with plenary and breakouts', subTypes: ['Association Conference', 'Corporate Conference', 'Academic Symposium'] },
  { name: 'Meeting', marketplace: 8, contactType: 0, description: null, subTypes: ['Board Meeting', 'Training Day', 'Workshop'] },
  { name: 'Wedding', marketplace: 10, contactType: 2, description: 'Ceremonies and receptions', subTypes: ['Ceremony & Reception', 'Reception Only', 'Engagement Party'] },
  { name: 'Christmas Party', marketplace: 2, contactType: 0, description: null, subTypes: ['Christmas Lunch', 'Christmas Eve Dinner'] },
  { name: 'Cocktail Party', marketplace: 3, contactType: 0, description: null, subTypes: [] },
  { name: 'Gala Dinner', marketplace: 6, contactType: 1, description: 'Seated dinners with entertainment and awards', subTypes: ['Awards Night'] },
  { name: 'Product Launch', marketplace: 11, contactType: 1, description: null, subTypes: [] },
  { name: 'Exhibition', marketplace: 7, contactType: 1, description: 'Trade shows and expos', subTypes: ['Trade Show', 'Consumer Expo'] },
  { name: 'Birthday Party', marketplace: 9, contactType: 2, description: null, subTypes: ['21st Birthday', '50th Birthday'] },
  { name: 'Breakfast Seminar', marketplace: 13, contactType: 1, description: null, subTypes: [] },
  { name: 'Long Lunch', marketplace: 14, contactType: 0, description: null, subTypes: [] },
  { name: 'Other', marketplace: 1, contactType: 0, description: null, subTypes: [] },
];

const select = (...options: string[]) => JSON.stringify(Object.fromEntries(options.map((o) => [o, o])));

const CUSTOM_FIELDS = [
  { field_type: 0, display_name: 'Purchase Order Number', is_required: 0, visible_to: 1, tooltip_text: 'The client’s PO, printed on every invoice', is_required_on_marketplace: 0, select_values: null },
  { field_type: 2, display_name: 'Event Style', is_required: 1, visible_to: 1, tooltip_text: '', is_required_on_marketplace: 1, select_values: select('Seated', 'Standing', 'Mixed') },
  { field_type: 3, display_name: 'AV Requirements', is_required: 0, visible_to: 1, tooltip_text: 'Everything the technician should set up', is_required_on_marketplace: 0, select_values: select('Projector & Screen', 'Lectern Microphone', 'Lapel Microphone', 'Stage Lighting', 'Live Streaming') },
  { field_type: 5, display_name: 'Deposit Due Date', is_required: 0, visible_to: 1, tooltip_text: '', is_required_on_marketplace: 0, select_values: null },
  { field_type: 1, display_name: 'Dietary Requirements Summary', is_required: 0, visible_to: 1, tooltip_text: 'Counts per requirement, e.g. 4 vegetarian, 2 coeliac', is_required_on_marketplace: 0, select_values: null },
  { field_type: 10, display_name: 'Run Sheet Notes', is_required: 0, visible_to: 1, tooltip_text: '', is_required_on_marketplace: 0, select_values: null },
  { field_type: 2, display_name: 'Referral Source', is_required: 0, visible_to: 3, tooltip_text: 'Internal only', is_required_on_marketplace: 0, select_values: select('Website', 'Repeat Client', 'Venue Finder', 'Convention Bureau', 'Word of Mouth') },
] as const;

export interface SeededReference {
  sessionTypes: Map<SessionTypeName, number>;
}

export async function seedReference(tx: Scope, now: number, counts: SeedCounts): Promise<SeededReference> {
  const sessionTypes = new Map<SessionTypeName, number>();
  for (const name of SESSION_TYPES) {
    const row = await tx.insertInto('venue_session_types', { name, created_at: now, modified_at: now }).returning('id').executeTakeFirstOrThrow();
    sessionTypes.set(name, row.id);
  }
  counts.add('venueSessionTypes', SESSION_TYPES.length);

  for (const type of EVENT_TYPES) {
    const row = await tx
      .insertInto('venue_event_types', {
        name: type.name,
        description: type.description,
        marketplace_event_type: type.marketplace,
        contact_type: type.contactType,
        is_viewable: type.name === 'Other' ? 0 : 1,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (type.subTypes.length > 0) {
      await tx
        .insertInto(
          'venue_event_sub_types',
          type.subTypes.map((name, sort_order) => ({ event_type_id: row.id, name, sort_order })),
        )
        .execute();
    }
    counts.add('venueEventSubTypes', type.subTypes.length);
  }
  counts.add('venueEventTypes', EVENT_TYPES.length);

  await tx
    .insertInto(
      'venue_booking_custom_fields',
      CUSTOM_FIELDS.map((f, sort_order) => ({ ...f, user_group_ids: '[]', sort_order, created_at: now, modified_at: now })),
    )
    .execute();
  counts.add('venueBookingCustomFields', CUSTOM_FIELDS.length);
  return { sessionTypes };
}
