/**
 * Applies a fired fault rule to a call, after authentication and before dispatch, so that a
 * faulted call never reaches a handler and never writes: latency delays the real answer; a
 * rate-limit answers the documented 429 with Retry-After (as server/rate-limit.ts does); an
 * error answers a 5xx with the documented envelope; drop destroys the socket; timeout holds the
 * request unanswered until the client gives up, or destroys its socket after the rule's
 * duration (bounded: rule.ts), so held sockets cannot accumulate. Each injection is logged with
 * `fault: {...}` and counted in /metrics.
 */
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { ApiError, HTTP_MESSAGES } from '../../protocol/errors.js';
import { Codes } from '../../protocol/specific-codes.js';
import type { Metrics } from '../metrics.js';
import type { FaultRule } from './rule.js';

/** What the injector needs of the call in flight. */
export interface FaultedCall {
  req: IncomingMessage;
  requestId: string;
  /** Catalogued labels (metrics.ts): junk URLs cannot grow the counter. */
  namespace: string;
  action: string;
  /** Answers with an error envelope (and extra headers). */
  answer(error: ApiError, headers: Record<string, string>): void;
  /** Marks the call answered without writing anything: the connection is dropped or held. */
  abandon(): void;
}

export interface FaultInjector {
  /** Applies the rule; resolves true when the call is finished (answered, dropped or held), false to go on. */
  apply(rule: FaultRule | null, call: FaultedCall): Promise<boolean>;
  /** Destroys every held socket (the server is closing). */
  release(): void;
}

/** Names the rule on faulted answers, so an integrator reading a response knows it was injected. */
const RULE_HEADER = 'x-marquee-fault';

export function createFaultInjector(log: Logger, metrics: Metrics): FaultInjector {
  const held = new Set<IncomingMessage['socket']>();

  function record(rule: FaultRule, call: FaultedCall): void {
    metrics.fault(rule.kind, call.namespace, call.action);
    log.info(
      {
        reqId: call.requestId,
        fault: { rule: rule.id, kind: rule.kind, namespace: call.namespace, action: call.action, ...details(rule) },
      },
      'fault injected',
    );
  }

  return {
    async apply(rule, call) {
      if (rule === null) return false;
      record(rule, call);
      const headers = { [RULE_HEADER]: String(rule.id) };
      switch (rule.kind) {
        case 'latency':
          await sleep(rule.durationMs ?? 0);
          return false;
        case 'rate-limit':
          call.answer(new ApiError(429, Codes.rateLimited, 'Too Many Requests'), { ...headers, 'retry-after': String(rule.retryAfter ?? 1) });
          return true;
        case 'error': {
          const status = rule.status ?? 500;
          const message = HTTP_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Server Error';
          call.answer(new ApiError(status, Codes.internal, message, [`Request id: ${call.requestId}`]), headers);
          return true;
        }
        case 'drop':
          call.abandon();
          call.req.socket.destroy();
          return true;
        case 'timeout': {
          call.abandon();
          const socket = call.req.socket;
          held.add(socket);
          const timer = setTimeout(() => socket.destroy(), rule.durationMs ?? 0);
          socket.once('close', () => {
            clearTimeout(timer);
            held.delete(socket);
          });
          return true;
        }
      }
    },
    release() {
      for (const socket of held) socket.destroy();
    },
  };
}

function details(rule: FaultRule): Record<string, number> {
  if (rule.kind === 'latency' || rule.kind === 'timeout') return { durationMs: rule.durationMs ?? 0 };
  if (rule.kind === 'error') return { status: rule.status ?? 500 };
  if (rule.kind === 'rate-limit') return { retryAfter: rule.retryAfter ?? 1 };
  return {};
}
