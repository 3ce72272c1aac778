/**
 * Everything one getAvailableFunctionSpaces answer reads about a venue: its spaces, how they
 * combine, what holds them during the activity, and the event types or layouts it asks about.
 * The action is polled by booking widgets over busy venues (bench/venue-availability.ts), so
 * the reads are prepared queries (storage/prepared.ts) and, on SQLite outside a transaction,
 * run together in one read transaction (storage/sqlite-direct.ts `readNow`): one snapshot, no
 * Kysely building or compiling per request.
 */
import { prepared } from '../../../../storage/prepared.js';
import type { Scope } from '../../../../storage/scope.js';
import { readNow } from '../../../../storage/sqlite-direct.js';
import { currentWriteVersion, currentWriteVersionNow } from '../../../../storage/write-versions.js';
import { venueById, type VenueRow } from '../../venues/store.js';
import type { Interval } from '../intervals.js';
import { graphOfParts, type HeldOccupancy, type SpaceGraph } from '../occupancy.js';
import { LONG_HOLD_MS } from '../occupancy-window.js';

/** What the answer needs of a space. */
export interface AvailabilitySpace {
  id: number;
  name: string;
  max_pax: number;
  max_num_bookings: number;
}

export interface AvailabilityReads {
  /** The venue, read with the rest (undefined: removed since the call found it). */
  venue: VenueRow | undefined;
  /** The account's write version all of it was read at, when known to be one (storage/answer-cache.ts). */
  version: number | undefined;
  /** The venue's spaces in id order. */
  spaces: AvailabilitySpace[];
  graph: SpaceGraph;
  /** The venue's occupancies held at some instant of the window, in the order they start. */
  occupancies: HeldOccupancy[];
  /** With an event type asked about: the spaces that hold it. */
  eventTypeSpaces: ReadonlySet<number> | null;
  /** With a layout type asked about: each space having that layout, and its largest maximum (Infinity: none given). */
  layouts: ReadonlyMap<number, number> | null;
}

export interface AvailabilityQuestion {
  venueId: number;
  window: Interval;
  eventType?: number | undefined;
  layoutType?: number | undefined;
}

const spacesOfVenue = prepared((store, p: { venue: number }) =>
  store
    .selectFrom('function_spaces')
    .select(['id', 'name', 'max_pax', 'max_num_bookings'])
    .where('venue_id', '=', p.venue)
    .orderBy('id'),
);

const partsOfVenue = prepared((store, p: { venue: number }) =>
  store
    .selectFrom('function_space_parts')
    .innerJoin('function_spaces', 'function_spaces.id', 'function_space_parts.space_id')
    .select(['function_space_parts.space_id', 'function_space_parts.part_id'])
    .where('function_spaces.venue_id', '=', p.venue),
);

// What the answer reads of a hold, all in the window index (0026_venue_read_paths).
const HELD_COLUMNS = ['id', 'venue_id', 'space_id', 'source_kind', 'source_id', 'booking_id', 'pax', 'starts_at', 'ends_at', 'held_from', 'held_until'] as const;

// The two index ranges of occupancy.ts venueOccupancies: holds up to LONG_HOLD_MS by a start no
// earlier than that before the window, longer ones apart.
const shortHolds = prepared((store, p: { venue: number; from: number; to: number; earliest: number }) =>
  store
    .selectFrom('space_occupancies')
    .select(HELD_COLUMNS)
    .where('venue_id', '=', p.venue)
    .where('long_hold', '=', 0)
    .where('held_from', '>=', p.earliest)
    .where('held_from', '<', p.to)
    .where('held_until', '>', p.from)
    .orderBy('held_from')
    .orderBy('id'),
);

const longHolds = prepared((store, p: { venue: number; from: number; to: number }) =>
  store
    .selectFrom('space_occupancies')
    .select(HELD_COLUMNS)
    .where('venue_id', '=', p.venue)
    .where('long_hold', '=', 1)
    .where('held_from', '<', p.to)
    .where('held_until', '>', p.from)
    .orderBy('held_from')
    .orderBy('id'),
);

const spacesOfEventType = prepared((store, p: { venue: number; eventType: number }) =>
  store
    .selectFrom('function_space_event_types')
    .innerJoin('function_spaces', 'function_spaces.id', 'function_space_event_types.space_id')
    .select('function_space_event_types.space_id')
    .where('function_spaces.venue_id', '=', p.venue)
    .where('function_space_event_types.event_type_id', '=', p.eventType),
);

