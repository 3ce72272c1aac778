/**
 * Strict parameters (MARQUEE_STRICT=1, `marquee serve --strict`): a parameter the action does
 * not take is refused with 23016 naming it, instead of being ignored as iVvy ignores it. Off by
 * default so that clients written against iVvy behave the same here; on, a misspelt `perpage`
 * fails loudly instead of silently doing nothing. Read from the action's parameter shape
 * (param-shape.ts), so nested objects (a contact in `contacts`) are checked as well.
 */
import type { z } from 'zod';
import type { ApiError } from '../protocol/errors.js';
import { doesNotValidate } from '../protocol/specific-codes.js';
import { nearest } from './nearest.js';
import { paramShape, type FieldShape, type ParamShape } from './param-shape.js';

/** Enough to fix a request; a body of thousands of stray keys must not make a huge answer. */
const MAX_REPORTED = 20;

export interface UnknownParameter {
  /** Dotted path as validation errors name parameters (`contacts.0.emial`). */
  readonly path: string;
  /** The closest parameter the action takes at that place, if one is close. */
  readonly suggestion: string | undefined;
}

const shapes = new WeakMap<z.ZodType, ParamShape>();

function shapeOf(schema: z.ZodType): ParamShape {
  let shape = shapes.get(schema);
  if (!shape) {
    shape = paramShape(schema);
    shapes.set(schema, shape);
  }
  return shape;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The fields an object value may have here: those of the shape, or of any object option of a union. */
function objectFields(shape: ParamShape): Record<string, FieldShape> | undefined {
  if (shape.kind === 'object') return shape.fields as Record<string, FieldShape>;
  if (shape.kind !== 'union') return undefined;
  const options = shape.options.map(objectFields).filter((f) => f !== undefined);
  // First option wins for a field several options share: the union is tried in that order.
  return options.length > 0 ? Object.assign({}, ...options.reverse()) : undefined;
}

function arrayItem(shape: ParamShape): ParamShape | undefined {
  if (shape.kind === 'array') return shape.item;
  if (shape.kind === 'union') return shape.options.map(arrayItem).find((i) => i !== undefined);
  return undefined;
}

function collect(shape: ParamShape, value: unknown, path: string, out: UnknownParameter[]): void {
  if (out.length > MAX_REPORTED) return;
  const join = (key: string) => (path ? `${path}.${key}` : key);
  if (isRecord(value)) {
    const fields = objectFields(shape);
    if (!fields) return;
    for (const [key, inner] of Object.entries(value)) {
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (field) collect(field.shape, inner, join(key), out);
      else out.push({ path: join(key), suggestion: nearest(key, Object.keys(fields)) });
    }
    return;
  }
  if (Array.isArray(value)) {
    const item = arrayItem(shape);
    if (item) value.forEach((v, i) => collect(item, v, join(String(i)), out));
  }
}

/** Every parameter in `params` that the schema does not take (filters are checked by their list). */
export function unknownParameters(schema: z.ZodType, params: unknown): UnknownParameter[] {
  const out: UnknownParameter[] = [];
  collect(shapeOf(schema), params, '', out);
  return out;
}

/** The 23016 refusal naming each unknown parameter, or undefined when there is none. */
export function strictParamsError(schema: z.ZodType, params: unknown, action: string): ApiError | undefined {
  const unknown = unknownParameters(schema, params);
  if (unknown.length === 0) return undefined;
  const shown = unknown.slice(0, MAX_REPORTED).map(
    (u) => `'${u.path}' is not a parameter of ${action}${u.suggestion ? ` (did you mean '${u.suggestion}'?)` : ''}`,
  );
  if (unknown.length > MAX_REPORTED) shown.push('and more unknown parameters');
  return doesNotValidate('params', shown);
}
