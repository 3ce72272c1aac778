/** Human-readable text for the emails and pages of events (not the API, which is UTC). */

/** "Thu 5 March 2026, 2:00 pm – 5:00 pm (Australia/Sydney)", in the event's own time zone. */
export function eventWhen(startMs: number, endMs: number, timeZone: string): string {
  const day = (ms: number) =>
    new Intl.DateTimeFormat('en-AU', { timeZone, weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' }).format(ms);
  const time = (ms: number) => new Intl.DateTimeFormat('en-AU', { timeZone, hour: 'numeric', minute: '2-digit' }).format(ms);
  const sameDay = day(startMs) === day(endMs);
  const range = sameDay
    ? `${day(startMs)}, ${time(startMs)} – ${time(endMs)}`
    : `${day(startMs)}, ${time(startMs)} – ${day(endMs)}, ${time(endMs)}`;
  return `${range} (${timeZone})`;
}

export const fullName = (first: string, last: string): string => `${first} ${last}`.trim();
