/**
 * A map bounded by the total weight of its values (bytes, or 1 an entry): past the limit the
 * oldest entries go first. The per-process caches (answers, contact items, id pages) keep their
 * entries in one of these, so each counts and evicts the same way.
 */
export interface BoundedMap<K, V> {
  get(key: K): V | undefined;
  /** Sets (replacing) and evicts the oldest past the limit; a value heavier than the limit is not kept. */
  set(key: K, value: V): void;
  delete(key: K): void;
  /** The oldest entry, which goes first. */
  oldest(): [K, V] | undefined;
  readonly size: number;
  /** Total weight held. */
  readonly weight: number;
}

export function boundedMap<K, V>(limit: number, weigh: (value: V) => number): BoundedMap<K, V> {
  const entries = new Map<K, { value: V; weight: number }>();
  let weight = 0;
  const remove = (key: K) => {
    const old = entries.get(key);
    if (old === undefined) return;
    entries.delete(key);
    weight -= old.weight;
  };
  return {
    get: (key) => entries.get(key)?.value,
    set(key, value) {
      remove(key);
      const w = weigh(value);
      if (w > limit) return;
      entries.set(key, { value, weight: w });
      weight += w;
      while (weight > limit) remove(entries.keys().next().value as K);
    },
    delete: remove,
    oldest() {
      const first = entries.entries().next();
      return first.done ? undefined : [first.value[0], first.value[1].value];
    },
    get size() {
      return entries.size;
    },
    get weight() {
      return weight;
    },
  };
}
