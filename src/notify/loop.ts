/**
 * The polling loop shared by Marquee's background workers: one round at a time, a pause
 * between idle rounds, an immediate next round when there is more work or when woken, errors
 * logged without killing the loop, and a stop that waits for the round in progress.
 */
import type { Logger } from 'pino';

export interface Loop<T> {
  start(): void;
  stop(): Promise<void>;
  /** Runs a round in the next free slot instead of waiting for the timer. */
  wake(): void;
  /** Runs one round now (after the one in progress) and returns what it returned. */
  runOnce(): Promise<T>;
}

export function createLoop<T extends { again: boolean }>(spec: {
  name: string;
  intervalMs: number;
  /** Delay before the first round (default none). */
  startDelayMs?: number;
  log: Logger;
  round(isStopping: () => boolean): Promise<T>;
}): Loop<T> {
  let running = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let woken = false;
  let current: Promise<unknown> = Promise.resolve();

  const isStopping = () => stopped;

  function exclusive(): Promise<T> {
    const next = current.then(() => spec.round(isStopping));
    current = next.catch(() => undefined);
    return next;
  }

  function schedule(delay: number): void {
    if (!running || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref?.();
  }

  function tick(): void {
    timer = undefined;
    exclusive().then(
      (result) => {
        const soon = result.again || woken;
        woken = false;
        schedule(soon ? 0 : spec.intervalMs);
      },
      (error: unknown) => {
        spec.log.error({ err: error, worker: spec.name }, 'background worker round failed');
        schedule(spec.intervalMs);
      },
    );
  }

  return {
    start() {
      if (running || stopped) return;
      running = true;
      schedule(spec.startDelayMs ?? 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
    wake() {
      if (!running || stopped) return;
      // Mid-round, the wake-up is remembered and the next round starts right after this one.
      if (timer === undefined) woken = true;
      else schedule(0);
    },
    runOnce: exclusive,
  };
}
