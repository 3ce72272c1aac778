/**
 * The single entry point of every action call, whether it arrives over HTTP or as a batch job:
 * find the action, validate its parameters, run its handler (in one transaction for writes),
 * and turn any failure into the documented error envelope.
 */
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { MailSettings } from '../mail/queue.js';
import { ApiError, type ErrorEnvelope } from '../protocol/errors.js';
import { materialize } from '../protocol/json-text.js';
import { Codes, forbidden, internalError, notImplemented } from '../protocol/specific-codes.js';
import { createScope, type Scope } from '../storage/scope.js';
import type { Storage } from '../storage/database.js';
import { findCatalogueEntry, isNamespace } from '../protocol/catalogue.js';
import { createActionContext, type ActionContext, type Caller } from './context.js';
import type { AnyAction } from './define-action.js';
import type { Registry } from './registry.js';
import { strictParamsError } from './strict-params.js';
import { validationError } from './validation.js';

export interface DispatchDeps {
  readonly storage: Storage;
  readonly registry: Registry;
  readonly publicUrl: string;
  readonly log: Logger;
  /** Check every result against the action's result schema (on in tests). */
  readonly validateResults: boolean;
  readonly mail: MailSettings;
  /** Refuse parameters an action does not take (MARQUEE_STRICT); iVvy ignores them. */
  readonly strictParams?: boolean;
}

export interface DispatchCall {
  namespace: string;
  action: string;
  params: unknown;
  caller: Caller;
}

export interface DispatchOptions {
  /**
   * Runs inside a write action's transaction after the handler succeeded, before commit. The
   * batch runner uses it to record a job's completion atomically with the job's own writes.
   */
  beforeCommit?: (tx: Scope, response: unknown) => Promise<void>;
}

export type DispatchResult =
  | { ok: true; status: 200; body: unknown; action: AnyAction }
  | { ok: false; status: number; body: ErrorEnvelope; action: AnyAction | undefined };

/** Resolves an action or throws the documented 404/501. */
export function resolveAction(registry: Registry, namespace: string, action: string): AnyAction {
  const def = registry.find(namespace, action);
  if (def) return def;
  if (findCatalogueEntry(namespace, action)) throw notImplemented(namespace, action);
  if (!isNamespace(namespace)) {
    throw new ApiError(404, Codes.unknownNamespace, `Unknown namespace '${namespace}'`);
  }
  throw new ApiError(404, Codes.unknownAction, `Unknown action '${action}' in namespace '${namespace}'`);
}

/**
 * Partner keys read the marketplace and nothing else; account keys everything but the
 * marketplace (partner/README.md: partners need an agreement; docs/compatibility.md).
 */
function refuseOtherKeyKind(caller: Caller, namespace: string): void {
  const partner = caller.keyKind === 'partner';
  if (partner !== (namespace === 'partner')) {
    throw forbidden(partner ? 'A partner key may only call the partner namespace' : 'The partner namespace needs a partner key');
  }
}

/** iVvy (PHP) decodes `[]` and an empty body the same way as `{}`. */
function normaliseParams(params: unknown): unknown {
  if (params === undefined || params === null) return {};
  if (Array.isArray(params) && params.length === 0) return {};
  return params;
}

export async function dispatch(deps: DispatchDeps, call: DispatchCall, options: DispatchOptions = {}): Promise<DispatchResult> {
  let def: AnyAction | undefined;
  try {
    refuseOtherKeyKind(call.caller, call.namespace);
    def = resolveAction(deps.registry, call.namespace, call.action);
    const raw = normaliseParams(call.params);
    if (deps.strictParams) {
      const refused = strictParamsError(def.params, raw, `${def.namespace}.${def.action}`);
      if (refused) throw refused;
    }
    const parsed = def.params.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error, raw);
    const body = await run(deps, def, call.caller, parsed.data, options);
    // Pre-serialized results (protocol/json-text.ts) go to the HTTP writer as they are; every
    // other caller gets plain values.
    return { ok: true, status: 200, body: call.caller.via === 'http' ? body : materialize(body), action: def };
  } catch (error) {
    const apiError = toApiError(error, deps.log, call);
    return { ok: false, status: apiError.errorCode, body: apiError.toEnvelope(), action: def };
  }
}

async function run(
  deps: DispatchDeps,
  def: AnyAction,
  caller: Caller,
  params: unknown,
  options: DispatchOptions,
): Promise<unknown> {
  const now = Date.now();
  const context = (store: Scope): ActionContext => createActionContext(deps, store, caller, { now });
  const base = createScope(deps.storage.db, caller.accountId, deps.storage.dialect);
  const result =
    def.kind === 'read'
      ? await def.handler(context(base), params)
      : await base.transaction(async (tx) => {
          const value = await def.handler(context(tx), params);
          if (options.beforeCommit) await options.beforeCommit(tx, value);
          return value;
        });
  if (deps.validateResults) {
    const checked = def.result.safeParse(materialize(result));
    if (!checked.success) {
      throw new Error(
        `${def.namespace}.${def.action} returned a result that does not match its schema: ${checked.error.message}`,
      );
    }
  }
  return result;
}

function toApiError(error: unknown, log: Logger, call: DispatchCall): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) {
    // A handler validating nested input with Zod: still the client's mistake.
    return validationError(error, call.params);
  }
  log.error(
    { err: error, requestId: call.caller.requestId, namespace: call.namespace, action: call.action },
    'action failed',
  );
  return internalError(call.caller.requestId);
}
