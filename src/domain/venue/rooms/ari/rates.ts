/**
 * A room type's rate of a night in a rate plan: the night's dynamic rate when one was set
 * (addOrUpdateRoomDynamicRatesCollection; it replaces the whole night, occupancies included),
 * else the room rate of the plan's season that covers the night — the season must include the
 * night's weekday and price the room; when several do, the one starting latest wins (a
 * Christmas season inside a yearly one), then the newest. Without either, every cost is null.
 */
import type { Scope } from '../../../../storage/scope.js';
import { toAmount, toOptionalAmount } from '../../../invoice/money.js';
import type { RoomRow } from '../guest-rooms/store.js';
import { weekdayOf } from '../nights.js';
import type { RateNight } from '../schemas.js';

const key = (a: number, b: number | string) => `${a}|${b}`;

interface Costs {
  cost: number;
  cost_double: number | null;
  cost_triple: number | null;
  cost_quad: number | null;
}

const amounts = (c: Costs) => ({
  cost: toAmount(c.cost),
  costDouble: toOptionalAmount(c.cost_double),
  costTriple: toOptionalAmount(c.cost_triple),
  costQuad: toOptionalAmount(c.cost_quad),
});

const NO_RATE = { cost: null, costDouble: null, costTriple: null, costQuad: null };

/** Every night × room type of the plan, nights in order and room types in the given order within a night. */
export async function nightlyRates(store: Scope, ratePlanId: number, rooms: readonly RoomRow[], nights: readonly string[]): Promise<RateNight[]> {
  if (rooms.length === 0 || nights.length === 0) return [];
  const ids = rooms.map((r) => r.id);
  const first = nights[0]!;
  const last = nights[nights.length - 1]!;
  const seasons = await store
    .selectFrom('venue_rate_plan_rates')
    .select(['id', 'start_date', 'end_date', 'days_of_week'])
    .where('rate_plan_id', '=', ratePlanId)
    .where('start_date', '<=', last)
    .where('end_date', '>=', first)
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const [seasonRates, dynamic] = await Promise.all([
    seasons.length === 0
      ? Promise.resolve([])
      : store
          .selectFrom('venue_room_rates')
          .select(['rate_plan_rate_id', 'room_id', 'cost', 'cost_double', 'cost_triple', 'cost_quad'])
          .where('rate_plan_rate_id', 'in', seasons.map((s) => s.id))
          .where('room_id', 'in', ids)
          .execute(),
    store
      .selectFrom('venue_room_dynamic_rates')
      .select(['room_id', 'night', 'cost', 'cost_double', 'cost_triple', 'cost_quad'])
      .where('rate_plan_id', '=', ratePlanId)
      .where('room_id', 'in', ids)
      .where('night', '>=', first)
      .where('night', '<=', last)
      .execute(),
  ]);
  const bySeason = new Map(seasonRates.map((r) => [key(r.rate_plan_rate_id, r.room_id), r]));
  const byNight = new Map(dynamic.map((r) => [key(r.room_id, r.night), r]));

  const out: RateNight[] = [];
  for (const night of nights) {
    const weekday = 1 << weekdayOf(night);
    const covering = seasons.filter((s) => s.start_date <= night && s.end_date >= night && (s.days_of_week & weekday) !== 0);
    for (const room of rooms) {
      const set = byNight.get(key(room.id, night));
      const season = set ? undefined : covering.map((s) => bySeason.get(key(s.id, room.id))).find((r) => r !== undefined);
      const rate = set ?? season;
      out.push({ barId: ratePlanId, roomId: room.id, date: night, ...(rate ? amounts(rate) : NO_RATE) });
    }
  }
  return out;
}
