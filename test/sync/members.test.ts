/** A campaign member's fields from its invitation and attendee rows (modules/attendees.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memberFields } from '../../src/sync/modules/attendees.js';

const invitation = (response: 'U' | 'Y' | 'N') => ({ eventId: 1, contactId: 7, email: 'Ada@Example.com', response, modifiedDate: '2026-03-01 10:00:00 UTC' });
const attendee = (registrationStatus: number, extra: Record<string, unknown> = {}) => ({
  id: 1,
  registrationStatus,
  contactId: 7,
  email: 'ada@example.com',
  hasAttended: false,
  sessionHasAttended: false,
  attendedDatetime: null,
  sessionAttendedTimestamp: null,
  createdDate: '2026-03-02 09:00:00 UTC',
  modifiedDate: '2026-03-02 09:00:00 UTC',
  ...extra,
});
const member = (inv: ReturnType<typeof invitation> | null, attendees: Array<ReturnType<typeof attendee>>) =>
  memberFields({ eventId: 1, contactId: 7, invitation: inv, attendees });

describe('campaign member fields', () => {
  it('keeps the invitation answer; a yes counts as registered and a no as cancelled, undecided as nothing', () => {
    assert.deepEqual(member(invitation('U'), []).fields, {
      email: 'ada@example.com',
      invitation: 'U',
      registered: null,
      cancelled: null,
      attended: null,
      sessionAttended: null,
      participation: null,
      participatedAt: null,
    });
    const yes = member(invitation('Y'), []);
    assert.equal(yes.fields.participation, 'registered');
    assert.equal(yes.fields.participatedAt, '2026-03-01T10:00:00Z');
    assert.equal(yes.fields.registered, null, 'a yes is not a registration');
    assert.equal(member(invitation('N'), []).fields.participation, 'cancelled');
  });

  it('registers on a Completed or Payment Waiting registration, invited or not, and not while in progress', () => {
    for (const status of [2, 4]) {
      const m = member(null, [attendee(status)]);
      assert.equal(m.fields.registered, 'yes');
      assert.equal(m.fields.participation, 'registered');
      assert.equal(m.fields.invitation, null, 'never invited');
      assert.equal(m.fields.participatedAt, '2026-03-02T09:00:00Z');
    }
    const started = member(invitation('U'), [attendee(1)]);
    assert.equal(started.fields.registered, null);
    assert.equal(started.fields.participation, null);
  });

  it('is cancelled when every registration is, even after a yes', () => {
    const m = member(invitation('Y'), [attendee(3, { modifiedDate: '2026-03-05 08:00:00 UTC' })]);
    assert.equal(m.fields.cancelled, 'yes');
    assert.equal(m.fields.participation, 'cancelled');
    assert.equal(m.fields.participatedAt, '2026-03-05T08:00:00Z');
    assert.equal(m.modifiedAt, Date.UTC(2026, 2, 5, 8));
    // One live registration beside a cancelled one: registered.
    assert.equal(member(null, [attendee(3), attendee(2)]).fields.cancelled, null);
  });

  it('has attended when the attendee checked in to the event or to a session', () => {
    const event = member(invitation('Y'), [attendee(2, { hasAttended: true, attendedDatetime: '2026-04-01 09:05:00 UTC' })]);
    assert.deepEqual([event.fields.attended, event.fields.sessionAttended, event.fields.participation], ['yes', null, 'attended']);
    assert.equal(event.fields.participatedAt, '2026-04-01T09:05:00Z');
    const session = member(null, [attendee(2, { sessionHasAttended: true, sessionAttendedTimestamp: '2026-04-01 11:00:00 UTC' })]);
    assert.deepEqual([session.fields.attended, session.fields.sessionAttended, session.fields.participation], [null, 'yes', 'attended']);
  });
});
