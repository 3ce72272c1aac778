/**
 * The operator endpoint's fault rules (docs/faults.md), for CI pipelines and test harnesses:
 *
 *   GET    /_marquee/operator/faults[?id=N&account=ID&key=KEY]  the rules, oldest first
 *   POST   /_marquee/operator/faults   {kind, key?, accountId?, namespace?, action?, …}   201 the rule
 *   DELETE /_marquee/operator/faults[?id=N&account=ID&key=KEY]  clears the rules selected (all without a filter)
 *
 * The operator token is checked by the hook operator/index.ts installs for the whole prefix.
 * A change made here applies on this server at once and on every other within about a second.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../../protocol/errors.js';
import { Codes } from '../../protocol/specific-codes.js';
import { validationError } from '../../registry/validation.js';
import type { Runtime } from '../../runtime.js';
import { faultsOf } from '../faults/index.js';
import { describeRule, faultRuleInput, type FaultRule } from '../faults/rule.js';
import { addFaultRule, clearFaultRules, listFaultRules, type FaultRuleFilter } from '../faults/store.js';
import { sendError } from '../reply.js';

const PATH = '/_marquee/operator/faults';

const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'Value must be a whole number')
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, 'Value must be between 1 and 2147483647');

const filterQuery = z.strictObject({ id: id.optional(), account: id.optional(), key: z.string().min(1).max(200).optional() });

function filterOf(query: unknown): FaultRuleFilter {
  const parsed = filterQuery.safeParse(query ?? {});
  if (!parsed.success) throw validationError(parsed.error, query);
  const { id: ruleId, account, key } = parsed.data;
  return { ...(ruleId !== undefined ? { id: ruleId } : {}), ...(account !== undefined ? { accountId: account } : {}), ...(key !== undefined ? { key } : {}) };
}

/** The body as JSON: the API's parser hands routes raw bytes (signatures cover them), others an object. */
function jsonBody(body: unknown): unknown {
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    const text = body.toString();
    if (text.trim() === '') throw new ApiError(400, Codes.malformedJson, 'The request body must be a JSON fault rule');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ApiError(400, Codes.malformedJson, 'The request body is not valid JSON');
    }
  }
  if (body === undefined || body === null) throw new ApiError(400, Codes.malformedJson, 'The request body must be a JSON fault rule');
  return body;
}

export const ruleJson = (rule: FaultRule) => ({ ...rule, description: describeRule(rule) });

async function answering(reply: FastifyReply, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError) return sendError(reply, error);
    throw error;
  }
}

export function registerFaultRoutes(app: FastifyInstance, runtime: Runtime): void {
  const db = runtime.storage.db;
  const { cache } = faultsOf(runtime);

  app.get(PATH, (request, reply) =>
    answering(reply, async () => ({ rules: (await listFaultRules(db, filterOf(request.query))).map(ruleJson) })),
  );

  app.post(PATH, (request, reply) =>
    answering(reply, async () => {
      const input = jsonBody(request.body);
      const parsed = faultRuleInput.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error, input);
      const rule = await addFaultRule(db, parsed.data);
      cache.invalidate();
      return reply.code(201).send({ rule: ruleJson(rule) });
    }),
  );

  app.delete(PATH, (request, reply) =>
    answering(reply, async () => {
      const cleared = await clearFaultRules(db, filterOf(request.query));
      cache.invalidate();
      return { cleared };
    }),
  );
}
