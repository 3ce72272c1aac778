// A Marquee sandbox in a Jest suite (native ESM, no transform):
// `node --experimental-vm-modules node_modules/jest/bin/jest.js --config examples/jest/jest.config.mjs`
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createSandbox } from 'marquee/sandbox';

let sandbox;
beforeAll(async () => {
  sandbox = await createSandbox({ seed: false });
}, 30_000);
afterAll(() => sandbox.close());

test('a contact added after a snapshot is gone once the snapshot is restored', async () => {
  const snapshot = await sandbox.snapshot();
  const { id } = await sandbox.client.call('contact', 'addOrUpdateContact', {
    firstName: 'Jest',
    lastName: 'Example',
    email: 'jest@example.com',
  });
  expect((await sandbox.client.call('contact', 'getContact', { id })).firstName).toBe('Jest');

  await sandbox.restore(snapshot);
  const list = await sandbox.client.call('contact', 'getContactList', { perPage: 100 });
  expect(list.meta.totalResults).toBe(0);
  expect(list.results.map((contact) => contact.id)).not.toContain(id);
});
