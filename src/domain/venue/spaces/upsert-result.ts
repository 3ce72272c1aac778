/** `{"success": true, "id": …}`, the answer of every add-or-update page. */
import { z } from 'zod';

export const upsertResult = z.strictObject({ success: z.literal(true), id: z.number().int().positive() });
export type UpsertResult = z.input<typeof upsertResult>;

export const upserted = (id: number): UpsertResult => ({ success: true, id });
