/**
 * The operator endpoint, `/_marquee/operator/…`: snapshots and reset (snapshots.ts) and fault
 * rules (faults.ts) for CI pipelines and test harnesses. Every route needs the operator token
 * (auth.ts); a server configured without one has no such routes at all, so it answers 404 as
 * for any unknown path and gives no sign that the endpoint exists.
 */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime.js';
import { requireOperatorToken } from './auth.js';
import { registerFaultRoutes } from './faults.js';
import { registerSnapshotRoutes } from './snapshots.js';

export const OPERATOR_PREFIX = '/_marquee/operator/';

export async function registerOperator(app: FastifyInstance, runtime: Runtime): Promise<void> {
  const token = runtime.config.operatorToken;
  if (!token) return;
  // An encapsulated plugin: the token hook covers exactly the routes registered inside it.
  await app.register(async (operator) => {
    operator.addHook('onRequest', requireOperatorToken(token));
    registerSnapshotRoutes(operator, runtime);
    registerFaultRoutes(operator, runtime);
  });
}
