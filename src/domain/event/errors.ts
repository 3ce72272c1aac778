/**
 * The errors of the event namespace, with the specific codes each page documents. Pages that
 * document none (add-or-update-event.md, invite-contacts.md, get-invited-contact-list.md) use
 * getEvent's 24097 for a missing event (docs/compatibility.md, Events).
 */
import { ApiError } from '../../protocol/errors.js';
import { doesNotValidate } from '../../protocol/specific-codes.js';

export const EventErrors = {
  getEvent: 24097,
  createLoginTokenEvent: 24098,
  createLoginTokenFailed: 24099,
  sponsorshipEvent: 24100,
  sponsorshipNone: 24094,
  speakerEvent: 24101,
  speakerNone: 24124,
  registrationListEvent: 24206,
  registrationEvent: 24207,
  registrationInvalid: 24208,
  registrationNotFound: 24209,
  attendeeListEvent: 24210,
  attendeeEvent: 24211,
  attendeeInvalid: 24212,
  attendeeNotFound: 24213,
  sessionEvent: 24456,
} as const;

export const eventNotFound = (specificCode: number = EventErrors.getEvent, message = 'Unable to find event'): ApiError =>
  new ApiError(404, specificCode, message);

export const invalid = (name: string, reason: string): ApiError => doesNotValidate(name, [reason]);
