/**
 * A channel manager's copy of a venue's ARI: it reads inventory, rates and booking rules once,
 * then keeps them only from the ARI notifications recorded in the outbox. After a random
 * sequence of the four write actions its copy must equal what the reads answer, night for
 * night: a notification that misses a changed night, carries a stale value or names a night
 * that did not change in the way it says would show here.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { addRatePlan, addRoomRate, addSeason, allocateRooms, setDynamicRate, setVenue, venueDate, type Page } from './rooms-fixtures.js';

const ZONE = 'Pacific/Auckland';
const day = (n: number) => venueDate(ZONE, n);
/** The nights the copy follows: a read answers at most 31. */
const FIRST = 1;
const LAST = 28;
const STEPS = 60;

interface Cell {
  roomId: number;
  date: string;
  barId?: number;
}
type Night = Cell & Record<string, unknown>;

/** Deterministic, so a failure can be replayed (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keyOf = (n: Cell) => `${n.barId ?? 0}|${n.roomId}|${n.date}`;

class Copy {
  readonly nights = new Map<string, Night>();
  private first = new Map<string, string>();
  apply(data: readonly Night[]): void {
    for (const night of data) this.nights.set(keyOf(night), night);
  }
  /** Remembers the state the copy started from. */
  start(data: readonly Night[]): void {
    this.apply(data);
    this.first = new Map(data.map((n) => [keyOf(n), JSON.stringify(n)]));
  }
  /** Nights whose value now differs from the start. */
  moved(): number {
    return [...this.nights].filter(([key, night]) => this.first.get(key) !== JSON.stringify(night)).length;
  }
  /** The copy's answer for the same nights the read answered, in the read's order. */
  answer(read: readonly Night[]): Array<Night | undefined> {
    return read.map((n) => this.nights.get(keyOf(n)));
  }
}

