/**
 * venue.getRoomRates for a hotel a channel manager keeps in sync, beside the node:http ceiling:
 * 10 room types priced over 365 nights by a year-round season, a weekend season and a summer
 * peak, with a dynamic rate on about 60% of the nights, on SQLite. Each request asks for 31
 * nights (the most a call may) of one rate plan, starting on a different night of the year.
 *
 *   node --import tsx bench/room-rates.ts [--seconds S] [--warmup S] [--connections N] [--fresh] [--profile]
 *
 * The dataset is kept under node_modules/.cache/marquee-bench-rooms and rebuilt with --fresh or
 * when it no longer opens; Marquee is compiled there too, so a run never touches dist/.
 * --profile runs Marquee with --cpu-prof into bench/results/profiles/.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAccount } from '../src/auth/accounts.js';
import { createApiKey } from '../src/auth/keys.js';
import { loadConfig } from '../src/config.js';
import { addDays, daysMask, nightsBetween } from '../src/domain/venue/rooms/nights.js';
import { createRuntime } from '../src/runtime.js';
import { createScope, type Scope, type TenantInsert } from '../src/storage/scope.js';
import { addVenue } from '../test/domain/venue/fixtures.js';
import type { Dataset } from './datasets/datasets.js';
import { buildMarquee } from './lib/build.js';
import { pinSelf, planPinning } from './lib/machine.js';
import { ROOT } from './lib/paths.js';
import { random, signed, type Credentials } from './lib/signed.js';
import { runLoad, type LoadSpec, type MeasuredLoad, type PreparedRequest } from './load/run-load.js';
import { startCeiling, startMarquee } from './scenarios/servers.js';

// 2: the hotel is made by the venue test fixture (no check-in times or child ages; not read by getRoomRates).
const RECIPE = 2;
const ROOM_TYPES = 10;
const FIRST_NIGHT = '2031-01-01';
const NIGHTS = 365;
const WINDOW = 31;
const DYNAMIC_SHARE = 0.6;
const TARGET = 1_000;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    fresh: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const dataDir = join(ROOT, 'node_modules', '.cache', 'marquee-bench-rooms');
mkdirSync(dataDir, { recursive: true });

interface RoomsDataset {
  recipe: number;
  url: string;
  masterKey: string;
  key: string;
  secret: string;
  venueId: number;
  planIds: number[];
}

/** Ten room types, two rate plans with three seasons each pricing every room, and the dynamic rates. */
async function insertRates(store: Scope, venueId: number, now: number): Promise<number[]> {
  const rng = random(31);
  const rooms: number[] = [];
  for (let i = 0; i < ROOM_TYPES; i++) {
    const row = await store
      .insertInto('venue_rooms', {
        venue_id: venueId, code: `R${i + 1}`, name: `Room type ${i + 1}`, description: null, num_standard_adults: 2, num_extra_adults: 2,
        extra_adult_cost: 4_000, can_smoke: 0, capacity: 20 + i * 5, marketplace_name: null, is_active: 1, category_ids: '[]', created_at: now, modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    rooms.push(row.id);
  }
  const lastNight = addDays(FIRST_NIGHT, NIGHTS - 1);
  const seasons = [
    { start: FIRST_NIGHT, end: lastNight, days: [0, 1, 2, 3, 4, 5, 6], factor: 1 },
    { start: FIRST_NIGHT, end: lastNight, days: [5, 6], factor: 1.2 },
    { start: '2031-12-15', end: lastNight, days: [0, 1, 2, 3, 4, 5, 6], factor: 1.4 },
  ];
  const plans: number[] = [];
  for (const [p, name] of ['Best Available Rate', 'Corporate'].entries()) {
    const planId = (await store.insertInto('venue_rate_plans', { venue_id: venueId, code: name.slice(0, 4).toUpperCase(), name, description: null, created_at: now, modified_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    plans.push(planId);
    const roomRates: TenantInsert<'venue_room_rates'>[] = [];
    for (const season of seasons) {
      const seasonId = (
        await store
          .insertInto('venue_rate_plan_rates', { rate_plan_id: planId, start_date: season.start, end_date: season.end, min_acceptable_rate: 10_000, days_of_week: daysMask(season.days), created_at: now, modified_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      for (const [i, roomId] of rooms.entries()) {
        const cost = Math.round((200 + i * 25) * season.factor * (1 - p * 0.15)) * 100;
        roomRates.push({
          rate_plan_rate_id: seasonId, room_id: roomId, cost, cost_double: cost + 3_000, cost_triple: cost + 7_000, cost_quad: i % 2 === 0 ? cost + 11_000 : null,
          cost_excluded_tax_ids: '[]', actual_cost: Math.round(cost * 0.3), actual_cost_double: null, actual_cost_triple: null, actual_cost_quad: null,
          actual_cost_excluded_tax_ids: '[]', created_at: now, modified_at: now,
        });
      }
    }
    await store.insertInto('venue_room_rates', roomRates).execute();
    const dynamic: TenantInsert<'venue_room_dynamic_rates'>[] = [];
    for (const night of nightsBetween(FIRST_NIGHT, lastNight)) {
      if (rng() >= DYNAMIC_SHARE) continue;
      const demand = 0.8 + rng() * 0.6;
      for (const [i, roomId] of rooms.entries()) {
        const cost = Math.round((200 + i * 25) * demand) * 100;
        dynamic.push({ rate_plan_id: planId, room_id: roomId, night, cost, cost_double: cost + 3_000, cost_triple: null, cost_quad: null, modified_at: now });
      }
    }
    for (let i = 0; i < dynamic.length; i += 500) await store.insertInto('venue_room_dynamic_rates', dynamic.slice(i, i + 500)).execute();
  }
  return plans;
}

async function buildDataset(): Promise<RoomsDataset> {
  const manifest = join(dataDir, 'rooms-dataset.json');
  if (!values.fresh && existsSync(manifest)) {
    const kept = JSON.parse(readFileSync(manifest, 'utf8')) as RoomsDataset;
    if (kept.recipe === RECIPE && existsSync(kept.url.slice('sqlite:'.length))) {
      log(`dataset: reusing ${kept.url}`);
      return kept;
    }
  }
  const file = join(dataDir, 'rooms.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const url = `sqlite:${file}`;
  const masterKey = randomBytes(32).toString('hex');
  const started = Date.now();
  const runtime = await createRuntime(loadConfig({ databaseUrl: url, masterKey, seed: false, logLevel: 'warn' }, {}));
  try {
    const db = runtime.storage.db;
    const { accountId } = await createAccount(db, { name: 'Rooms bench', primaryUser: { firstName: 'Bench', lastName: 'Owner', email: 'bench@marquee.local', isPrimary: true } });
    const key = await createApiKey(db, runtime.secrets, { accountId, label: 'bench' });
    const store = createScope(db, accountId, runtime.storage.dialect);
    const now = Date.now();
    const venueId = await addVenue(store, { name: 'Bench Harbour Hotel' });
    await store.updateTable('venues').set({ has_spaces: 0, has_accommodation: 1, has_distribution_channel: 1, enable_multi_occupancy: 1 }).where('id', '=', venueId).execute();
    const planIds = await store.transaction((tx) => insertRates(tx, venueId, now));
    const dataset: RoomsDataset = { recipe: RECIPE, url, masterKey, key: key.key, secret: key.secret, venueId, planIds };
    writeFileSync(manifest, `${JSON.stringify(dataset, null, 2)}\n`);
    log(`dataset: ${ROOM_TYPES} room types × ${NIGHTS} nights, ${planIds.length} rate plans, built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return dataset;
  } finally {
    await runtime.close();
  }
}

const pinning = planPinning();
pinSelf(pinning);
const buildDir = buildMarquee(dataDir, log);
const dataset = await buildDataset();
const profileDir = values.profile ? join(ROOT, 'bench', 'results', 'profiles') : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const options = { pinning, buildDir, profileDir };
const spec = (url: string, requests: PreparedRequest[]): LoadSpec => ({
  url,
  connections: Number(values.connections),
  seconds: Number(values.seconds),
  warmupSeconds: Number(values.warmup),
  requests,
});
const credentials: Credentials = { key: dataset.key, secret: dataset.secret };

const measured: Array<{ label: string; result: MeasuredLoad }> = [];
const ceiling = await startCeiling({ ...options, profileDir: null });
try {
  const ping = Array.from({ length: 32 }, () => signed(credentials, 'test', 'ping', {}));
  measured.push({ label: 'node:http ceiling', result: await runLoad(pinning, spec(ceiling.ready.url as string, ping), { serverPid: ceiling.process.pid }) });
} finally {
  await ceiling.stop();
}

const marquee = await startMarquee(options, { url: dataset.url, masterKey: dataset.masterKey } as Dataset);
try {
  const url = marquee.ready.url as string;
  // 500 windows of 31 nights, each starting on a different night of the year, over both plans.
  const rng = random(365);
  const requests = Array.from({ length: 500 }, () => {
    const startDate = addDays(FIRST_NIGHT, Math.floor(rng() * (NIGHTS - WINDOW + 1)));
    const barId = dataset.planIds[Math.floor(rng() * dataset.planIds.length)]!;
    return signed(credentials, 'venue', 'getRoomRates', { venueId: dataset.venueId, barId, startDate, endDate: addDays(startDate, WINDOW - 1) });
  });
  const first = await fetch(url + requests[0]!.path, { method: 'POST', headers: requests[0]!.headers, body: requests[0]!.body });
  const answer = (await first.json()) as { results?: Array<{ cost: number | null }> };
  if (first.status !== 200 || answer.results?.length !== ROOM_TYPES * WINDOW || answer.results.some((r) => r.cost === null)) {
    throw new Error(`getRoomRates answered unexpectedly (HTTP ${first.status}): ${JSON.stringify(answer).slice(0, 300)}`);
  }
  measured.push({ label: 'venue.getRoomRates (31 nights)', result: await runLoad(pinning, spec(url, requests), { serverPid: marquee.process.pid }) });
} finally {
  await marquee.stop();
}

const top = measured[0]!.result.requestsPerSecond;
const rows = measured.map(({ label, result }) =>
  `| ${label.padEnd(34)} | ${Math.round(result.requestsPerSecond).toLocaleString('en-US').padStart(7)} | ${((result.requestsPerSecond / top) * 100).toFixed(1).padStart(6)}% | ${result.p50.toFixed(2).padStart(6)} | ${result.p99.toFixed(2).padStart(6)} | ${result.serverCpuMicros?.toFixed(0) ?? '?'} |`,
);
const rate = measured[1]!.result.requestsPerSecond;
process.stdout.write(
  [
    `\nRoom rates: SQLite, ${ROOM_TYPES} room types × ${NIGHTS} nights, 3 seasons and ${Math.round(DYNAMIC_SHARE * 100)}% dynamic nights per plan; ${WINDOW} nights × ${ROOM_TYPES} rooms per answer; ${values.connections} connections, ${values.warmup} s warm-up + ${values.seconds} s` +
      (pinning.pinned ? `; server on CPU ${pinning.serverCpu}` : `; not pinned: ${pinning.reason}`),
    '',
    '| case                               | req/s   | ceiling | p50 ms | p99 ms | server µs CPU/req |',
    '| ---------------------------------- | ------- | ------- | ------ | ------ | ----------------- |',
    ...rows,
    '',
    `Target: getRoomRates ≥ ${TARGET.toLocaleString('en-US')} req/s on one core: ${rate >= TARGET ? 'PASS' : 'FAIL'}`,
    '',
  ].join('\n'),
);
