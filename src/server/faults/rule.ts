/**
 * What a fault rule is: its input (the operator endpoint's JSON and the CLI's options, checked
 * by one schema) and its stored form. A rule applies to the calls it matches — one key, every
 * key of one account, or everyone; one action, one namespace, or all — and on each match its
 * trigger (every Nth call, a percentage, at most `times`) decides whether the fault fires.
 */
import { z } from 'zod';
import { findCatalogueEntry, isNamespace } from '../../protocol/catalogue.js';

export const FAULT_KINDS = ['latency', 'rate-limit', 'error', 'drop', 'timeout'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Latency is added to a real answer; a minute is already far past any client's patience. */
export const MAX_LATENCY_MS = 60_000;
/**
 * A held request is released (its socket destroyed) after at most this long, so a timeout rule
 * cannot pile up sockets: clients give up long before (the SDK after 60 s by default).
 */
export const MAX_TIMEOUT_MS = 120_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

const INT32 = 2_147_483_647;

export const faultRuleInput = z
  .strictObject({
    kind: z.enum(FAULT_KINDS),
    key: z.string().min(1).max(200).optional(),
    accountId: z.number().int().min(1).max(INT32).optional(),
    namespace: z.string().min(1).max(100).optional(),
    action: z.string().min(1).max(100).optional(),
    durationMs: z.number().int().min(1, 'A duration is at least 1 ms').max(MAX_TIMEOUT_MS, `A duration is at most ${MAX_TIMEOUT_MS} ms`).optional(),
    status: z.number().int().min(500, 'The status is a 5xx one (500-599)').max(599, 'The status is a 5xx one (500-599)').optional(),
    retryAfter: z.number().int().min(0).max(3600, 'Retry-After is at most 3600 seconds').optional(),
    every: z.number().int().min(1, 'Every Nth call: N is at least 1').max(1_000_000).optional(),
    percent: z.number().gt(0, 'A percentage is above 0').max(100, 'A percentage is at most 100').optional(),
    seed: z.number().int().min(0).max(INT32).optional(),
    times: z.number().int().min(1, 'Times is at least 1').max(1_000_000).optional(),
    note: z.string().max(200).optional(),
  })
  .superRefine((rule, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (rule.namespace !== undefined && !isNamespace(rule.namespace)) problem('namespace', `No namespace '${rule.namespace}'`);
    if (rule.action !== undefined) {
      if (rule.namespace === undefined) problem('namespace', 'An action is named within its namespace');
      else if (isNamespace(rule.namespace) && !findCatalogueEntry(rule.namespace, rule.action)) {
        problem('action', `No action '${rule.action}' in namespace '${rule.namespace}'`);
      }
    }
    if (rule.kind === 'latency' && rule.durationMs === undefined) problem('durationMs', 'A latency rule needs the delay to add');
    if (rule.kind === 'latency' && rule.durationMs !== undefined && rule.durationMs > MAX_LATENCY_MS) {
      problem('durationMs', `Added latency is at most ${MAX_LATENCY_MS} ms`);
    }
    if (rule.durationMs !== undefined && rule.kind !== 'latency' && rule.kind !== 'timeout') {
      problem('durationMs', 'Only latency and timeout rules take a duration');
    }
    if (rule.status !== undefined && rule.kind !== 'error') problem('status', 'Only error rules take a status');
    if (rule.retryAfter !== undefined && rule.kind !== 'rate-limit') problem('retryAfter', 'Only rate-limit rules take Retry-After');
    if (rule.percent !== undefined && rule.every !== undefined && rule.every > 1) {
      problem('percent', 'A rule fires every Nth call or on a percentage of calls, not both');
    }
    if (rule.seed !== undefined && rule.percent === undefined) problem('seed', 'A seed only applies to a percentage');
  });

export type FaultRuleInput = z.infer<typeof faultRuleInput>;

export interface FaultRule {
  id: number;
  accountId: number | null;
  key: string | null;
  namespace: string | null;
  action: string | null;
  kind: FaultKind;
  /** Latency: the delay added; timeout: how long the request is held before its socket is destroyed. */
  durationMs: number | null;
  /** Error: the HTTP status (5xx). */
  status: number | null;
  /** Rate-limit: the Retry-After seconds. */
  retryAfter: number | null;
  /** Fires on every Nth matching call (1: every call). */
  every: number;
  /** Fires on this share of matching calls instead (0–100]. */
  percent: number | null;
  /** Makes the percentage draw repeatable (per server process). */
  seed: number | null;
  /** Fires at most this many times per server process. */
  times: number | null;
  note: string | null;
  createdAt: number;
}

/** The stored values of an accepted input: defaults applied, so every reader sees the same rule. */
export function normalizedRule(input: FaultRuleInput): Omit<FaultRule, 'id' | 'accountId' | 'createdAt'> {
  return {
    key: input.key ?? null,
    namespace: input.namespace ?? null,
    action: input.action ?? null,
    kind: input.kind,
    durationMs: input.kind === 'timeout' ? (input.durationMs ?? DEFAULT_TIMEOUT_MS) : (input.durationMs ?? null),
    status: input.kind === 'error' ? (input.status ?? 500) : null,
    retryAfter: input.kind === 'rate-limit' ? (input.retryAfter ?? 1) : null,
    every: input.every ?? 1,
    percent: input.percent ?? null,
    seed: input.seed ?? null,
    times: input.times ?? null,
    note: input.note ?? null,
  };
}

/** Whether a rule applies to a call of this namespace and action (key and account are matched by the query). */
export function ruleMatches(rule: FaultRule, namespace: string, action: string): boolean {
  return (rule.namespace === null || rule.namespace === namespace) && (rule.action === null || rule.action === action);
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A one-line description, for the CLI and logs. */
export function describeRule(rule: FaultRule): string {
  const what =
    rule.kind === 'latency'
      ? `latency +${rule.durationMs} ms`
      : rule.kind === 'timeout'
        ? `timeout (held ${rule.durationMs} ms, then dropped)`
        : rule.kind === 'error'
          ? `error ${rule.status}`
          : rule.kind === 'rate-limit'
            ? `429 Retry-After ${rule.retryAfter}`
            : 'drop connection';
  const when = rule.percent !== null ? `${rule.percent}% of calls${rule.seed !== null ? ` (seed ${rule.seed})` : ''}` : rule.every === 1 ? 'every call' : `every ${ordinal(rule.every)} call`;
  return `${what}, ${when}${rule.times !== null ? `, at most ${rule.times} time${rule.times === 1 ? '' : 's'}` : ''}`;
}
