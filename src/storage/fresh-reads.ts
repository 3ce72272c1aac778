/**
 * Reads shared by concurrent callers without ever answering a caller with a read that started
 * before it asked. A caller that finds no read of its key on its way starts one; a caller that
 * finds one on its way waits for the next, which starts when that one returns and is shared by
 * everyone who asked in the meantime. Each caller therefore gets a value read after its call (it
 * sees every write committed before it), and a key is read at most about once per round trip
 * however many callers wait. Used for the account write version on every cached read, where
 * each read is a round trip to PostgreSQL.
 */
interface Reads<T> {
  inFlight: Promise<T> | undefined;
  next: Promise<T> | undefined;
}

export interface FreshReads<K, T> {
  read(key: K, load: () => Promise<T>): Promise<T>;
  /** Keys with a read on its way or waiting (they are forgotten when idle). */
  readonly size: number;
}

export function freshReads<K, T>(): FreshReads<K, T> {
  const byKey = new Map<K, Reads<T>>();
  const start = (key: K, reads: Reads<T>, load: () => Promise<T>): Promise<T> => {
    const read = load();
    reads.inFlight = read;
    const settle = () => {
      if (reads.inFlight === read) reads.inFlight = undefined;
      if (reads.inFlight === undefined && reads.next === undefined && byKey.get(key) === reads) byKey.delete(key);
    };
    read.then(settle, settle);
    return read;
  };
  return {
    read(key, load) {
      let reads = byKey.get(key);
      if (reads === undefined) {
        reads = { inFlight: undefined, next: undefined };
        byKey.set(key, reads);
      }
      const inFlight = reads.inFlight;
      if (inFlight === undefined) return start(key, reads, load);
      if (reads.next !== undefined) return reads.next;
      const waiting = reads;
      const done = () => {
        waiting.next = undefined;
        return start(key, waiting, load);
      };
      const next = inFlight.then(done, done);
      waiting.next = next;
      return next;
    },
    get size() {
      return byKey.size;
    },
  };
}
