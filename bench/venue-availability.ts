/**
 * venue.getAvailableFunctionSpaces on a busy venue, beside the node:http ceiling (issue 16):
 * 40 function spaces (36 rooms, 4 of them combinations of three), 20,000 booked sessions over
 * two years, on SQLite. Each request asks about a different four hours of those two years.
 * Then venue.getBooking of one booking of 20 sessions (issue 16).
 *
 *   node --import tsx bench/venue-availability.ts [--seconds S] [--warmup S] [--connections N] [--fresh]
 *
 * The dataset is kept under node_modules/.cache/marquee-bench-venue and rebuilt with --fresh or
 * when it no longer opens; Marquee is compiled there too, so a run never touches dist/.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAccount } from '../src/auth/accounts.js';
import { createApiKey } from '../src/auth/keys.js';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/runtime.js';
import { createScope, type Scope } from '../src/storage/scope.js';
import { addVenue } from '../test/domain/venue/fixtures.js';
import type { Dataset } from './datasets/datasets.js';
import { buildMarquee } from './lib/build.js';
import { pinSelf, planPinning } from './lib/machine.js';
import { ROOT } from './lib/paths.js';
import { random, signed, type Credentials } from './lib/signed.js';
import { runLoad, type LoadSpec, type MeasuredLoad, type PreparedRequest } from './load/run-load.js';
import { startCeiling, startMarquee } from './scenarios/servers.js';

// 2: a conference booking of 20 sessions for getBooking.
const RECIPE = 2;
const SPACES = 40;
const SESSIONS = 20_000;
const DAYS = 730;
const FIRST_DAY = Date.parse('2031-01-01T00:00:00Z');
const HOUR = 3_600_000;
const CONFERENCE_SESSIONS = 20;
/** getBooking must reach this share of the ceiling (issue 16). */
const BOOKING_SHARE = 0.15;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    fresh: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const dataDir = join(ROOT, 'node_modules', '.cache', 'marquee-bench-venue');
mkdirSync(dataDir, { recursive: true });

interface VenueDataset {
  recipe: number;
  url: string;
  masterKey: string;
  key: string;
  secret: string;
  venueId: number;
  /** The booking of CONFERENCE_SESSIONS sessions getBooking reads. */
  bookingId: number;
}