describeEachDatabase('venue ARI writes: a channel manager replaying the notifications', ({ server }) => {
  let venue = 0;
  const rooms: number[] = [];
  let plans: number[] = [];
  let mark = 0;
  const call = <T>(action: string, params: Record<string, unknown>) => server().client.call<T>('venue', action, params);
  const range = { startDate: day(FIRST), endDate: day(LAST) };
  const readInventory = async () => (await call<Page<Night>>('getRoomInventory', { venueId: venue, ...range })).results;
  const readRates = async () => (await Promise.all(plans.map((barId) => call<Page<Night>>('getRoomRates', { venueId: venue, barId, ...range })))).flatMap((p) => p.results);
  const readRules = async () => (await call<Page<Night>>('getRatePlanBookingRules', { venueId: venue, ...range })).results;
  const copies = { RoomInventoryUpdated: new Copy(), RoomRatesUpdated: new Copy(), RatePlanBookingRulesUpdated: new Copy() };

  /** Applies the ARI notifications recorded since the last call, in outbox order; the others are not the copy's business. */
  async function collect(): Promise<number> {
    const rows = await server().store().selectFrom('changes').select(['id', 'endpoint', 'subject', 'body']).where('id', '>', mark).orderBy('id').execute();
    for (const row of rows) {
      mark = row.id;
      if (row.endpoint !== 'ari') continue;
      const copy = copies[row.subject as keyof typeof copies];
      assert.ok(copy, `unexpected ARI subject ${row.subject}`);
      copy.apply((JSON.parse(row.body) as { data: Night[] }).data);
    }
    return rows.length;
  }

  async function assertCopyMatches(step: string): Promise<void> {
    await collect();
    for (const [subject, read] of [
      ['RoomInventoryUpdated', await readInventory()],
      ['RoomRatesUpdated', await readRates()],
      ['RatePlanBookingRulesUpdated', await readRules()],
    ] as const) {
      assert.deepEqual(copies[subject].answer(read), read, `${subject} after ${step}`);
    }
  }

  before(async () => {
    const store = server().store();
    venue = await addVenue(store, { name: 'Replay Lodge', timezone: ZONE });
    await setVenue(store, venue, { distribution: true });
    for (const [name, capacity] of [
      ['Queen', 8],
      ['King', 5],
      ['Suite', 2],
    ] as const) {
      rooms.push((await call<{ id: number }>('addOrUpdateGuestRoom', { venueId: venue, name, capacity })).id);
    }
    plans = [await addRatePlan(store, venue, 'BAR'), await addRatePlan(store, venue, 'Flex'), await addRatePlan(store, venue, 'Member')];
    // Seasons with weekday and occupancy prices, a rate set per night before the copy starts, and rooms held by a booking.
    const yearRound = await addSeason(store, plans[0]!, { start: day(0), end: day(60) });
    const weekend = await addSeason(store, plans[0]!, { start: day(0), end: day(60), days: [5, 6] });
    const flex = await addSeason(store, plans[1]!, { start: day(10), end: day(20) });
    for (const [i, room] of rooms.entries()) {
      await addRoomRate(store, yearRound, room, { cost: 15_000 + i * 5_000, double: 17_500 + i * 5_000 });
      await addRoomRate(store, weekend, room, { cost: 19_900 + i * 5_000, double: null, triple: 25_050 });
      if (i < 2) await addRoomRate(store, flex, room, { cost: 13_000 + i * 100, quad: 16_000 });
    }
    await setDynamicRate(store, plans[2]!, rooms[0]!, day(4), 9_999, 11_111);
    await allocateRooms(store, rooms[1]!, day(6), 3);
    await allocateRooms(store, rooms[1]!, day(7), 7);
    // The channel manager's first full read; from here on it only listens.
    mark = Number((await store.selectFrom('changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
    copies.RoomInventoryUpdated.start(await readInventory());
    copies.RoomRatesUpdated.start(await readRates());
    copies.RatePlanBookingRulesUpdated.start(await readRules());
  });

  it('keeps an exact copy of inventory, rates and booking rules through a random sequence of writes', async () => {
    const rng = random(20_240_601);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
    const between = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
    const nights = () => {
      const start = between(FIRST, LAST);
      return { startDate: day(start), endDate: day(Math.min(LAST, start + between(0, 6))) };
    };
    const money = () => pick([0, between(50, 400), between(5_000, 40_000) / 100]);
    const items = <T>(make: () => T) => Array.from({ length: between(1, 4) }, make);
    const actions = {
      addOrUpdateRoomCountsCollection: () => ({ items: items(() => ({ roomId: pick(rooms), ...nights(), roomCount: between(0, 12) })) }),
      addOrUpdateRoomDynamicRatesCollection: () => ({
        items: items(() => ({
          barId: pick(plans),
          roomId: pick(rooms),
          ...nights(),
          cost: money(),
          ...(rng() < 0.5 ? { costDouble: money() } : {}),
          ...(rng() < 0.3 ? { costTriple: null, costQuad: money() } : {}),
        })),
      }),
      removeRoomDynamicRates: () => ({ barId: pick(plans), roomId: pick(rooms), ...nights() }),
      addOrUpdateRatePlanBookingRulesCollection: () => ({ items: items(() => ({ barId: pick(plans), roomId: pick(rooms), ...nights(), closeOutStatus: pick([1, 2]) })) }),
    };
    const names = Object.keys(actions) as Array<keyof typeof actions>;
    const done = new Map<string, number>();
    for (let step = 0; step < STEPS; step++) {
      const action = pick(names);
      const params = actions[action]();
      assert.deepEqual(await call(action, { venueId: venue, ...params }), { success: true });
      done.set(action, (done.get(action) ?? 0) + 1);
      if (step % 15 === 14) await assertCopyMatches(`step ${step} (${action} ${JSON.stringify(params)})`);
    }
    await assertCopyMatches('the last step');
    assert.deepEqual([...done.keys()].sort(), [...names].sort(), 'every write action took part');

    // The copy is not trivially right: the writes moved a good part of what it holds away from its first read.
    for (const [subject, copy] of Object.entries(copies)) assert.ok(copy.moved() > 20, `${subject}: ${copy.moved()} nights moved`);
    const held = [...copies.RoomInventoryUpdated.nights.values()].filter((n) => n.availableCount !== n.inventoryCount).length;
    assert.ok(held > 0, 'allocations show in the replayed availability');
  });
});
