import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addAnchor, nearestAnchor, newAnchors } from '../../src/storage/anchors.js';

describe('paging anchors', () => {
  it('starts a page from the nearest known position at or before it', () => {
    const anchors = newAnchors();
    for (const position of [500, 100, 300]) addAnchor(anchors, position, position * 10, 16);
    assert.equal(nearestAnchor(anchors, 99), null);
    assert.deepEqual(nearestAnchor(anchors, 100), { position: 100, id: 1000 });
    assert.deepEqual(nearestAnchor(anchors, 499), { position: 300, id: 3000 });
    assert.deepEqual(nearestAnchor(anchors, 10_000), { position: 500, id: 5000 });
    // The same position read again at the same version: its id is replaced, not duplicated.
    addAnchor(anchors, 300, 3001, 16);
    assert.deepEqual(anchors.positions, [100, 300, 500]);
    assert.deepEqual(nearestAnchor(anchors, 350), { position: 300, id: 3001 });
  });

  it('stays within its bound, evenly spread, and never drops the newest position', () => {
    const anchors = newAnchors();
    for (let page = 1; page <= 1000; page++) {
      addAnchor(anchors, page * 100, page, 64);
      assert.ok(anchors.positions.length <= 64, `bounded after page ${page}`);
      // A client reading in order asks next for the page that starts where this one ended.
      assert.deepEqual(nearestAnchor(anchors, page * 100), { position: page * 100, id: page });
    }
    const gaps = anchors.positions.slice(1).map((p, i) => p - (anchors.positions[i] as number));
    assert.ok(Math.max(...gaps) <= 4 * Math.min(...gaps.slice(0, -1)), `even coverage: ${gaps.join(',')}`);
    assert.deepEqual([...anchors.positions].sort((a, b) => a - b), anchors.positions);
  });
});
