/**
 * Parameter schemas with iVvy's validator messages. iVvy is lenient about JSON types the way
 * PHP is (a numeric string is a number, `1`/`"true"` is true), so these accept what a
 * reasonable client sends and reject the rest with the message that lands in
 * `additionalMessages` of a 23016 error.
 */
import { z } from 'zod';
import { parseDate, parseTime, parseTimestamp } from '../protocol/timestamp.js';

const FAIL = Symbol('fail');
type Parsed<T> = T | typeof FAIL;

/** A schema whose input type is `In` and whose output is whatever `parse` returns. */
export function scalar<In, Out>(message: string, parse: (value: unknown) => Parsed<Out>) {
  return z.custom<In>().transform((value, ctx): Out => {
    const out = parse(value);
    if (out === FAIL) {
      ctx.issues.push({ code: 'custom', message, input: value });
      return z.NEVER;
    }
    return out;
  });
}

const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

function toInteger(value: unknown): Parsed<number> {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && INTEGER.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) ? n : FAIL;
  }
  return FAIL;
}

function toNumber(value: unknown): Parsed<number> {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
  return FAIL;
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

export const int = () => scalar<number | string, number>(messages.integer, toInteger);

/** A record identifier: a whole number greater than zero. */
export const id = () =>
  int().refine((n) => n > 0, { message: messages.positive });

export const number = () => scalar<number | string, number>(messages.number, toNumber);

export const bool = () => scalar<boolean | number | string, boolean>(messages.boolean, toBoolean);

/** Text; numbers are accepted and kept as their decimal text. */
export const string = (max?: number) =>
  scalar<string | number, string>(messages.string, (v) =>
    typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : FAIL,
  ).refine((s) => max === undefined || s.length <= max, {
    message: `Value must be at most ${max} characters long`,
  });

/** Text that must not be blank. */
export const text = (max?: number) =>
  string(max).refine((s) => s.trim().length > 0, { message: 'Value must not be empty' });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const email = () =>
  scalar<string, string>(messages.email, (v) =>
    typeof v === 'string' && EMAIL.test(v.trim()) && v.trim().length <= 254 ? v.trim() : FAIL,
  );

/** An iVvy timestamp (UTC); the output is epoch milliseconds. */
export const timestamp = () =>
  scalar<string, number>(messages.timestamp, (v) => (typeof v === 'string' ? (parseTimestamp(v) ?? FAIL) : FAIL));

/** A `yyyy-mm-dd` date, kept as text. */
export const date = () =>
  scalar<string, string>(messages.date, (v) => (typeof v === 'string' ? (parseDate(v) ?? FAIL) : FAIL));

/** A `hh:mm:ss` time, kept as text. */
export const time = () =>
  scalar<string, string>(messages.time, (v) => (typeof v === 'string' ? (parseTime(v) ?? FAIL) : FAIL));

/** One of a fixed set of integer codes (statuses and the like). */
export const intEnum = <const T extends readonly number[]>(values: T) =>
  int().refine((n): n is T[number] => values.includes(n), {
    message: `Value must be one of ${values.join(', ')}`,
  }) as unknown as z.ZodType<T[number], number | string>;

/** One of a fixed set of strings. */
export const stringEnum = <const T extends readonly string[]>(values: T) =>
  scalar<T[number], T[number]>(`Value must be one of ${values.join(', ')}`, (v) =>
    typeof v === 'string' && values.includes(v) ? (v as T[number]) : FAIL,
  );

export const array = <T extends z.ZodType>(item: T, max?: number) =>
  z.array(item, { error: messages.array }).refine((a) => max === undefined || a.length <= max, {
    message: `Value must have at most ${max} elements`,
  });

/** Pagination and filtering parameters shared by every collection action. */
export const collection = {
  start: int().refine((n) => n >= 0, { message: 'Value must be 0 or greater' }).optional(),
  perPage: int().optional(),
  // PHP clients encode an empty filter as `[]`; treat it as no filter.
  filter: z
    .preprocess(
      (v) => (Array.isArray(v) && v.length === 0 ? {} : v),
      z.record(z.string(), z.unknown(), { error: messages.object }),
    )
    .optional()
    .nullable(),
};
export type CollectionParams = {
  start?: number | undefined;
  perPage?: number | undefined;
  filter?: Record<string, unknown> | null | undefined;
};
