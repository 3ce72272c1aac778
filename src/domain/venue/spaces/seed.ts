/**
 * Seed data of the venue spaces area: per kind of venue, categories, function spaces with
 * layouts (the hotel's ballroom and the conference centre's hall divide in three, two of the
 * centre's meeting rooms open into one), resources, and blockouts over the coming weeks — one
 * of them on a part of a divisible space, so a combination is unavailable while no blockout
 * names it. Choices of days come from ctx.faker, so a seed run is the same for the same seed.
 */
import type { Scope } from '../../../storage/scope.js';
import type { SeededVenue, VenueKind, VenueSeedContext } from '../seed/types.js';
import { addBlockout } from './blockouts/store.js';
import { LAYOUT_TYPE_NAMES, type LayoutType } from './layout-types.js';
import { addDays, localDate, wallToInstant, zoneOf } from './venue-time.js';

interface LayoutPlan {
  type: LayoutType;
  max: number;
  setup?: number;
  takedown?: number;
}

interface SpacePlan {
  name: string;
  category: string;
  description: string;
  area: number;
  length: number;
  width: number;
  height: number;
  minPax: number;
  maxPax: number;
  layouts: LayoutPlan[];
  /** Names of the spaces this one is made of. */
  parts?: string[];
  marketplaceEventTypes: number[];
  liveBook?: boolean;
}

interface ResourcePlan {
  name: string;
  code: string;
  category: string;
  quantity: number | null;
  hourly: number;
  daily: number;
  byHour: boolean;
  description: string;
  /** Names of the only spaces it may be used in. */
  onlyIn?: string[];
  subResources?: Array<{ name: string; code: string; quantity: number }>;
}

interface BlockoutPlan {
  space: string;
  name: string;
  /** Days from today the blockout may start on (picked with faker). */
  days: [number, number];
  startHour: number;
  hours: number;
}

interface VenuePlan {
  categories: string[];
  spaces: SpacePlan[];
  resourceCategories: string[];
  resources: ResourcePlan[];
  blockouts: BlockoutPlan[];
}

const EVENT = 11;
const WEDDING = 21;
const CONFERENCE = 31;
const MEETING = 41;

const ballroomPart = (n: number): SpacePlan => ({
  name: `Ballroom ${n}`,
  category: 'Ballroom',
  description: `<p>One third of the Grand Ballroom, with its own entrance from the pre-function foyer.</p>`,
  area: 220,
  length: 20,
  width: 11,
  height: 5.5,
  minPax: 10,
  maxPax: 250,
  layouts: [
    { type: 1, max: 250, setup: 60, takedown: 30 },
    { type: 2, max: 120, setup: 90, takedown: 45 },
    { type: 4, max: 120, setup: 90, takedown: 45 },
    { type: 6, max: 160, setup: 120, takedown: 60 },
    { type: 7, max: 250, setup: 30, takedown: 30 },
  ],
  marketplaceEventTypes: [EVENT, CONFERENCE],
});

const hall = (letter: string): SpacePlan => ({
  name: `Hall ${letter}`,
  category: 'Exhibition halls',
  description: `<p>Column-free exhibition hall with drive-in access, one third of the Great Hall.</p>`,
  area: 1000,
  length: 40,
  width: 25,
  height: 10,
  minPax: 50,
  maxPax: 1200,
  layouts: [
    { type: 1, max: 900, setup: 180, takedown: 120 },
    { type: 2, max: 500, setup: 240, takedown: 120 },
    { type: 6, max: 600, setup: 240, takedown: 180 },
    { type: 7, max: 1200, setup: 120, takedown: 60 },
    { type: 9, max: 1000, setup: 480, takedown: 360 },
  ],
  marketplaceEventTypes: [EVENT, CONFERENCE],
});

const meetingRoom = (n: number): SpacePlan => ({
  name: `Meeting Room ${n}`,
  category: 'Meeting rooms',
  description: '<p>Natural light, river views and built-in AV.</p>',
  area: 80,
  length: 10,
  width: 8,
  height: 3.2,
  minPax: 4,
  maxPax: 70,
  layouts: [
    { type: 1, max: 70, setup: 30, takedown: 15 },
    { type: 2, max: 40, setup: 45, takedown: 30 },
    { type: 3, max: 24, setup: 45, takedown: 30 },
    { type: 5, max: 20, setup: 30, takedown: 15 },
  ],
  marketplaceEventTypes: [MEETING, CONFERENCE],
  liveBook: true,
});

