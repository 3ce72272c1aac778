import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatTimestamp, parseDate, parseTime, parseTimestamp } from '../../src/protocol/timestamp.js';

describe('iVvy time formats', () => {
  it('formats timestamps in UTC with the optional suffix', () => {
    const ms = Date.UTC(2021, 4, 13, 7, 5, 33);
    assert.equal(formatTimestamp(ms), '2021-05-13 07:05:33 UTC');
    assert.equal(formatTimestamp(ms, false), '2021-05-13 07:05:33');
    assert.equal(formatDate(ms), '2021-05-13');
  });

  it('parses every documented example and rejects impossible instants', () => {
    assert.equal(parseTimestamp('2020-11-24 15:33:46'), Date.UTC(2020, 10, 24, 15, 33, 46));
    assert.equal(parseTimestamp('2021-05-13 07:05:33 UTC'), Date.UTC(2021, 4, 13, 7, 5, 33));
    assert.equal(parseTimestamp('2019-01-01T21:47:04Z'), Date.UTC(2019, 0, 1, 21, 47, 4));
    assert.equal(parseTimestamp('2021-02-30 00:00:00'), null);
    assert.equal(parseTimestamp('2021-01-01 24:00:00'), null);
    assert.equal(parseTimestamp('yesterday'), null);
  });

  it('validates dates and times', () => {
    assert.equal(parseDate('2024-02-29'), '2024-02-29');
    assert.equal(parseDate('2023-02-29'), null);
    assert.equal(parseTime('9:05'), null);
    assert.equal(parseTime('09:05'), '09:05:00');
    assert.equal(parseTime('21:59:60'), null);
  });
});
