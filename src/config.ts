/**
 * Server configuration from CLI flags over environment variables over defaults.
 * Documented in README.md (Configuration).
 */
import { retentionSettings, type RetentionSettings } from './housekeeping/settings.js';
import { workerSettings, type WorkerSettings } from './notify/settings.js';
import { DEFAULT_DATABASE_URL } from './storage/url.js';

export interface Config {
  host: string;
  port: number;
  databaseUrl: string;
  /** Seed a demo account on first start. */
  seed: boolean;
  /** Base URL that links in responses and emails point at. */
  publicUrl: string;
  /** Requests per second per API key (token bucket refill); 0 disables the limit. */
  rateLimitPerSecond: number;
  /** Bucket size: how many requests a key may burst above the steady rate. */
  rateLimitBurst: number;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Largest file uploadBookingDocument accepts (multipart/form-data), in bytes. */
  uploadMaxBytes: number;
  /**
   * Failed authentications (unknown key, wrong signature) allowed per second per client
   * address and per key, after a burst of `authFailureBurst`; then 429. 0 disables the check.
   */
  authFailuresPerSecond: number;
  authFailureBurst: number;
  /** Time a client has to send a request's headers, and the whole request (ms). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open connections accepted at once; more are closed as they arrive. */
  maxConnections: number;
  /** 64 hex characters or base64 of 32 bytes; when absent, masterKeyFile is used. */
  masterKey: string | undefined;
  masterKeyFile: string;
  logLevel: string;
  /** Check every action result against its result schema (tests turn this on). */
  validateResults: boolean;
  /**
   * Refuse parameters an action does not take (400, 23016 naming them). Off by default:
   * iVvy ignores unknown parameters, and clients written against it must behave the same.
   */
  strictParams: boolean;
  /** PostgreSQL: name repeated statements so they are parsed once per connection (storage/pg-prepared.ts). */
  pgPrepare: boolean;
  /** SMTP server for outgoing email (smtp://user:pass@host:port); unset = log only. */
  smtpUrl: string | undefined;
  /** From address of the emails Marquee sends. */
  mailFrom: string;
  /** Timings of the background workers (polling, leases, retries, timeouts). */
  workers: WorkerSettings;
  /** How long the outbox, delivery log and batch results are kept, and how they are purged. */
  retention: RetentionSettings;
  /** Bearer token of the operator endpoint (/_marquee/operator/); unset = no operator endpoint (404). */
  operatorToken: string | undefined;
}

/** Overrides of loadConfig: any setting, worker timings one by one. */
export type ConfigOverrides = Partial<Omit<Config, 'workers' | 'retention'>> & {
  workers?: Partial<WorkerSettings>;
  retention?: Partial<RetentionSettings>;
};

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
export const DEFAULT_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

function envNumber(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${raw}'`);
  return n;
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const host = overrides.host ?? env.HOST ?? DEFAULT_HOST;
  const port = overrides.port ?? envNumber('PORT', DEFAULT_PORT, env);
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    host,
    port,
    databaseUrl: overrides.databaseUrl ?? env.MARQUEE_DATABASE_URL ?? DEFAULT_DATABASE_URL,
    seed: overrides.seed ?? env.MARQUEE_SEED !== '0',
    publicUrl: (overrides.publicUrl ?? env.MARQUEE_PUBLIC_URL ?? `http://${publicHost}:${port}`).replace(/\/+$/, ''),
    rateLimitPerSecond: overrides.rateLimitPerSecond ?? envNumber('MARQUEE_RATE_LIMIT', 100, env),
    rateLimitBurst: overrides.rateLimitBurst ?? envNumber('MARQUEE_RATE_LIMIT_BURST', 200, env),
    bodyLimit: overrides.bodyLimit ?? envNumber('MARQUEE_BODY_LIMIT', DEFAULT_BODY_LIMIT, env),
    uploadMaxBytes: overrides.uploadMaxBytes ?? envNumber('MARQUEE_UPLOAD_MAX_BYTES', DEFAULT_UPLOAD_MAX_BYTES, env),
    authFailuresPerSecond: overrides.authFailuresPerSecond ?? envNumber('MARQUEE_AUTH_FAILURE_RATE', 2, env),
    authFailureBurst: overrides.authFailureBurst ?? envNumber('MARQUEE_AUTH_FAILURE_BURST', 20, env),
    headersTimeoutMs: overrides.headersTimeoutMs ?? envNumber('MARQUEE_HEADERS_TIMEOUT_MS', 10_000, env),
    requestTimeoutMs: overrides.requestTimeoutMs ?? envNumber('MARQUEE_REQUEST_TIMEOUT_MS', 120_000, env),
    maxConnections: overrides.maxConnections ?? envNumber('MARQUEE_MAX_CONNECTIONS', 4_096, env),
    masterKey: overrides.masterKey ?? env.MARQUEE_MASTER_KEY,
    masterKeyFile: overrides.masterKeyFile ?? env.MARQUEE_MASTER_KEY_FILE ?? './data/master.key',
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    validateResults: overrides.validateResults ?? env.MARQUEE_VALIDATE_RESULTS === '1',
    strictParams: overrides.strictParams ?? env.MARQUEE_STRICT === '1',
    pgPrepare: overrides.pgPrepare ?? env.MARQUEE_PG_PREPARE !== '0',
    smtpUrl: overrides.smtpUrl ?? (env.MARQUEE_SMTP_URL || undefined),
    mailFrom: overrides.mailFrom ?? env.MARQUEE_MAIL_FROM ?? 'Marquee <no-reply@marquee.local>',
    workers: { ...workerSettings(env), ...overrides.workers },
    retention: { ...retentionSettings(env), ...overrides.retention },
    operatorToken: overrides.operatorToken ?? (env.MARQUEE_OPERATOR_TOKEN || undefined),
  };
}
