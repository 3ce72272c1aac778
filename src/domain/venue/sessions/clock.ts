/**
 * A session's times. The pages send a date and times of day on the venue's clock (startDate,
 * startTime "10:00:00"; the resource page's example writes "5:00 AM"); storage keeps instants,
 * so a session keeps its length in hours across a change of daylight saving only as the wall
 * clock says (venue-time.ts does the zone arithmetic). An end time not after the start time is
 * on the next day: an evening function from 19:00 to 01:00.
 */
import { custom } from '../../../registry/params.js';
import { addDays, formatLocal, wallToInstant } from '../spaces/venue-time.js';
import type { Interval } from '../spaces/intervals.js';

const TWENTY_FOUR = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const TWELVE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])\.?m\.?$/i;

const two = (n: number) => String(n).padStart(2, '0');

/** `hh:mm:ss` from "14:05", "14:05:00" or "2:05 PM"; undefined for anything else. */
export function parseClock(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const twelve = TWELVE.exec(text);
  const m = twelve ?? TWENTY_FOUR.exec(text);
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (twelve) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (m[4]!.toLowerCase() === 'p' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return `${two(h)}:${two(mi)}:${two(s)}`;
}

/** A time of day on the venue's clock. */
export const clockTime = () =>
  custom<string, string>('Value must be a time in the format hh:mm:ss', parseClock, { type: 'string', format: 'time' });

const seconds = (clock: string) => {
  const [h, m, s] = clock.split(':').map(Number) as [number, number, number];
  return (h * 3600 + m * 60 + s) * 1000;
};

/** The wall time (venue-time.ts) of a date and a time of day. */
const wall = (date: string, clock: string) => Date.parse(`${date}T00:00:00Z`) + seconds(clock);

/**
 * The instants from `start` to `end` on `date` in `zone`; an end not after the start falls on
 * the next day. Empty when daylight saving swallows the whole of it (both in the skipped hour).
 */
export function clockWindow(zone: string, date: string, start: string, end: string): Interval {
  const endDate = seconds(end) <= seconds(start) ? addDays(date, 1) : date;
  return { from: wallToInstant(zone, wall(date, start)), to: wallToInstant(zone, wall(endDate, end)) };
}

/** The date, and the times of day, an interval shows on the venue's clock. */
export function clockOf(zone: string, interval: Interval): { startDate: string; startTime: string; endDate: string; endTime: string } {
  const from = formatLocal(zone, interval.from);
  const to = formatLocal(zone, interval.to);
  return { startDate: from.slice(0, 10), startTime: from.slice(11), endDate: to.slice(0, 10), endTime: to.slice(11) };
}

/** The venue's date of an instant. */
export const dateOn = (zone: string, instant: number): string => formatLocal(zone, instant).slice(0, 10);
