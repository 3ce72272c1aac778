import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  canonicalIvvyHeaders,
  hmacSha1Hex,
  md5Hex,
  parseAuthorization,
  signaturesMatch,
  signRequest,
  stringToSign,
} from '../../src/protocol/signing.js';

describe('signing (creating-the-request/signing-the-request.md)', () => {
  it('reproduces the documented string to sign of the worked example', () => {
    // The example request: body {"example":"body"} (Content-Length 18), IVVY-Date set, so the
    // Date header is left out of the string even though the request carries one.
    const body = '{"example":"body"}';
    assert.equal(md5Hex(body), 'a09f600c77a6dbd947db24c61e8935ca');
    const text = stringToSign({
      method: 'POST',
      contentMd5: md5Hex(body),
      contentType: 'application/json',
      date: '',
      requestUri: '/api/1.0/test?action=ping',
      apiVersion: '1.0',
      ivvyHeaders: [['IVVY-Date', '2012-04-03 22:23:24']],
    });
    assert.equal(
      text,
      'posta09f600c77a6dbd947db24c61e8935caapplication/json/api/1.0/test?action=ping1.0ivvydate=2012-04-03 22:23:24',
    );
  });

  it('matches the documented HMAC-SHA1 and MD5 examples', () => {
    assert.equal(hmacSha1Hex('my secret key', 'string to sign'), 'a993876ea1218921a1c8551923473da7b310dfae');
    assert.equal(md5Hex('string to hash\n'), '2fcc83d76f9b2d8ef372271d807a3364');
    assert.equal(md5Hex(''), 'd41d8cd98f00b204e9800998ecf8427e');
  });

  it('sorts IVVY headers alphabetically without dashes and underscores', () => {
    assert.equal(
      canonicalIvvyHeaders([
        ['IVVY-Date', '2012-04-03 22:23:24'],
        ['Ivvy_Trace', 'x'],
        ['IVVY-Account-Hint', 'A'],
      ]),
      'ivvyaccounthint=A&ivvydate=2012-04-03 22:23:24&ivvytrace=x',
    );
  });

  it('keeps the Content-Type exactly as sent, parameters included', () => {
    const parts = {
      method: 'POST',
      contentMd5: md5Hex(''),
      date: 'Tue, 03 Apr 2012 22:23:24 GMT',
      requestUri: '/api/1.0/test?action=ping',
      apiVersion: '1.0',
      ivvyHeaders: [],
    };
    const a = stringToSign({ ...parts, contentType: 'application/json; charset=utf-8' });
    const b = stringToSign({ ...parts, contentType: 'application/json' });
    assert.notEqual(a, b);
    assert.ok(a.includes('application/json; charset=utf-8tue, 03 apr 2012 22:23:24 gmt/api/1.0/test?action=ping'));
  });

  it('parses the IWS authorization header and rejects malformed ones', () => {
    assert.deepEqual(parseAuthorization(`IWS abc123:${'a'.repeat(40)}`), { key: 'abc123', signature: 'a'.repeat(40) });
    assert.equal(parseAuthorization('IWS abc123'), null);
    assert.equal(parseAuthorization(`Bearer abc:${'a'.repeat(40)}`), null);
    assert.equal(parseAuthorization(`IWS abc:${'z'.repeat(40)}`), null);
    assert.equal(parseAuthorization(undefined), null);
  });

  it('compares signatures in constant time and case-insensitively', () => {
    const sig = hmacSha1Hex('s', 'x');
    assert.equal(signaturesMatch(sig, sig.toUpperCase()), true);
    assert.equal(signaturesMatch(sig, `${sig.slice(0, 39)}0`), sig.endsWith('0'));
    assert.equal(signaturesMatch(sig, sig.slice(0, 10)), false);
  });

  it('signs requests the way the official SDKs do', () => {
    const now = new Date(Date.UTC(2012, 3, 3, 22, 23, 24));
    const signed = signRequest({ key: 'k', secret: 'secret', namespace: 'test', action: 'ping', body: '{"example":"body"}', now });
    assert.equal(signed.requestUri, '/api/1.0/test?action=ping');
    assert.equal(signed.headers['IVVY-Date'], '2012-04-03 22:23:24');
    assert.equal(signed.headers['Content-MD5'], 'a09f600c77a6dbd947db24c61e8935ca');
    const expected = hmacSha1Hex(
      'secret',
      'posta09f600c77a6dbd947db24c61e8935caapplication/json/api/1.0/test?action=ping1.0ivvydate=2012-04-03 22:23:24',
    );
    assert.equal(signed.headers['X-Api-Authorization'], `IWS k:${expected}`);
  });
});

describe('HMAC-SHA1 and MD5 as computed for signatures', () => {
  it('equal node:crypto’s createHmac and createHash for any key and text, keys longer than a block included', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const randomText = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + (next() % 300))).join('');
    const hex = (n: number) => Array.from({ length: n }, () => (next() % 16).toString(16)).join('');
    for (let i = 0; i < 200; i++) {
      // Hex secrets as Marquee issues them, and arbitrary ones (long and non-ASCII).
      const secret = i % 2 === 0 ? hex(next() % 90) : randomText(next() % 150);
      const text = randomText(next() % 500);
      assert.equal(hmacSha1Hex(secret, text), createHmac('sha1', secret).update(text, 'utf8').digest('hex'));
      assert.equal(md5Hex(text), createHash('md5').update(text).digest('hex'));
      assert.equal(md5Hex(Buffer.from(text)), createHash('md5').update(Buffer.from(text)).digest('hex'));
    }
  });
});
