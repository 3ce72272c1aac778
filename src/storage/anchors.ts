/**
 * Where pages of a collection ended: positions, sorted, each with the id of the last row before
 * it. A page starts from the nearest position at or before its own start (keyset from that id,
 * then OFFSET for the rest), so the more positions are known, the less any page skips.
 *
 * Bounded: past the limit the position whose loss leaves the smallest gap goes, which keeps the
 * coverage even over the collection, but never the newest one, which a client reading in order
 * asks for next, nor the first or last.
 */
export interface Anchors {
  positions: number[];
  ids: number[];
}

export function newAnchors(): Anchors {
  return { positions: [], ids: [] };
}

/** Index of the first position greater than `start` (binary search). */
function after(anchors: Anchors, start: number): number {
  let lo = 0;
  let hi = anchors.positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((anchors.positions[mid] as number) <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function nearestAnchor(anchors: Anchors, start: number): { position: number; id: number } | null {
  const i = after(anchors, start) - 1;
  return i < 0 ? null : { position: anchors.positions[i] as number, id: anchors.ids[i] as number };
}

export function addAnchor(anchors: Anchors, position: number, id: number, limit: number): void {
  const i = after(anchors, position);
  if (i > 0 && anchors.positions[i - 1] === position) {
    anchors.ids[i - 1] = id;
    return;
  }
  anchors.positions.splice(i, 0, position);
  anchors.ids.splice(i, 0, id);
  if (anchors.positions.length <= limit) return;
  const p = anchors.positions;
  let drop = -1;
  let smallest = Infinity;
  for (let k = 1; k < p.length - 1; k++) {
    const gap = (p[k + 1] as number) - (p[k - 1] as number);
    if (k !== i && gap < smallest) {
      smallest = gap;
      drop = k;
    }
  }
  if (drop < 0) return;
  anchors.positions.splice(drop, 1);
  anchors.ids.splice(drop, 1);
}

