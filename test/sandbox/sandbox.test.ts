import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

interface Page {
  meta: { totalResults: number };
  results: Array<{ id: number; firstName: string }>;
}
interface Contact {
  id: number;
  firstName: string;
}

const contactList = async (sandbox: Sandbox) => (await sandbox.client.call('contact', 'getContactList', { perPage: 50 })) as Page;
const addContact = async (sandbox: Sandbox, firstName: string) =>
  (await sandbox.client.call('contact', 'addOrUpdateContact', { firstName, lastName: 'Sandbox', email: `${firstName.toLowerCase()}@example.com` })) as { id: number };
const getContact = async (sandbox: Sandbox, id: number) => (await sandbox.client.call('contact', 'getContact', { id })) as Contact;

// createSandbox(): a Marquee in this process on its own in-memory database. Sandboxes side by
// side hold the same ids in the same account (each is a copy of one template), so any state
// kept per process rather than per database would show here as one sandbox seeing another's data.
describe('createSandbox', () => {
  let a: Sandbox;
  let b: Sandbox;
  before(async () => {
    a = await createSandbox({ contacts: 6, validateResults: true });
    b = await createSandbox({ contacts: 6, validateResults: true });
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('starts seeded copies of one template, each with its own key, on its own port', async () => {
    assert.notEqual(a.url, b.url);
    assert.notEqual(a.key, b.key);
    assert.equal(a.accountId, b.accountId);
    const [listA, listB] = await Promise.all([contactList(a), contactList(b)]);
    assert.equal(listA.meta.totalResults, 6);
    assert.deepEqual(listA, listB);
    // A key of one sandbox means nothing to the other.
    const res = await fetch(`${b.url}/api/1.0/test?action=ping`, { method: 'POST' });
    assert.equal(res.status, 401);
  });

  it('shares no state: the same ids written in two sandboxes stay apart, cached pages included', async () => {
    const [before1, before2] = [await contactList(a), await contactList(b)]; // warms both paging caches
    const [inA, inB] = [await addContact(a, 'Alpha'), await addContact(b, 'Bravo')];
    assert.equal(inA.id, inB.id, 'the same id in both databases');
    assert.equal((await getContact(a, inA.id)).firstName, 'Alpha');
    assert.equal((await getContact(b, inB.id)).firstName, 'Bravo');
    await addContact(a, 'Charlie');
    assert.equal((await contactList(a)).meta.totalResults, before1.meta.totalResults + 2);
    assert.equal((await contactList(b)).meta.totalResults, before2.meta.totalResults + 1);
  });

  it('snapshots, restores and resets, the key staying valid throughout', async () => {
    const snap = await a.snapshot();
    const added = await addContact(a, 'Delta');
    await a.restore(snap);
    await assert.rejects(getContact(a, added.id));
    assert.equal((await contactList(a)).meta.totalResults, 8);
    await a.reset();
    assert.equal((await contactList(a)).meta.totalResults, 6);
    const seeded = await a.seed({ contacts: 3, randomSeed: 7 });
    assert.equal(seeded.created.contacts, 3);
    assert.equal((await contactList(a)).meta.totalResults, 9);
    await a.restore(snap.name);
    assert.equal((await contactList(a)).meta.totalResults, 8);
  });

  it('serves the operator endpoint with its own token only', async () => {
    const list = (token: string) => fetch(`${a.url}/_marquee/operator/snapshots`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await list(a.operatorToken)).status, 200);
    assert.equal((await list(b.operatorToken)).status, 403);
  });

  it('starts empty when asked, and stops answering once closed', async () => {
    const empty = await createSandbox({ seed: false });
    try {
      assert.equal((await contactList(empty)).meta.totalResults, 0);
      await addContact(empty, 'Echo');
      await empty.reset();
      assert.equal((await contactList(empty)).meta.totalResults, 0);
    } finally {
      await empty.close();
    }
    await assert.rejects(fetch(`${empty.url}/healthz`));
  });
});
