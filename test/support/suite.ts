/** Runs a suite once per database kind, with a server started before and closed after it. */
import { after, before, describe } from 'node:test';
import type { ConfigOverrides } from '../../src/config.js';
import { DATABASE_KINDS, type DatabaseKind } from './databases.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

export interface SuiteOptions extends TestServerOptions {
  /**
   * The kinds this suite runs on, of those the run selects (default: all). Only for suites whose
   * storage code is run on every kind by other suites, such as a CLI suite over functions that
   * in-process suites cover (docs/decisions.md, "CLI suites").
   */
  databases?: readonly DatabaseKind[];
}

export function describeEachDatabase(
  title: string,
  body: (ctx: { server: () => TestServer; kind: DatabaseKind }) => void,
  overrides: ConfigOverrides = {},
  { databases, ...options }: SuiteOptions = {},
): void {
  for (const kind of DATABASE_KINDS.filter((k) => !databases || databases.includes(k))) {
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
