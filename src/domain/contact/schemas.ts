/** Timestamp forms of the contact namespace's results (the pages differ on the UTC suffix). */
import { z } from 'zod';

/** `yyyy-mm-dd HH:mm:ss UTC`; iVvy omits the suffix on a few fields (see each use). */
export const timestampText = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
export const bareTimestampText = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
