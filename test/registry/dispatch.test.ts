import assert from 'node:assert/strict';
import { it } from 'node:test';
import { z } from 'zod';
import { defineAction } from '../../src/registry/define-action.js';
import { dispatch, type DispatchDeps } from '../../src/registry/dispatch.js';
import * as p from '../../src/registry/params.js';
import { createRegistry } from '../../src/registry/registry.js';
import { describeEachDatabase } from '../support/suite.js';

// Fixture actions under catalogued names, so the real resolution rules apply.
const getContact = defineAction({
  namespace: 'contact',
  action: 'getContact',
  kind: 'read',
  params: z.object({
    id: p.id(),
    useEventSortOrder: p.bool().optional(),
    when: p.timestamp().optional(),
    tags: p.array(p.string(10), 2).optional(),
    address: z.object({ city: p.text(), postalCode: p.string(10).optional() }).optional(),
  }),
  result: z.object({ id: z.number(), sorted: z.boolean(), when: z.number().nullable() }),
  async handler(_ctx, params) {
    return { id: params.id, sorted: params.useEventSortOrder ?? false, when: params.when ?? null };
  },
});

const addOrUpdateContact = defineAction({
  namespace: 'contact',
  action: 'addOrUpdateContact',
  kind: 'write',
  params: z.object({ firstName: p.text() }),
  result: z.object({ id: z.number() }),
  async handler(ctx, params) {
    const row = await ctx.store
      .insertInto('users', { first_name: params.firstName, last_name: 'X', email: 'x@example.com', is_primary: 0, is_active: 1, created_at: ctx.now, modified_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.recordChange('ContactAdded', { data: { id: row.id } });
    if (params.firstName === 'fail-after-write') throw new Error('boom');
    return { id: row.id };
  },
});

const getContactList = defineAction({
  namespace: 'contact',
  action: 'getContactList',
  kind: 'read',
  params: z.object({}),
  result: z.object({ results: z.array(z.number()) }),
  async handler() {
    return { results: ['not a number'] } as unknown as { results: number[] };
  },
});

describeEachDatabase('dispatch and parameter validation', ({ server }) => {
  const deps = (): DispatchDeps => ({
    ...server().runtime,
    registry: createRegistry([getContact, addOrUpdateContact, getContactList]),
  });
  const call = (namespace: string, action: string, params: unknown) =>
    dispatch(deps(), {
      namespace,
      action,
      params,
      caller: { accountId: server().accountId, userId: null, apiKey: server().key, via: 'http', requestId: 'req-1' },
    });

  it('answers the documented examples of exceptions.md', async () => {
    assert.deepEqual((await call('contact', 'getContact', { id: 'wrong' })).body, {
      errorCode: 400,
      message: "'id' does not validate",
      specificCode: 23016,
      additionalMessages: ['Value must be a whole number'],
    });
    assert.deepEqual((await call('contact', 'getContact', {})).body, {
      errorCode: 400,
      message: "'id' is required",
      specificCode: 23017,
    });
  });

  it('accepts what PHP-era clients send: numeric strings, 1/0 booleans, [] for no params', async () => {
    const ok = await call('contact', 'getContact', { id: '6', useEventSortOrder: 1, when: '2024-01-02 03:04:05 UTC' });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body, { id: 6, sorted: true, when: Date.UTC(2024, 0, 2, 3, 4, 5) });
    assert.equal((await call('contact', 'getContactList', [])).status, 500, 'fixture result is invalid on purpose');
  });

  it('names nested parameters and reports every message of the first invalid one', async () => {
    const nested = await call('contact', 'getContact', { id: 1, address: { postalCode: 'x' } });
    assert.deepEqual(nested.body, { errorCode: 400, message: "'address.city' is required", specificCode: 23017 });
    const tooMany = await call('contact', 'getContact', { id: 1, tags: ['a', 'b', 'c'] });
    assert.equal((tooMany.body as { message: string }).message, "'tags' does not validate");
    const zero = await call('contact', 'getContact', { id: 0 });
    assert.deepEqual((zero.body as { additionalMessages: string[] }).additionalMessages, ['Value must be greater than 0']);
    const badBool = await call('contact', 'getContact', { id: 1, useEventSortOrder: 'maybe' });
    assert.deepEqual((badBool.body as { additionalMessages: string[] }).additionalMessages, ['Value must be a boolean']);
  });

  it('rolls back the writes and outbox rows of a failing write action, answering 500 with a request id', async () => {
    const failed = await call('contact', 'addOrUpdateContact', { firstName: 'fail-after-write' });
    assert.equal(failed.status, 500);
    assert.deepEqual(failed.body, {
      errorCode: 500,
      message: 'Internal Server Error',
      specificCode: 23018,
      additionalMessages: ['Request id: req-1'],
    });
    const rows = await server().store().selectFrom('users').select('id').where('first_name', '=', 'fail-after-write').execute();
    assert.equal(rows.length, 0);
    const ok = await call('contact', 'addOrUpdateContact', { firstName: 'Kept' });
    assert.equal(ok.status, 200);
    const changes = await server().store().selectFrom('changes').select('body').where('subject', '=', 'ContactAdded').execute();
    assert.deepEqual(changes.map((c) => JSON.parse(c.body)), [{ data: { id: (ok.body as { id: number }).id } }]);
  });

  it('treats a result that breaks its schema as a server fault when validation is on', async () => {
    const res = await call('contact', 'getContactList', {});
    assert.equal(res.status, 500);
  });

  it('distinguishes unknown namespaces, unknown actions and unimplemented ones', async () => {
    assert.equal((await call('nope', 'x', {})).status, 404);
    assert.equal((await call('contact', 'nope', {})).status, 404);
    assert.equal((await call('contact', 'getCompany', {})).status, 501);
  });
});
