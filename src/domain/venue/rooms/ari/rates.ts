/**
 * A room type's rate of a night in a rate plan: the night's dynamic rate when one was set
 * (addOrUpdateRoomDynamicRatesCollection; it replaces the whole night, occupancies included),
 * else the room rate of the plan's season that covers the night — the season must include the
 * night's weekday and price the room; when several do, the one starting latest wins (a
 * Christmas season inside a yearly one), then the newest. Without either, every cost is null.
 *
 * getRoomRates is what a channel manager polls, so this is a hot path (bench/room-rates.ts):
 * its three queries are prepared (storage/prepared.ts) and, on SQLite, run in one read
 * transaction (sqlite-direct.ts `readNow`); the answer is assembled through arrays indexed by
 * night and room rather than maps keyed by text.
 */
import { toAmount, toOptionalAmount } from '../../../invoice/money.js';
import { prepared } from '../../../../storage/prepared.js';
import type { Scope } from '../../../../storage/scope.js';
import { readNow } from '../../../../storage/sqlite-direct.js';
import type { RoomRow } from '../guest-rooms/store.js';
import { weekdayOf } from '../nights.js';
import type { RateNight } from '../schemas.js';

interface Costs {
  cost: number;
  cost_double: number | null;
  cost_triple: number | null;
  cost_quad: number | null;
}

type Amounts = Pick<RateNight, 'cost' | 'costDouble' | 'costTriple' | 'costQuad'>;

const amounts = (c: Costs): Amounts => ({
  cost: toAmount(c.cost),
  costDouble: toOptionalAmount(c.cost_double),
  costTriple: toOptionalAmount(c.cost_triple),
  costQuad: toOptionalAmount(c.cost_quad),
});

const NO_RATE: Amounts = { cost: null, costDouble: null, costTriple: null, costQuad: null };

const seasonsOf = prepared((store, p: { plan: number; first: string; last: string }) =>
  store
    .selectFrom('venue_rate_plan_rates')
    .select(['id', 'start_date', 'end_date', 'days_of_week'])
    .where('rate_plan_id', '=', p.plan)
    .where('start_date', '<=', p.last)
    .where('end_date', '>=', p.first)
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc'),
);

const seasonRatesOf = prepared((store, p: { seasons: number[]; rooms: number[] }) =>
  store
    .selectFrom('venue_room_rates')
    .select(['rate_plan_rate_id', 'room_id', 'cost', 'cost_double', 'cost_triple', 'cost_quad'])
    .where('rate_plan_rate_id', 'in', p.seasons)
    .where('room_id', 'in', p.rooms),
);

const dynamicRatesOf = prepared((store, p: { plan: number; rooms: number[]; first: string; last: string }) =>
  store
    .selectFrom('venue_room_dynamic_rates')
    .select(['room_id', 'night', 'cost', 'cost_double', 'cost_triple', 'cost_quad'])
    .where('rate_plan_id', '=', p.plan)
    .where('room_id', 'in', p.rooms)
    .where('night', '>=', p.first)
    .where('night', '<=', p.last),
);

interface Loaded {
  seasons: Array<{ id: number; start_date: string; end_date: string; days_of_week: number }>;
  seasonRates: Array<Costs & { rate_plan_rate_id: number; room_id: number }>;
  dynamic: Array<Costs & { room_id: number; night: string }>;
}

type LoadParams = { plan: number; rooms: number[]; first: string; last: string };

/** The rows at once in one read transaction, when the connection allows it (SQLite, no transaction open). */
function loadNow(store: Scope, p: LoadParams): Loaded | undefined {
  if (store.inTransaction) return undefined;
  return readNow(store.executor, () => {
    const seasons = seasonsOf.now(store, { plan: p.plan, first: p.first, last: p.last });
    const dynamic = dynamicRatesOf.now(store, p);
    if (seasons === undefined || dynamic === undefined) return undefined;
    const seasonRates = seasons.length === 0 ? [] : seasonRatesOf.now(store, { seasons: seasons.map((s) => s.id), rooms: p.rooms });
    return seasonRates === undefined ? undefined : { seasons, seasonRates, dynamic };
  });
}

async function load(store: Scope, p: LoadParams): Promise<Loaded> {
  const now = loadNow(store, p);
  if (now !== undefined) return now;
  const [seasons, dynamic] = await Promise.all([seasonsOf(store, { plan: p.plan, first: p.first, last: p.last }), dynamicRatesOf(store, p)]);
  const seasonRates = seasons.length === 0 ? [] : await seasonRatesOf(store, { seasons: seasons.map((s) => s.id), rooms: p.rooms });
  return { seasons, seasonRates, dynamic };
}

interface Season {
  readonly start: string;
  readonly end: string;
  readonly days: number;
  /** The season's amounts by room index; undefined where it does not price the room. */
  readonly byRoom: Array<Amounts | undefined>;
}

/** Every night × room type of the plan, nights in order and room types in the given order within a night. */
export async function nightlyRates(store: Scope, ratePlanId: number, rooms: readonly RoomRow[], nights: readonly string[]): Promise<RateNight[]> {
  if (rooms.length === 0 || nights.length === 0) return [];
  const ids = rooms.map((r) => r.id);
  const first = nights[0]!;
  const last = nights[nights.length - 1]!;
  const roomIndex = new Map(ids.map((id, i) => [id, i]));
  const width = rooms.length;

  const rows = await load(store, { plan: ratePlanId, rooms: ids, first, last });
  const seasons: Season[] = rows.seasons.map((s) => ({ start: s.start_date, end: s.end_date, days: s.days_of_week, byRoom: new Array<Amounts | undefined>(width) }));
  const seasonIndex = new Map(rows.seasons.map((s, i) => [s.id, i]));
  for (const r of rows.seasonRates) seasons[seasonIndex.get(r.rate_plan_rate_id)!]!.byRoom[roomIndex.get(r.room_id)!] = amounts(r);

  // The dynamic rates by night index × room index.
  const nightIndex = new Map(nights.map((night, i) => [night, i]));
  const set = new Array<Amounts | undefined>(nights.length * width);
  for (const r of rows.dynamic) {
    const n = nightIndex.get(r.night);
    if (n !== undefined) set[n * width + roomIndex.get(r.room_id)!] = amounts(r);
  }

  const out: RateNight[] = new Array(nights.length * width);
  const covering: Season[] = [];
  for (let n = 0; n < nights.length; n++) {
    const night = nights[n]!;
    const weekday = 1 << weekdayOf(night);
    covering.length = 0;
    for (const s of seasons) if (s.start <= night && s.end >= night && (s.days & weekday) !== 0) covering.push(s);
    for (let i = 0; i < width; i++) {
      let rate = set[n * width + i];
      for (let c = 0; rate === undefined && c < covering.length; c++) rate = covering[c]!.byRoom[i];
      const a = rate ?? NO_RATE;
      out[n * width + i] = { barId: ratePlanId, roomId: ids[i]!, date: night, cost: a.cost, costDouble: a.costDouble, costTriple: a.costTriple, costQuad: a.costQuad };
    }
  }
  return out;
}
