// A Marquee sandbox in a Vitest suite: `npx vitest run --config examples/vitest/vitest.config.mjs`
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox } from 'marquee/sandbox';

let sandbox;
beforeAll(async () => {
  sandbox = await createSandbox({ seed: false });
});
afterAll(() => sandbox.close());

test('a contact added after a snapshot is gone once the snapshot is restored', async () => {
  const snapshot = await sandbox.snapshot();
  const { id } = await sandbox.client.call('contact', 'addOrUpdateContact', {
    firstName: 'Vitest',
    lastName: 'Example',
    email: 'vitest@example.com',
  });
  expect((await sandbox.client.call('contact', 'getContact', { id })).firstName).toBe('Vitest');

  await sandbox.restore(snapshot);
  const list = await sandbox.client.call('contact', 'getContactList', { perPage: 100 });
  expect(list.meta.totalResults).toBe(0);
  expect(list.results.map((contact) => contact.id)).not.toContain(id);
});
