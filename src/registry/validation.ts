/** Maps a Zod failure to iVvy's validation errors: 23017 when the value is absent, else 23016. */
import type { z } from 'zod';
import type { ApiError } from '../protocol/errors.js';
import { doesNotValidate, isRequired } from '../protocol/specific-codes.js';

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function validationError(error: z.ZodError, input: unknown): ApiError {
  const first = error.issues[0];
  const path = first?.path ?? [];
  const name = path.length > 0 ? path.map(String).join('.') : 'params';
  if (path.length > 0 && valueAt(input, path) === undefined && first?.code !== 'unrecognized_keys') {
    return isRequired(name);
  }
  const samePath = error.issues.filter((i) => i.path.map(String).join('.') === path.map(String).join('.'));
  return doesNotValidate(name, [...new Set(samePath.map((i) => i.message))]);
}
