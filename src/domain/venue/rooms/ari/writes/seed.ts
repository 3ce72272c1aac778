/**
 * Demo ARI over the next 12 months of each hotel's calendar, on top of the rooms seed (which
 * already sets an event week and a few counts and close-outs; those nights keep their values):
 *
 * - BAR is revenue-managed: a dynamic rate every night for every room type, the season's rate
 *   moved by that night's demand (one factor per night, so room types keep their order);
 * - the breakfast package follows demand on Friday and Saturday nights only;
 * - a few stretches of rooms held back from sale, and the corporate rate closed to suites on
 *   Saturdays and to everything over one sold-out weekend.
 *
 * About 2,000 rows per hotel, written a few hundred per statement; seeding records no changes.
 */
import type { Scope, TenantInsert } from '../../../../../storage/scope.js';
import type { SeededVenue, VenueSeedContext } from '../../../seed/types.js';
import { roomsOfVenue, type RoomRow } from '../../guest-rooms/store.js';
import { addDays, nightsBetween, venueToday, weekdayOf } from '../../nights.js';
import { ratePlansOfVenue, type RatePlanRow } from '../../rate-plans/store.js';
import { nightlyRates } from '../rates.js';
import { chunks } from './cells.js';

const NIGHTS = 365;
const FRIDAY = 5;
const SATURDAY = 6;

interface Counts {
  dynamicRates: number;
  nightCounts: number;
  rules: number;
}

/** Whole currency units as cents, or null for an occupancy the room has no price for. */
const demandCents = (amount: number | null, demand: number) => (amount === null ? null : Math.round(amount * demand) * 100);

async function demandRates(tx: Scope, plan: RatePlanRow, rooms: readonly RoomRow[], nights: readonly string[], demand: ReadonlyMap<string, number>, now: number) {
  const rows: TenantInsert<'venue_room_dynamic_rates'>[] = [];
  for (const rate of await nightlyRates(tx, plan.id, rooms, nights)) {
    const factor = demand.get(rate.date)!;
    const cost = demandCents(rate.cost, factor);
    if (cost === null) continue;
    rows.push({
      rate_plan_id: plan.id,
      room_id: rate.roomId,
      night: rate.date,
      cost,
      cost_double: demandCents(rate.costDouble, factor),
      cost_triple: demandCents(rate.costTriple, factor),
      cost_quad: demandCents(rate.costQuad, factor),
      modified_at: now,
    });
  }
  return rows;
}

async function seedHotel(ctx: VenueSeedContext, tx: Scope, hotel: SeededVenue): Promise<Counts> {
  const { faker, now } = ctx;
  const rooms = await roomsOfVenue(tx, hotel.id);
  const plans = await ratePlansOfVenue(tx, hotel.id);
  if (rooms.length === 0 || plans.length === 0) return { dynamicRates: 0, nightCounts: 0, rules: 0 };
  const plan = (code: string) => plans.find((p) => p.code === code) ?? plans[0]!;
  const today = venueToday(hotel.timezone, now);
  const nights = nightsBetween(today, addDays(today, NIGHTS - 1));
  const weekends = nights.filter((n) => [FRIDAY, SATURDAY].includes(weekdayOf(n)));
  const demand = new Map(nights.map((n) => [n, faker.number.float({ min: 0.85, max: 1.25, fractionDigits: 2 })]));

  const dynamic = [
    ...(await demandRates(tx, plan('BAR'), rooms, nights, demand, now)),
    ...(await demandRates(tx, plan('PKG'), rooms, weekends, demand, now)),
  ];

  // Three four-night stretches with a few rooms of one type held back.
  const nightCounts: TenantInsert<'venue_room_night_counts'>[] = [];
  for (let stretch = 0; stretch < 3; stretch++) {
    const room = faker.helpers.arrayElement(rooms);
    const start = addDays(today, faker.number.int({ min: 60 + stretch * 90, max: 120 + stretch * 90 }));
    const held = Math.min(room.capacity, faker.number.int({ min: 2, max: 6 }));
    for (const night of nightsBetween(start, addDays(start, 3))) nightCounts.push({ room_id: room.id, night, room_count: room.capacity - held, modified_at: now });
  }

  const suite = rooms.find((r) => r.code === 'EXS') ?? rooms[rooms.length - 1]!;
  const fridays = weekends.filter((n) => weekdayOf(n) === FRIDAY);
  const friday = fridays[faker.number.int({ min: 10, max: 30 })]!;
  const soldOut = [friday, addDays(friday, 1)];
  const rules: TenantInsert<'venue_rate_plan_booking_rules'>[] = [
    ...weekends.filter((n) => weekdayOf(n) === SATURDAY).map((night) => ({ rate_plan_id: plan('CORP').id, room_id: suite.id, night, close_out_status: 2, modified_at: now })),
    ...soldOut.flatMap((night) => rooms.filter((r) => r.id !== suite.id).map((r) => ({ rate_plan_id: plan('CORP').id, room_id: r.id, night, close_out_status: 2, modified_at: now }))),
  ];

  // The rooms seed's own nights win: this seed only fills the nights it left alone.
  for (const batch of chunks(dynamic)) await tx.insertInto('venue_room_dynamic_rates', batch).onConflict((oc) => oc.doNothing()).execute();
  for (const batch of chunks(nightCounts)) await tx.insertInto('venue_room_night_counts', batch).onConflict((oc) => oc.doNothing()).execute();
  for (const batch of chunks(rules)) await tx.insertInto('venue_rate_plan_booking_rules', batch).onConflict((oc) => oc.doNothing()).execute();
  return { dynamicRates: dynamic.length, nightCounts: nightCounts.length, rules: rules.length };
}

export async function seedAri(ctx: VenueSeedContext): Promise<Record<string, number>> {
  const hotels = ctx.venues.filter((v) => v.kind === 'hotel');
  if (hotels.length === 0) return {};
  return ctx.store.transaction(async (tx) => {
    const totals: Counts = { dynamicRates: 0, nightCounts: 0, rules: 0 };
    for (const hotel of hotels) {
      const counts = await seedHotel(ctx, tx, hotel);
      totals.dynamicRates += counts.dynamicRates;
      totals.nightCounts += counts.nightCounts;
      totals.rules += counts.rules;
    }
    return { ariDynamicRates: totals.dynamicRates, ariRoomNightCounts: totals.nightCounts, ariBookingRules: totals.rules };
  });
}
