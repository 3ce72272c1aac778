/**
 * Snapshots and reset over the operator endpoint (docs/sandbox.md), the same operations as
 * `marquee snapshot …` and `marquee reset`:
 *
 *   GET    /_marquee/operator/snapshots[?account=ID]      the snapshots, oldest first
 *   POST   /_marquee/operator/snapshots   {name, accountId?}   201 the snapshot taken
 *   POST   /_marquee/operator/snapshots/NAME/restore      the account put back as it was
 *   DELETE /_marquee/operator/snapshots/NAME
 *   POST   /_marquee/operator/reset       {accountId?}    the account emptied and seeded again
 *
 * Without an account id, the demo account is meant (as on the command line).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { accountExists, findDemoAccount } from '../../auth/accounts.js';
import { ApiError } from '../../protocol/errors.js';
import { Codes } from '../../protocol/specific-codes.js';
import { validationError } from '../../registry/validation.js';
import type { Runtime } from '../../runtime.js';
import { resetAccount } from '../../seed/reset.js';
import { deleteSnapshot, listSnapshots, restoreSnapshot, SnapshotError, takeSnapshot, type SnapshotSummary } from '../../storage/snapshot/index.js';
import { sendError } from '../reply.js';

const PATH = '/_marquee/operator/snapshots';

const accountId = z.number().int().min(1).max(2_147_483_647);
const saveBody = z.strictObject({ name: z.string().min(1).max(100), accountId: accountId.optional() });
const resetBody = z.strictObject({ accountId: accountId.optional() });
const listQuery = z.strictObject({
  account: z.string().regex(/^[1-9]\d{0,9}$/, 'Value must be a whole number').transform(Number).optional(),
});

/** The body as JSON (routes receive the raw bytes: the API's signatures cover them); no body is `{}`. */
function jsonBody(body: unknown): unknown {
  const text = Buffer.isBuffer(body) || typeof body === 'string' ? body.toString() : '';
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, Codes.malformedJson, 'The request body is not valid JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, input);
  return parsed.data;
}

const STATUS: Record<SnapshotError['reason'], number> = { invalid: 400, 'not-found': 404, incompatible: 409 };

async function answering(reply: FastifyReply, work: () => Promise<unknown>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SnapshotError) return sendError(reply, new ApiError(STATUS[error.reason], Codes.doesNotValidate, error.message));
    if (error instanceof ApiError) return sendError(reply, error);
    throw error;
  }
}

const snapshotJson = (s: SnapshotSummary) => ({ ...s, takenAt: new Date(s.takenAt).toISOString() });

async function targetAccount(runtime: Runtime, given: number | undefined): Promise<number> {
  const db = runtime.storage.db;
  const id = given ?? (await findDemoAccount(db));
  if (id === null) throw new ApiError(400, Codes.required, "'accountId' is required: this server has no demo account");
  if (!(await accountExists(db, id))) throw new ApiError(404, Codes.doesNotValidate, `No account ${id}`);
  return id;
}

export function registerSnapshotRoutes(app: FastifyInstance, runtime: Runtime): void {
  const { db, dialect } = runtime.storage;

  app.get(PATH, (request, reply) =>
    answering(reply, async () => {
      const { account } = parse(listQuery, request.query ?? {});
      return { snapshots: (await listSnapshots(db, account)).map(snapshotJson) };
    }),
  );

  app.post(PATH, (request, reply) =>
    answering(reply, async () => {
      const body = parse(saveBody, jsonBody(request.body));
      const taken = await takeSnapshot(db, dialect, { name: body.name, accountId: await targetAccount(runtime, body.accountId) });
      return reply.code(201).send({ snapshot: snapshotJson(taken), replaced: taken.replaced });
    }),
  );

  app.post<{ Params: { name: string } }>(`${PATH}/:name/restore`, (request, reply) =>
    answering(reply, async () => {
      const result = await restoreSnapshot(db, dialect, request.params.name);
      return { ...result, takenAt: new Date(result.takenAt).toISOString() };
    }),
  );

  app.delete<{ Params: { name: string } }>(`${PATH}/:name`, (request, reply) =>
    answering(reply, async () => {
      await deleteSnapshot(db, request.params.name);
      return { deleted: request.params.name };
    }),
  );

  app.post('/_marquee/operator/reset', (request, reply) =>
    answering(reply, async () => {
      const body = parse(resetBody, jsonBody(request.body));
      const result = await resetAccount(runtime, await targetAccount(runtime, body.accountId));
      return {
        accountId: result.accountId,
        deleted: result.deleted,
        seeded: result.seeded && { randomSeed: result.seeded.randomSeed, now: new Date(result.seeded.now).toISOString(), created: result.seeded.totals },
      };
    }),
  );
}
