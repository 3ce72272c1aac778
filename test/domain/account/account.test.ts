import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pino } from 'pino';
import { createUser } from '../../../src/auth/accounts.js';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import { expectApiError, UTC_TIMESTAMP } from '../crm/fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
interface User {
  id: number;
  firstName: string;
  currentStatus: number;
  isPrimary: boolean;
  [key: string]: unknown;
}

describeEachDatabase('account.getUserList', ({ server }) => {
  const client = () => server().client;

  it('lists the account’s users with the documented fields and the primary flag', async () => {
    const db = server().runtime.storage.db;
    const second = await createUser(db, server().accountId, { firstName: 'Robin', lastName: 'Sales', email: 'robin@example.com', isPrimary: false });
    await server()
      .store()
      .updateTable('users')
      .set({ salutation: 'Dr', middle_name: 'Q', phone: '07 5555 0101', phone_mobile: '0400 000 001', user_type: 4, is_active: 0 })
      .where('id', '=', second)
      .execute();
    const page = await client().call<Page<User>>('account', 'getUserList', {});
    assert.equal(page.meta.totalResults, 2);
    const [primary, robin] = page.results;
    assert.deepEqual(Object.keys(primary!), [
      'id',
      'salutation',
      'firstName',
      'middleName',
      'lastName',
      'email',
      'phone',
      'phoneMobile',
      'currentStatus',
      'userType',
      'groupId',
      'lastLoginDate',
      'createdDate',
      'modifiedDate',
      'isPrimary',
    ]);
    assert.equal(primary!.id, server().primaryUserId);
    assert.equal(primary!.isPrimary, true);
    assert.equal(primary!.currentStatus, 1);
    assert.equal(primary!.userType, 1);
    assert.match(primary!.createdDate as string, UTC_TIMESTAMP);
    assert.equal(primary!.lastLoginDate, null);
    assert.deepEqual(
      { ...robin, createdDate: undefined, modifiedDate: undefined },
      {
        id: second,
        salutation: 'Dr',
        firstName: 'Robin',
        middleName: 'Q',
        lastName: 'Sales',
        email: 'robin@example.com',
        phone: '07 5555 0101',
        phoneMobile: '0400 000 001',
        currentStatus: 2,
        userType: 4,
        groupId: null,
        lastLoginDate: null,
        createdDate: undefined,
        modifiedDate: undefined,
        isPrimary: false,
      },
    );
  });

  it('filters by status, primary flag and name, and pages', async () => {
    const inactive = await client().call<Page<User>>('account', 'getUserList', { filter: { currentStatus: 2 } });
    assert.deepEqual(inactive.results.map((u) => u.firstName), ['Robin']);
    const primary = await client().call<Page<User>>('account', 'getUserList', { filter: { isPrimary: true } });
    assert.deepEqual(primary.results.map((u) => u.firstName), ['Pat']);
    const named = await client().call<Page<User>>('account', 'getUserList', { filter: { lastName__CONTAINS: 'sal' }, perPage: 1 });
    assert.deepEqual(named.results.map((u) => u.firstName), ['Robin']);
    const second = await client().call<Page<User>>('account', 'getUserList', { perPage: 1, start: 1 });
    assert.deepEqual(second.meta, { totalResults: 2, start: 1, perPage: 1, count: 1 });
    await expectApiError(client().call('account', 'getUserList', { filter: { venueId: 1 } }), 400, 23016, 'Unknown filter');
  });

  it('shows an account only its own users', async () => {
    const other = await server().newAccount();
    const page = await other.client.call<Page<User>>('account', 'getUserList', {});
    assert.deepEqual(page.results.map((u) => u.email), ['pat@example.com']);
    assert.notEqual(page.results[0]!.id, server().primaryUserId);
  });
});

describeEachDatabase('account cost centers', ({ server }) => {
  const client = () => server().client;

  it('adds, lists and updates cost centers', async () => {
    const added = await client().call<{ success: boolean; id: number }>('account', 'addOrUpdateCostCenter', {
      name: 'test cost center',
      code: 'AB12',
      description: 'The complete description of the cost center',
    });
    assert.equal(added.success, true);
    const numeric = await client().call<{ id: number }>('account', 'addOrUpdateCostCenter', { name: 'test cost center', code: 2 });
    await client().call('account', 'addOrUpdateCostCenter', { id: added.id, description: null });
    const page = await client().call<Page<Record<string, unknown>>>('account', 'getCostCenterList', {});
    assert.deepEqual(page.results, [
      { id: added.id, name: 'test cost center', code: 'AB12', description: null, defaultType: null },
      { id: numeric.id, name: 'test cost center', code: '2', description: null, defaultType: null },
    ]);
    const filtered = await client().call<Page<{ id: number }>>('account', 'getCostCenterList', { filter: { code: 'AB12' } });
    assert.deepEqual(filtered.results.map((c) => c.id), [added.id]);
  });

  it('answers 24150 with the reason for every mistake the page covers, and 23017 for what a new one needs', async () => {
    await expectApiError(client().call('account', 'addOrUpdateCostCenter', { name: 'Dup', code: 'ab12' }), 400, 24150, "code 'ab12' already exists");
    await expectApiError(client().call('account', 'addOrUpdateCostCenter', { id: 999_999, name: 'x' }), 404, 24150, 'does not exist');
    const { id } = await client().call<{ id: number }>('account', 'addOrUpdateCostCenter', { name: 'Food', code: 'FOOD' });
    await expectApiError(client().call('account', 'addOrUpdateCostCenter', { id }), 400, 24150, 'Nothing to update');
    await client().call('account', 'addOrUpdateCostCenter', { id, code: 'food' });
    await expectApiError(client().call('account', 'addOrUpdateCostCenter', { code: 'X1' }), 400, 23017, "'name' is required");
    await expectApiError(client().call('account', 'addOrUpdateCostCenter', { name: 'No code' }), 400, 23017, "'code' is required");
    const other = await server().newAccount();
    await other.client.call('account', 'addOrUpdateCostCenter', { name: 'Same code elsewhere', code: 'AB12' });
    await expectApiError(other.client.call('account', 'addOrUpdateCostCenter', { id, name: 'Hijack' }), 404, 24150);
    assert.equal((await other.client.call<Page<unknown>>('account', 'getCostCenterList', {})).meta.totalResults, 1);
  });
});