/** 36 rooms and 4 combinations of three of them; which rooms each combination covers. */
async function insertSpaces(store: Scope, venueId: number, now: number): Promise<{ rooms: number[]; combos: Array<{ id: number; parts: number[] }> }> {
  const space = async (name: string, order: number) =>
    (
      await store
        .insertInto('function_spaces', {
          venue_id: venueId,
          category_id: null,
          name,
          description: null,
          image_id: null,
          has_layouts: 0,
          min_pax: 1,
          max_pax: 200,
          max_num_bookings: 1,
          area: null,
          length: null,
          width: null,
          height_maximum: null,
          height_minimum: null,
          floor_pressure_maximum: null,
          floor_pressure_minimum: null,
          included_in_report_dashboard: 1,
          three_d_scan_id: '',
          use_integration_partner: 0,
          is_viewable: 1,
          marketplace_name: null,
          marketplace_event_types: null,
          can_be_live_booked: 0,
          can_provide_food_beverage: 1,
          menu_type_ids: '[]',
          beverage_category_ids: '[]',
          available_from_time: null,
          available_till_time: null,
          minimum_booking_time: null,
          restrict_booking_time_interval: null,
          available_days_of_week: '[]',
          display_availability_to: null,
          restrict_visibility: null,
          user_group_ids: '[]',
          is_viewable_to_anonymous_users: 1,
          sort_order: order,
          marketplace_sort_order: order,
          created_at: now,
          modified_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const rooms: number[] = [];
  for (let i = 0; i < SPACES - 4; i++) rooms.push(await space(`Room ${i + 1}`, i));
  const combos: Array<{ id: number; parts: number[] }> = [];
  for (let c = 0; c < 4; c++) {
    const parts = rooms.slice(c * 3, c * 3 + 3);
    const id = await space(`Ballroom ${c + 1}`, SPACES + c);
    await store.insertInto('function_space_parts', parts.map((part_id) => ({ space_id: id, part_id }))).execute();
    combos.push({ id, parts });
  }
  return { rooms, combos };
}

/**
 * 20,000 sessions over 730 days in three slots a day (08–12, 13–17, 18–23, Sydney time, as
 * UTC+10 without daylight saving, close enough for load): per slot one combination and rooms
 * outside it, never two sessions in one space at once, ten sessions per booking.
 */
async function insertSessions(store: Scope, venueId: number, spaces: Awaited<ReturnType<typeof insertSpaces>>, now: number): Promise<number> {
  const rng = random(16);
  const contact = await store
    .insertInto('contacts', { first_name: 'Bench', last_name: 'Client', email: 'client@bench.local', email_status: 1, sms_status: 1, is_anonymised: 0, created_at: now, modified_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const slots: Array<[number, number]> = [
    [8, 12],
    [13, 17],
    [18, 23],
  ];
  const perSlot = Math.ceil(SESSIONS / (DAYS * slots.length));
  const plan: Array<{ spaceId: number; from: number; to: number }> = [];
  for (let day = 0; day < DAYS && plan.length < SESSIONS; day++) {
    for (const [start, end] of slots) {
      const combo = spaces.combos[Math.floor(rng() * spaces.combos.length)]!;
      const free = spaces.rooms.filter((r) => !combo.parts.includes(r));
      const picked = [combo.id];
      while (picked.length < perSlot) {
        const room = free.splice(Math.floor(rng() * free.length), 1)[0]!;
        picked.push(room);
      }
      const base = FIRST_DAY + day * 24 * HOUR - 10 * HOUR;
      for (const spaceId of picked) if (plan.length < SESSIONS) plan.push({ spaceId, from: base + start * HOUR, to: base + end * HOUR });
    }
  }
  for (let b = 0; b < plan.length / 10; b++) {
    await insertBooking(store, venueId, contact.id, `B${String(b).padStart(6, '0')}`, plan.slice(b * 10, b * 10 + 10), now);
  }
  return contact.id;
}

/** A confirmed booking on an opportunity of its own, holding `sessions` (each occupying its space); its id. */
async function insertBooking(store: Scope, venueId: number, contactId: number, code: string, sessions: Array<{ spaceId: number; from: number; to: number }>, now: number): Promise<number> {
  return store.transaction(async (tx) => {
      const lead = await tx
        .insertInto('crm_leads', {
          venue_id: venueId, name: `Opportunity ${code}`, description: null, owner_user_id: null, contact_id: contactId, company_id: null, industry_id: null,
          current_booking_id: null, quality_id: null, stage_id: null, stage_reason_id: null, admin_status_changed_at: null, type_id: null, subtype_id: null,
          source_id: null, channel_id: null, closed_at: null, lost_to_competition: null, external_urls: null, created_at: now, modified_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const booking = await tx
        .insertInto('bookings', {
          venue_id: venueId, lead_id: lead.id, booking_type: 1, current_status: 3, code, name: `Booking ${code}`,
          event_type_id: null, event_sub_type_id: null, company_id: null, contact_id: contactId, industry_id: null, purchase_order_number: null,
          booked_by_id: null, can_be_moved: 0, date_event_start: null, date_event_end: null, total_attendees: 50, is_accomm_included: 0,
          date_accom_start: null, date_accom_end: null, accomm_cut_off_date: null, accomm_cancellation_date: null, accomm_charging_method: null,
          accomm_guarantee_required: 0, accomm_external_block_id: null, accomm_reservation_method: null, accomm_reservation_cancellation_date: null,
          accomm_arrival_method: null, is_confidential: 0, ota_folio_ref: null, role_user_ids: '[null,null,null,null,null]', discount_code: null,
          external_urls: null, converted_to_tentative_at: null, converted_to_confirmed_at: now, converted_to_cancelled_at: null, cancelled_on: null,
          cancel_reason_id: null, cancel_lost_to_competition: null, created_at: now, modified_at: now, last_modified_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, s] of sessions.entries()) {
        const session = await tx
          .insertInto('booking_sessions', {
            venue_id: venueId, booking_id: booking.id, space_venue_id: venueId, space_id: s.spaceId, layout_id: null, custom_layout_name: null,
            contact_id: contactId, name: `Session ${i + 1}`, min_attendees_guaranteed: 50, agreed_attendees: null, expected_attendees: null,
            guaranteed_attendees: null, set_attendees: null, actual_attendees: null, starts_at: s.from, ends_at: s.to, setup_minutes: 0, setdown_minutes: 0,
            tariff_id: null, room_hire_type: null, session_type_id: null, override_pax: 0, is_signage_visible: 0, signage: '', include_in_package: 0,
            booking_package_id: null, cost_center_id: null, cost: 50_000, excluded_tax_ids: '[]', created_at: now, modified_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('space_occupancies', {
            venue_id: venueId, space_id: s.spaceId, source_kind: 'session', source_id: session.id, booking_id: booking.id, layout_id: null, pax: 50,
            starts_at: s.from, ends_at: s.to, held_from: s.from, held_until: s.to, created_at: now,
          })
          .execute();
      }
      return booking.id;
  });
}

/**
 * The conference getBooking reads: 20 sessions over five days after the two booked years
 * (outside every availability window asked about), four rooms a day in two slots.
 */
async function insertConference(store: Scope, venueId: number, contactId: number, rooms: readonly number[], now: number): Promise<number> {
  const sessions: Array<{ spaceId: number; from: number; to: number }> = [];
  for (let i = 0; i < CONFERENCE_SESSIONS; i++) {
    const base = FIRST_DAY + (DAYS + Math.floor(i / 4)) * 24 * HOUR - 10 * HOUR;
    const start = i % 2 === 0 ? 9 : 14;
    sessions.push({ spaceId: rooms[i % 4]!, from: base + start * HOUR, to: base + (start + 3) * HOUR });
  }
  return insertBooking(store, venueId, contactId, 'CONF01', sessions, now);
}

async function buildDataset(): Promise<VenueDataset> {
  const manifest = join(dataDir, 'venue-dataset.json');
  if (!values.fresh && existsSync(manifest)) {
    const kept = JSON.parse(readFileSync(manifest, 'utf8')) as VenueDataset;
    if (kept.recipe === RECIPE && existsSync(kept.url.slice('sqlite:'.length))) {
      log(`dataset: reusing ${kept.url}`);
      return kept;
    }
  }
  const file = join(dataDir, 'venue.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const url = `sqlite:${file}`;
  const masterKey = randomBytes(32).toString('hex');
  const started = Date.now();
  const runtime = await createRuntime(loadConfig({ databaseUrl: url, masterKey, seed: false, logLevel: 'warn' }, {}));
  try {
    const db = runtime.storage.db;
    const { accountId } = await createAccount(db, { name: 'Venue bench', primaryUser: { firstName: 'Bench', lastName: 'Owner', email: 'bench@marquee.local', isPrimary: true } });
    const key = await createApiKey(db, runtime.secrets, { accountId, label: 'bench' });
    const store = createScope(db, accountId, runtime.storage.dialect);
    const now = Date.now();
    const venueId = await addVenue(store, { name: 'Bench Convention Centre' });
    const spaces = await insertSpaces(store, venueId, now);
    const contactId = await insertSessions(store, venueId, spaces, now);
    const bookingId = await insertConference(store, venueId, contactId, spaces.rooms, now);
    const dataset: VenueDataset = { recipe: RECIPE, url, masterKey, key: key.key, secret: key.secret, venueId, bookingId };
    writeFileSync(manifest, `${JSON.stringify(dataset, null, 2)}\n`);
    log(`dataset: ${SPACES} spaces, ${SESSIONS.toLocaleString('en-US')} sessions built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return dataset;
  } finally {
    await runtime.close();
  }
}

const pinning = planPinning();
pinSelf(pinning);
const buildDir = buildMarquee(dataDir, log);
const dataset = await buildDataset();
const options = { pinning, buildDir, profileDir: null };
const spec = (url: string, requests: PreparedRequest[]): LoadSpec => ({
  url,
  connections: Number(values.connections),
  seconds: Number(values.seconds),
  warmupSeconds: Number(values.warmup),
  requests,
});
const credentials: Credentials = { key: dataset.key, secret: dataset.secret };

const measured: Array<{ label: string; result: MeasuredLoad }> = [];
const ceiling = await startCeiling(options);
try {
  const ping = Array.from({ length: 32 }, () => signed(credentials, 'test', 'ping', {}));
  measured.push({ label: 'node:http ceiling', result: await runLoad(pinning, spec(ceiling.ready.url as string, ping), { serverPid: ceiling.process.pid }) });
} finally {
  await ceiling.stop();
}

const marquee = await startMarquee(options, { url: dataset.url, masterKey: dataset.masterKey } as Dataset);
try {
  const url = marquee.ready.url as string;
  // 500 different four-hour windows spread over the two booked years, on the venue's clock.
  const rng = random(7);
  const requests = Array.from({ length: 500 }, () => {
    const day = new Date(FIRST_DAY + Math.floor(rng() * DAYS) * 24 * HOUR).toISOString().slice(0, 10);
    return signed(credentials, 'venue', 'getAvailableFunctionSpaces', { venueId: dataset.venueId, startDatetime: `${day} 10:00:00`, endDatetime: `${day} 14:00:00` });
  });
  const first = await fetch(url + requests[0]!.path, { method: 'POST', headers: requests[0]!.headers, body: requests[0]!.body });
  const answer = (await first.json()) as { results?: Array<{ isAvailable: boolean }> };
  if (first.status !== 200 || answer.results?.length !== SPACES || answer.results.every((r) => r.isAvailable)) {
    throw new Error(`getAvailableFunctionSpaces answered unexpectedly (HTTP ${first.status}): ${JSON.stringify(answer).slice(0, 300)}`);
  }
  measured.push({ label: 'venue.getAvailableFunctionSpaces', result: await runLoad(pinning, spec(url, requests), { serverPid: marquee.process.pid }) });

  // The same booking of 20 sessions every time, as a booking screen polls it (issue 16).
  const booking = Array.from({ length: 32 }, () => signed(credentials, 'venue', 'getBooking', { id: dataset.bookingId }));
  const read = await fetch(url + booking[0]!.path, { method: 'POST', headers: booking[0]!.headers, body: booking[0]!.body });
  const detail = (await read.json()) as { sessions?: unknown[] };
  if (read.status !== 200 || detail.sessions?.length !== CONFERENCE_SESSIONS) {
    throw new Error(`getBooking answered unexpectedly (HTTP ${read.status}): ${JSON.stringify(detail).slice(0, 300)}`);
  }
  measured.push({ label: `venue.getBooking (${CONFERENCE_SESSIONS} sessions)`, result: await runLoad(pinning, spec(url, booking), { serverPid: marquee.process.pid }) });
} finally {
  await marquee.stop();
}

const top = measured[0]!.result.requestsPerSecond;
const rows = measured.map(({ label, result }) =>
  `| ${label.padEnd(34)} | ${Math.round(result.requestsPerSecond).toLocaleString('en-US').padStart(7)} | ${((result.requestsPerSecond / top) * 100).toFixed(1).padStart(6)}% | ${result.p50.toFixed(2).padStart(6)} | ${result.p99.toFixed(2).padStart(6)} | ${result.serverCpuMicros?.toFixed(0) ?? '?'} |`,
);
process.stdout.write(
  [
    `\nVenue availability: SQLite, ${SPACES} spaces (4 combinations), ${SESSIONS.toLocaleString('en-US')} sessions over two years; ${values.connections} connections, ${values.warmup} s warm-up + ${values.seconds} s` +
      (pinning.pinned ? `; server on CPU ${pinning.serverCpu}` : `; not pinned: ${pinning.reason}`),
    '',
    '| case                               | req/s   | ceiling | p50 ms | p99 ms | server µs CPU/req |',
    '| ---------------------------------- | ------- | ------- | ------ | ------ | ----------------- |',
    ...rows,
    '',
    `Target (issue 16): getAvailableFunctionSpaces ≥ 1,000 req/s on one core: ${measured[1]!.result.requestsPerSecond >= 1000 ? 'PASS' : 'FAIL'}`,
    `Target (issue 16): getBooking of ${CONFERENCE_SESSIONS} sessions ≥ ${BOOKING_SHARE * 100}% of the ceiling: ${measured[2]!.result.requestsPerSecond >= BOOKING_SHARE * top ? 'PASS' : 'FAIL'}`,
    '',
  ].join('\n'),
);
