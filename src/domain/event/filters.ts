/**
 * Filter keys the generic collection helper cannot express: array-valued ones such as
 * getEventList's `status` ("Must be an array"). They are taken out of the filter before it
 * reaches fetchPage and applied as a fixed predicate.
 */
import { doesNotValidate } from '../../protocol/specific-codes.js';
import type { CollectionParams } from '../../registry/params.js';

/** The params without `key` in their filter, and the value that key had. */
export function takeFilter<P extends CollectionParams>(params: P, key: string): { params: P; value: unknown } {
  const filter = params.filter;
  if (!filter || !Object.hasOwn(filter, key)) return { params, value: undefined };
  const { [key]: value, ...rest } = filter;
  return { params: { ...params, filter: rest }, value };
}

/** An array of codes from `allowed` (numeric strings accepted), or a 23016 naming `filter.<key>`. */
export function codeList(key: string, value: unknown, allowed: readonly number[]): number[] {
  const name = `filter.${key}`;
  if (!Array.isArray(value)) throw doesNotValidate(name, ['Value must be an array']);
  return value.map((item) => {
    const n = typeof item === 'number' ? item : typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : NaN;
    if (!allowed.includes(n)) throw doesNotValidate(name, [`Each value must be one of ${allowed.join(', ')}`]);
    return n;
  });
}
