/**
 * Associations between records of the HubSpot double. An association holds for both records
 * (HubSpot stores each with the type ids of both directions); reading from either side
 * answers the type ids of that direction. Types are HubSpot's HUBSPOT_DEFINED ones.
 */
import { HttpError } from './http.js';

/** Type id from one object type to another, and back (HUBSPOT_DEFINED, associations v4). */
const TYPES: ReadonlyArray<{ from: string; to: string; ids: readonly number[]; back: readonly number[] }> = [
  { from: 'contacts', to: 'companies', ids: [279, 1], back: [280, 2] },
  { from: 'deals', to: 'contacts', ids: [3], back: [4] },
  { from: 'deals', to: 'companies', ids: [341, 5], back: [342, 6] },
  { from: 'emails', to: 'contacts', ids: [198], back: [197] },
  { from: 'emails', to: 'companies', ids: [186], back: [185] },
];

export interface AssociationStore {
  /** Checks a HUBSPOT_DEFINED type id from one object type to another. */
  check(from: string, to: string, typeId: number): void;
  add(from: string, fromId: string, to: string, toId: string, typeId: number): void;
  remove(from: string, fromId: string, to: string, toId: string): void;
  /** The associated ids of a record, each with the type ids of this direction. */
  of(from: string, fromId: string, to: string): Array<{ id: string; typeIds: number[] }>;
}

export function createAssociationStore(): AssociationStore {
  // Key: `${type}:${id}|${type}:${id}` in a fixed order; value: the type ids from the first to the second.
  const edges = new Map<string, Set<number>>();
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const flip = (from: string, to: string, typeId: number): number => {
    const forward = TYPES.find((t) => t.from === from && t.to === to);
    if (forward) return typeId;
    const backward = TYPES.find((t) => t.from === to && t.to === from);
    const i = backward ? backward.back.indexOf(typeId) : -1;
    return i >= 0 ? backward!.ids[i]! : typeId;
  };
  const spell = (from: string, to: string, typeId: number): number => {
    const forward = TYPES.find((t) => t.from === from && t.to === to);
    if (forward) return typeId;
    const backward = TYPES.find((t) => t.from === to && t.to === from);
    const i = backward ? backward.ids.indexOf(typeId) : -1;
    return i >= 0 ? backward!.back[i]! : typeId;
  };
  return {
    check(from, to, typeId) {
      const forward = TYPES.find((t) => t.from === from && t.to === to);
      const backward = TYPES.find((t) => t.from === to && t.to === from);
      const allowed = forward?.ids ?? backward?.back ?? [];
      if (!allowed.includes(typeId)) {
        throw new HttpError(400, `${typeId} is not a valid association type from ${from} to ${to}`, 'VALIDATION_ERROR');
      }
    },
    add(from, fromId, to, toId, typeId) {
      // Stored in the canonical (forward) spelling of the pair of object types.
      const a = `${from}:${fromId}`;
      const b = `${to}:${toId}`;
      const k = key(a, b);
      const set = edges.get(k) ?? new Set<number>();
      set.add(flip(from, to, typeId));
      edges.set(k, set);
    },
    remove(from, fromId, to, toId) {
      edges.delete(key(`${from}:${fromId}`, `${to}:${toId}`));
    },
    of(from, fromId, to) {
      const me = `${from}:${fromId}`;
      const out: Array<{ id: string; typeIds: number[] }> = [];
      for (const [k, types] of edges) {
        const [a, b] = k.split('|') as [string, string];
        const other = a === me ? b : b === me ? a : null;
        if (other === null || !other.startsWith(`${to}:`)) continue;
        out.push({ id: other.slice(to.length + 1), typeIds: [...types].map((t) => spell(from, to, t)) });
      }
      return out.sort((x, y) => Number(x.id) - Number(y.id));
    },
  };
}
