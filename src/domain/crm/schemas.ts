/** Result-schema pieces shared by the crm actions. */
import { z } from 'zod';
import { formatOptionalTimestamp } from '../../protocol/timestamp.js';

/** `yyyy-mm-dd HH:mm:ss UTC` */
export const instantText = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

export const collectionOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    meta: z.strictObject({
      totalResults: z.number().int().min(0),
      start: z.number().int().min(0),
      perPage: z.number().int().min(1),
      count: z.number().int().min(0),
    }),
    results: z.array(item),
  });

/** `{"success": true, "id": …}` of every add-or-update page. */
export const upsertResult = z.strictObject({ success: z.literal(true), id: z.number().int().positive() });
export type UpsertResult = z.input<typeof upsertResult>;

export const upserted = (id: number): UpsertResult => ({ success: true, id });

export const optionalInstant = (ms: number | null): string | null => formatOptionalTimestamp(ms);
