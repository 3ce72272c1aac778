/**
 * Invitations: inviting contacts, recording their yes/no, and linking the registration an
 * invited contact makes. Every change moves the invitation's modifiedDate and is recorded in
 * the outbox (EventInvitationAdded / EventInvitationUpdated) in the caller's transaction.
 */
import { RegistrationStatus, type InvitationResponse } from '../codes.js';
import type { EventWriteContext } from '../context.js';
import { eventNotFound } from '../errors.js';
import { newLinkSecret } from '../tokens.js';
import { inviteLink } from '../urls.js';
import { invitationEmail } from './email.js';
import type { InvitedContact } from './schemas.js';
import { invitedContactOf, loadInvitationRows, type InvitationRow } from './shapes.js';

export type InviteResult =
  | { contact: number; status: true; inviteLinkYes: string; inviteLinkNo: string }
  | { contact: number; status: false };

export const invitationLinks = (publicUrl: string, row: Pick<InvitationRow, 'id' | 'token'>) => ({
  inviteLinkYes: inviteLink(publicUrl, row.id, row.token, 'yes'),
  inviteLinkNo: inviteLink(publicUrl, row.id, row.token, 'no'),
});

/**
 * Invites contacts to an event. A contact that does not exist in the account (or is
 * anonymised) gets `status: false`; one already invited keeps its invitation and links and is
 * not emailed again (docs/compatibility.md, Events). New invitations are emailed.
 */
export async function inviteContacts(
  ctx: EventWriteContext,
  eventId: number,
  contactIds: readonly number[],
  notFound = eventNotFound,
): Promise<InviteResult[]> {
  const store = ctx.store;
  const event = await store
    .selectFrom('events')
    .select(['id', 'title', 'start_at', 'end_at', 'timezone', 'venue_name', 'venue_address'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!event) throw notFound();
  const unique = [...new Set(contactIds)];
  if (unique.length === 0) return [];

  const [contacts, existing] = await Promise.all([
    store
      .selectFrom('contacts')
      .select(['id', 'first_name', 'email'])
      .where('id', 'in', unique)
      .where('is_anonymised', '=', 0)
      .execute(),
    store
      .selectFrom('event_invitations')
      .select(['id', 'contact_id', 'token'])
      .where('event_id', '=', eventId)
      .where('contact_id', 'in', unique)
      .execute(),
  ]);
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const invitationByContact = new Map(existing.map((r) => [r.contact_id, r]));
  const fresh = unique.filter((id) => contactById.has(id) && !invitationByContact.has(id));

  if (fresh.length > 0) {
    const inserted = await store
      .insertInto(
        'event_invitations',
        fresh.map((contactId) => ({
          event_id: eventId,
          contact_id: contactId,
          response: 'U',
          registration_id: null,
          token: newLinkSecret(),
              responded_at: null,
          created_at: ctx.now,
          modified_at: ctx.now,
        })),
      )
      .returning(['id', 'contact_id', 'token'])
      .execute();
    for (const row of inserted) invitationByContact.set(row.contact_id, row);
    const rows = await loadInvitationRows(
      store,
      inserted.map((r) => r.id),
    );
    for (const row of rows) {
      await ctx.recordChange('EventInvitationAdded', { data: invitedContactOf(row) });
      const contact = contactById.get(row.contact_id);
      if (ctx.sendEmail && contact && contact.email) {
        const links = invitationLinks(ctx.publicUrl, row);
        await ctx.sendEmail(
          invitationEmail({ event, contact, invitationId: row.id, yes: links.inviteLinkYes, no: links.inviteLinkNo }),
        );
      }
    }
  }

  return contactIds.map((contactId): InviteResult => {
    const invitation = invitationByContact.get(contactId);
    if (!invitation || !contactById.has(contactId)) return { contact: contactId, status: false };
    return { contact: contactId, status: true, ...invitationLinks(ctx.publicUrl, invitation) };
  });
}

/** Applies `change` to one invitation and records EventInvitationUpdated when it changed. */
async function updateInvitation(
  ctx: EventWriteContext,
  invitationId: number,
  change: (current: InvitationRow) => { response?: InvitationResponse; registrationId?: number | null } | null,
): Promise<InvitedContact | undefined> {
  const [current] = await loadInvitationRows(ctx.store, [invitationId]);
  if (!current) return undefined;
  const next = change(current);
  const response = next?.response ?? current.response;
  const registrationId = next?.registrationId !== undefined ? next.registrationId : current.registration_id;
  if (!next || (response === current.response && registrationId === current.registration_id)) return invitedContactOf(current);
  await ctx.store
    .updateTable('event_invitations')
    .set({
      response,
      registration_id: registrationId,
      ...(response !== current.response ? { responded_at: ctx.now } : {}),
      modified_at: ctx.now,
    })
    .where('id', '=', invitationId)
    .execute();
  const [after] = await loadInvitationRows(ctx.store, [invitationId]);
  const data = invitedContactOf(after!);
  await ctx.recordChange('EventInvitationUpdated', { data, previousData: invitedContactOf(current) });
  return data;
}

/** Records the contact's answer from an invite link (answering again changes it). */
export function respondToInvitation(
  ctx: EventWriteContext,
  invitationId: number,
  response: 'Y' | 'N',
): Promise<InvitedContact | undefined> {
  return updateInvitation(ctx, invitationId, () => ({ response }));
}

/**
 * An invited contact registered: the invitation gets the registration id and, since
 * registering is the clearest yes there is, the response Y (docs/compatibility.md, Events).
 * An invitation already linked to a live registration keeps it; one whose registration was
 * cancelled moves to the new one.
 */
export async function linkRegistration(
  ctx: EventWriteContext,
  eventId: number,
  contactId: number,
  registrationId: number,
): Promise<void> {
  const invitation = await ctx.store
    .selectFrom('event_invitations')
    .leftJoin('event_registrations', 'event_registrations.id', 'event_invitations.registration_id')
    .select(['event_invitations.id', 'event_registrations.status'])
    .where('event_invitations.event_id', '=', eventId)
    .where('event_invitations.contact_id', '=', contactId)
    .executeTakeFirst();
  if (!invitation) return;
  const replaceable = invitation.status === null || invitation.status === RegistrationStatus.cancelled;
  await updateInvitation(ctx, invitation.id, () => (replaceable ? { response: 'Y', registrationId } : null));
}
