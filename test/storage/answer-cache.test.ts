import assert from 'node:assert/strict';
import { it } from 'node:test';
import { answerCache } from '../../src/storage/answer-cache.js';
import { cacheSizes } from '../../src/storage/cache-sizes.js';
import { describeEachDatabase } from '../support/suite.js';

describeEachDatabase('answer cache', ({ server }) => {
  it('serves an answer while the account is unchanged, to that account only, within its bound in bytes', async () => {
    const name = `test-${Math.random().toString(36).slice(2)}`;
    const cache = answerCache<Buffer>({ name, limit: 10, weigh: (b) => b.length });
    const store = server().store();
    const other = server().store((await server().newAccount()).accountId);
    let computed = 0;
    const compute = (text: string) => async () => {
      computed++;
      return Buffer.from(text);
    };

    assert.equal((await cache.answer(store, 'a', compute('aaaa'))).toString(), 'aaaa');
    assert.equal((await cache.answer(store, 'a', compute('zzzz'))).toString(), 'aaaa', 'kept');
    assert.equal(computed, 1);
    assert.equal((await cache.answer(other, 'a', compute('bbbb'))).toString(), 'bbbb', 'another account computes its own');

    // A write in the account moves its version: the next answer is computed afresh.
    await server().client.call('contact', 'addOrUpdateContact', { firstName: 'Version', lastName: name, email: `${name}@example.com` });
    assert.equal((await cache.answer(store, 'a', compute('cccc'))).toString(), 'cccc');

    // 10 bytes: a third answer of 4 pushes out the oldest; one larger than the bound is not kept.
    await cache.answer(store, 'b', compute('dddd'));
    await cache.answer(store, 'c', compute('eeee'));
    const size = cacheSizes(store.executor).find((c) => c.name === `answers:${name}`);
    assert.ok(size && size.bytes !== null && size.bytes <= 10, `held ${JSON.stringify(size)}`);
    assert.equal((await cache.answer(store, 'a', compute('ffff'))).toString(), 'ffff', 'the oldest went first');
    await cache.answer(store, 'big', compute('x'.repeat(11)));
    assert.equal((await cache.answer(store, 'big', compute('y'.repeat(11)))).toString(), 'y'.repeat(11), 'too big to keep');

    // Inside a transaction nothing is kept or served.
    await store.transaction(async (tx) => {
      assert.equal((await cache.answer(tx, 'c', compute('in-tx'))).toString(), 'in-tx');
    });
  });
});
