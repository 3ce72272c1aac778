/** The documented shapes of getInvitedContactList and inviteContacts. */
import { z } from 'zod';
import { INVITATION_RESPONSES } from '../codes.js';
import { int, utcTimestamp } from '../schemas.js';

export const invitedContactResult = z.strictObject({
  eventId: int(),
  contactId: int(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  response: z.enum(INVITATION_RESPONSES),
  registrationId: int().nullable(),
  modifiedDate: utcTimestamp,
});

/** invite-contacts.md: links only for the contacts that were invited. */
export const inviteContactsResult = z.strictObject({
  results: z.array(
    z.union([
      z.strictObject({ contact: int(), status: z.literal(true), inviteLinkYes: z.string(), inviteLinkNo: z.string() }),
      z.strictObject({ contact: int(), status: z.literal(false) }),
    ]),
  ),
});

export type InvitedContact = z.input<typeof invitedContactResult>;
