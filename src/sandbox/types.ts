/**
 * The public types of `marquee/sandbox`. The package's declaration build reads only its
 * entry points, so this file imports from src/client and src/protocol alone: nothing of the
 * server's types leaks into what a user's compiler has to load.
 */
import type { MarqueeClient } from '../client/index.js';

export interface SandboxOptions {
  /** Start with the demo data (default), or with an empty account. */
  seed?: boolean;
  /** Contacts the demo data holds (default 20; the other records scale with it a little). */
  contacts?: number;
  /** Faker seed of the demo data (default 2026, as every Marquee's demo account). */
  randomSeed?: number;
  /** pino level of the server's log, written to stderr (default 'silent'). */
  logLevel?: string;
  /** Check every action result against its documented schema (default false). */
  validateResults?: boolean;
  /** Requests per second per key before 429 (default 0: no limit, as tests want). */
  rateLimitPerSecond?: number;
}

export interface SandboxSeedOptions {
  /** Contacts to add (default: the sandbox's `contacts`). */
  contacts?: number;
  /** Faker seed of this batch (default: a random one, returned). */
  randomSeed?: number;
}

export interface SandboxSeedResult {
  batch: number;
  randomSeed: number;
  /** Records created, by kind. */
  created: Record<string, number>;
}

/** A snapshot taken by `snapshot()`, kept in the sandbox's database under its name. */
export interface SandboxSnapshot {
  readonly name: string;
  /** Epoch milliseconds. */
  readonly takenAt: number;
}

export interface Sandbox {
  /** Base URL of the sandbox's server, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** The API key and secret of the sandbox's account (`client` is signed with them). */
  readonly key: string;
  readonly secret: string;
  readonly accountId: number;
  /** Bearer token of the sandbox's operator endpoint (/_marquee/operator/). */
  readonly operatorToken: string;
  /** An SDK client for the sandbox's account (no retries: a test sees every failure). */
  readonly client: MarqueeClient;
  /** Adds a batch of demo data to the account. */
  seed(options?: SandboxSeedOptions): Promise<SandboxSeedResult>;
  /** Puts the account back as it was when the sandbox started (its key stays valid). */
  reset(): Promise<void>;
  /** Saves the account's data under `name` (default: a fresh name), replacing one of that name. */
  snapshot(name?: string): Promise<SandboxSnapshot>;
  /** Puts the account back as it was at the snapshot (its key stays valid). */
  restore(snapshot: SandboxSnapshot | string): Promise<void>;
  /** Stops the server and frees the database; the sandbox is unusable afterwards. */
  close(): Promise<void>;
}
