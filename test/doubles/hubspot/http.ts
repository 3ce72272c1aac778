/** Request and answer helpers shared by the HubSpot double's route handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer in HubSpot's error shape (`status`, `message`, `correlationId`, `category`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly category: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const BATCH_MAX = 100;

export function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' }).end(JSON.stringify(body));
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'Invalid input JSON on line 1', 'VALIDATION_ERROR');
  }
}

export function batchInputs(body: Record<string, unknown>): Array<Record<string, unknown>> {
  const inputs = body.inputs;
  if (!Array.isArray(inputs)) throw new HttpError(400, 'Invalid input JSON: inputs is required', 'VALIDATION_ERROR');
  if (inputs.length > BATCH_MAX) throw new HttpError(400, `Too many inputs: maximum is ${BATCH_MAX}`, 'VALIDATION_ERROR');
  return inputs as Array<Record<string, unknown>>;
}

export function batchAnswer(results: unknown[], errors: unknown[], startedAt: string) {
  return {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}),
    startedAt,
    completedAt: new Date().toISOString(),
  };
}
