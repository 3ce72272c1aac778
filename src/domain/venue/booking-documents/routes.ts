/**
 * GET /venue/booking-files/<id>?expires=…&signature=… serves a stored document or BEO version,
 * byte for byte. The link is the credential (links.ts): a wrong, altered or expired link gets
 * the same 404 as a file that does not exist. Uploaded files are the clients' bytes, so only
 * PDFs and images open in the browser; anything else downloads, never renders on this origin.
 */
import type { FastifyReply } from 'fastify';
import type { RoutePlugin } from '../../../server/route-plugin.js';
import { BOOKING_FILE_PATH, linkIsValid } from './links.js';

const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif']);
const ID = /^[1-9]\d{0,9}$/;

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): ASCII fallback plus the exact name. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function privateFile(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox");
}

export const bookingFileRoutes: RoutePlugin = (app, runtime) => {
  app.get<{ Params: { id: string }; Querystring: { expires?: unknown; signature?: unknown } }>(`${BOOKING_FILE_PATH}/:id`, async (request, reply) => {
    const { expires, signature } = request.query;
    const id = request.params.id;
    const db = runtime.storage.db;
    // The link is checked before the bytes are read: a bad link costs one small lookup.
    const link =
      ID.test(id) && typeof expires === 'string' && typeof signature === 'string'
        ? await db.selectFrom('booking_files').select(['id', 'link_key']).where('id', '=', Number(id)).executeTakeFirst()
        : undefined;
    const valid = link !== undefined && linkIsValid(link, Number(expires), String(signature), Date.now());
    const file = valid
      ? await db.selectFrom('booking_files').select(['filename', 'content_type', 'bytes']).where('id', '=', link.id).executeTakeFirst()
      : undefined;
    privateFile(reply);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('This file link is not valid or has expired.');
    const inline = INLINE.has(file.content_type);
    return reply
      .type(file.content_type)
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename))
      .send(Buffer.from(file.bytes));
  });
};
