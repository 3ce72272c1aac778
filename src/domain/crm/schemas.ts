/** Result-schema pieces shared by the crm actions. */
import { z } from 'zod';
import { formatOptionalTimestamp } from '../../protocol/timestamp.js';

/** `yyyy-mm-dd HH:mm:ss UTC` */
export const instantText = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

/** `{"success": true, "id": …}` of every add-or-update page. */
export const upsertResult = z.strictObject({ success: z.literal(true), id: z.number().int().positive() });
export type UpsertResult = z.input<typeof upsertResult>;

export const upserted = (id: number): UpsertResult => ({ success: true, id });

export const optionalInstant = (ms: number | null): string | null => formatOptionalTimestamp(ms);
