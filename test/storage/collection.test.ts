import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { ApiError } from '../../src/protocol/errors.js';
import { clampPerPage, fetchPage, type FilterSpec } from '../../src/storage/collection.js';
import type { Scope } from '../../src/storage/scope.js';
import { describeEachDatabase } from '../support/suite.js';

// The users table is a tenant table every deployment has, so the generic helper is tested on it.
const filters: FilterSpec = {
  id: { column: 'users.id', type: 'integer' },
  firstName: { column: 'users.first_name', type: 'string' },
  email: { column: 'users.email', type: 'string' },
  isPrimary: { column: 'users.is_primary', type: 'boolean' },
  createdDate: { column: 'users.created_at', type: 'timestamp' },
  fromCreatedDate: { type: 'timestamp', where: (eb, v) => eb('users.created_at', '>=', v) },
};

const T0 = Date.UTC(2024, 0, 1, 0, 0, 0);

const people: Array<[string, string, number]> = [
  ['Bob', 'bob@example.com', 0],
  ['Bobby', 'BOBBY@example.org', 1500],
  ['Mary', 'mary@example.com', 60_000],
  ['Max', '', 120_000],
  ['Zoe', 'zoe_100%@example.com', 3_600_000],
];

describeEachDatabase('collection helper (start, perPage, filter)', ({ server }) => {
  let store: Scope;
  before(async () => {
    store = server().store();
    await store
      .insertInto(
        'users',
        people.map(([first, email, offset]) => ({
          first_name: first,
          last_name: 'Test',
          email,
          is_primary: first === 'Mary' ? 1 : 0,
          is_active: 1,
          created_at: T0 + offset,
          modified_at: T0 + offset,
        })),
      )
      .execute();
  });

  const names = async (filter: Record<string, unknown>, extra: { start?: number; perPage?: number } = {}) => {
    const page = await fetchPage({
      dialect: store.dialect,
      from: store.selectFrom('users').where('users.last_name', '=', 'Test'),
      filters,
      params: { filter, ...extra },
      idColumn: 'users.id',
      select: (qb) => qb.select(['users.first_name as name']),
    });
    return { names: page.rows.map((r) => (r as { name: string }).name), meta: page.meta };
  };

  it('filters by equality, and by ISNULL/__ISNULL__ sentinels', async () => {
    assert.deepEqual((await names({ firstName: 'Bob' })).names, ['Bob']);
    assert.deepEqual((await names({ isPrimary: true })).names, ['Mary']);
    assert.deepEqual((await names({ isPrimary: '0' })).names, ['Bob', 'Bobby', 'Max', 'Zoe']);
    assert.deepEqual((await names({ firstName: 'ISNULL' })).names, []);
    assert.deepEqual((await names({ firstName__NOT: '__ISNULL__' })).names.length, 5);
  });

  it('supports every documented modifier, LIKE ones case-insensitively', async () => {
    assert.deepEqual((await names({ firstName__BEGINS: 'M' })).names, ['Mary', 'Max']);
    assert.deepEqual((await names({ firstName__ENDS: 'by' })).names, ['Bobby']);
    assert.deepEqual((await names({ email__CONTAINS: 'EXAMPLE.ORG' })).names, ['Bobby']);
    assert.deepEqual((await names({ email__NOTCONTAINS: 'example.com' })).names, ['Bobby', 'Max']);
    assert.deepEqual((await names({ firstName__NOT: 'Bob' })).names, ['Bobby', 'Mary', 'Max', 'Zoe']);
    assert.deepEqual((await names({ email__EMPTY: true })).names, ['Max']);
    assert.deepEqual((await names({ email__EMPTY: 0 })).names, ['Bob', 'Bobby', 'Mary', 'Zoe']);
    assert.deepEqual((await names({ firstName__GREATERTHAN: 'Max' })).names, ['Max', 'Zoe']);
    assert.deepEqual((await names({ firstName__LESSTHAN: 'Bobby' })).names, ['Bob', 'Bobby']);
  });

  it('escapes LIKE wildcards in values', async () => {
    assert.deepEqual((await names({ email__CONTAINS: '_100%' })).names, ['Zoe']);
    assert.deepEqual((await names({ email__CONTAINS: '%' })).names, ['Zoe']);
  });

  it('treats a timestamp value as its whole second, inclusively on both bounds', async () => {
    const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
    // Bob at T0 and Bobby at T0+1.5s: the second T0 holds Bob only; T0+1s holds Bobby.
    assert.deepEqual((await names({ createdDate: at(T0) })).names, ['Bob']);
    assert.deepEqual((await names({ createdDate: `${at(T0 + 1000)} UTC` })).names, ['Bobby']);
    assert.deepEqual((await names({ createdDate__LESSTHAN: at(T0 + 1000) })).names, ['Bob', 'Bobby']);
    assert.deepEqual((await names({ createdDate__GREATERTHAN: at(T0 + 60_000) })).names, ['Mary', 'Max', 'Zoe']);
    assert.deepEqual((await names({ createdDate__NOT: at(T0) })).names, ['Bobby', 'Mary', 'Max', 'Zoe']);
    assert.deepEqual((await names({ fromCreatedDate: at(T0 + 120_000) })).names, ['Max', 'Zoe']);
  });

  it('combines filters with AND', async () => {
    assert.deepEqual((await names({ firstName__BEGINS: 'B', email__CONTAINS: '.org' })).names, ['Bobby']);
  });

  it('pages by zero-based start with a stable id order and exact meta', async () => {
    const page = await names({}, { start: 1, perPage: 2 });
    assert.deepEqual(page.names, ['Bobby', 'Mary']);
    assert.deepEqual(page.meta, { totalResults: 5, start: 1, perPage: 2, count: 2 });
    const tail = await names({}, { start: 4, perPage: 2 });
    assert.deepEqual(tail.meta, { totalResults: 5, start: 4, perPage: 2, count: 1 });
    const beyond = await names({}, { start: 10 });
    assert.deepEqual(beyond.meta, { totalResults: 5, start: 10, perPage: 100, count: 0 });
  });

  it('clamps perPage to the cap and to at least one, never failing', () => {
    assert.equal(clampPerPage(undefined, 100), 100);
    assert.equal(clampPerPage(1000, 100), 100);
    assert.equal(clampPerPage(0, 100), 1);
    assert.equal(clampPerPage(-5, 100), 1);
    assert.equal(clampPerPage(undefined, 500), 100);
    assert.equal(clampPerPage(250, 500), 250);
  });

  it('rejects unknown keys, modifiers on computed keys and mistyped values with 23016', async () => {
    const expectInvalid = async (filter: Record<string, unknown>, name: string) => {
      await assert.rejects(names(filter), (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.errorCode, 400);
        assert.equal(error.specificCode, 23016);
        assert.equal(error.message, `'${name}' does not validate`);
        assert.ok(error.additionalMessages && error.additionalMessages.length > 0);
        return true;
      });
    };
    await expectInvalid({ password: 'x' }, 'filter.password');
    await expectInvalid({ firstName__SOUNDSLIKE: 'x' }, 'filter.firstName__SOUNDSLIKE');
    await expectInvalid({ fromCreatedDate__NOT: '2024-01-01 00:00:00' }, 'filter.fromCreatedDate__NOT');
    await expectInvalid({ id: 'abc' }, 'filter.id');
    await expectInvalid({ createdDate: '01/02/2024' }, 'filter.createdDate');
    await expectInvalid({ id__CONTAINS: '1' }, 'filter.id__CONTAINS');
    await expectInvalid({ firstName: { nested: true } }, 'filter.firstName');
  });
});
