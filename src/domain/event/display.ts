/** Human-readable text for the emails and pages of events (not the API, which is UTC). */

interface Formatters {
  day: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

// Building an Intl formatter costs far more than formatting with one (it was the dearest step
// of seeding events' emails); they hold only a zone's rules, so one pair per zone is kept. Zones
// are the events' own, a few per account; the bound only guards against an unusual spread.
const FORMATTER_LIMIT = 1_000;
const formatters = new Map<string, Formatters>();

function formattersOf(timeZone: string): Formatters {
  let found = formatters.get(timeZone);
  if (!found) {
    if (formatters.size >= FORMATTER_LIMIT) formatters.clear();
    found = {
      day: new Intl.DateTimeFormat('en-AU', { timeZone, weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }),
      time: new Intl.DateTimeFormat('en-AU', { timeZone, hour: 'numeric', minute: '2-digit' }),
    };
    formatters.set(timeZone, found);
  }
  return found;
}

/** "Thu 5 March 2026, 2:00 pm – 5:00 pm (Australia/Sydney)", in the event's own time zone. */
export function eventWhen(startMs: number, endMs: number, timeZone: string): string {
  const { day, time } = formattersOf(timeZone);
  const startDay = day.format(startMs);
  const endDay = day.format(endMs);
  const range =
    startDay === endDay
      ? `${startDay}, ${time.format(startMs)} – ${time.format(endMs)}`
      : `${startDay}, ${time.format(startMs)} – ${endDay}, ${time.format(endMs)}`;
  return `${range} (${timeZone})`;
}

export const fullName = (first: string, last: string): string => `${first} ${last}`.trim();
