/**
 * The page a venue's `instantBookUrl` opens (GET /venue/order/start?v=<hash>): the venue, its
 * bookable spaces and how to reach it. iVvy starts its online booking flow here; Marquee takes
 * bookings through the API only, so the page says so instead of pretending to take an order.
 * The hash is public (partners publish it), so the page shows only what the marketplace shows,
 * and only for venues that allow live booking.
 */
import type { FastifyReply } from 'fastify';
import { escapeHtml, htmlDocument } from '../../../mail/html.js';
import type { RoutePlugin } from '../../../server/route-plugin.js';
import { createScope } from '../../../storage/scope.js';

export const VENUE_ORDER_PATH = '/venue/order/start';

const HASH = /^[0-9a-f]{8,64}$/;

function publicPage(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  return reply
    .code(status)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    .type('text/html; charset=utf-8')
    .send(htmlDocument(title, body));
}

const line = (label: string, value: string | null): string => (value ? `<p><strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}</p>` : '');

export const venueRoutes: RoutePlugin = (app, runtime) => {
  app.get<{ Querystring: { v?: unknown } }>(VENUE_ORDER_PATH, async (request, reply) => {
    const hash = typeof request.query.v === 'string' && HASH.test(request.query.v) ? request.query.v : undefined;
    const venue = hash
      ? await runtime.storage.db.selectFrom('venues').selectAll().where('hash_id', '=', hash).where('allows_live_book', '=', 1).executeTakeFirst()
      : undefined;
    if (!venue) return publicPage(reply, 404, 'Venue not found', '<h1>Venue not found</h1><p>This booking link is not valid.</p>');
    const spaces = await createScope(runtime.storage.db, venue.account_id, runtime.storage.dialect)
      .selectFrom('function_spaces')
      .select(['name', 'max_pax'])
      .where('venue_id', '=', venue.id)
      .where('is_viewable', '=', 1)
      .orderBy('name')
      .execute();
    const address = [venue.address_line1, venue.address_line2, venue.address_city, venue.address_state_code, venue.address_postal_code]
      .filter((part): part is string => Boolean(part))
      .join(', ');
    const body = [
      `<h1>${escapeHtml(venue.business_name)}</h1>`,
      venue.description ? `<p>${escapeHtml(venue.description)}</p>` : '',
      line('Address', address),
      line('Phone', venue.phone),
      line('Email', venue.email),
      line('Website', venue.website),
      line('Check-in', venue.checkin_time),
      line('Check-out', venue.checkout_time),
      spaces.length > 0
        ? `<h2>Spaces</h2><ul>${spaces.map((s) => `<li>${escapeHtml(s.name)} (up to ${s.max_pax} guests)</li>`).join('')}</ul>`
        : '',
      '<p>This venue takes bookings through its booking system: contact the venue above, or book through a partner that uses the iVvy API.</p>',
    ].join('\n');
    return publicPage(reply, 200, venue.business_name, body);
  });
};
