/**
 * Timing of the background workers (batch runner, batch callbacks, notification delivery).
 * The defaults suit production; the environment can shorten them (tests do, to exercise three
 * days of retries in seconds).
 */

export interface WorkerSettings {
  /** How often an idle worker looks for work. */
  pollMs: number;
  /** How long a claimed batch or subscription stays ours without a heartbeat. */
  leaseMs: number;
  /** First retry delay of a failed delivery; doubled per attempt. */
  retryBaseMs: number;
  /** Longest delay between two attempts. */
  retryMaxMs: number;
  /**
   * A delivery is retried until at least this long after its first attempt, then given up
   * (a notification goes to the dead-letter list, see dead-letter.ts).
   */
  retryWindowMs: number;
  /** Per-request timeout of an outgoing POST. */
  requestTimeoutMs: number;
  /** SNS SignatureVersion of the envelopes Marquee sends: '1' (SHA1withRSA) or '2' (SHA256withRSA). */
  signatureVersion: '1' | '2';
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  pollMs: 500,
  leaseMs: 30_000,
  retryBaseMs: 5_000,
  retryMaxMs: 60 * 60_000,
  // Three days: a receiver down over a long weekend still gets its messages without anyone acting.
  retryWindowMs: 72 * 60 * 60_000,
  requestTimeoutMs: 15_000,
  signatureVersion: '1',
};

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of milliseconds, got '${raw}'`);
  return n;
}

export function workerSettings(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  const d = DEFAULT_WORKER_SETTINGS;
  const version = env.MARQUEE_SNS_SIGNATURE_VERSION ?? d.signatureVersion;
  if (version !== '1' && version !== '2') {
    throw new Error(`MARQUEE_SNS_SIGNATURE_VERSION must be 1 or 2, got '${version}'`);
  }
  return {
    pollMs: positive(env, 'MARQUEE_WORKER_POLL_MS', d.pollMs),
    leaseMs: positive(env, 'MARQUEE_WORKER_LEASE_MS', d.leaseMs),
    retryBaseMs: positive(env, 'MARQUEE_RETRY_BASE_MS', d.retryBaseMs),
    retryMaxMs: positive(env, 'MARQUEE_RETRY_MAX_MS', d.retryMaxMs),
    retryWindowMs: positive(env, 'MARQUEE_RETRY_WINDOW_MS', d.retryWindowMs),
    requestTimeoutMs: positive(env, 'MARQUEE_DELIVERY_TIMEOUT_MS', d.requestTimeoutMs),
    signatureVersion: version,
  };
}

/**
 * Delay before the next attempt after `attempts` failed ones: exponential, capped, with jitter
 * in the upper half so that many receivers failing together do not retry in lockstep.
 */
export function retryDelay(settings: WorkerSettings, attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** True when a delivery first attempted at `firstAttemptAt` has used up its retry window. */
export function retriesExhausted(settings: WorkerSettings, firstAttemptAt: number, now: number): boolean {
  return now - firstAttemptAt >= settings.retryWindowMs;
}
