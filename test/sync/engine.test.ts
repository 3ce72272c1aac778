/**
 * The sync engine end to end against a real Marquee server (SQLite and PostgreSQL: the
 * engine's state lives in the same storage) and the HubSpot double as the CRM.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import type { MarqueeClient } from '../../src/client/index.js';
import type { SyncConfig } from '../../src/sync/config.js';
import { runSync, type RunSummary } from '../../src/sync/engine/run.js';
import type { OpenedSync } from '../../src/sync/environment.js';
import { SyncBusyError } from '../../src/sync/store/runs.js';
import { startHubSpotDouble, type HubSpotDouble } from '../doubles/hubspot/server.js';
import { describeEachDatabase } from '../support/suite.js';
import { openTestSync, syncConfig } from './support/harness.js';

interface IvvyContact {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  externalId: string | null;
  modifiedDate: string;
}

async function contacts(client: MarqueeClient): Promise<IvvyContact[]> {
  const out: IvvyContact[] = [];
  for await (const c of client.paginate<IvvyContact>('contact', 'getContactList', {})) out.push(c);
  return out;
}

const total = (s: RunSummary, key: 'created' | 'updated' | 'conflicts' | 'errors' | 'deleted', direction?: 'toCrm' | 'toIvvy') =>
  Object.entries(s.counts)
    .filter(([k]) => !direction || k.endsWith(direction))
    .reduce((n, [, c]) => n + c[key], 0);

describeEachDatabase('sync engine (Marquee ↔ HubSpot double)', ({ server }) => {
  let hub: HubSpotDouble;
  let config: SyncConfig;
  let opened: OpenedSync;
  let profile = 0;

  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 100 });
  });
  after(async () => {
    await hub.close();
  });
  // Every test works with its own profile: its own cursors and id map.
  beforeEach(async () => {
    await opened?.close();
    profile++;
    config = syncConfig(
      server(),
      { connector: 'hubspot', hubspot: { accessToken: hub.token, basePath: hub.url, searchRequestsPerSecond: 100, requestsPerTenSeconds: 10_000 } },
      { profile: `p${profile}`, modules: { companies: { enabled: false } } },
    );
    opened = await openTestSync(server(), config);
  });
  after(async () => {
    await opened?.close();
  });

  const run = (options: Parameters<typeof runSync>[1] = {}) => runSync(opened.env, options);
  const client = () => server().client;
  const addContact = async (first: string, last: string, extra: Record<string, unknown> = {}) =>
    (await client().call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: first, lastName: last, email: `${first}.${last}@example.com`.toLowerCase(), ...extra })).id;
  const hubContact = (ivvyId: number) => hub.objects('contacts').find((o) => o.properties.ivvy_contact_id === String(ivvyId));

  it('pairs both ways on the first run, writes externalId back, and a second run changes nothing', async () => {
    const a = await addContact('Ada', 'Lovelace', { phone: '111' });
    const b = await addContact('Alan', 'Turing');
    const crmOnly = hub.insert('contacts', { firstname: 'Grace', lastname: 'Hopper', email: 'grace@example.com', phone: '222' });

    const first = await run();
    assert.equal(first.status, 'succeeded', JSON.stringify(first.errors));
    assert.ok(total(first, 'created', 'toCrm') >= 2);
    assert.equal(total(first, 'created', 'toIvvy'), 1);
    assert.equal(hubContact(a)?.properties.phone, '111');
    assert.ok(hubContact(b));
    const all = await contacts(client());
    const grace = all.find((c) => c.email === 'grace@example.com')!;
    assert.equal(grace.externalId, crmOnly.id);
    assert.equal(grace.phone, '222');
    // iVvy learnt the CRM ids: the pairs survive without the id map.
    assert.equal(all.find((c) => c.id === a)!.externalId, hubContact(a)!.id);
    assert.equal(hub.objects('contacts').find((o) => o.id === crmOnly.id)!.properties.ivvy_contact_id, String(grace.id));

    const second = await run();
    assert.equal(second.status, 'succeeded');
    assert.equal(total(second, 'created') + total(second, 'updated') + total(second, 'conflicts'), 0, JSON.stringify(second.counts));
    assert.equal(new Set((await contacts(client())).map((c) => c.email)).size, (await contacts(client())).length, 'no duplicate in iVvy');
  });

  it('carries an edit each way without echoing it back, and an edit in the same second still flows', async () => {
    const id = await addContact('Edsger', 'Dijkstra', { phone: '1' });
    await run();
    await client().call('contact', 'addOrUpdateContact', { id, phone: '2' });
    const r1 = await run();
    assert.equal(hubContact(id)?.properties.phone, '2');
    assert.equal(total(r1, 'updated', 'toCrm'), 1);
    assert.equal(total(r1, 'updated', 'toIvvy'), 0, 'the CRM pass saw its own write and did not echo it');

    hub.edit('contacts', hubContact(id)!.id, { phone: '3' });
    const r2 = await run();
    assert.equal(total(r2, 'updated', 'toIvvy'), 1);
    assert.equal((await contacts(client())).find((c) => c.id === id)!.phone, '3');
    const r3 = await run();
    assert.equal(total(r3, 'updated'), 0, 'no echo of the write into iVvy');

    // Two edits within one second around a run: the second has the same modifiedDate second
    // as the cursor's overlap covers, and a different fingerprint, so it flows.
    await client().call('contact', 'addOrUpdateContact', { id, phone: '4' });
    await run();
    await client().call('contact', 'addOrUpdateContact', { id, phone: '5' });
    await run();
    assert.equal(hubContact(id)?.properties.phone, '5');
  });

  it('resolves a conflict by the most recent change, honours field owners, and logs it', async () => {
    const id = await addContact('Barbara', 'Liskov', { phone: '10' });
    await run();
    const hubId = hubContact(id)!.id;
    await client().call('contact', 'addOrUpdateContact', { id, phone: '11' });
    // The CRM edit is later: it wins the whole record.
    hub.edit('contacts', hubId, { phone: '12', lastname: 'Liskov-CRM' }, Date.now() + 5_000);
    const r = await run();
    assert.equal(total(r, 'conflicts'), 1);
    const contact = (await contacts(client())).find((c) => c.id === id)!;
    assert.equal(contact.phone, '12');
    assert.equal(contact.lastName, 'Liskov-CRM');
    const [logged] = await opened.env.state.conflicts.recent(1, 'contacts');
    assert.equal(logged!.winner, 'crm');
    assert.equal(logged!.ivvyId, String(id));
    assert.deepEqual(logged!.fields, ['phone']);

    // phone is owned by iVvy from now on: a CRM edit of it is reverted, others flow.
    await opened.close();
    opened = await openTestSync(server(), { ...config, modules: { ...config.modules, contacts: { ...config.modules.contacts, fieldOwners: { phone: 'ivvy' } } } });
    hub.edit('contacts', hubId, { phone: '13', firstname: 'Barb' });
    await run();
    const after = (await contacts(client())).find((c) => c.id === id)!;
    assert.equal(after.firstName, 'Barb');
    assert.equal(after.phone, '12');
    assert.equal(hubContact(id)!.properties.phone, '12');
  });

  it('finds deletions by reconciliation: iVvy deletions archive the CRM record, CRM deletions close the pair', async () => {
    const gone = await addContact('Gone', 'Ivvy');
    const kept = await addContact('Gone', 'Crm');
    await run();
    await server().store().deleteFrom('contacts').where('id', '=', gone).execute();
    hub.archive('contacts', hubContact(kept)!.id);
    const r = await run({ reconcile: 'force' });
    assert.equal(r.status, 'succeeded', JSON.stringify(r.errors));
    assert.equal(total(r, 'deleted', 'toCrm'), 1);
    assert.equal(hub.objects('contacts', true).find((o) => o.properties.ivvy_contact_id === String(gone))!.archived, true);
    assert.ok((await contacts(client())).some((c) => c.id === kept), 'iVvy has no delete: the record stays');
    const counts = await opened.env.state.links.count('contacts');
    assert.equal(counts['deleted-ivvy'], 1);
    assert.equal(counts['deleted-crm'], 1);
    // The closed pair is not revived by a later edit.
    await client().call('contact', 'addOrUpdateContact', { id: kept, phone: '99' });
    const again = await run();
    assert.equal(total(again, 'created'), 0);
  });

  it('refuses a reconciliation that would delete more than maxDeleteRatio of the pairs', async () => {
    await opened.close();
    opened = await openTestSync(server(), { ...config, sync: { ...config.sync, maxDeleteRatio: 0.2 } });
    const ids = [await addContact('Many', 'One'), await addContact('Many', 'Two'), await addContact('Many', 'Three')];
    await run();
    for (const id of ids) hub.archive('contacts', hubContact(id)!.id);
    const r = await run({ reconcile: 'force' });
    assert.equal(r.status, 'partial');
    assert.match(r.errors[0]!.message, /reconciliation refused/);
    assert.equal((await opened.env.state.links.count('contacts'))['deleted-crm'] ?? 0, 0);
  });

  it('writes nothing on a dry run but reports what it would do', async () => {
    await addContact('Dry', 'Run');
    const before = hub.objects('contacts').length;
    const dry = await run({ dryRun: true });
    assert.ok(dry.dryRun);
    assert.ok(total(dry, 'created', 'toCrm') >= 1);
    assert.equal(hub.objects('contacts').length, before);
    assert.deepEqual(await opened.env.state.cursors.all(), []);
    const real = await run();
    assert.equal(total(real, 'created', 'toCrm'), total(dry, 'created', 'toCrm'));
  });

  it('keeps a record iVvy refuses for a retry, and applies it once it is fixed', async () => {
    const bad = hub.insert('contacts', { firstname: 'No', lastname: 'Email' });
    const r1 = await run();
    assert.equal(r1.status, 'partial');
    assert.ok(r1.errors.some((e) => e.recordId === bad.id && /email/.test(e.message)));
    assert.equal(await opened.env.state.retries.count(), 1);
    // Fixed in the CRM, with a modified time older than the cursor: only the retry finds it.
    hub.edit('contacts', bad.id, { email: 'no.email@example.com' }, 0);
    hub.objects('contacts').find((o) => o.id === bad.id)!.updatedAt = 1;
    const r2 = await run();
    assert.equal(r2.status, 'succeeded', JSON.stringify(r2.errors));
    assert.ok((await contacts(client())).some((c) => c.email === 'no.email@example.com' && c.externalId === bad.id));
    assert.equal(await opened.env.state.retries.count(), 0);
  });

  it('creates every CRM record in one run though each create moves CRM records under the walk', async () => {
    await opened.close();
    opened = await openTestSync(server(), { ...config, sync: { ...config.sync, pageSize: 5 } });
    for (let i = 0; i < 23; i++) hub.insert('contacts', { firstname: `Walk${i}`, lastname: 'Crm', email: `walk${i}@example.com` });
    await run();
    const walked = (await contacts(client())).filter((c) => c.firstName.startsWith('Walk'));
    assert.equal(walked.length, 23);
    assert.ok(walked.every((c) => c.externalId !== null));
  });

  it('writes into iVvy through the batch API, and holds one run at a time per profile', async () => {
    for (let i = 0; i < 6; i++) hub.insert('contacts', { firstname: `Batch${i}`, lastname: 'Crm', email: `batch${i}@example.com` });
    const before = opened.env.api.requestsByAction();
    const r = await run();
    // (Records of earlier tests are new to this test's profile too.)
    assert.ok(total(r, 'created', 'toIvvy') >= 6);
    const after = opened.env.api.requestsByAction();
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    assert.ok(opened.env.writer.batching(), 'the batch namespace answered');
    assert.equal(delta('batch.run'), 1, JSON.stringify(after));
    assert.equal(delta('contact.addOrUpdateContact'), 0, 'no single-call writes');
    assert.equal((await contacts(client())).filter((c) => c.firstName.startsWith('Batch')).length, 6);

    const started = await opened.env.state.runs.start({ trigger: 'test', dryRun: false, modules: [] }, Date.now());
    await assert.rejects(run(), SyncBusyError);
    await opened.env.state.runs.finish(started.id, { status: 'succeeded', counts: {}, errors: [], errorCount: 0 }, Date.now());
    const next = await run();
    assert.equal(next.status, 'succeeded');
    const recent = await opened.env.state.runs.recent(3);
    assert.equal(recent[0]!.id, next.runId);
    assert.ok(recent[0]!.finishedAt! >= recent[0]!.startedAt);
  });
});
