import assert from 'node:assert/strict';
import { it } from 'node:test';
import { listSeedRuns } from '../../src/seed/runs.js';
import { anchoredNow, seedAccount, seedBatch, seedOnce } from '../../src/seed/seed.js';
import { describeEachDatabase } from '../support/suite.js';
import { differences, dumpAccount, rawDump, rowCounts } from './account-dump.js';

const DAY = 86_400_000;

// The same seed on empty accounts gives the same records, counts and field values (dates
// included: a seeded run is dated from the start of the day), whatever ids other accounts took.
describeEachDatabase('reproducible seeding', ({ server }) => {
  const dump = (accountId: number) => dumpAccount(server().runtime.storage.db, server().runtime.storage.dialect, accountId);

  it('seeds two empty accounts with the same seed into the same data, and another seed into other data', async () => {
    const [a, b, c] = [await server().newAccount(), await server().newAccount(), await server().newAccount()];
    const now = anchoredNow();
    const totalsA = await seedAccount(server().runtime, { accountId: a.accountId, contacts: 25, randomSeed: 42, now });
    // Another account's rows in between, so the second seeding gets other ids in every table.
    await seedAccount(server().runtime, { accountId: c.accountId, contacts: 15, randomSeed: 7, now });
    const totalsB = await seedAccount(server().runtime, { accountId: b.accountId, contacts: 25, randomSeed: 42, now });
    assert.deepEqual(totalsB, totalsA);

    const [dumpA, dumpB, dumpC] = await Promise.all([dump(a.accountId), dump(b.accountId), dump(c.accountId)]);
    const counts = rowCounts(dumpA);
    for (const table of ['contacts', 'companies', 'crm_leads', 'events', 'event_registrations', 'invoices', 'venues', 'email_log', 'seed_runs']) {
      assert.ok((counts[table] ?? 0) > 0, `${table} seeded (${JSON.stringify(counts)})`);
    }
    assert.deepEqual(differences(dumpA, dumpB), []);
    assert.deepEqual(rowCounts(dumpB), counts);
    // The comparison sees content: a different seed differs, and so does one changed field.
    assert.notDeepEqual(differences(dumpA, dumpC), []);
    const contacts = dumpB.tables.get('contacts')!;
    contacts[5] = { ...contacts[5], first_name: `${String(contacts[5]!.first_name)}x` };
    assert.match(differences(dumpA, dumpB).join('\n'), /contacts\[5\]\.first_name/);
  });

  it('dates a seeded run from the start of the current UTC day, and an unseeded one from the clock', async () => {
    const [a, b] = [await server().newAccount(), await server().newAccount()];
    const before = Date.now();
    const seeded = await seedBatch(server().runtime, { accountId: a.accountId, contacts: 12, randomSeed: 3 });
    assert.equal(seeded.now % DAY, 0);
    assert.ok(seeded.now <= before && before - seeded.now < DAY);
    const unseeded = await seedBatch(server().runtime, { accountId: b.accountId, contacts: 12 });
    assert.ok(unseeded.now >= before, 'no seed: dated now');
    // Even then the seed is chosen and recorded, so the data can be made again.
    const [run] = await listSeedRuns(server().runtime.storage.db, b.accountId);
    assert.equal(run!.randomSeed, unseeded.randomSeed);
    assert.equal(run!.now, unseeded.now);
    assert.ok(run!.finishedAt !== null);
    const again = await server().newAccount();
    await seedAccount(server().runtime, { accountId: again.accountId, contacts: 12, randomSeed: run!.randomSeed, now: run!.now });
    assert.deepEqual(differences(await dump(b.accountId), await dump(again.accountId)), []);
  });

  it('leaves a seeded account alone, and adds a new batch (not the first one again) when asked', async () => {
    const account = await server().newAccount();
    const first = await seedOnce(server().runtime, { accountId: account.accountId, contacts: 20, randomSeed: 42 });
    assert.equal(first.changed, true);
    const { db, dialect } = server().runtime.storage;
    const seeded = await rawDump(db, dialect, account.accountId);

    const second = await seedOnce(server().runtime, { accountId: account.accountId, contacts: 20, randomSeed: 42 });
    assert.equal(second.changed, false);
    assert.deepEqual(await rawDump(db, dialect, account.accountId), seeded, 'nothing changed');

    const added = await seedOnce(server().runtime, { accountId: account.accountId, contacts: 20, randomSeed: 42, add: true });
    assert.equal(added.changed && added.batch, 2);
    const contacts = await server().store(account.accountId).selectFrom('contacts').select(['email', 'first_name', 'last_name']).orderBy('id').execute();
    assert.equal(contacts.length, 40);
    const firstBatch = contacts.slice(0, 20).map((c) => c.email);
    assert.ok(contacts.slice(20).every((c) => !firstBatch.includes(c.email)), 'batch 2 draws new records');
    assert.deepEqual(
      (await listSeedRuns(db, account.accountId)).map((r) => [r.batch, r.randomSeed, r.contacts]),
      [
        [1, 42, 20],
        [2, 42, 20],
      ],
    );
  });
});
