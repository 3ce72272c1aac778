/** Parameter helpers of the event namespace (on top of registry/params.ts). */
import { custom, int } from '../../registry/params.js';

/** An IANA time zone name the runtime knows (Australia/Sydney, UTC, …). */
export const timezone = () =>
  custom<string, string>(
    'Value must be a valid time zone name, e.g. Australia/Sydney',
    (v) => {
      if (typeof v !== 'string' || v.trim() === '' || v.length > 64) return undefined;
      try {
        new Intl.DateTimeFormat('en', { timeZone: v.trim() });
        return v.trim();
      } catch {
        return undefined;
      }
    },
    { type: 'string', format: 'timezone', maxLength: 64 },
  );

/** A whole number that is 0 or more. */
export const count = () => int().refine((n) => n >= 0, { message: 'Value must be 0 or greater' });

/** One of a few words, matched without regard to case (orderBy / orderDir values). */
export const caseless = <const T extends readonly string[]>(values: T) =>
  custom<string, T[number]>(
    `Value must be one of ${values.join(', ')}`,
    (v) => (typeof v === 'string' ? values.find((x) => x.toLowerCase() === v.trim().toLowerCase()) : undefined),
    { type: 'string', enum: values },
  );

