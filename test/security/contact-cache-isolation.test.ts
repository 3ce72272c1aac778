import assert from 'node:assert/strict';
import { it } from 'node:test';
import { currentWriteVersion } from '../../src/storage/write-versions.js';
import { expectApiError } from '../support/api-error.js';
import { describeEachDatabase } from '../support/suite.js';

// The regression of the cross-tenant read through the contact item cache: entries were keyed
// by contact id alone and trusted whenever the caller's account stood at the version they were
// kept at, so an account whose write version caught up with another's read that account's
// contacts. Whatever the versions, another account's contact is 404 over HTTP and in a batch.
describeEachDatabase('contact caches are keyed by account', ({ server }) => {
  it('never serves one account a contact kept for another, at any write version', async () => {
    const owner = await server().newAccount();
    const intruder = await server().newAccount();
    const created = await owner.client.call<{ id: number }>('contact', 'addOrUpdateContact', {
      firstName: 'Olive',
      lastName: 'Owner',
      email: 'olive.owner@example.com',
    });
    const ownRead = await owner.client.call<{ email: string }>('contact', 'getContact', { id: created.id });
    assert.equal(ownRead.email, 'olive.owner@example.com');
    await owner.client.call('contact', 'getContactList', {});

    const ownerVersion = await currentWriteVersion(server().store(owner.accountId));
    assert.ok(ownerVersion > 0);
    let matched = false;
    for (let step = 0; step < 60; step++) {
      const version = await currentWriteVersion(server().store(intruder.accountId));
      if (version === ownerVersion) matched = true;
      await expectApiError(intruder.client.call('contact', 'getContact', { id: created.id }), 404, 24096);
      const list = await intruder.client.call<{ results: Array<{ id: number }> }>('contact', 'getContactList', {
        filter: { id: created.id },
      });
      assert.deepEqual(list.results, []);
      if (version > ownerVersion) break;
      await intruder.client.call('contact', 'addOrUpdateContact', { firstName: `Ivy${step}`, lastName: 'Intruder', email: `ivy${step}@example.com` });
    }
    assert.ok(matched, 'the intruder account passed through the owner account’s write version');

    const batch = await intruder.client.batch.runAndWait([{ namespace: 'contact', action: 'getContact', params: { id: created.id } }], {
      pollMs: 50,
    });
    const response = batch.results[0]?.response as { errorCode?: number; specificCode?: number };
    assert.equal(response.errorCode, 404);
    assert.equal(response.specificCode, 24096);
    assert.ok(!JSON.stringify(batch).includes('olive.owner'), 'no byte of the owner’s contact in the batch results');
  });
});
