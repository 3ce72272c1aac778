/**
 * Parameter schemas with iVvy's validator messages. iVvy is lenient about JSON types the way
 * PHP is (a numeric string is a number, `1`/`"true"` is true), so these accept what a
 * reasonable client sends and reject the rest with the message that lands in
 * `additionalMessages` of a 23016 error.
 *
 * Every helper is bounded: numbers by what the columns of both databases hold, text and lists
 * by a documented default length (README, Limits) unless the page states its own. Each also
 * carries a description of what it accepts (`ParamMeta`), which the fuzz and isolation suites,
 * `marquee describe` and the exports read (registry/param-shape.ts).
 */
import { z } from 'zod';
import { DEFAULT_ARRAY_MAX, DEFAULT_TEXT_MAX, INT_MAX, INT_MIN, NUMBER_LIMIT } from '../protocol/limits.js';
import { parseDate, parseTime, parseTimestamp } from '../protocol/timestamp.js';

const FAIL = Symbol('fail');
/** A refusal with its own message (a value of the right type, out of range). */
class Refusal {
  constructor(readonly message: string) {}
}
type Parsed<T> = T | typeof FAIL | Refusal;

/** What a parameter accepts, in JSON Schema terms (a subset), for tools that read the registry. */
export interface ParamMeta {
  readonly type: 'integer' | 'number' | 'boolean' | 'string' | 'array' | 'filter';
  readonly format?: 'id' | 'email' | 'timestamp' | 'date' | 'time' | 'timezone';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly enum?: readonly (string | number)[];
}

/** A schema whose input type is `In` and whose output is whatever `parse` returns. */
export function scalar<In, Out>(message: string, parse: (value: unknown) => Parsed<Out>, meta: ParamMeta) {
  return z
    .custom<In>()
    .transform((value, ctx): Out => {
      const out = parse(value);
      if (out === FAIL) {
        ctx.issues.push({ code: 'custom', message, input: value });
        return z.NEVER;
      }
      if (out instanceof Refusal) {
        ctx.issues.push({ code: 'custom', message: out.message, input: value });
        return z.NEVER;
      }
      return out;
    })
    .meta({ marquee: meta });
}

/** A helper of a namespace's own: `parse` returns undefined for a value it refuses. */
export function custom<In, Out>(message: string, parse: (value: unknown) => Out | undefined, meta: ParamMeta) {
  return scalar<In, Out>(message, (value) => parse(value) ?? FAIL, meta);
}

/** The description a helper attached to a schema, if any. */
export function paramMeta(schema: z.ZodType): ParamMeta | undefined {
  return (z.globalRegistry.get(schema) as { marquee?: ParamMeta } | undefined)?.marquee;
}

const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

const outOfIntRange = new Refusal(`Value must be between ${INT_MIN} and ${INT_MAX}`);
const outOfNumberRange = new Refusal(`Value must be between -${NUMBER_LIMIT} and ${NUMBER_LIMIT}`);

function toInteger(value: unknown): Parsed<number> {
  const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n)) return FAIL;
  return n >= INT_MIN && n <= INT_MAX ? n : outOfIntRange;
}

function toNumber(value: unknown): Parsed<number> {
  const n = typeof value === 'number' ? value : typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) return FAIL;
  return Math.abs(n) <= NUMBER_LIMIT ? n : outOfNumberRange;
}

function toBoolean(value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return FAIL;
}

export const messages = {
  integer: 'Value must be a whole number',
  positive: 'Value must be greater than 0',
  number: 'Value must be a number',
  boolean: 'Value must be a boolean',
  string: 'Value must be a string',
  timestamp: 'Value must be a timestamp in the format yyyy-mm-dd HH:mm:ss',
  date: 'Value must be a date in the format yyyy-mm-dd',
  time: 'Value must be a time in the format hh:mm:ss',
  email: 'Value must be a valid email address',
  array: 'Value must be an array',
  object: 'Value must be an object',
} as const;

export const int = () =>
  scalar<number | string, number>(messages.integer, toInteger, { type: 'integer', minimum: INT_MIN, maximum: INT_MAX });

