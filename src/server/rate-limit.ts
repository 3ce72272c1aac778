/**
 * Per-key token buckets, in process memory. Behind several servers each enforces its own
 * share; that is acceptable for a limit whose purpose is protecting one process.
 */
export interface RateLimiter {
  /** Takes one token; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string, now?: number): number;
}

export function createRateLimiter(perSecond: number, burst: number): RateLimiter {
  if (perSecond <= 0) return { take: () => 0 };
  const capacity = Math.max(1, burst);
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
  };
}
