/**
 * Paces calls to a CRM below its documented limits (HubSpot: a number of requests per
 * rolling 10 seconds, and a separate per-second limit on search), so that 429s are the
 * exception rather than the way the limit is discovered. The server counts requests in a
 * sliding window, so this keeps the send times of the last `requests` calls and waits until
 * the oldest leaves the window (plus a margin for the time a request takes to arrive).
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RateLimiter {
  /** Resolves when one more request may be sent. */
  take(): Promise<void>;
  /** Sends nothing for `ms` (a 429 told us the server's view of the limit). */
  pause(ms: number): void;
}

export function createRateLimiter(requests: number, intervalMs: number, now: () => number = Date.now): RateLimiter {
  if (!(requests > 0) || !(intervalMs > 0)) return { take: async () => undefined, pause: () => undefined };
  const window = intervalMs + Math.max(20, Math.round(intervalMs * 0.05));
  const sent: number[] = [];
  let blockedUntil = 0;
  // Callers are served in order so that a burst cannot starve an earlier one.
  let queue: Promise<void> = Promise.resolve();

  const acquire = async () => {
    for (;;) {
      const t = now();
      if (t < blockedUntil) {
        await sleep(blockedUntil - t);
        continue;
      }
      while (sent.length > 0 && sent[0]! <= t - window) sent.shift();
      if (sent.length < requests) {
        sent.push(t);
        return;
      }
      await sleep(sent[0]! + window - t + 1);
    }
  };

  return {
    take() {
      const next = queue.then(acquire);
      queue = next.catch(() => undefined);
      return next;
    },
    pause(ms) {
      blockedUntil = Math.max(blockedUntil, now() + ms);
    },
  };
}
