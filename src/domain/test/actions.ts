import { z } from 'zod';
import { formatTimestamp } from '../../protocol/timestamp.js';
import { defineAction } from '../../registry/define-action.js';

/** getting-started/test.md: no parameters; answers with the server time. */
export const ping = defineAction({
  namespace: 'test',
  action: 'ping',
  kind: 'read',
  params: z.object({}),
  result: z.object({ ack: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/) }),
  async handler(ctx) {
    return { ack: formatTimestamp(ctx.now) };
  },
});

