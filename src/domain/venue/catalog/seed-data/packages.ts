/**
 * Venue packages (event templates) of each kind of venue: day delegate packages, a wedding
 * package, a Christmas party and simple per-person or flat-rate packages. Detailed packages
 * have sessions with the venue's menus, beverage packages, resources (when the spaces area
 * seeded some) and setup requirements; each package's price is split over cost centers.
 */
import { DateTime } from 'luxon';
import type { Scope } from '../../../../storage/scope.js';
import type { SeededVenue, VenueKind } from '../../seed/types.js';
import { hundredths } from '../values.js';
import type { CostCenterKey, CostCenters } from './accounting.js';
import type { Beverages } from './beverages.js';
import type { SeedCounts } from './counter.js';
import type { Menus } from './menus.js';
import type { SessionTypeName } from './reference.js';
import type { SpaceHirePlans } from './space-hire.js';

interface ItemPlan {
  name: string;
  startTime?: string;
  endTime?: string;
  /** Not included: charged on top of the package at this amount. */
  extra?: number;
  numHours?: number;
}

interface SetupPlan {
  name: string;
  min: number;
  max: number;
  options: readonly string[];
}

interface SessionPlan {
  name: string;
  start: string;
  end: string;
  type: SessionTypeName;
  optional?: boolean;
  /** A session not included in the package's price costs this much. */
  extra?: number;
  /** The plan (by code) and room hire type (1 hourly, 2 half day, 3 full day, 4 night, 5 minimum spend). */
  hire?: readonly [string, number];
  menus?: readonly ItemPlan[];
  beverages?: readonly ItemPlan[];
  resource?: boolean;
  setups?: readonly SetupPlan[];
}

interface PackagePlan {
  name: string;
  simple?: boolean;
  /** 1 per person, 2 flat rate. */
  priceMethod: 1 | 2;
  split: ReadonlyArray<readonly [CostCenterKey, price: number, discountPercent?: number]>;
  minPax: number;
  maxPax: number | null;
  times: readonly [string, string];
  description: string;
  eventTypes: number[];
  limitedStartTimes?: string[];
  /** `mm-dd` of this year. */
  dates?: readonly [string, string];
  sessions?: readonly SessionPlan[];
}

const ROOM_SETUP: SetupPlan = { name: 'Room Set-up', min: 1, max: 1, options: ['Theatre', 'Classroom', 'U-Shape', 'Boardroom', 'Cabaret'] };

const delegateSessions = (lunch: string, tea: string, fullDay: boolean): SessionPlan[] => [
  {
    name: fullDay ? 'Morning Session' : 'Half Day Session',
    start: '08:30:00',
    end: '12:30:00',
    type: 'Meeting',
    hire: fullDay ? ['STD', 3] : ['STD', 2],
    menus: [{ name: tea, startTime: '10:30:00', endTime: '10:45:00' }],
    resource: true,
    setups: [ROOM_SETUP],
  },
  { name: 'Lunch', start: '12:30:00', end: '13:30:00', type: 'Catering', menus: [{ name: lunch }] },
  ...(fullDay
    ? [{ name: 'Afternoon Session', start: '13:30:00', end: '17:00:00', type: 'Meeting', hire: ['STD', 3], menus: [{ name: tea, startTime: '15:00:00', endTime: '15:15:00' }], resource: true } satisfies SessionPlan]
    : []),
];

