/** Calendar arithmetic on `yyyy-mm-dd` dates (no zone: a date is a day, whatever the clock). */
const DAY = 86_400_000;

const epochDay = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}
