/** The event namespace: events, invitations, registrations, attendees, programme, login tokens. */
import { defineNamespace } from '../../registry/namespace.js';
import { getAttendee, getAttendeeList } from './attendees/actions.js';
import { addOrUpdateEvent, getEvent, getEventList } from './events/actions.js';
import { getInvitedContactList, inviteContacts } from './invitations/actions.js';
import { createLoginToken } from './login/actions.js';
import { event as eventMigration } from './migrations/0005_event.js';
import { CONTACT_EVENT_TABLES, contactEventLinksMigration } from './migrations/0032_contact_event_links.js';
import { attendeesByRegistrationMigration } from './migrations/0033_attendees_by_registration.js';
import { eventRoutes } from './pages/routes.js';
import { getSessionList, getSpeakerList, getSponsorshipList } from './program/actions.js';
import { getRegistration, getRegistrationList } from './registrations/actions.js';
import { eventSeeder } from './seed.js';

export const event = defineNamespace({
  namespace: 'event',
  actions: {
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
  },
  migrations: [eventMigration, contactEventLinksMigration, attendeesByRegistrationMigration],
  seeder: eventSeeder,
  // The events side of a getContact answer (contact/event-links.ts); triggers by 0032_contact_event_links.
  versionedTables: Object.fromEntries(CONTACT_EVENT_TABLES.map((table) => [table, { key: 'id' }])),
  routes: eventRoutes,
});
