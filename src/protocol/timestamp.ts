/**
 * iVvy's textual time formats (development-reference/*-format.md).
 * Every instant on the wire is UTC; Marquee stores instants as epoch milliseconds.
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?: ?UTC|Z)?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// Consecutive calls mostly format the same second (every answer's "now"): the last one is kept.
let lastSecond = NaN;
let lastText = '';

/** `yyyy-mm-dd HH:mm:ss UTC`, the form iVvy uses in responses such as modifiedDate. */
export function formatTimestamp(instant: Date | number, suffix = true): string {
  if (typeof instant === 'number') {
    const second = Math.floor(instant / 1000);
    if (second !== lastSecond) {
      lastText = formatUtc(new Date(instant));
      lastSecond = second;
    }
    return suffix ? `${lastText} UTC` : lastText;
  }
  return suffix ? `${formatUtc(instant)} UTC` : formatUtc(instant);
}

function formatUtc(d: Date): string {
  const text =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return text;
}

/** Nullable variant for optional columns. */
export function formatOptionalTimestamp(instant: number | null | undefined, suffix = true): string | null {
  return instant === null || instant === undefined ? null : formatTimestamp(instant, suffix);
}

/**
 * Parses an iVvy timestamp (`yyyy-mm-dd HH:mm:ss`, optional ` UTC`) into epoch ms.
 * Also accepts the ISO `T` separator and `Z`, which some clients send; returns null when the
 * text is not a real calendar instant (2021-02-30 is rejected, not rolled over).
 */
export function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms;
}

/** `yyyy-mm-dd` */
export function formatDate(instant: Date | number): string {
  return formatTimestamp(instant, false).slice(0, 10);
}

/** Validates a `yyyy-mm-dd` calendar date and returns it unchanged (dates are stored as text). */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = m.slice(1, 4).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/** Validates `hh:mm:ss` (seconds optional on input) and returns the normalised `hh:mm:ss`. */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 23 || mi > 59 || s > 59) return null;
  return `${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** One second: the precision of every iVvy timestamp, used to make second-granular filters inclusive. */
export const SECOND = 1000;
