/** Result-schema pieces shared by the event namespace's actions. */
import { z } from 'zod';

/** `yyyy-mm-dd HH:mm:ss UTC`, the form of every instant the event pages show. */
export const utcTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

export const int = () => z.number().int();

export const oneOf = <const T extends readonly number[]>(values: T) =>
  int().refine((n) => values.includes(n), { message: `Expected one of ${values.join(', ')}` });

/** contact/get-contact.md, Privacy Consent Data: also on registrations and attendees. */
export const privacyConsentResult = z.strictObject({ source: oneOf([1, 2, 3, 4, 5]), dateTime: utcTimestamp }).nullable();
