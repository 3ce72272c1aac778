import assert from 'node:assert/strict';
import { it } from 'node:test';
import { seedAccount } from '../../src/seed/seed.js';
import { differences, dumpAccount, rawDump } from '../seed/account-dump.js';
import { describeEachDatabase } from '../support/suite.js';
import { runCli } from './run-cli.js';

interface Seeded {
  accountId: number;
  changed: boolean;
  batch?: number;
  randomSeed?: number;
  now?: string;
  created?: Record<string, number>;
}

// `marquee seed` is reproducible and runs once per account (--add for more); `marquee reset`
// empties an account and seeds it again as it was first seeded.
// The command on SQLite only: seeding and reset run on both databases in test/seed/ (docs/decisions.md, "CLI suites").
describeEachDatabase('marquee seed / reset', ({ server }) => {
  const env = () => ({ MARQUEE_MASTER_KEY: server().runtime.config.masterKey });
  const db = () => ['--database', server().database.url];
  const dump = (accountId: number) => dumpAccount(server().runtime.storage.db, server().runtime.storage.dialect, accountId);
  const raw = (accountId: number) => rawDump(server().runtime.storage.db, server().runtime.storage.dialect, accountId);
  const seed = async (...args: string[]) => {
    const res = await runCli(['seed', ...db(), ...args], env());
    assert.equal(res.code, 0, res.stderr);
    return { ...res, json: JSON.parse(res.stdout) as Seeded };
  };

  it('seeds the same data into two empty accounts from the same --random-seed, and a seeded account only once', async () => {
    const [a, b] = [await server().newAccount(), await server().newAccount()];
    const first = await seed('--account', String(a.accountId), '--contacts', '15', '--random-seed', '42');
    assert.equal(first.json.changed, true);
    assert.ok((first.json.created?.contacts ?? 0) === 15);
    assert.match(first.json.now!, /T00:00:00\.000Z$/, 'dated from the start of the UTC day');
    const other = await seed('--account', String(b.accountId), '--contacts', '15', '--random-seed', '42');
    assert.deepEqual(other.json.created, first.json.created);
    // Two runs either side of midnight UTC are dated a day apart; the same day, alike to the field.
    if (other.json.now === first.json.now) assert.deepEqual(differences(await dump(a.accountId), await dump(b.accountId)), []);

    const before = await raw(a.accountId);
    const again = await seed('--account', String(a.accountId), '--contacts', '15', '--random-seed', '42');
    assert.equal(again.json.changed, false);
    assert.match(again.stderr, /already seeded \(seed 42, 15 contacts\); nothing changed.*--add/);
    assert.deepEqual(await raw(a.accountId), before);

    const added = await seed('--account', String(a.accountId), '--contacts', '15', '--add');
    assert.equal(added.json.changed, true);
    assert.equal(added.json.batch, 2);
    const contacts = await server().store(a.accountId).selectFrom('contacts').select('id').execute();
    assert.equal(contacts.length, 30);
  });

  it('resets an account to its first seeding, keeping its key and leaving other accounts alone', async () => {
    const [a, b] = [await server().newAccount(), await server().newAccount()];
    const first = await seed('--account', String(a.accountId), '--contacts', '15', '--random-seed', '7');
    const seeded = await dump(a.accountId);
    await seedAccount(server().runtime, { accountId: b.accountId, contacts: 12, randomSeed: 8 });
    const otherBefore = await raw(b.accountId);
    await a.client.call('contact', 'addOrUpdateContact', { firstName: 'Added', lastName: 'Later', email: 'added.later@example.com' });
    await seed('--account', String(a.accountId), '--contacts', '5', '--add');

    const reset = await runCli(['reset', ...db(), '--account', String(a.accountId)], env());
    assert.equal(reset.code, 0, reset.stderr);
    const out = JSON.parse(reset.stdout) as { accountId: number; deleted: Record<string, number>; seeded: { randomSeed: number; now: string; created: Record<string, number> } };
    assert.equal(out.deleted.contacts, 21);
    assert.equal(out.seeded.randomSeed, 7);
    assert.deepEqual(out.seeded.created, first.json.created);
    if (out.seeded.now === first.json.now) assert.deepEqual(differences(seeded, await dump(a.accountId)), []);
    assert.deepEqual(await raw(b.accountId), otherBefore, 'the other account is untouched');
    const page = await a.client.call<{ meta: { totalResults: number } }>('contact', 'getContactList', {});
    assert.equal(page.meta.totalResults, 15, 'the same key answers the reset data');
  });

  it('works on the demo account without --account, and says when there is none', async () => {
    const none = await runCli(['reset', ...db()], env());
    assert.equal(none.code, 1);
    assert.match(none.stderr, /No demo account/);
    const created = await seed('--contacts', '12', '--random-seed', '3');
    assert.equal(created.json.changed, true);
    const reset = await runCli(['reset', ...db()], env());
    assert.equal(reset.code, 0, reset.stderr);
    const out = JSON.parse(reset.stdout) as { accountId: number; seeded: { randomSeed: number; created: Record<string, number> } };
    assert.equal(out.accountId, created.json.accountId);
    assert.equal(out.seeded.randomSeed, 3);
    assert.equal(out.seeded.created.contacts, 12);
  });
}, {}, { databases: ['sqlite'] });
