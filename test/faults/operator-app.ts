/**
 * The fault routes on a Fastify app of their own, with the API app's body handling (raw bytes),
 * for tests: the operator prefix's token check belongs to operator/index.ts and is tested there.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Runtime } from '../../src/runtime.js';
import { registerFaultRoutes } from '../../src/server/operator/faults.js';

export async function faultRoutesApp(runtime: Runtime): Promise<FastifyInstance> {
  const app = Fastify();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  registerFaultRoutes(app, runtime);
  await app.ready();
  return app;
}

export interface OperatorAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function operator(app: FastifyInstance, method: 'GET' | 'POST' | 'DELETE', query = '', payload?: unknown): Promise<OperatorAnswer> {
  const response = await app.inject({
    method,
    url: `/_marquee/operator/faults${query}`,
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.statusCode, body: response.json() };
}
