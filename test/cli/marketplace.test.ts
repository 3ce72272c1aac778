import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { MarqueeClient } from '../../src/client/index.js';
import { addVenue } from '../domain/venue/fixtures.js';
import { describeEachDatabase } from '../support/suite.js';
import { runCli } from './run-cli.js';

interface Listing {
  venueId: number;
  accountId: number;
  businessName: string;
  inMarketplace: boolean;
  allowsLiveBook: boolean;
}

// The command on SQLite only: the marketplace runs on both databases in test/domain/partner/ (docs/decisions.md, "CLI suites").
describeEachDatabase('marquee marketplace', ({ server }) => {
  const env = () => ({ MARQUEE_MASTER_KEY: server().runtime.config.masterKey });
  const db = () => ['--database', server().database.url];
  let partner: MarqueeClient;
  let mine = 0;
  let theirs = 0;
  let otherAccount = 0;
  const visible = async () =>
    (await partner.call<{ results: Array<{ id: number; allowsLiveBook: boolean }> }>('partner', 'getVenueList', {})).results.map((r) => [r.id, r.allowsLiveBook]);

  before(async () => {
    mine = await addVenue(server().store(), { name: 'Quay Ballroom' });
    const other = await server().newAccount();
    otherAccount = other.accountId;
    theirs = await addVenue(server().store(other.accountId), { name: 'Garden Pavilion', inMarketplace: true });
    partner = (await server().newAccount({ keyKind: 'partner' })).client;
  });

  it('lists venues of any account in the marketplace, with or without live booking, and takes them out', async () => {
    const added = await runCli(['marketplace', 'add', String(mine), '--live-book', ...db(), '--json'], env());
    assert.equal(added.code, 0, added.stderr);
    assert.deepEqual(
      (JSON.parse(added.stdout) as Listing[]).map((l) => [l.venueId, l.accountId, l.inMarketplace, l.allowsLiveBook]),
      [[mine, server().accountId, true, true]],
    );
    assert.deepEqual(await visible(), [
      [mine, true],
      [theirs, false],
    ]);

    const listed = await runCli(['marketplace', 'list', ...db()], env());
    assert.equal(listed.code, 0, listed.stderr);
    const lines = listed.stdout.trim().split('\n');
    assert.match(lines[0]!, /^venue\s+account\s+name\s+place\s+listed\s+live book$/);
    assert.match(lines[1]!, new RegExp(`^${mine}\\s+${server().accountId}\\s+Quay Ballroom\\s+Sydney, NSW\\s+yes\\s+yes$`));
    assert.match(lines[2]!, new RegExp(`^${theirs}\\s+${otherAccount}\\s+Garden Pavilion\\s+.*yes\\s+no$`));

    const removed = await runCli(['marketplace', 'remove', String(mine), ...db(), '--json'], env());
    assert.equal(removed.code, 0, removed.stderr);
    assert.deepEqual((JSON.parse(removed.stdout) as Listing[])[0], {
      venueId: mine,
      accountId: server().accountId,
      hashId: (JSON.parse(removed.stdout) as Array<{ hashId: string }>)[0]!.hashId,
      businessName: 'Quay Ballroom',
      city: 'Sydney',
      stateCode: 'NSW',
      inMarketplace: false,
      allowsLiveBook: false,
    });
    assert.deepEqual(await visible(), [[theirs, false]]);
    const after = await runCli(['marketplace', 'list', ...db(), '--json'], env());
    assert.deepEqual((JSON.parse(after.stdout) as Listing[]).map((l) => l.venueId), [theirs]);
  });

  it('refuses a venue that does not exist and an id that is not a number', async () => {
    const missing = await runCli(['marketplace', 'add', '999999', ...db()], env());
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No venue 999999/);
    const garbled = await runCli(['marketplace', 'remove', 'abc', ...db()], env());
    assert.equal(garbled.code, 1);
    assert.match(garbled.stderr, /not a non-negative whole number/);
    assert.deepEqual(await visible(), [[theirs, false]]);
  });
}, {}, { databases: ['sqlite'] });
