/**
 * "A run killed at any point and started again finishes with no duplicate in either system",
 * swept over every point: the n-th call of a run to either side (every iVvy request, every
 * CRM operation) fails abruptly — before it is sent or after its answer arrived — for n = 1,
 * 2, 3 … until a run gets through, with both systems changing between runs. Then a clean run
 * must leave both holding exactly the expected records, each once and paired. (Real
 * SIGKILLs of a separate process are in tryton/scenario.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { MarqueeClient } from '../../src/client/index.js';
import { runSync } from '../../src/sync/engine/run.js';
import type { OpenedSync } from '../../src/sync/environment.js';
import { startHubSpotDouble, type HubSpotDouble } from '../doubles/hubspot/server.js';
import { describeEachDatabase } from '../support/suite.js';
import { crashSwitch, crashingHubSpot } from './support/crash.js';
import { openTestSync, syncConfig } from './support/harness.js';

interface IvvyContact {
  id: number;
  firstName: string;
  email: string;
  phone: string | null;
  externalId: string | null;
}

async function ivvyContacts(client: MarqueeClient): Promise<IvvyContact[]> {
  const out: IvvyContact[] = [];
  for await (const c of client.paginate<IvvyContact>('contact', 'getContactList', {})) out.push(c);
  return out;
}

describeEachDatabase('sync killed at every point', ({ server }) => {
  let hub: HubSpotDouble;
  let opened: OpenedSync;
  const crash = crashSwitch();
  const send = globalThis.fetch;

  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 1000 });
    // The iVvy SDK sends with the global fetch: every iVvy request is a crash point too.
    globalThis.fetch = (...args: Parameters<typeof fetch>) => crash.around(() => send(...args));
    const config = syncConfig(
      server(),
      { connector: 'hubspot', hubspot: { accessToken: hub.token, basePath: hub.url, searchRequestsPerSecond: 1000, requestsPerTenSeconds: 100_000 } },
      { sync: { pageSize: 2, overlapSeconds: 1, retries: 0 }, modules: { companies: { enabled: false } } },
    );
    opened = await openTestSync(server(), config, crashingHubSpot(config, crash));
  });
  after(async () => {
    globalThis.fetch = send;
    await opened?.close();
    await hub?.close();
  });

  it('ends with both systems holding each expected contact once, paired', async () => {
    const client = server().client;
    const expected = new Map<string, string | null>();
    const addIvvy = async (n: string) => {
      crash.disarm();
      const email = `ivvy-${n}@example.com`;
      await client.call('contact', 'addOrUpdateContact', { firstName: `I${n}`, lastName: 'Ivvy', email, phone: `1${n}` });
      expected.set(email, `1${n}`);
    };
    const addCrm = (n: string) => {
      const email = `crm-${n}@example.com`;
      hub.insert('contacts', { firstname: `C${n}`, lastname: 'Crm', email, phone: `2${n}` });
      expected.set(email, `2${n}`);
    };
    for (let i = 0; i < 3; i++) {
      await addIvvy(`seed${i}`);
      addCrm(`seed${i}`);
    }

    let points = 0;
    for (let at = 1; at < 500; at++) {
      const mode = at % 2 === 0 ? 'after' : 'before';
      await addIvvy(String(at));
      addCrm(String(at));
      // An edit on each side of records synced earlier, when there are some.
      crash.disarm();
      // (iVvy edits records born in iVvy, the CRM those born in the CRM: no record is edited
      // on both sides between two runs, which would be a conflict decided by timestamps.)
      const synced = (await ivvyContacts(client)).filter((c) => c.externalId !== null && c.email.startsWith('ivvy-'));
      if (synced.length > 0) {
        const c = synced[at % synced.length]!;
        await client.call('contact', 'addOrUpdateContact', { id: c.id, phone: `3${at}` });
        expected.set(c.email, `3${at}`);
      }
      const crmSynced = hub.objects('contacts').filter((o) => o.properties.ivvy_contact_id && o.properties.email!.startsWith('crm-'));
      if (crmSynced.length > 0) {
        const o = crmSynced[at % crmSynced.length]!;
        hub.edit('contacts', o.id, { phone: `4${at}` });
        expected.set(o.properties.email!, `4${at}`);
      }
      crash.arm(at, mode);
      const summary = await runSync(opened.env, { trigger: 'test', reconcile: 'skip' });
      crash.disarm();
      if (!crash.fired()) {
        assert.notEqual(summary.status, 'failed', summary.failure ?? '');
        break;
      }
      // A crash in a write surfaces as that write failing (the run goes on, records it as an
      // error and retries it later); anywhere else it stops the run.
      assert.ok(summary.status === 'failed' || summary.status === 'partial', summary.status);
      points++;
    }
    assert.ok(points >= 10, `crashed at ${points} distinct points`);

    crash.disarm();
    const finish = await runSync(opened.env, { trigger: 'test', reconcile: 'skip' });
    assert.notEqual(finish.status, 'failed', finish.failure ?? '');
    const idle = await runSync(opened.env, { trigger: 'test', reconcile: 'skip' });
    const changes = Object.values(idle.counts).reduce((n, c) => n + c.created + c.updated + c.errors, 0);
    assert.equal(changes, 0, JSON.stringify(idle.counts));

    const ivvy = await ivvyContacts(client);
    const crm = hub.objects('contacts');
    assert.deepEqual(ivvy.map((c) => c.email).sort(), [...expected.keys()].sort(), 'iVvy: each expected contact exactly once');
    assert.deepEqual(crm.map((o) => o.properties.email).sort(), [...expected.keys()].sort(), 'CRM: each expected contact exactly once');
    for (const c of ivvy) {
      const o = crm.find((x) => x.id === c.externalId);
      assert.ok(o, `${c.email} paired`);
      assert.equal(o.properties.ivvy_contact_id, String(c.id));
      assert.equal(o.properties.email, c.email);
      assert.equal(c.phone, expected.get(c.email), `${c.email} in iVvy`);
      assert.equal(o.properties.phone, expected.get(c.email), `${c.email} in the CRM`);
    }
  });

  it('does not mistake its own unconfirmed update for a CRM user change after a crash', async () => {
    const client = server().client;
    const { id } = await client.call<{ id: number }>('contact', 'addOrUpdateContact', {
      firstName: 'Own',
      lastName: 'Write',
      email: 'own.write@example.com',
      phone: '100',
    });
    assert.notEqual((await runSync(opened.env, { trigger: 'test', reconcile: 'skip' })).status, 'failed');
    const crmId = hub.objects('contacts').find((o) => o.properties.ivvy_contact_id === String(id))!.id;
    // The CRM's clock runs ahead: its modification times look later than iVvy's.
    const unrelated = hub.insert('contacts', { email: 'clock@example.com' });
    hub.edit('contacts', unrelated.id, { phone: '0' }, Date.now() + 60_000);

    await client.call('contact', 'addOrUpdateContact', { id, phone: '200' });
    crash.dieAfterNextUpdate = true;
    const crashed = await runSync(opened.env, { trigger: 'test', reconcile: 'skip' });
    assert.equal(crashed.status, 'failed');
    assert.equal(hub.objects('contacts').find((o) => o.id === crmId)!.properties.phone, '200', 'the update reached the CRM');

    // iVvy changes again before the next run: the CRM's "change" is our own write.
    await client.call('contact', 'addOrUpdateContact', { id, phone: '300' });
    const conflictsBefore = (await opened.env.state.conflicts.recent(100)).length;
    const next = await runSync(opened.env, { trigger: 'test', reconcile: 'skip' });
    assert.notEqual(next.status, 'failed', next.failure ?? '');
    assert.equal(hub.objects('contacts').find((o) => o.id === crmId)!.properties.phone, '300');
    assert.equal((await ivvyContacts(client)).find((c) => c.id === id)!.phone, '300');
    assert.equal((await opened.env.state.conflicts.recent(100)).length, conflictsBefore, 'no conflict');
  });
});
