/**
 * account.subscribeToNotifications / account.unsubscribeFromNotifications
 * (notifications/notifications.md). The body names endpoints: `{"companiesEndpoint": "<url>"}`.
 */
import { z } from 'zod';
import { forbidden } from '../../protocol/specific-codes.js';
import type { ActionContext } from '../../registry/context.js';
import { defineAction } from '../../registry/define-action.js';
import { ENDPOINTS, type Endpoint } from '../../outbox/subjects.js';
import { subscribe, unsubscribe, type EndpointUrls } from '../../notify/subscriptions.js';
import { wake } from '../../notify/wake.js';
import { webhookUrl } from '../../notify/webhook-url.js';

// Unknown keys are ignored, as for every action (docs/compatibility.md, Parameters).
const endpointParams = z.object(
  Object.fromEntries(ENDPOINTS.map((e) => [`${e}Endpoint`, webhookUrl().optional()])) as Record<
    `${Endpoint}Endpoint`,
    z.ZodOptional<ReturnType<typeof webhookUrl>>
  >,
);

function requestedUrls(params: z.output<typeof endpointParams>): EndpointUrls {
  const urls: EndpointUrls = {};
  for (const endpoint of ENDPOINTS) {
    const url = params[`${endpoint}Endpoint`];
    if (url !== undefined) urls[endpoint] = url;
  }
  return urls;
}

/** Only the account's primary user, or a key without a user, may manage notifications. */
async function assertMayManage(ctx: ActionContext): Promise<void> {
  if (ctx.caller.userId === null) return;
  const user = await ctx.store
    .selectFrom('users')
    .select('is_primary')
    .where('id', '=', ctx.caller.userId)
    .executeTakeFirst();
  if (user?.is_primary !== 1) throw forbidden('Not Allowed');
}

const subscribeResult = z.strictObject(
  Object.fromEntries(
    ENDPOINTS.flatMap((e) => [
      [`${e}Success`, z.boolean()],
      [`${e}TopicId`, z.string().nullable()],
    ]),
  ),
);

const unsubscribeResult = z.strictObject(
  Object.fromEntries(ENDPOINTS.map((e) => [`${e}Result`, z.union([1, 2, 3, 4, 5, 6].map((n) => z.literal(n)))])),
);

export const subscribeToNotifications = defineAction({
  namespace: 'account',
  action: 'subscribeToNotifications',
  kind: 'write',
  params: endpointParams,
  result: subscribeResult,
  async handler(ctx, params) {
    await assertMayManage(ctx);
    const result = await subscribe(ctx.store, requestedUrls(params), ctx.caller.apiKey, ctx.now);
    wake('notifications');
    return result;
  },
});

export const unsubscribeFromNotifications = defineAction({
  namespace: 'account',
  action: 'unsubscribeFromNotifications',
  kind: 'write',
  params: endpointParams,
  result: unsubscribeResult,
  async handler(ctx, params) {
    await assertMayManage(ctx);
    return unsubscribe(ctx.store, requestedUrls(params), ctx.caller.apiKey);
  },
});