const PLANS: Readonly<Record<VenueKind, VenuePlan>> = {
  hotel: {
    categories: ['Ballroom', 'Meeting rooms', 'Outdoor'],
    spaces: [
      ballroomPart(1),
      ballroomPart(2),
      ballroomPart(3),
      {
        name: 'Grand Ballroom',
        category: 'Ballroom',
        description: '<p>The hotel’s pillarless ballroom, dividing into three soundproofed rooms.</p>',
        area: 660,
        length: 33,
        width: 20,
        height: 5.5,
        minPax: 100,
        maxPax: 800,
        layouts: [
          { type: 1, max: 750, setup: 120, takedown: 60 },
          { type: 2, max: 360, setup: 180, takedown: 90 },
          { type: 4, max: 360, setup: 180, takedown: 90 },
          { type: 6, max: 500, setup: 180, takedown: 120 },
          { type: 7, max: 800, setup: 60, takedown: 60 },
        ],
        parts: ['Ballroom 1', 'Ballroom 2', 'Ballroom 3'],
        marketplaceEventTypes: [EVENT, WEDDING, CONFERENCE],
      },
      {
        name: 'Rooftop Terrace',
        category: 'Outdoor',
        description: '<p>Open-air terrace over the harbour, with a retractable awning.</p>',
        area: 300,
        length: 25,
        width: 12,
        height: 4,
        minPax: 20,
        maxPax: 250,
        layouts: [
          { type: 7, max: 250, setup: 60, takedown: 60 },
          { type: 6, max: 140, setup: 120, takedown: 60 },
        ],
        marketplaceEventTypes: [EVENT, WEDDING],
      },
      {
        name: 'Harbour Boardroom',
        category: 'Meeting rooms',
        description: '<p>Executive boardroom with video conferencing.</p>',
        area: 60,
        length: 10,
        width: 6,
        height: 3,
        minPax: 2,
        maxPax: 16,
        layouts: [
          { type: 5, max: 16, setup: 15, takedown: 15 },
          { type: 3, max: 14, setup: 30, takedown: 15 },
        ],
        marketplaceEventTypes: [MEETING],
        liveBook: true,
      },
    ],
    resourceCategories: ['Audio visual', 'Staging', 'Furniture'],
    resources: [
      { name: 'Data projector and screen', code: 'AV-PROJ', category: 'Audio visual', quantity: 6, hourly: 45, daily: 180, byHour: true, description: '5,000 lumen projector with 3 m screen' },
      { name: 'Wireless microphone', code: 'AV-MIC', category: 'Audio visual', quantity: 12, hourly: 15, daily: 60, byHour: true, description: 'Handheld or lapel' },
      { name: 'Lectern with microphone', code: 'AV-LECT', category: 'Audio visual', quantity: 3, hourly: 0, daily: 75, byHour: false, description: 'Timber lectern, gooseneck microphone' },
      {
        name: 'Video conference kit',
        code: 'AV-VC',
        category: 'Audio visual',
        quantity: 2,
        hourly: 60,
        daily: 250,
        byHour: true,
        description: 'Camera, speakerphone and 75" display',
        subResources: [
          { name: 'Conference camera', code: 'AV-VC-CAM', quantity: 2 },
          { name: 'Speakerphone', code: 'AV-VC-SPK', quantity: 2 },
        ],
      },
      { name: 'Staging panel 2.4 m x 1.2 m', code: 'ST-PANEL', category: 'Staging', quantity: 24, hourly: 0, daily: 55, byHour: false, description: 'Carpeted, 400 mm or 600 mm high' },
      { name: 'Dance floor', code: 'FU-DANCE', category: 'Furniture', quantity: 1, hourly: 0, daily: 650, byHour: false, description: 'Parquetry, 8 m x 8 m', onlyIn: ['Ballroom 1', 'Ballroom 2', 'Ballroom 3', 'Grand Ballroom'] },
      { name: 'Flipchart', code: 'FU-FLIP', category: 'Furniture', quantity: 10, hourly: 0, daily: 25, byHour: false, description: 'With paper and markers' },
    ],
    blockouts: [
      { space: 'Ballroom 2', name: 'Chandelier maintenance', days: [4, 10], startHour: 7, hours: 10 },
      { space: 'Rooftop Terrace', name: 'Closed for private hire', days: [6, 14], startHour: 17, hours: 6 },
      { space: 'Harbour Boardroom', name: 'Refurbishment', days: [15, 25], startHour: 0, hours: 72 },
    ],
  },
  conference: {
    categories: ['Exhibition halls', 'Meeting rooms', 'Boardrooms'],
    spaces: [
      hall('A'),
      hall('B'),
      hall('C'),
      {
        name: 'Great Hall',
        category: 'Exhibition halls',
        description: '<p>Halls A, B and C opened into one 3,000 m² plenary and exhibition space.</p>',
        area: 3000,
        length: 120,
        width: 25,
        height: 10,
        minPax: 300,
        maxPax: 3500,
        layouts: [
          { type: 1, max: 2000, setup: 360, takedown: 240 },
          { type: 6, max: 1800, setup: 480, takedown: 360 },
          { type: 7, max: 3500, setup: 240, takedown: 120 },
          { type: 9, max: 3000, setup: 720, takedown: 480 },
        ],
        parts: ['Hall A', 'Hall B', 'Hall C'],
        marketplaceEventTypes: [EVENT, CONFERENCE],
      },
      meetingRoom(1),
      meetingRoom(2),
      {
        name: 'Meeting Rooms 1 & 2',
        category: 'Meeting rooms',
        description: '<p>Meeting Rooms 1 and 2 with the operable wall open.</p>',
        area: 160,
        length: 20,
        width: 8,
        height: 3.2,
        minPax: 10,
        maxPax: 150,
        layouts: [
          { type: 1, max: 150, setup: 45, takedown: 30 },
          { type: 2, max: 80, setup: 60, takedown: 30 },
          { type: 4, max: 72, setup: 60, takedown: 45 },
        ],
        parts: ['Meeting Room 1', 'Meeting Room 2'],
        marketplaceEventTypes: [MEETING, CONFERENCE],
      },
      {
        name: 'River Boardroom',
        category: 'Boardrooms',
        description: '<p>Boardroom on the river terrace level.</p>',
        area: 50,
        length: 9,
        width: 5.5,
        height: 3,
        minPax: 2,
        maxPax: 14,
        layouts: [{ type: 5, max: 14, setup: 15, takedown: 15 }],
        marketplaceEventTypes: [MEETING],
        liveBook: true,
      },
    ],
    resourceCategories: ['Audio visual', 'Staging', 'Exhibition'],
    resources: [
      { name: 'Data projector and screen', code: 'AV-PROJ', category: 'Audio visual', quantity: 20, hourly: 50, daily: 200, byHour: true, description: 'Laser projector, 4 m screen' },
      { name: 'Wireless microphone', code: 'AV-MIC', category: 'Audio visual', quantity: 40, hourly: 15, daily: 60, byHour: true, description: 'Handheld or lapel' },
      { name: 'Lectern with microphone', code: 'AV-LECT', category: 'Audio visual', quantity: 8, hourly: 0, daily: 75, byHour: false, description: 'Acrylic lectern with confidence monitor' },
      { name: 'Staging panel 2.4 m x 1.2 m', code: 'ST-PANEL', category: 'Staging', quantity: 60, hourly: 0, daily: 55, byHour: false, description: 'Black skirted, adjustable height' },
      { name: 'Shell scheme booth 3 m x 3 m', code: 'EX-BOOTH', category: 'Exhibition', quantity: 120, hourly: 0, daily: 420, byHour: false, description: 'Walls, fascia, two spotlights and power', onlyIn: ['Hall A', 'Hall B', 'Hall C', 'Great Hall'] },
      { name: 'Pipe and drape (per 3 m)', code: 'EX-DRAPE', category: 'Exhibition', quantity: null, hourly: 0, daily: 35, byHour: false, description: 'Black drape, any length' },
    ],
    blockouts: [
      { space: 'Hall B', name: 'Carpet replacement', days: [3, 10], startHour: 6, hours: 40 },
      { space: 'Meeting Room 2', name: 'AV upgrade', days: [2, 8], startHour: 8, hours: 5 },
      { space: 'Great Hall', name: 'Venue rehearsal', days: [12, 20], startHour: 9, hours: 8 },
    ],
  },
  restaurant: {
    categories: ['Dining'],
    spaces: [
      {
        name: 'Private Dining Room',
        category: 'Dining',
        description: '<p>A private room off the main dining room, with its own sommelier.</p>',
        area: 70,
        length: 11,
        width: 6.5,
        height: 3.4,
        minPax: 8,
        maxPax: 60,
        layouts: [
          { type: 6, max: 40, setup: 60, takedown: 30 },
          { type: 7, max: 60, setup: 30, takedown: 30 },
          { type: 5, max: 20, setup: 30, takedown: 15 },
        ],
        marketplaceEventTypes: [EVENT, WEDDING],
      },
      {
        name: 'Courtyard',
        category: 'Dining',
        description: '<p>A garden courtyard under the olive trees, heated in winter.</p>',
        area: 150,
        length: 15,
        width: 10,
        height: 0,
        minPax: 20,
        maxPax: 120,
        layouts: [
          { type: 7, max: 120, setup: 45, takedown: 45 },
          { type: 6, max: 80, setup: 90, takedown: 60 },
        ],
        marketplaceEventTypes: [EVENT, WEDDING],
      },
    ],
    resourceCategories: ['Equipment'],
    resources: [
      { name: 'Portable PA system', code: 'EQ-PA', category: 'Equipment', quantity: 1, hourly: 0, daily: 150, byHour: false, description: 'Two speakers and a wireless microphone' },
      { name: 'Outdoor heater', code: 'EQ-HEAT', category: 'Equipment', quantity: 6, hourly: 0, daily: 40, byHour: false, description: 'Gas patio heater', onlyIn: ['Courtyard'] },
      { name: 'Screen and projector', code: 'EQ-PROJ', category: 'Equipment', quantity: 1, hourly: 20, daily: 90, byHour: true, description: 'For speeches and slideshows' },
    ],
    blockouts: [
      { space: 'Courtyard', name: 'Courtyard resurfacing', days: [5, 12], startHour: 0, hours: 24 },
      { space: 'Private Dining Room', name: 'Staff training', days: [1, 6], startHour: 14, hours: 3 },
    ],
  },
};

