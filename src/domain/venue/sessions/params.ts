/** Parameter helpers shared by the session pages. */
import { custom, int } from '../../../registry/params.js';

/** Attendee counts and minutes: 0 or more. */
export const count = () => int().refine((n) => n >= 0, { message: 'Value must be 0 or greater' });

/** A reference a client may send as 0 for "none" (spaceLayout 0, the example's bookingPackageId 0). */
export const optionalRef = () => int().refine((n) => n >= 0, { message: 'Value must be 0 or greater' });

export const orNull = (ref: number | null | undefined): number | null | undefined => (ref === 0 ? null : ref);

/** One of a few words, matched without regard to case (orderBy / orderDir values). */
export const caseless = <const T extends readonly string[]>(values: T) =>
  custom<string, T[number]>(
    `Value must be one of ${values.join(', ')}`,
    (v) => (typeof v === 'string' ? values.find((x) => x.toLowerCase() === v.trim().toLowerCase()) : undefined),
    { type: 'string', enum: values },
  );
