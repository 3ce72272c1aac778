/**
 * Dates and times of the availability pages. A timestamp without a zone is on the venue's
 * clock (the activity of get-available-function-spaces.md, "09:00:00" to "10:00:00"); one that
 * says UTC (` UTC` or `Z`, as iVvy timestamps may) is that instant. get-resource-availability.md
 * documents dates but its example sends timestamps: both are accepted.
 */
import type { ApiError } from '../../../../protocol/errors.js';
import { doesNotValidate } from '../../../../protocol/specific-codes.js';
import { parseDate, parseTimestamp } from '../../../../protocol/timestamp.js';
import { custom, messages } from '../../../../registry/params.js';
import { instantToWall, localDay, wallToInstant } from '../venue-time.js';

export interface VenueMoment {
  /** The date and time as written, read as if UTC (venue-time.ts, "wall"). */
  readonly wall: number;
  /** Written with a UTC marker: `wall` is the instant itself. */
  readonly utc: boolean;
  /** Written as a date alone. */
  readonly dateOnly: boolean;
  readonly date: string;
}

const UTC_MARK = /(?: ?UTC|Z)\s*$/i;

function moment(value: unknown, dates: boolean): VenueMoment | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (dates) {
    const date = parseDate(text);
    if (date !== null) return { wall: Date.parse(`${date}T00:00:00Z`), utc: false, dateOnly: true, date };
  }
  const wall = parseTimestamp(text);
  if (wall === null) return undefined;
  return { wall, utc: UTC_MARK.test(text), dateOnly: false, date: text.slice(0, 10) };
}

/** `yyyy-mm-dd HH:mm:ss`, on the venue's clock unless it says UTC. */
export const venueTimestamp = () =>
  custom<string, VenueMoment>(messages.timestamp, (v) => moment(v, false), { type: 'string', format: 'timestamp' });

/** A date (`yyyy-mm-dd`, a whole venue day) or a timestamp as venueTimestamp reads it. */
export const venueDateOrTimestamp = () =>
  custom<string, VenueMoment>(`${messages.date}, or a timestamp in the format yyyy-mm-dd HH:mm:ss`, (v) => moment(v, true), {
    type: 'string',
    format: 'date',
  });

/** The instant a moment names; a date alone names the start of the venue's day, or its end with `endOfDay`. */
export function instantOf(zone: string, m: VenueMoment, endOfDay = false): number {
  if (m.dateOnly) return endOfDay ? localDay(zone, m.date).to : localDay(zone, m.date).from;
  return m.utc ? m.wall : wallToInstant(zone, m.wall);
}

/** The moment on the venue's clock, for measuring a range as the client wrote it. */
export function wallOf(zone: string, m: VenueMoment): number {
  return m.utc ? instantToWall(zone, m.wall) : m.wall;
}

/** An end that is not after its start. */
export const endNotAfterStart = (end: string, start: string): ApiError => doesNotValidate(end, [`Value must be after ${start}`]);
