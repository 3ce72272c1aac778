/**
 * createLoginToken's tokens and the sign-ins they give. A token is single use and expires
 * (codes.ts); only its SHA-256 hash is stored. Following the login URL consumes the token and
 * opens a web session whose cookie value is stored hashed as well.
 */
import { ACTIVE_REGISTRATION_STATUSES, LOGIN_TOKEN_TTL_MS, WEB_SESSION_TTL_MS } from '../codes.js';
import type { EventWriteContext } from '../context.js';
import { hashToken, newLinkSecret, newLoginToken } from '../tokens.js';
import type { Scope } from '../../../storage/scope.js';

/** Whether the contact registered for the event (as main contact or as an attendee), not cancelled. */
export async function isRegistered(store: Scope, eventId: number, contactId: number): Promise<boolean> {
  const [asMain, asAttendee] = await Promise.all([
    store
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', eventId)
      .where('contact_id', '=', contactId)
      .where('status', 'in', [...ACTIVE_REGISTRATION_STATUSES])
      .executeTakeFirst(),
    store
      .selectFrom('event_attendees')
      .innerJoin('event_registrations', 'event_registrations.id', 'event_attendees.registration_id')
      .select('event_attendees.id')
      .where('event_attendees.event_id', '=', eventId)
      .where('event_attendees.contact_id', '=', contactId)
      .where('event_registrations.status', 'in', [...ACTIVE_REGISTRATION_STATUSES])
      .executeTakeFirst(),
  ]);
  return asMain !== undefined || asAttendee !== undefined;
}

export async function createLoginToken(
  ctx: EventWriteContext,
  eventId: number,
  contactId: number,
  referrer: string | null,
): Promise<string> {
  const token = newLoginToken();
  await ctx.store
    .insertInto('event_login_tokens', {
      event_id: eventId,
      contact_id: contactId,
      token_hash: hashToken(token),
      referrer,
      expires_at: ctx.now + LOGIN_TOKEN_TTL_MS,
      used_at: null,
      created_at: ctx.now,
    })
    .execute();
  return token;
}

/**
 * The browser must come from the referrer saved with the token: the same origin when it is a
 * URL, otherwise a Referer header that starts with it.
 */
export function referrerMatches(saved: string | null, header: string | undefined): boolean {
  if (saved === null || saved === '') return true;
  if (!header) return false;
  try {
    return new URL(saved).origin === new URL(header).origin;
  } catch {
    return header.startsWith(saved);
  }
}

/** Opens a sign-in for the contact on the event; returns the cookie value. */
export async function openWebSession(ctx: EventWriteContext, eventId: number, contactId: number): Promise<string> {
  const secret = newLinkSecret();
  await ctx.store
    .insertInto('event_web_sessions', {
      event_id: eventId,
      contact_id: contactId,
      token_hash: hashToken(secret),
      expires_at: ctx.now + WEB_SESSION_TTL_MS,
      created_at: ctx.now,
    })
    .execute();
  return secret;
}
