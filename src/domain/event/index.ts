/** The event namespace: events, invitations, registrations, attendees, programme, login tokens. */
import { getAttendee, getAttendeeList } from './attendees/actions.js';
import { addOrUpdateEvent, getEvent, getEventList } from './events/actions.js';
import { getInvitedContactList, inviteContacts } from './invitations/actions.js';
import { createLoginToken } from './login/actions.js';
import { getSessionList, getSpeakerList, getSponsorshipList } from './program/actions.js';
import { getRegistration, getRegistrationList } from './registrations/actions.js';

export const eventActions = [
  addOrUpdateEvent,
  getEventList,
  getEvent,
  getRegistration,
  getRegistrationList,
  getAttendee,
  getAttendeeList,
  getInvitedContactList,
  inviteContacts,
  getSponsorshipList,
  getSpeakerList,
  getSessionList,
  createLoginToken,
] as const;
