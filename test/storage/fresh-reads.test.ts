import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshReads } from '../../src/storage/fresh-reads.js';

/** A read the test finishes by hand, and the value the "database" held when it started. */
function database() {
  let value = 0;
  const started: Array<{ saw: number; finish: () => void; fail: (error: Error) => void }> = [];
  const load = () =>
    new Promise<number>((resolve, reject) => {
      const saw = value;
      started.push({ saw, finish: () => resolve(saw), fail: reject });
    });
  return {
    load,
    started,
    write: () => {
      value++;
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('fresh reads', () => {
  it('never answers a caller with a read that started before it asked', async () => {
    const db = database();
    const reads = freshReads<number, number>();
    const first = reads.read(1, db.load);
    db.write(); // committed after the first read started, before the second call
    const second = reads.read(1, db.load);
    assert.equal(db.started.length, 1, 'the second caller waits instead of starting a read alongside');
    db.started[0]!.finish();
    assert.equal(await first, 0);
    await tick();
    assert.equal(db.started.length, 2, 'the next read starts once the one in flight returns');
    db.started[1]!.finish();
    assert.equal(await second, 1, 'the second caller sees the write');
  });

  it('shares one next read among everyone who asked while a read was in flight', async () => {
    const db = database();
    const reads = freshReads<number, number>();
    const first = reads.read(1, db.load);
    const waiting = Array.from({ length: 20 }, () => reads.read(1, db.load));
    db.started[0]!.finish();
    await first;
    await tick();
    assert.equal(db.started.length, 2);
    db.started[1]!.finish();
    assert.deepEqual(new Set(await Promise.all(waiting)), new Set([0]));
    assert.equal(reads.size, 0, 'an idle key is forgotten');
  });

  it('keeps keys apart: another key neither waits for nor shares a read', async () => {
    const db = database();
    const reads = freshReads<number, number>();
    const one = reads.read(1, db.load);
    const two = reads.read(2, db.load);
    assert.equal(db.started.length, 2);
    db.started[0]!.finish();
    db.started[1]!.finish();
    await Promise.all([one, two]);
  });

  it('passes a failed read to its callers, and the next caller reads again', async () => {
    const db = database();
    const reads = freshReads<number, number>();
    const first = reads.read(1, db.load);
    const second = reads.read(1, db.load);
    db.started[0]!.fail(new Error('connection lost'));
    await assert.rejects(first, /connection lost/);
    await tick();
    db.started[1]!.finish();
    assert.equal(await second, 0);
    const third = reads.read(1, db.load);
    assert.equal(db.started.length, 3);
    db.started[2]!.finish();
    assert.equal(await third, 0);
  });
});
