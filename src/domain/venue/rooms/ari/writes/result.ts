/** What every ARI write answers (the pages' `{"success": true}`). */
import { z } from 'zod';

export const ariWriteResult = z.strictObject({ success: z.literal(true) });
