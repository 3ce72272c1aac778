/** createLoginToken. */
import { z } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import { defineAction } from '../../../registry/define-action.js';
import { id, string } from '../../../registry/params.js';
import { EventErrors, eventNotFound } from '../errors.js';
import { loginUrl } from '../urls.js';
import { createLoginToken as issue, isRegistered } from './store.js';

const unableToGenerate = (reason: string): ApiError =>
  new ApiError(400, EventErrors.createLoginTokenFailed, 'Unable to generate token', [reason]);

export const createLoginToken = defineAction({
  namespace: 'event',
  action: 'createLoginToken',
  kind: 'write',
  params: z.object({ event: id(), contact: id(), referrer: string(2048).nullable().optional() }),
  result: z.strictObject({ token: z.string().regex(/^[0-9a-f]{32}$/), loginUrl: z.string() }),
  async handler(ctx, params) {
    const event = await ctx.store.selectFrom('events').select(['id', 'code']).where('id', '=', params.event).executeTakeFirst();
    if (!event) throw eventNotFound(EventErrors.createLoginTokenEvent);
    const contact = await ctx.store.selectFrom('contacts').select('id').where('id', '=', params.contact).executeTakeFirst();
    if (!contact) throw unableToGenerate(`Contact ${params.contact} does not exist`);
    if (!(await isRegistered(ctx.store, event.id, contact.id))) {
      throw unableToGenerate(`Contact ${params.contact} is not registered for event ${params.event}`);
    }
    const referrer = params.referrer?.trim() ? params.referrer.trim() : null;
    const token = await issue(ctx, event.id, contact.id, referrer);
    return { token, loginUrl: loginUrl(ctx.publicUrl, event.code, token, contact.id) };
  },
});
