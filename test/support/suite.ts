/** Runs a suite once per database kind, with a server started before and closed after it. */
import { after, before, describe } from 'node:test';
import type { ConfigOverrides } from '../../src/config.js';
import { DATABASE_KINDS, type DatabaseKind } from './databases.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

export function describeEachDatabase(
  title: string,
  body: (ctx: { server: () => TestServer; kind: DatabaseKind }) => void,
  overrides: ConfigOverrides = {},
  options: TestServerOptions = {},
): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${title} [${kind}]`, () => {
      let server: TestServer | undefined;
      before(async () => {
        server = await startTestServer(kind, overrides, options);
      });
      after(async () => {
        await server?.close();
      });
      body({
        kind,
        server: () => {
          if (!server) throw new Error('server not started');
          return server;
        },
      });
    });
  }
}
