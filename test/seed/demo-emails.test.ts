import assert from 'node:assert/strict';
import { it } from 'node:test';
import { EmailType } from '../../src/mail/queue.js';
import { seedAccount } from '../../src/seed/seed.js';
import { describeEachDatabase } from '../support/suite.js';

// A seeded account's email log holds the mail its seeded history would have sent: invitations,
// registration confirmations and invoices, dated when they were sent, and never delivered.
describeEachDatabase('seeded email log', ({ server }) => {
  it('logs the invitations, confirmations and invoices the seeded history sent', async () => {
    const account = await server().newAccount();
    await seedAccount(server().runtime, { accountId: account.accountId, contacts: 40, randomSeed: 3 });
    const emails = await server().store(account.accountId).selectFrom('email_log').select(['type', 'status', 'created_at', 'to_address']).execute();
    const types = new Set(emails.map((e) => e.type));
    for (const type of [EmailType.notification, EmailType.completedRegistration, EmailType.invoice]) {
      assert.ok(types.has(type), `an email of type ${type} among ${[...types].join(', ')}`);
    }
    assert.ok(emails.every((e) => e.status === 'logged'), 'seeded mail is logged, never queued for delivery');
    const days = new Set(emails.map((e) => Math.floor(e.created_at / 86_400_000)));
    assert.ok(days.size > 5, 'dated over the seeded history, not all today');
    assert.ok(emails.every((e) => e.created_at <= Date.now()));
    const listed = await account.client.call<{ meta: { totalResults: number } }>('account', 'getEmailLogList', {});
    assert.equal(listed.meta.totalResults, emails.length);
  });
});
