/** The one assertion for a rejected SDK call: its envelope's status, specific code and text. */
import assert from 'node:assert/strict';
import { IvvyApiError } from '../../src/client/index.js';

export async function expectApiError(
  call: Promise<unknown>,
  errorCode: number,
  specificCode: number,
  mention?: string | RegExp,
): Promise<IvvyApiError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof IvvyApiError, `expected an API error, got ${String(error)}`);
    const text = `${error.message} ${(error.additionalMessages ?? []).join(' | ')}`;
    assert.equal(error.specificCode, specificCode, text);
    assert.equal(error.errorCode, errorCode, text);
    if (typeof mention === 'string') assert.ok(text.includes(mention), `'${text}' should mention '${mention}'`);
    else if (mention) assert.match(text, mention);
    return error;
  }
  assert.fail('expected the call to fail');
}
