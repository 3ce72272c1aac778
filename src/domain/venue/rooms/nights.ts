/**
 * Nights of a venue's calendar. A night is named by the `yyyy-mm-dd` date it starts on in the
 * venue's own time zone, so "today" depends on where the venue is; once named, nights are plain
 * calendar dates and their arithmetic needs no zone (a daylight-saving change does not add or
 * remove one).
 */
import { DateTime } from 'luxon';

const DAY = 86_400_000;

/** The venue's current date; a zone luxon does not know falls back to UTC rather than failing the call. */
export function venueToday(zone: string, now: number): string {
  const local = DateTime.fromMillis(now, { zone });
  return (local.isValid ? local : DateTime.fromMillis(now, { zone: 'utc' })).toISODate()!;
}

const epochDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

// The text of a night by its epoch day. Every ARI read names each of up to 31 nights, and a
// channel manager asks about the same year of nights all day: formatting a Date per night was a
// visible part of getRoomRates (bench/room-rates.ts). Calendar facts only, bounded.
const NAMES_LIMIT = 10_000;
const names = new Map<number, string>();

function nightOf(day: number): string {
  let name = names.get(day);
  if (name === undefined) {
    name = new Date(day * DAY).toISOString().slice(0, 10);
    if (names.size >= NAMES_LIMIT) names.clear();
    names.set(day, name);
  }
  return name;
}

export function addDays(date: string, days: number): string {
  return nightOf(epochDay(date) + days);
}

/** Nights from `start` to `end`, both included. */
export function nightsBetween(start: string, end: string): string[] {
  const first = epochDay(start);
  const count = Math.max(0, epochDay(end) - first + 1) || 0;
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = nightOf(first + i);
  return out;
}

/** 0 = Sunday … 6 = Saturday (get-rate-plan-rate-list.md, Days of Week). */
export function weekdayOf(date: string): number {
  return new Date(epochDay(date) * DAY).getUTCDay();
}

/** Weekdays as the bit mask stored in venue_rate_plan_rates.days_of_week, and back. */
export const daysMask = (days: readonly number[]): number => days.reduce((mask, d) => mask | (1 << d), 0);
export const daysOfMask = (mask: number): number[] => [0, 1, 2, 3, 4, 5, 6].filter((d) => (mask & (1 << d)) !== 0);