const ZERO = { functionSpaceCategories: 0, functionSpaces: 0, functionSpaceLayouts: 0, resources: 0, spaceBlockouts: 0 };
type Counts = typeof ZERO;

async function seedVenue(tx: Scope, ctx: VenueSeedContext, venue: SeededVenue, plan: VenuePlan, bookedBy: number | null): Promise<Counts> {
  const { now, faker } = ctx;
  const stamp = { created_at: now, modified_at: now };
  const counts = { ...ZERO };

  const categories = new Map<string, number>();
  for (const name of plan.categories) {
    const row = await tx.insertInto('function_space_categories', { venue_id: venue.id, name, ...stamp }).returning('id').executeTakeFirstOrThrow();
    categories.set(name, row.id);
  }
  counts.functionSpaceCategories = categories.size;

  const spaces = new Map<string, number>();
  for (const [i, s] of plan.spaces.entries()) {
    const row = await tx
      .insertInto('function_spaces', {
        venue_id: venue.id,
        category_id: categories.get(s.category) ?? null,
        name: s.name,
        description: s.description,
        image_id: null,
        has_layouts: 1,
        min_pax: s.minPax,
        max_pax: s.maxPax,
        max_num_bookings: 1,
        area: s.area,
        length: s.length,
        width: s.width,
        height_maximum: s.height > 0 ? s.height : null,
        height_minimum: s.height > 0 ? s.height : null,
        floor_pressure_maximum: s.parts || s.category === 'Exhibition halls' ? 1500 : 500,
        floor_pressure_minimum: null,
        included_in_report_dashboard: 1,
        three_d_scan_id: '',
        use_integration_partner: 0,
        is_viewable: 1,
        marketplace_name: `${venue.name} – ${s.name}`,
        marketplace_event_types: JSON.stringify(s.marketplaceEventTypes),
        can_be_live_booked: s.liveBook ? 1 : 0,
        can_provide_food_beverage: 1,
        menu_type_ids: '[]',
        beverage_category_ids: '[]',
        available_from_time: s.liveBook ? '07:00:00' : null,
        available_till_time: s.liveBook ? '22:00:00' : null,
        minimum_booking_time: s.liveBook ? 2 : null,
        restrict_booking_time_interval: s.liveBook ? 30 : null,
        available_days_of_week: s.liveBook ? '[1,2,3,4,5]' : '[]',
        display_availability_to: null,
        restrict_visibility: null,
        user_group_ids: '[]',
        is_viewable_to_anonymous_users: 1,
        sort_order: i + 1,
        marketplace_sort_order: i + 1,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    spaces.set(s.name, row.id);
    await tx
      .insertInto(
        'function_space_layouts',
        s.layouts.map((l) => ({
          space_id: row.id,
          type: l.type,
          name: LAYOUT_TYPE_NAMES[l.type],
          description: null,
          pax_minimum: null,
          pax_maximum: l.max,
          setup_minutes: l.setup ?? 0,
          takedown_minutes: l.takedown ?? 0,
          ...stamp,
        })),
      )
      .execute();
    counts.functionSpaceLayouts += s.layouts.length;
    if (s.parts) {
      await tx.insertInto('function_space_parts', s.parts.map((part) => ({ space_id: row.id, part_id: spaces.get(part)! }))).execute();
    }
  }
  counts.functionSpaces = spaces.size;

  const resourceCategories = new Map<string, number>();
  for (const name of plan.resourceCategories) {
    const row = await tx.insertInto('resource_categories', { venue_id: venue.id, name, ...stamp }).returning('id').executeTakeFirstOrThrow();
    resourceCategories.set(name, row.id);
  }
  const resource = async (r: Omit<ResourcePlan, 'subResources'>, parentId: number | null) => {
    const row = await tx
      .insertInto('resources', {
        venue_id: venue.id,
        category_id: resourceCategories.get(r.category) ?? null,
        parent_id: parentId,
        name: r.name,
        code: r.code,
        short_description: r.description,
        long_description: null,
        quantity: r.quantity,
        can_book_by_hour: r.byHour ? 1 : 0,
        hourly_cost: Math.round(r.hourly * 100),
        hourly_cost_excluded_tax_ids: '[]',
        daily_cost: Math.round(r.daily * 100),
        daily_cost_excluded_tax_ids: '[]',
        is_restricted_to_spaces: r.onlyIn ? 1 : 0,
        cost_center_id: null,
        is_viewable: 1,
        ...stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.onlyIn) {
      await tx.insertInto('resource_spaces', r.onlyIn.map((name) => ({ resource_id: row.id, space_id: spaces.get(name)! }))).execute();
    }
    counts.resources += 1;
    return row.id;
  };
  for (const r of plan.resources) {
    const id = await resource(r, null);
    for (const sub of r.subResources ?? []) {
      await resource({ ...r, ...sub, hourly: 0, daily: 0, byHour: r.byHour, description: '', onlyIn: undefined }, id);
    }
  }

  const zone = zoneOf(venue.timezone);
  const today = localDate(zone, now);
  for (const b of plan.blockouts) {
    const day = addDays(today, faker.number.int({ min: b.days[0], max: b.days[1] }));
    const startsAt = wallToInstant(zone, Date.parse(`${day}T00:00:00Z`) + b.startHour * 3_600_000);
    const endsAt = wallToInstant(zone, Date.parse(`${day}T00:00:00Z`) + (b.startHour + b.hours) * 3_600_000);
    await addBlockout(tx, { venueId: venue.id, spaceId: spaces.get(b.space)!, name: b.name, startsAt, endsAt, bookedById: bookedBy }, now);
    counts.spaceBlockouts += 1;
  }
  return counts;
}

export async function seedSpaces(ctx: VenueSeedContext): Promise<Record<string, number>> {
  return ctx.store.transaction(async (tx) => {
    const user = await tx.selectFrom('users').select('id').orderBy('is_primary', 'desc').orderBy('id').executeTakeFirst();
    const total = { ...ZERO };
    for (const venue of ctx.venues) {
      const counts = await seedVenue(tx, ctx, venue, PLANS[venue.kind], user?.id ?? null);
      for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += counts[key];
    }
    return total;
  });
}