describeEachDatabase('account.getIndustryList', ({ server }) => {
  it('lists the account’s industries with dates, filters and pages', async () => {
    const t = Date.UTC(2019, 0, 29, 23, 12, 20);
    const names = ['Advertising & Marketing', 'Agricultural, Forestry, Horticulture', 'Association'];
    await server()
      .store()
      .insertInto('industries', names.map((name, i) => ({ name, created_at: t, modified_at: t + i * 1000 })))
      .execute();
    const page = await server().client.call<Page<Record<string, unknown>>>('account', 'getIndustryList', { perPage: 2 });
    assert.deepEqual(page.meta, { totalResults: 3, start: 0, perPage: 2, count: 2 });
    assert.deepEqual(page.results[0], {
      id: page.results[0]!.id,
      name: 'Advertising & Marketing',
      createdDate: '2019-01-29 23:12:20 UTC',
      modifiedDate: '2019-01-29 23:12:20 UTC',
    });
    const since = await server().client.call<Page<{ name: string }>>('account', 'getIndustryList', {
      filter: { fromModifiedDate: formatTimestamp(t + 1000) },
    });
    assert.deepEqual(since.results.map((i) => i.name), names.slice(1));
    const other = await server().newAccount();
    assert.equal((await other.client.call<Page<unknown>>('account', 'getIndustryList', {})).meta.totalResults, 0);
  });
});

const logLines: Array<Record<string, unknown>> = [];
const captured = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) });

describeEachDatabase(
  'account.addErrorReport',
  ({ server }) => {
    const client = () => server().client;

    it('stores a report, writes it to the log, and answers the same id for a similar report', async () => {
      logLines.length = 0;
      const report = { refType: 2, code: '254856', message: 'This is an error reported while booking', level: 3, refId1: 107, refId2: 2256 };
      const first = await client().call<{ success: boolean; id: number }>('account', 'addErrorReport', { ...report, debugData: 'first' });
      assert.equal(first.success, true);
      const again = await client().call<{ id: number }>('account', 'addErrorReport', { ...report, debugData: 'second' });
      assert.equal(again.id, first.id);
      const different = await client().call<{ id: number }>('account', 'addErrorReport', { ...report, refId2: 2257 });
      assert.notEqual(different.id, first.id);
      const row = await server().store().selectFrom('error_reports').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
      assert.equal(row.occurrences, 2);
      assert.equal(row.debug_data, 'second');
      assert.deepEqual([row.ref_type, row.ref_id1, row.ref_id2, row.ref_id3], [2, 107, 2256, null]);
      const logged = logLines.filter((l) => (l.errorReport as { id?: number } | undefined)?.id === first.id);
      assert.equal(logged.length, 2);
      assert.equal(logged[0]!.msg, 'error report: This is an error reported while booking');
      assert.equal((logged[1]!.errorReport as { occurrences: number }).occurrences, 2);
    });

    it('answers 24262 when the refIds the refType needs are missing, and validates parameters', async () => {
      const error = await expectApiError(
        client().call('account', 'addErrorReport', { refType: 3, message: 'Room block failed', refId1: 1 }),
        400,
        24262,
        'The error report details are invalid',
      );
      assert.deepEqual(error.additionalMessages, [
        'refType 3 needs refId2 (the identifier of the venue booking)',
        'refType 3 needs refId3 (the identifier of the booking accommodation group)',
      ]);
      await expectApiError(client().call('account', 'addErrorReport', { code: 'X' }), 400, 23017, "'message' is required");
      await expectApiError(client().call('account', 'addErrorReport', { message: 'x', refType: 9 }), 400, 23016, "'refType'");
      await expectApiError(client().call('account', 'addErrorReport', { message: 'x', debugData: 'd'.repeat(1001) }), 400, 23016, "'debugData'");
      const custom = await client().call<{ id: number }>('account', 'addErrorReport', { message: 'Custom problem' });
      const row = await server().store().selectFrom('error_reports').select('ref_type').where('id', '=', custom.id).executeTakeFirstOrThrow();
      assert.equal(row.ref_type, 1);
    });
  },
  {},
  { log: captured },
);
