/** How a module mounts its public pages (invite links, invoices, subscription confirmations). */
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../runtime.js';

export type RoutePlugin = (app: FastifyInstance, runtime: Runtime) => void | Promise<void>;
