import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase } from '../support/suite.js';

// Migration 0011 dropped changes_account: the outbox's readers go by account and endpoint.
describeEachDatabase('outbox indexes', ({ server, kind }) => {
  it('keeps changes_outbox and no longer has changes_account', async () => {
    const db = server().store().executor;
    const names =
      kind === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'changes'`.execute(db)).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'changes' and schemaname = current_schema()`.execute(db)
          ).rows.map((r) => r.name);
    assert.ok(names.includes('changes_outbox'), `indexes: ${names.join(', ')}`);
    assert.ok(!names.includes('changes_account'), `indexes: ${names.join(', ')}`);
  });

  if (kind === 'sqlite') {
    it("serves the notification reader's walk (account, endpoint, from an id, in id order) from changes_outbox", async () => {
      const db = server().store().executor;
      const plan = await sql<{ detail: string }>`explain query plan
        select id, subject from changes where account_id = ${1} and endpoint = ${'contact'} and id >= ${0} order by id limit 100`.execute(db);
      const details = plan.rows.map((r) => r.detail).join(' | ');
      assert.match(details, /changes_outbox/);
      assert.doesNotMatch(details, /TEMP B-TREE/);
    });
  }
});
