/** Arithmetic on half-open intervals of instants, [from, to): the maths of availability. */

export interface Interval {
  readonly from: number;
  readonly to: number;
}

export const overlaps = (a: Interval, b: Interval): boolean => a.from < b.to && b.from < a.to;

/** Sorted, with overlapping and touching intervals merged. */
export function union(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) out[out.length - 1] = { from: last.from, to: Math.max(last.to, i.to) };
    else out.push({ from: i.from, to: i.to });
  }
  return out;
}

/**
 * Where at least `capacity` holders overlap. A holder is a list of intervals (one booking's
 * sessions), merged first so that a booking counts once however many of its sessions overlap.
 */
export function saturated(holders: readonly (readonly Interval[])[], capacity: number): Interval[] {
  const events: Array<[number, number]> = [];
  for (const holder of holders) {
    for (const i of union(holder)) events.push([i.from, 1], [i.to, -1]);
  }
  // At one instant ends come before starts: [9, 10) and [10, 11) do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  let count = 0;
  let since: number | null = null;
  for (const [at, delta] of events) {
    count += delta;
    if (count >= capacity && since === null) since = at;
    else if (count < capacity && since !== null) {
      if (at > since) out.push({ from: since, to: at });
      since = null;
    }
  }
  return union(out);
}

/** The parts of `window` that none of `blocked` covers. */
export function subtract(window: Interval, blocked: readonly Interval[]): Interval[] {
  const free: Interval[] = [];
  let cursor = window.from;
  for (const b of union(blocked)) {
    if (b.to <= cursor) continue;
    if (b.from >= window.to) break;
    if (b.from > cursor) free.push({ from: cursor, to: b.from });
    cursor = Math.max(cursor, b.to);
  }
  if (cursor < window.to) free.push({ from: cursor, to: window.to });
  return free;
}

/** The largest total quantity held at any one instant of `window`, and the first instant it is held at. */
export function peak(items: readonly (Interval & { quantity: number })[], window: Interval): { quantity: number; at: number } {
  const events: Array<[number, number]> = [];
  for (const i of items) {
    const from = Math.max(i.from, window.from);
    const to = Math.min(i.to, window.to);
    if (to > from) events.push([from, i.quantity], [to, -i.quantity]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let held = 0;
  let best = { quantity: 0, at: window.from };
  for (const [at, delta] of events) {
    held += delta;
    if (held > best.quantity) best = { quantity: held, at };
  }
  return best;
}
