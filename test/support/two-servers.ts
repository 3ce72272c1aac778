/**
 * A race run from two server processes on one PostgreSQL database (the fixture server, started
 * as children), for the tests that show a per-record lock holds across processes, not only
 * within one. The test receives the account's store and a client for each process.
 */
import { after, before, describe, it } from 'node:test';
import type { MarqueeClient } from '../../src/client/index.js';
import { createScope, type Scope } from '../../src/storage/scope.js';
import { prepareSharedDatabase, type SharedDatabase } from '../batch/fixtures/setup.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { DATABASE_KINDS } from './databases.js';

export function describeOnTwoServers(title: string, test: string, body: (store: Scope, clients: MarqueeClient[], shared: SharedDatabase) => Promise<void>): void {
  for (const kind of DATABASE_KINDS.filter((k) => k === 'postgres')) {
    describe(`${title} from two server processes [${kind}]`, () => {
      let shared: SharedDatabase;
      const children: ChildServer[] = [];
      before(async () => {
        shared = await prepareSharedDatabase(kind);
        children.push(await startChildServer(shared.env), await startChildServer(shared.env));
      });
      after(async () => {
        for (const child of children) await child.stop();
        await shared?.close();
      });

      it(test, async () => {
        const store = createScope(shared.runtime.storage.db, shared.accountId, shared.runtime.storage.dialect);
        await body(store, children.map((c) => shared.clientFor(c.url)), shared);
      });
    });
  }
}
