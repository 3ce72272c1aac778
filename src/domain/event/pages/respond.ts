/**
 * What every public event page shares: private, uncached, unindexed HTML whose links do not
 * leak the URL's secret through Referer, and the write context for changes made from a page
 * (recorded with source type 0: not made through the API).
 */
import type { FastifyReply } from 'fastify';
import { escapeHtml, htmlDocument } from '../../../mail/html.js';
import { createActionContext, internalCaller } from '../../../registry/context.js';
import type { Runtime } from '../../../runtime.js';
import { createScope } from '../../../storage/scope.js';
import type { EventWriteContext } from '../context.js';

export function privatePage(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
}

export function sendPage(reply: FastifyReply, status: number, title: string, bodyHtml: string): FastifyReply {
  return privatePage(reply).code(status).type('text/html; charset=utf-8').send(htmlDocument(title, bodyHtml));
}

export function notFound(reply: FastifyReply, what: string): FastifyReply {
  return sendPage(reply, 404, `${what} not found`, `<h1>${escapeHtml(what)} not found</h1><p>This link is not valid.</p>`);
}

/** Runs `fn` in a transaction of `accountId` with a write context like an action's. */
export function inAccount<T>(runtime: Runtime, accountId: number, fn: (ctx: EventWriteContext) => Promise<T>): Promise<T> {
  return createScope(runtime.storage.db, accountId, runtime.storage.dialect).transaction((tx) =>
    fn(createActionContext(runtime, tx, internalCaller(accountId))),
  );
}
