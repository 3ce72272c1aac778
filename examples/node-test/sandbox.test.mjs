// A Marquee sandbox in a node:test suite: `node --test examples/node-test/`
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSandbox } from 'marquee/sandbox';

let sandbox;
before(async () => {
  sandbox = await createSandbox({ seed: false });
});
after(() => sandbox.close());

test('a contact added after a snapshot is gone once the snapshot is restored', async () => {
  const snapshot = await sandbox.snapshot();
  const { id } = await sandbox.client.call('contact', 'addOrUpdateContact', {
    firstName: 'Node',
    lastName: 'Test',
    email: 'node.test@example.com',
  });
  assert.equal((await sandbox.client.call('contact', 'getContact', { id })).firstName, 'Node');

  await sandbox.restore(snapshot);
  const list = await sandbox.client.call('contact', 'getContactList', { perPage: 100 });
  assert.equal(list.meta.totalResults, 0);
  assert.ok(!list.results.some((contact) => contact.id === id));
});
