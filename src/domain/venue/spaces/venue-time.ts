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

/** The venue's zone; a zone luxon does not know reads as UTC rather than failing every answer. */
export function zoneOf(timezone: string): string {
  return IANAZone.isValidZone(timezone) ? timezone : 'UTC';
}

/** The instant a local wall time names (a time skipped by daylight saving moves forward). */
export function wallToInstant(zone: string, wall: number): number {
  return DateTime.fromMillis(wall, { zone: 'utc' }).setZone(zone, { keepLocalTime: true }).toMillis();
}

export function instantToWall(zone: string, instant: number): number {
  return DateTime.fromMillis(instant, { zone }).setZone('utc', { keepLocalTime: true }).toMillis();
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
