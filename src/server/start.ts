/**
 * Starts a server process: runtime, demo account, HTTP listener, background workers, and a
 * graceful shutdown on SIGTERM/SIGINT that lets in-flight requests finish.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { ensureDemoAccount, type DemoCredentials } from '../seed/seed.js';
import { buildApp } from './app.js';
import { ROUTE_PLUGINS } from './plugins.js';

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly runtime: Runtime;
  readonly demo: DemoCredentials | null;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: { handleSignals?: boolean } = {}): Promise<RunningServer> {
  const runtime = await createRuntime(config);
  let app: FastifyInstance | undefined;
  try {
    const demo = await ensureDemoAccount(runtime, config.seed);
    app = await buildApp(runtime, ROUTE_PLUGINS);
    await app.listen({ host: config.host, port: config.port });
    for (const worker of runtime.workers) worker.start();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    let closing: Promise<void> | undefined;
    const server: RunningServer = {
      url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
      app,
      runtime,
      demo,
      close() {
        closing ??= (async () => {
          await app?.close();
          await runtime.close();
        })();
        return closing;
      },
    };
    if (options.handleSignals ?? true) {
      const shutdown = (signal: string) => {
        runtime.log.info({ signal }, 'shutting down: finishing in-flight requests');
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            runtime.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
      // The last resort for promises nobody awaited: Node would end the process, and every
      // client's in-flight request with it. Handlers answer their own failures; this logs.
      process.on('unhandledRejection', (reason) => runtime.log.error({ err: reason }, 'unhandled promise rejection'));
    }
    return server;
  } catch (error) {
    await app?.close();
    await runtime.close();
    throw error;
  }
}