const layoutsOfType = prepared((store, p: { venue: number; type: number }) =>
  store
    .selectFrom('function_space_layouts')
    .innerJoin('function_spaces', 'function_spaces.id', 'function_space_layouts.space_id')
    .select(['function_space_layouts.space_id', 'function_space_layouts.pax_maximum'])
    .where('function_spaces.venue_id', '=', p.venue)
    .where('function_space_layouts.type', '=', p.type),
);

interface Rows {
  venue: VenueRow | undefined;
  version: number | undefined;
  spaces: AvailabilitySpace[];
  parts: Array<{ space_id: number; part_id: number }>;
  short: HeldOccupancy[];
  long: HeldOccupancy[];
  eventType: Array<{ space_id: number }> | null;
  layouts: Array<{ space_id: number; pax_maximum: number | null }> | null;
}

const paramsOf = (q: AvailabilityQuestion) => ({
  venue: { venue: q.venueId },
  short: { venue: q.venueId, from: q.window.from, to: q.window.to, earliest: q.window.from - LONG_HOLD_MS },
  long: { venue: q.venueId, from: q.window.from, to: q.window.to },
});

function readRowsNow(store: Scope, q: AvailabilityQuestion): Rows | undefined {
  if (store.inTransaction) return undefined;
  const p = paramsOf(q);
  return readNow(store.executor, () => {
    // One read transaction: the version read here is the one every row below was read at.
    const version = currentWriteVersionNow(store);
    const venue = venueById.now(store, { id: q.venueId });
    const spaces = spacesOfVenue.now(store, p.venue);
    const parts = partsOfVenue.now(store, p.venue);
    const short = shortHolds.now(store, p.short);
    const long = longHolds.now(store, p.long);
    const eventType = q.eventType === undefined ? null : spacesOfEventType.now(store, { venue: q.venueId, eventType: q.eventType });
    const layouts = q.layoutType === undefined ? null : layoutsOfType.now(store, { venue: q.venueId, type: q.layoutType });
    if (version === undefined || venue === undefined || spaces === undefined || parts === undefined || short === undefined || long === undefined || eventType === undefined || layouts === undefined) return undefined;
    return { venue: venue[0], version, spaces, parts, short, long, eventType, layouts };
  });
}

async function readRows(store: Scope, q: AvailabilityQuestion): Promise<Rows> {
  const now = readRowsNow(store, q);
  if (now !== undefined) return now;
  const p = paramsOf(q);
  // Separate statements: the rows are of one version only when it did not move meanwhile.
  const before = store.inTransaction ? undefined : await currentWriteVersion(store);
  const [venue, spaces, parts, short, long, eventType, layouts] = await Promise.all([
    venueById(store, { id: q.venueId }),
    spacesOfVenue(store, p.venue),
    partsOfVenue(store, p.venue),
    shortHolds(store, p.short),
    longHolds(store, p.long),
    q.eventType === undefined ? null : spacesOfEventType(store, { venue: q.venueId, eventType: q.eventType }),
    q.layoutType === undefined ? null : layoutsOfType(store, { venue: q.venueId, type: q.layoutType }),
  ]);
  const after = before === undefined ? undefined : await currentWriteVersion(store);
  return { venue: venue[0], version: before === after ? before : undefined, spaces, parts, short, long, eventType, layouts };
}

export async function availabilityReads(store: Scope, q: AvailabilityQuestion): Promise<AvailabilityReads> {
  const rows = await readRows(store, q);
  let layouts: Map<number, number> | null = null;
  if (rows.layouts !== null) {
    layouts = new Map();
    for (const r of rows.layouts) if (!layouts.has(r.space_id)) layouts.set(r.space_id, Infinity);
    for (const r of rows.layouts) {
      if (r.pax_maximum === null) continue;
      const most = layouts.get(r.space_id)!;
      layouts.set(r.space_id, Math.max(most === Infinity ? 0 : most, r.pax_maximum));
    }
  }
  return {
    venue: rows.venue,
    version: rows.version,
    spaces: rows.spaces,
    graph: graphOfParts(rows.parts),
    occupancies: rows.long.length === 0 ? rows.short : [...rows.short, ...rows.long].sort((a, b) => a.held_from - b.held_from || a.id - b.id),
    eventTypeSpaces: rows.eventType === null ? null : new Set(rows.eventType.map((r) => r.space_id)),
    layouts,
  };
}