/** A record identifier: a whole number greater than zero. */
export const id = () =>
  scalar<number | string, number>(messages.integer, toInteger, { type: 'integer', format: 'id', minimum: 1, maximum: INT_MAX }).refine(
    (n) => n > 0,
    { message: messages.positive },
  );

export const number = () =>
  scalar<number | string, number>(messages.number, toNumber, { type: 'number', minimum: -NUMBER_LIMIT, maximum: NUMBER_LIMIT });

export const bool = () => scalar<boolean | number | string, boolean>(messages.boolean, toBoolean, { type: 'boolean' });

function toText(v: unknown): Parsed<string> {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : FAIL;
}

/** Text; numbers are accepted and kept as their decimal text. */
export const string = (max: number = DEFAULT_TEXT_MAX) =>
  scalar<string | number, string>(messages.string, toText, { type: 'string', maxLength: max }).refine((s) => s.length <= max, {
    message: `Value must be at most ${max} characters long`,
  });

/** Text that must not be blank. */
export const text = (max: number = DEFAULT_TEXT_MAX) =>
  scalar<string | number, string>(messages.string, toText, { type: 'string', minLength: 1, maxLength: max })
    .refine((s) => s.length <= max, { message: `Value must be at most ${max} characters long` })
    .refine((s) => s.trim().length > 0, { message: 'Value must not be empty' });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const email = () =>
  scalar<string, string>(
    messages.email,
    (v) => (typeof v === 'string' && v.trim().length <= 254 && EMAIL.test(v.trim()) ? v.trim() : FAIL),
    { type: 'string', format: 'email', maxLength: 254 },
  );

/** An iVvy timestamp (UTC); the output is epoch milliseconds. */
export const timestamp = () =>
  scalar<string, number>(messages.timestamp, (v) => (typeof v === 'string' ? (parseTimestamp(v) ?? FAIL) : FAIL), {
    type: 'string',
    format: 'timestamp',
  });

/** A `yyyy-mm-dd` date, kept as text. */
export const date = () =>
  scalar<string, string>(messages.date, (v) => (typeof v === 'string' ? (parseDate(v) ?? FAIL) : FAIL), {
    type: 'string',
    format: 'date',
  });

/** A `hh:mm:ss` time, kept as text. */
export const time = () =>
  scalar<string, string>(messages.time, (v) => (typeof v === 'string' ? (parseTime(v) ?? FAIL) : FAIL), {
    type: 'string',
    format: 'time',
  });

/** One of a fixed set of integer codes (statuses and the like). */
export const intEnum = <const T extends readonly number[]>(values: T) =>
  scalar<number | string, T[number]>(
    `Value must be one of ${values.join(', ')}`,
    (v) => {
      const n = toInteger(v);
      return typeof n === 'number' && values.includes(n) ? (n as T[number]) : FAIL;
    },
    { type: 'integer', enum: values },
  );

/** One of a fixed set of strings. */
export const stringEnum = <const T extends readonly string[]>(values: T) =>
  scalar<T[number], T[number]>(
    `Value must be one of ${values.join(', ')}`,
    (v) => (typeof v === 'string' && values.includes(v) ? (v as T[number]) : FAIL),
    { type: 'string', enum: values },
  );

export const array = <T extends z.ZodType>(item: T, max: number = DEFAULT_ARRAY_MAX) =>
  z
    .array(item, { error: messages.array })
    .max(max, { message: `Value must have at most ${max} elements` })
    .meta({ marquee: { type: 'array', maxItems: max } satisfies ParamMeta });

/** Pagination and filtering parameters shared by every collection action. */
export const collection = {
  start: int().refine((n) => n >= 0, { message: 'Value must be 0 or greater' }).optional(),
  perPage: int().optional(),
  // PHP clients encode an empty filter as `[]`; treat it as no filter. Keys and values are
  // checked against the action's filter list (storage/collection.ts), bounds included.
  filter: z
    .preprocess(
      (v) => (Array.isArray(v) && v.length === 0 ? {} : v),
      z.record(z.string(), z.unknown(), { error: messages.object }),
    )
    .meta({ marquee: { type: 'filter' } satisfies ParamMeta })
    .optional()
    .nullable(),
};
export type CollectionParams = {
  start?: number | undefined;
  perPage?: number | undefined;
  filter?: Record<string, unknown> | null | undefined;
};
