/**
 * Slows down guessing: failed authentications (unknown key, wrong signature, wrong body hash)
 * are counted per client address and per existing key in token buckets, and once a bucket is
 * empty the next attempts are answered 429 without a key lookup or a signature check. A client
 * that signs correctly never spends a token. Unknown keys are counted only against the
 * address, so random keys cannot grow the table; both tables are bounded anyway.
 */
export interface AuthThrottle {
  /** Seconds until `id` (an address or a key) may try again, or 0. */
  wait(id: string, now?: number): number;
  /** Counts one failed attempt against `id`. */
  failed(id: string, now?: number): void;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_TRACKED = 100_000;

export function createAuthThrottle(perSecond: number, burst: number): AuthThrottle {
  if (perSecond <= 0) return { wait: () => 0, failed: () => undefined };
  const capacity = Math.max(1, burst);
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, now: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
  };
  return {
    wait(id, now = Date.now()) {
      const bucket = buckets.get(id);
      if (!bucket) return 0;
      refill(bucket, now);
      if (bucket.tokens >= 1) return 0;
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
    failed(id, now = Date.now()) {
      let bucket = buckets.get(id);
      if (!bucket) {
        if (buckets.size >= MAX_TRACKED) buckets.delete(buckets.keys().next().value as string);
        bucket = { tokens: capacity, at: now };
        buckets.set(id, bucket);
      }
      refill(bucket, now);
      bucket.tokens = Math.max(0, bucket.tokens - 1);
    },
  };
}
