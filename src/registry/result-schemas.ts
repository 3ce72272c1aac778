/** Result schema building blocks shared by every namespace. */
import { z } from 'zod';

export const collectionMeta = z.strictObject({
  totalResults: z.number().int().min(0),
  start: z.number().int().min(0),
  perPage: z.number().int().min(1),
  count: z.number().int().min(0),
});

/** `{meta, results}` of collections.md around the item schema. */
export function collectionResult<T extends z.ZodType>(item: T) {
  return z.strictObject({ meta: collectionMeta, results: z.array(item) });
}

/** An iVvy timestamp as returned: `yyyy-mm-dd HH:mm:ss UTC`. */
export const timestampText = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}( UTC)?$/);
export const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
