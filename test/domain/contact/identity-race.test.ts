import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../../support/suite.js';

// Concurrent requests for an identity that does not exist yet: updateIfExists must leave one
// record, never one per request (on PostgreSQL each request has its own connection and
// transaction, so without serialisation they all find nothing and all create).
describeEachDatabase('updateIfExists under concurrency', ({ server }) => {
  const ids = async (namespace: string, action: string, filter: Record<string, unknown>) => {
    const page = await server().client.call<{ results: Array<{ id: number }> }>(namespace, action, { filter, perPage: 100 });
    return page.results.map((r) => r.id);
  };

  it('creates one contact for parallel requests with the same new identity, and updates it for the rest', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        server().client.call<{ id: number }>('contact', 'addOrUpdateContact', {
          firstName: 'Rae',
          lastName: 'Concurrent',
          // The identity ignores case and surrounding blanks.
          email: i % 2 === 0 ? 'rae.concurrent@example.com' : ' RAE.Concurrent@example.com ',
          phone: `0400 000 ${String(i).padStart(3, '0')}`,
          updateIfExists: true,
        }),
      ),
    );
    const created = await ids('contact', 'getContactList', { lastName: 'Concurrent' });
    assert.equal(created.length, 1, `one contact, got ${created.length}`);
    assert.deepEqual([...new Set(answers.map((a) => a.id))], created);
  });

  it('creates one company for parallel requests with the same new business name', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        server().client.call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: 'Parallel Pty Ltd', updateIfExists: true }),
      ),
    );
    const created = await ids('contact', 'getCompanyList', { businessName: 'Parallel Pty Ltd' });
    assert.equal(created.length, 1, `one company, got ${created.length}`);
    assert.deepEqual([...new Set(answers.map((a) => a.id))], created);
  });
});
