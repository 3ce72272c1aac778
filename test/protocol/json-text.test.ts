import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonText, holdsJsonText, materialize, serializeBody } from '../../src/protocol/json-text.js';

describe('pre-serialized results (JsonText)', () => {
  const items = [
    { id: 1, name: 'Zoë "Z" Ng', tags: ['a', 'b'], consent: null },
    { id: 2, name: 'Line\nbreak', tags: [], nested: { deep: [1, 2.5, -3] } },
  ];
  const plain = { meta: { totalResults: 2, start: 0, perPage: 100, count: 2 }, results: items };
  const spliced = { meta: plain.meta, results: items.map((item) => JsonText.of(JSON.stringify(item))) };
  const text = (body: unknown) => {
    const out = serializeBody(body);
    return typeof out === 'string' ? out : out.toString('utf8');
  };

  it('writes exactly the text JSON.stringify writes for the plain values', () => {
    assert.equal(text(spliced), JSON.stringify(plain));
    assert.equal(text(JsonText.of(JSON.stringify(items[0]))), JSON.stringify(items[0]));
    assert.equal(text(plain), JSON.stringify(plain));
    assert.equal(text({ meta: plain.meta, results: [] }), JSON.stringify({ meta: plain.meta, results: [] }));
    assert.equal(text({ results: [JsonText.of('{"a":"ü"}')], tail: null }), '{"results":[{"a":"ü"}],"tail":null}');
  });

  it('turns back into plain values for every other consumer', () => {
    assert.ok(holdsJsonText(spliced));
    assert.ok(!holdsJsonText(plain));
    assert.deepEqual(materialize(spliced), plain);
    assert.deepEqual(materialize(JsonText.of('{"ack":"x"}')), { ack: 'x' });
    assert.equal(JSON.stringify(spliced), JSON.stringify(plain));
  });
});