const PACKAGES: Record<VenueKind, readonly PackagePlan[]> = {
  hotel: [
    { name: 'Full Day Delegate Package', priceMethod: 1, split: [['banquetFood', 52], ['roomHire', 30, 10], ['av', 7]], minPax: 10, maxPax: 200, times: ['08:00:00', '17:30:00'], description: 'Room hire, AV, arrival coffee, morning tea, lunch and afternoon tea', eventTypes: [31, 41], sessions: delegateSessions('Working Lunch Buffet', 'Morning Tea Break', true) },
    { name: 'Half Day Delegate Package', priceMethod: 1, split: [['banquetFood', 40], ['roomHire', 24, 10], ['av', 5]], minPax: 10, maxPax: 200, times: ['08:00:00', '13:30:00'], description: 'Four hours of room hire with morning tea and lunch', eventTypes: [41], sessions: delegateSessions('Working Lunch Buffet', 'Morning Tea Break', false) },
    {
      name: 'Wedding Package',
      priceMethod: 1,
      split: [['banquetFood', 120], ['banquetBeverage', 45]],
      minPax: 50,
      maxPax: 300,
      times: ['15:00:00', '23:30:00'],
      description: 'Ceremony on the terrace, five-hour reception with banquet and beverages',
      eventTypes: [21],
      limitedStartTimes: ['15:00:00', '16:00:00', '17:00:00'],
      sessions: [
        { name: 'Ceremony', start: '15:30:00', end: '16:30:00', type: 'Ceremony', optional: true, extra: 1500, hire: ['WED', 1], setups: [{ name: 'Ceremony Styling', min: 0, max: 3, options: ['White Chairs', 'Floral Arbour', 'Aisle Runner'] }] },
        {
          name: 'Reception',
          start: '18:00:00',
          end: '23:00:00',
          type: 'Reception',
          hire: ['WED', 4],
          menus: [{ name: 'Wedding Banquet' }, { name: 'Canapé Selection', startTime: '18:00:00', endTime: '18:45:00', extra: 25 }],
          beverages: [{ name: 'Standard Beverage Package', numHours: 5 }, { name: 'Arrival Cocktail', startTime: '18:00:00', endTime: '18:30:00', extra: 16 }],
          resource: true,
          setups: [{ name: 'Table Centrepieces', min: 1, max: 1, options: ['Candles & Greenery', 'Tall Floral', 'Low Floral'] }],
        },
      ],
    },
    { name: 'Cocktail Party Package', simple: true, priceMethod: 1, split: [['banquetFood', 34], ['banquetBeverage', 45]], minPax: 40, maxPax: 250, times: ['18:00:00', '22:00:00'], description: 'Four hours of canapés and standard beverages', eventTypes: [11] },
  ],
  conference: [
    { name: 'Full Day Delegate Package', priceMethod: 1, split: [['banquetFood', 45], ['roomHire', 28, 5], ['av', 6]], minPax: 20, maxPax: 1000, times: ['08:00:00', '17:30:00'], description: 'Plenary hire, AV technician and full day catering', eventTypes: [31], sessions: delegateSessions('Delegate Lunch Buffet', 'Morning Tea', true).map((s) => ({ ...s, hire: s.hire ? (['CONF', s.hire[1]] as const) : undefined })) },
    { name: 'Half Day Delegate Package', priceMethod: 1, split: [['banquetFood', 34], ['roomHire', 20, 5], ['av', 5]], minPax: 20, maxPax: 1000, times: ['08:00:00', '13:30:00'], description: 'Half day room hire, morning tea and lunch', eventTypes: [31, 41], sessions: delegateSessions('Delegate Lunch Buffet', 'Morning Tea', false).map((s) => ({ ...s, hire: s.hire ? (['CONF', s.hire[1]] as const) : undefined })) },
    { name: 'Exhibition Package', simple: true, priceMethod: 2, split: [['roomHire', 4000], ['av', 500]], minPax: 100, maxPax: null, times: ['07:00:00', '19:00:00'], description: 'Exhibition hall for a day with power to every stand', eventTypes: [31] },
  ],
  restaurant: [
    { name: 'Private Dining Package', simple: true, priceMethod: 1, split: [['privateDining', 110]], minPax: 10, maxPax: 40, times: ['12:00:00', '23:00:00'], description: 'Exclusive use of the private dining room with a set menu', eventTypes: [] },
    {
      name: 'Christmas Party Package',
      priceMethod: 1,
      split: [['privateDining', 110], ['beverage', 35]],
      minPax: 15,
      maxPax: 80,
      times: ['12:00:00', '17:00:00'],
      description: 'Festive lunch with four hours of beverages',
      eventTypes: [11],
      dates: ['11-15', '12-23'],
      sessions: [{ name: 'Christmas Lunch', start: '12:00:00', end: '16:00:00', type: 'Dinner', hire: ['PDR', 5], menus: [{ name: 'Festive Christmas Lunch' }], beverages: [{ name: 'Standard Beverage Package', numHours: 4 }] }],
    },
    {
      name: 'Long Lunch Package',
      priceMethod: 1,
      split: [['privateDining', 119]],
      minPax: 10,
      maxPax: 60,
      times: ['12:00:00', '16:00:00'],
      description: 'The long lunch set menu with matched Italian wines',
      eventTypes: [],
      sessions: [{ name: 'Long Lunch', start: '12:00:00', end: '15:30:00', type: 'Dinner', hire: ['PDR', 5], menus: [{ name: 'Long Lunch Set Menu' }], beverages: [{ name: 'Italian Wine Pairing' }], setups: [{ name: 'Table Layout', min: 1, max: 1, options: ['One Long Table', 'Rounds of Ten'] }] }],
    },
  ],
};

