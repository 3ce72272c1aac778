/**
 * Every sync module, in the order a run applies them (a module after the ones it depends
 * on). A new module is one file in this folder and one line here, plus its settings in
 * config.ts.
 */
import type { SyncModule } from '../module.js';
import { attendeesModule } from './attendees.js';
import { bookingsModule } from './bookings.js';
import { companiesModule } from './companies.js';
import { contactEmailsModule } from './contact-emails.js';
import { contactsModule } from './contacts.js';
import { eventsModule } from './events.js';
import { registrationsModule } from './registrations.js';

export const MODULES: readonly SyncModule[] = [
  companiesModule,
  contactsModule,
  eventsModule,
  attendeesModule,
  registrationsModule,
  bookingsModule,
  contactEmailsModule,
];

export function findModule(name: string): SyncModule | undefined {
  return MODULES.find((m) => m.name === name);
}
