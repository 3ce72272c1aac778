/**
 * A venue's wall clock. The pages' dates and times without a zone (blockout start and end,
 * availability days and slots, the activity window of getAvailableFunctionSpaces) are the
 * venue's local time; storage keeps instants. Luxon does the zone arithmetic, daylight saving
 * included: a local day is 23, 24 or 25 hours long.
 *
 * A "wall" value is epoch milliseconds of the local date and time read as if it were UTC (what
 * protocol/timestamp.ts parseTimestamp gives for text without a zone), so wall times compare
 * and subtract like plain numbers.
 */
import { DateTime, IANAZone } from 'luxon';
import { formatTimestamp } from '../../../protocol/timestamp.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

// Both memos below hold facts about time zones only, never account data; each is bounded.
const MEMO_LIMIT = 20_000;
const remember = <K, V>(memo: Map<K, V>, key: K, value: V): V => {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
};

const knownZones = new Map<string, string>();

/** The venue's zone; a zone luxon does not know reads as UTC rather than failing every answer. */
export function zoneOf(timezone: string): string {
  return knownZones.get(timezone) ?? remember(knownZones, timezone, IANAZone.isValidZone(timezone) ? timezone : 'UTC');
}

/**
 * A zone's UTC offset (ms) at an instant. Asking Intl for it is the dearest step of an
 * availability answer, and offsets change only at transitions, which modern rules place on
 * quarter hours: the offset is remembered per zone and quarter hour, but only for a quarter
 * whose first and last instant agree, so an odd historical transition is never smoothed over.
 */
const QUARTER_HOUR = 15 * 60_000;
const quarterOffsets = new Map<string, number>();
const offsetOf = (zone: string, instant: number): number => DateTime.fromMillis(instant, { zone }).offset * 60_000;

function offsetAt(zone: string, instant: number): number {
  const quarter = Math.floor(instant / QUARTER_HOUR);
  const key = `${zone}|${quarter}`;
  const known = quarterOffsets.get(key);
  if (known !== undefined) return known;
  const first = offsetOf(zone, quarter * QUARTER_HOUR);
  const last = offsetOf(zone, (quarter + 1) * QUARTER_HOUR - 1);
  return first === last ? remember(quarterOffsets, key, first) : offsetOf(zone, instant);
}

/**
 * The instant a local wall time names (a time skipped by daylight saving moves forward). The
 * steps are luxon's own for `setZone(zone, { keepLocalTime: true })` (guess the offset at the
 * wall value, check it at the guessed instant, correct once), on the remembered offsets above
 * instead of a DateTime per step: an availability request converts several times per call.
 */
export function wallToInstant(zone: string, wall: number): number {
  const guess = offsetAt(zone, wall);
  const first = wall - guess;
  const atFirst = offsetAt(zone, first);
  if (atFirst === guess) return first;
  const second = first - (atFirst - guess);
  const atSecond = offsetAt(zone, second);
  if (atSecond === atFirst) return second;
  // In a gap the clocks skipped: luxon keeps the wall time with the smaller offset.
  return wall - Math.min(atFirst, atSecond);
}

export function instantToWall(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant);
}

/** `yyyy-mm-dd HH:mm:ss` on the venue's clock. */
export function formatLocal(zone: string, instant: number): string {
  return formatTimestamp(instantToWall(zone, instant), false);
}

export function localDate(zone: string, instant: number): string {
  return formatLocal(zone, instant).slice(0, 10);
}

export function localTime(zone: string, instant: number): string {
  return formatLocal(zone, instant).slice(11);
}

/** The instants a local day starts and ends at. */
export function localDay(zone: string, date: string): { from: number; to: number } {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return { from: start.toMillis(), to: start.plus({ days: 1 }).startOf('day').toMillis() };
}

/** A calendar date `days` later (or earlier), zone-free. */
export function addDays(date: string, days: number): string {
  return formatTimestamp(Date.parse(`${date}T00:00:00Z`) + days * DAY, false).slice(0, 10);
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}
