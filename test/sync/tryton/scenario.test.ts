/**
 * The end-to-end scenario of issue 8 against a real Tryton server and a real Marquee: seed
 * Marquee, sync, change records on both sides, kill runs at many points (each a separate
 * process SIGKILLed before or after one of its requests), sync again, and check that both
 * systems hold exactly the expected contacts and companies, each once, correctly paired.
 * (Slow by nature: every run is a process of its own talking to a real ERP.)
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { MarqueeClient } from '../../../src/client/index.js';
import type { SyncConfig } from '../../../src/sync/config.js';
import { createRateLimiter } from '../../../src/sync/rate-limiter.js';
import { createTrytonRpc, type TrytonRpc } from '../../../src/sync/connectors/tryton/rpc.js';
import { describeEachDatabase } from '../../support/suite.js';
import { runSyncChild } from '../support/child.js';
import { syncConfig } from '../support/harness.js';
import { createTrytonDatabase, stopTryton, type TrytonDatabase } from '../support/tryton.js';

interface IvvyContact {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  externalId: string | null;
}
interface IvvyCompany {
  id: number;
  businessName: string;
  phone: string | null;
  externalId: string | null;
}
interface Party {
  id: number;
  name: string;
  active: boolean | number;
  categories: number[];
  identifiers: number[];
}

async function list<T>(client: MarqueeClient, action: string): Promise<T[]> {
  const out: T[] = [];
  for await (const r of client.paginate<T>('contact', action, {})) out.push(r);
  return out;
}

after(stopTryton);

describeEachDatabase('sync scenario: Marquee ↔ real Tryton, with killed runs', ({ server }) => {
  let tryton: TrytonDatabase;
  let rpc: TrytonRpc;
  let config: SyncConfig;

  before(async () => {
    tryton = await createTrytonDatabase();
    rpc = createTrytonRpc({
      url: tryton.url,
      database: tryton.database,
      username: tryton.username,
      password: tryton.password,
      policy: { retries: 2, baseDelayMs: 50, maxDelayMs: 500, maxRetryAfterMs: 1000 },
      limiter: createRateLimiter(0, 0),
    });
    config = syncConfig(
      server(),
      {
        connector: 'tryton',
        tryton: { url: tryton.url, database: tryton.database, username: tryton.username, password: tryton.password, requestsPerSecond: 1000 },
      },
      // A small page size makes every run span several pages and checkpoints.
      { sync: { pageSize: 3, overlapSeconds: 2 } },
    );
  });
  after(async () => {
    await tryton?.drop();
  });

  const client = () => server().client;
  const category = async (name: string) => (await rpc.model<number[]>('party.category', 'search', [[['name', '=', name], ['parent', '=', null]], 0, 1, null]))[0];
  const partiesOf = async (categoryName: string, activeOnly = true): Promise<Array<Party & { email: string | null; phone: string | null; key: string | null }>> => {
    const cat = await category(categoryName);
    if (cat === undefined) return [];
    const parties = await rpc.model<Party[]>('party.party', 'search_read', [
      [['categories', 'in', [cat]], ...(activeOnly ? [] : [['active', 'in', [true, false]]])],
      0,
      null,
      [['id', 'ASC']],
      ['name', 'active', 'categories', 'identifiers'],
    ]);
    const mechs = await rpc.model<Array<{ party: number; type: string; value: string }>>('party.contact_mechanism', 'search_read', [
      [['party', 'in', parties.map((p) => p.id)]],
      0,
      null,
      null,
      ['party', 'type', 'value'],
    ]);
    const idents = await rpc.model<Array<{ party: number; code: string }>>('party.identifier', 'search_read', [
      [['party', 'in', parties.map((p) => p.id)]],
      0,
      null,
      null,
      ['party', 'code'],
    ]);
    return parties.map((p) => ({
      ...p,
      email: mechs.find((m) => m.party === p.id && m.type === 'email')?.value ?? null,
      phone: mechs.find((m) => m.party === p.id && m.type === 'phone')?.value ?? null,
      key: idents.find((i) => i.party === p.id)?.code ?? null,
    }));
  };
  const createParty = async (categoryName: string, name: string, mechanisms: Array<{ type: string; value: string }>) => {
    const cat = await category(categoryName);
    const [id] = await rpc.model<number[]>('party.party', 'create', [
      [{ name, categories: [['add', cat === undefined ? [] : [cat]]], contact_mechanisms: [['create', mechanisms]] }],
    ]);
    return id!;
  };
  const setPartyMechanism = async (partyId: number, type: string, value: string) => {
    const [m] = await rpc.model<Array<{ id: number }>>('party.contact_mechanism', 'search_read', [[['party', '=', partyId], ['type', '=', type]], 0, 1, null, ['id']]);
    await rpc.model('party.party', 'write', [[partyId], { contact_mechanisms: m ? [['write', [m.id], { value }]] : [['create', [{ type, value }]]] }]);
  };

  /** The expected state, kept as the scenario changes both systems. */
  const expectedContacts = new Map<string, { first: string; last: string; phone: string | null }>();
  const expectedCompanies = new Map<string, { phone: string | null }>();

  it('seeds Marquee and Tryton and pairs everything on the first run', async () => {
    for (let i = 1; i <= 7; i++) {
      const email = `seed${i}@example.com`;
      await client().call('contact', 'addOrUpdateContact', { firstName: `Seed${i}`, lastName: 'Ivvy', email, phone: `0700 00${i}` });
      expectedContacts.set(email, { first: `Seed${i}`, last: 'Ivvy', phone: `0700 00${i}` });
    }
    for (let i = 1; i <= 2; i++) {
      await client().call('contact', 'addOrUpdateCompany', { businessName: `Ivvy Co ${i}`, phone: `1300 00${i}` });
      expectedCompanies.set(`Ivvy Co ${i}`, { phone: `1300 00${i}` });
    }
    // The first run creates the categories; the parties created in Tryton before it must
    // carry them to be synced, so a first run happens before Tryton's own records exist.
    const first = await runSyncChild(config);
    assert.equal(first.summary?.status, 'succeeded', first.stderr + JSON.stringify(first.summary?.errors));
    for (let i = 1; i <= 3; i++) {
      const email = `crm${i}@example.com`;
      await createParty('iVvy contact', `Crm${i} Person`, [{ type: 'email', value: email }, { type: 'phone', value: `0800 00${i}` }]);
      expectedContacts.set(email, { first: `Crm${i}`, last: 'Person', phone: `0800 00${i}` });
    }
    await createParty('iVvy company', 'Tryton Co', [{ type: 'phone', value: '1800 001' }]);
    expectedCompanies.set('Tryton Co', { phone: '1800 001' });
    // A party of neither category is not synced.
    await createParty('iVvy nothing', 'Supplier Not Synced', [{ type: 'email', value: 'supplier@example.com' }]);

    const second = await runSyncChild(config);
    assert.equal(second.summary?.status, 'succeeded', second.stderr + JSON.stringify(second.summary?.errors));
    await assertBothHoldExactly();
  });

  it('survives runs killed at any point while both sides change, and ends with no duplicate', async () => {
    const points: Array<{ at: number; mode: 'before' | 'after' }> = [];
    // Real SIGKILLs at a handful of points spread over a run (every single point is swept
    // in-process by test/sync/crash.test.ts).
    for (const at of [2, 5, 9, 14, 21]) points.push({ at, mode: at % 2 === 0 ? 'after' : 'before' });
    let round = 0;
    let killed = 0;
    for (const point of points) {
      round++;
      // Both sides change between runs: a new record each, an edit each.
      const email = `new${round}@example.com`;
      await client().call('contact', 'addOrUpdateContact', { firstName: `New${round}`, lastName: 'Ivvy', email, phone: `0711 ${round}` });
      expectedContacts.set(email, { first: `New${round}`, last: 'Ivvy', phone: `0711 ${round}` });
      const crmEmail = `newcrm${round}@example.com`;
      await createParty('iVvy contact', `NewCrm${round} Person`, [{ type: 'email', value: crmEmail }]);
      expectedContacts.set(crmEmail, { first: `NewCrm${round}`, last: 'Person', phone: null });

      const ivvyContacts = await list<IvvyContact>(client(), 'getContactList');
      const seed = ivvyContacts.find((c) => c.email === `seed${(round % 7) + 1}@example.com`)!;
      await client().call('contact', 'addOrUpdateContact', { id: seed.id, phone: `0799 ${round}` });
      expectedContacts.get(seed.email)!.phone = `0799 ${round}`;
      const crmParty = (await partiesOf('iVvy contact')).find((p) => p.email === `crm${(round % 3) + 1}@example.com`)!;
      await setPartyMechanism(crmParty.id, 'phone', `0899 ${round}`);
      expectedContacts.get(crmParty.email!)!.phone = `0899 ${round}`;

      const outcome = await runSyncChild(config, point);
      if (outcome.killed) killed++;
      else assert.notEqual(outcome.summary?.status, 'failed', outcome.stderr);
    }
    assert.ok(killed >= points.length - 1, `the runs were killed mid-way (${killed} of ${points.length})`);

    // A company renamed in Tryton stays paired (externalId), it is not duplicated.
    const trytonCo = (await partiesOf('iVvy company')).find((p) => p.name === 'Tryton Co')!;
    await rpc.model('party.party', 'write', [[trytonCo.id], { name: 'Tryton Co Renamed' }]);
    expectedCompanies.set('Tryton Co Renamed', expectedCompanies.get('Tryton Co')!);
    expectedCompanies.delete('Tryton Co');

    // Killed before the end again, then to completion, then once more: nothing left to do.
    await runSyncChild(config, { at: 4, mode: 'after' });
    const finish = await runSyncChild(config);
    assert.equal(finish.summary?.status, 'succeeded', finish.stderr + JSON.stringify(finish.summary?.errors));
    const idle = await runSyncChild(config);
    const changed = Object.values(idle.summary!.counts).reduce((n, c) => n + c.created + c.updated + c.errors, 0);
    assert.equal(changed, 0, JSON.stringify(idle.summary!.counts));
    await assertBothHoldExactly();
  });

  it('archives the Tryton party of a contact deleted in iVvy', async () => {
    const victim = (await list<IvvyContact>(client(), 'getContactList')).find((c) => c.email === 'seed1@example.com')!;
    await server().store().deleteFrom('contacts').where('id', '=', victim.id).execute();
    expectedContacts.delete('seed1@example.com');
    const r = await runSyncChild(config, undefined, true);
    assert.equal(r.summary?.status, 'succeeded', r.stderr + JSON.stringify(r.summary?.errors));
    const all = await partiesOf('iVvy contact', false);
    const archived = all.find((p) => p.key === `ivvy-contact:${victim.id}`)!;
    assert.ok(!archived.active, 'archived, not deleted');
    await assertBothHoldExactly();
  });

  async function assertBothHoldExactly(): Promise<void> {
    const ivvyContacts = await list<IvvyContact>(client(), 'getContactList');
    const parties = await partiesOf('iVvy contact');
    assert.deepEqual(ivvyContacts.map((c) => c.email).sort(), [...expectedContacts.keys()].sort(), 'iVvy holds exactly the expected contacts');
    assert.deepEqual(parties.map((p) => p.email).sort(), [...expectedContacts.keys()].sort(), 'Tryton holds exactly the expected contacts');
    for (const c of ivvyContacts) {
      const want = expectedContacts.get(c.email)!;
      assert.equal(c.firstName, want.first, c.email);
      assert.equal(c.lastName, want.last, c.email);
      assert.equal(c.phone || null, want.phone, `${c.email} phone in iVvy`);
      const party = parties.find((p) => String(p.id) === c.externalId);
      assert.ok(party, `${c.email} is paired through externalId`);
      assert.equal(party.key, `ivvy-contact:${c.id}`);
      assert.equal(party.name, `${want.first} ${want.last}`);
      assert.equal(party.email, c.email);
      assert.equal(party.phone, want.phone, `${c.email} phone in Tryton`);
    }
    const companies = await list<IvvyCompany>(client(), 'getCompanyList');
    const companyParties = await partiesOf('iVvy company');
    assert.deepEqual(companies.map((c) => c.businessName).sort(), [...expectedCompanies.keys()].sort());
    assert.deepEqual(companyParties.map((p) => p.name).sort(), [...expectedCompanies.keys()].sort());
    for (const c of companies) {
      const party = companyParties.find((p) => String(p.id) === c.externalId)!;
      assert.equal(party.name, c.businessName);
      assert.equal(party.phone, expectedCompanies.get(c.businessName)!.phone);
      assert.equal(c.phone, expectedCompanies.get(c.businessName)!.phone);
    }
    assert.ok(!(await partiesOf('iVvy nothing')).some((p) => ivvyContacts.some((c) => String(c.id) === p.key?.split(':')[1])));
    assert.ok(!ivvyContacts.some((c) => c.email === 'supplier@example.com'), 'a party outside the categories is not synced');
  }
});