export interface PackageContext {
  venue: SeededVenue;
  cc: CostCenters;
  menus: Menus;
  beverages: Beverages;
  plans: SpaceHirePlans;
  sessionTypes: ReadonlyMap<SessionTypeName, number>;
  now: number;
  counts: SeedCounts;
}

interface Place {
  spaceId: number | null;
  layoutId: number | null;
  resourceId: number | null;
}

/** The space, layout and resource the venue's packages use, if the spaces area seeded any. */
async function placeOf(tx: Scope, venueId: number): Promise<Place> {
  const space = await tx.selectFrom('function_spaces').select('id').where('venue_id', '=', venueId).orderBy('id').executeTakeFirst();
  const layout = space
    ? await tx.selectFrom('function_space_layouts').select('id').where('space_id', '=', space.id).orderBy('id').executeTakeFirst()
    : undefined;
  const resource = await tx.selectFrom('resources').select('id').where('venue_id', '=', venueId).orderBy('id').executeTakeFirst();
  return { spaceId: space?.id ?? null, layoutId: layout?.id ?? null, resourceId: resource?.id ?? null };
}

async function seedSession(tx: Scope, packageId: number, plan: SessionPlan, sortOrder: number, place: Place, c: PackageContext): Promise<void> {
  const { venue, cc, now } = c;
  const session = await tx
    .insertInto('venue_package_sessions', {
      package_id: packageId,
      name: plan.name,
      start_time: plan.start,
      end_time: plan.end,
      setup_minutes: plan.type === 'Meeting' || plan.type === 'Reception' ? 30 : 0,
      setdown_minutes: plan.type === 'Reception' ? 60 : 0,
      is_optional: plan.optional ? 1 : 0,
      space_venue_id: venue.id,
      space_id: place.spaceId,
      space_layout_id: place.layoutId,
      space_custom_layout_name: null,
      include_in_package: plan.extra === undefined ? 1 : 0,
      tariff_id: plan.hire ? (c.plans.get(plan.hire[0]) ?? null) : null,
      room_hire_type: plan.hire?.[1] ?? null,
      min_spend_amount: plan.hire?.[1] === 5 ? hundredths(1500) : null,
      min_spend_revenue_items: plan.hire?.[1] === 5 ? JSON.stringify([cc.get('privateDining') ?? cc.get('food')!, cc.get('beverage')!]) : '[]',
      override_pax: 0,
      cost_center_id: plan.extra === undefined ? null : cc.get('roomHire')!,
      amount: plan.extra === undefined ? null : hundredths(plan.extra),
      excluded_tax_ids: '[]',
      sort_order: sortOrder,
      session_type_id: c.sessionTypes.get(plan.type) ?? null,
      session_status_id: null,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  c.counts.add('venuePackageSessions');

  const common = (item: ItemPlan, sort_order: number, costCenter: number) => ({
    session_id: session.id,
    ref_venue_id: venue.id,
    name: item.name,
    quantity: null,
    num_hours: item.numHours ?? null,
    start_time: item.startTime ?? plan.start,
    end_time: item.endTime ?? plan.end,
    same_as_session_time: item.startTime === undefined ? 1 : 0,
    cost_centers: '[]',
    include_in_package: item.extra === undefined ? 1 : 0,
    cost_center_id: costCenter,
    amount: item.extra === undefined ? null : hundredths(item.extra),
    excluded_tax_ids: '[]',
    sort_order,
    created_at: now,
    modified_at: now,
  });
  const food = cc.get('banquetFood') ?? cc.get('privateDining')!;
  const drinks = cc.get('banquetBeverage') ?? cc.get('beverage')!;
  const items = [
    ...(plan.menus ?? []).map((m, i) => {
      const menu = c.menus.get(m.name)!;
      return { ...common(m, i, food), kind: 'menu' as const, ref_id: menu.id, item_ids: JSON.stringify(menu.itemIds) };
    }),
    ...(plan.beverages ?? []).map((b, i) => {
      const beverage = c.beverages.get(b.name)!;
      return { ...common(b, i, drinks), kind: 'beverage' as const, ref_id: beverage.id, item_ids: JSON.stringify(beverage.itemIds) };
    }),
    ...(plan.resource && place.resourceId !== null
      ? [{ ...common({ name: 'Resource' }, 0, cc.get('av')!), name: null, start_time: null, end_time: null, kind: 'resource' as const, ref_id: place.resourceId, quantity: 1, item_ids: '[]' }]
      : []),
  ];
  if (items.length > 0) await tx.insertInto('venue_package_session_items', items).execute();
  c.counts.add('venuePackageSessionItems', items.length);

  for (const [sort_order, setup] of (plan.setups ?? []).entries()) {
    // Setup requirements and their options come from an inventory Marquee does not keep; their
    // ids are numbered per venue so that bookings can name them.
    const requirementId = sort_order + 1;
    const row = await tx
      .insertInto('venue_package_session_setups', {
        session_id: session.id,
        setup_requirement_id: requirementId,
        name: setup.name,
        description: null,
        sort_order,
        has_choices: setup.options.length > 0 ? 1 : 0,
        min_choices: setup.min,
        max_choices: setup.max,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto(
        'venue_package_session_setup_options',
        setup.options.map((name, i) => ({ setup_id: row.id, setup_requirement_option_id: requirementId * 100 + i + 1, name, sort_order: i, created_at: now, modified_at: now })),
      )
      .execute();
  }
}

export async function seedPackages(tx: Scope, c: PackageContext): Promise<void> {
  const { venue, cc, now } = c;
  const place = await placeOf(tx, venue.id);
  const local = DateTime.fromMillis(now, { zone: venue.timezone });
  const year = (local.isValid ? local : DateTime.fromMillis(now, { zone: 'utc' })).year;
  for (const [sort_order, plan] of PACKAGES[venue.kind].entries()) {
    const cost = plan.split.reduce((sum, [, price]) => sum + hundredths(price), 0);
    const row = await tx
      .insertInto('venue_packages', {
        venue_id: venue.id,
        name: plan.name,
        type: plan.simple ? 2 : 1,
        min_pax: plan.minPax,
        max_pax: plan.maxPax,
        cost,
        price_method: plan.priceMethod,
        actual_cost: Math.round(cost * 0.4),
        actual_cost_excluded_tax_ids: '[]',
        small_description: plan.description,
        large_description: `<p>${plan.description}.</p>`,
        marketplace_name: plan.name,
        is_visible_on_venue_search: plan.eventTypes.length > 0 ? 1 : 0,
        start_date: plan.dates ? `${year}-${plan.dates[0]}` : null,
        end_date: plan.dates ? `${year}-${plan.dates[1]}` : null,
        start_time: plan.times[0],
        end_time: plan.times[1],
        space_id: place.spaceId,
        space_layout_id: place.layoutId,
        space_custom_layout_name: null,
        sort_order,
        excluded_from_commissions: 0,
        reduce_room_hire_first: plan.split.some(([key]) => key === 'roomHire') ? 1 : 0,
        event_types: JSON.stringify(plan.eventTypes),
        user_group_ids: '[]',
        has_limited_start_times: plan.limitedStartTimes ? 1 : 0,
        limited_start_times: JSON.stringify(plan.limitedStartTimes ?? []),
        is_accomm_included: 0,
        discount_campaign_id: null,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto(
        'venue_package_cost_centers',
        plan.split.map(([key, price, discount]) => ({
          package_id: row.id,
          cost_center_id: cc.get(key)!,
          value: hundredths(price),
          excluded_tax_ids: '[]',
          discount: discount === undefined ? null : hundredths(discount),
        })),
      )
      .execute();
    for (const [i, session] of (plan.sessions ?? []).entries()) await seedSession(tx, row.id, session, i, place, c);
  }
  c.counts.add('venuePackages', PACKAGES[venue.kind].length);
}
