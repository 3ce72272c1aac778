/**
 * Seed data of the venue rooms area. The hotel gets four room types making up its 180 rooms,
 * room options, three rate plans with a year-round season, a weekend season and a summer peak,
 * and, over the coming months, a few nights of reduced room counts, event-week dynamic rates
 * and close-outs. Other kinds of venue have no rooms. Dates follow the hotel's own calendar.
 */
import type { Scope, TenantInsert } from '../../../storage/scope.js';
import type { SeededVenue, VenueSeedContext } from '../seed/types.js';
import { addDays, daysMask, nightsBetween, venueToday, weekdayOf } from './nights.js';

interface RoomPlan {
  code: string;
  name: string;
  count: number;
  standard: number;
  extra: number;
  extraCost: number;
  /** BAR's single-occupancy price of a plain night. */
  price: number;
  description: string;
}

const ROOMS: readonly RoomPlan[] = [
  { code: 'DK', name: 'Deluxe King', count: 84, standard: 2, extra: 1, extraCost: 45, price: 289, description: '<p>A king bed, city views and a marble bathroom with rain shower.</p>' },
  { code: 'HVK', name: 'Harbour View King', count: 48, standard: 2, extra: 1, extraCost: 45, price: 359, description: '<p>Floor-to-ceiling windows over the Opera House and the bridge.</p>' },
  { code: 'HVT', name: 'Harbour View Twin', count: 36, standard: 2, extra: 2, extraCost: 40, price: 339, description: '<p>Two queen beds facing the harbour; suits families and colleagues sharing.</p>' },
  { code: 'EXS', name: 'Executive Suite', count: 12, standard: 2, extra: 2, extraCost: 60, price: 649, description: '<p>A separate lounge, a dining table for six and Executive Lounge access.</p>' },
];

const OPTIONS: ReadonlyArray<readonly [name: string, price: number, cost: number, description: string]> = [
  ['Full Buffet Breakfast', 38, 14, 'Hot and cold buffet in the Quay Restaurant, 6:30–10:30'],
  ['Late Checkout (2pm)', 45, 0, 'Subject to availability on the day'],
  ['Valet Parking', 65, 20, 'Per night, with in-and-out access'],
  ['Airport Transfer', 95, 60, 'Private sedan from Sydney Kingsford Smith'],
  ['Welcome Champagne', 85, 32, 'A chilled bottle of Australian sparkling on arrival'],
];

const PLANS = [
  { code: 'BAR', name: 'Best Available Rate', factor: 1, minimum: 199, weekend: true, description: '<p>Our flexible daily rate, free cancellation up to 24 hours before arrival.</p>' },
  { code: 'CORP', name: 'Corporate Rate', factor: 0.85, minimum: 179, weekend: false, description: '<p>Negotiated rate for account companies, Wi-Fi and pressing included.</p>' },
  { code: 'PKG', name: 'Harbour Breakfast Package', factor: 1.12, minimum: 229, weekend: true, description: '<p>Room with buffet breakfast for two and late checkout.</p>' },
] as const;

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** Whole dollars as cents. */
const cents = (dollars: number) => Math.round(dollars) * 100;

/** The four occupancies of a price: rooms sleeping fewer have no price for more guests. */
function occupancyPrices(room: RoomPlan, single: number) {
  const sleeps = room.standard + room.extra;
  return {
    cost: cents(single),
    cost_double: cents(single + 30),
    cost_triple: sleeps >= 3 ? cents(single + 75) : null,
    cost_quad: sleeps >= 4 ? cents(single + 120) : null,
  };
}

/** The next 20 December on or after `today`, when the summer peak starts. */
function peakStart(today: string): string {
  const thisYear = `${today.slice(0, 4)}-12-20`;
  return thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-12-20`;
}

async function insertRooms(tx: Scope, hotel: SeededVenue, now: number): Promise<Map<RoomPlan, number>> {
  const ids = new Map<RoomPlan, number>();
  for (const room of ROOMS) {
    const row = await tx
      .insertInto('venue_rooms', {
        venue_id: hotel.id,
        code: room.code,
        name: room.name,
        description: room.description,
        num_standard_adults: room.standard,
        num_extra_adults: room.extra,
        extra_adult_cost: cents(room.extraCost),
        can_smoke: 0,
        capacity: room.count,
        marketplace_name: `${room.name} Room`,
        is_active: 1,
        category_ids: '[]',
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(room, row.id);
  }
  return ids;
}

async function insertOptions(tx: Scope, hotel: SeededVenue, now: number): Promise<number> {
  const accommodation = await tx.selectFrom('cost_centers').select('id').where('default_type', '=', 6).orderBy('id').executeTakeFirst();
  const rows: TenantInsert<'venue_room_options'>[] = OPTIONS.map(([name, price, cost, description]) => ({
    venue_id: hotel.id,
    name,
    description,
    price: cents(price),
    price_excluded_tax_ids: '[]',
    cost: cents(cost),
    cost_excluded_tax_ids: '[]',
    cost_center_id: accommodation?.id ?? null,
    created_at: now,
    modified_at: now,
  }));
  await tx.insertInto('venue_room_options', rows).execute();
  return rows.length;
}

export async function seedRooms(ctx: VenueSeedContext): Promise<Record<string, number>> {
  const hotel = ctx.venues.find((v) => v.kind === 'hotel');
  if (!hotel) return {};
  const { faker, now } = ctx;
  const today = venueToday(hotel.timezone, now);
  const yearStart = addDays(today, -30);
  const yearEnd = addDays(today, 365);
  const peak = peakStart(today);
  // A conference week in the coming months: dynamic rates up, corporate closed out.
  const eventStart = addDays(today, faker.number.int({ min: 40, max: 50 }));
  const eventNights = nightsBetween(eventStart, addDays(eventStart, 2));

  return ctx.store.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    const rooms = await insertRooms(tx, hotel, now);
    counts.guestRooms = rooms.size;
    counts.roomOptions = await insertOptions(tx, hotel, now);

    const plans = new Map<string, number>();
    const seasons: TenantInsert<'venue_room_rates'>[] = [];
    let seasonCount = 0;
    for (const plan of PLANS) {
      const planId = (
        await tx
          .insertInto('venue_rate_plans', { venue_id: hotel.id, code: plan.code, name: plan.name, description: plan.description, created_at: now, modified_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      plans.set(plan.code, planId);
      const planSeasons = [
        { start: yearStart, end: yearEnd, days: ALL_DAYS, factor: 1 },
        ...(plan.weekend ? [{ start: yearStart, end: yearEnd, days: [5, 6], factor: 1.15 }] : []),
        { start: peak, end: addDays(peak, 42), days: ALL_DAYS, factor: 1.35 },
      ];
      for (const season of planSeasons) {
        const seasonId = (
          await tx
            .insertInto('venue_rate_plan_rates', {
              rate_plan_id: planId,
              start_date: season.start,
              end_date: season.end,
              min_acceptable_rate: cents(plan.minimum * season.factor),
              days_of_week: daysMask(season.days),
              created_at: now,
              modified_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        seasonCount++;
        for (const [room, roomId] of rooms) {
          const price = occupancyPrices(room, room.price * plan.factor * season.factor);
          seasons.push({
            rate_plan_rate_id: seasonId,
            room_id: roomId,
            ...price,
            cost_excluded_tax_ids: '[]',
            actual_cost: Math.round(price.cost * 0.3),
            actual_cost_double: price.cost_double === null ? null : Math.round(price.cost_double * 0.32),
            actual_cost_triple: price.cost_triple === null ? null : Math.round(price.cost_triple * 0.34),
            actual_cost_quad: price.cost_quad === null ? null : Math.round(price.cost_quad * 0.36),
            actual_cost_excluded_tax_ids: '[]',
            created_at: now,
            modified_at: now,
          });
        }
      }
    }
    await tx.insertInto('venue_room_rates', seasons).execute();
    counts.ratePlans = plans.size;
    counts.ratePlanRates = seasonCount;
    counts.roomRates = seasons.length;

    const roomId = (code: string) => rooms.get(ROOMS.find((r) => r.code === code)!)!;
    // Two suites out for refurbishment for a week; three twins held back for staff later on.
    const nightCounts: TenantInsert<'venue_room_night_counts'>[] = [
      ...nightsBetween(addDays(today, 21), addDays(today, 27)).map((night) => ({ room_id: roomId('EXS'), night, room_count: 10, modified_at: now })),
      ...nightsBetween(addDays(today, 60), addDays(today, 62)).map((night) => ({ room_id: roomId('HVT'), night, room_count: 33, modified_at: now })),
    ];
    await tx.insertInto('venue_room_night_counts', nightCounts).execute();
    counts.roomNightCounts = nightCounts.length;

    const dynamicRates: TenantInsert<'venue_room_dynamic_rates'>[] = eventNights.flatMap((night) =>
      ROOMS.map((room) => ({ rate_plan_id: plans.get('BAR')!, room_id: roomId(room.code), night, ...occupancyPrices(room, room.price * 1.5), modified_at: now })),
    );
    await tx.insertInto('venue_room_dynamic_rates', dynamicRates).execute();
    counts.roomDynamicRates = dynamicRates.length;

    const saturdays = nightsBetween(today, addDays(today, 90)).filter((night) => weekdayOf(night) === 6).slice(0, 4);
    const rules: TenantInsert<'venue_rate_plan_booking_rules'>[] = [
      ...eventNights.flatMap((night) => ROOMS.map((room) => ({ rate_plan_id: plans.get('CORP')!, room_id: roomId(room.code), night, close_out_status: 2, modified_at: now }))),
      ...eventNights.flatMap((night) => ROOMS.map((room) => ({ rate_plan_id: plans.get('BAR')!, room_id: roomId(room.code), night, close_out_status: 1, modified_at: now }))),
      ...saturdays.map((night) => ({ rate_plan_id: plans.get('PKG')!, room_id: roomId('EXS'), night, close_out_status: 2, modified_at: now })),
    ];
    await tx.insertInto('venue_rate_plan_booking_rules', rules).execute();
    counts.ratePlanBookingRules = rules.length;
    return counts;
  });
}
