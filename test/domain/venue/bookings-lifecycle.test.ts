import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { spaceConflicts } from '../../../src/domain/venue/spaces/occupancy.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBooking, bookingRequest, bookingWorld, changesSince, lastChangeId, type BookingWorld } from './bookings-fixtures.js';
import { addVenueCostCenter } from './catalog-fixtures.js';
import { sessionParams } from './sessions-fixtures.js';
import { addSpace } from './spaces-fixtures.js';

interface Booking {
  id: number;
  currentStatus: number;
  opportunityId: number;
  convertedToTentative: string;
  convertedToConfirmed: string;
  convertedToCancelled: string;
  modifiedDate: string;
}
interface Opportunity {
  id: number;
  stageId: number | null;
  stageReasonId: number | null;
  closedDate: string | null;
  lostToCompetition: string | null;
  currentBookingId: number | null;
}
interface Log {
  refType: number;
  refId: number;
  recordedByUserId: number | null;
  noteText: string;
  createdDate: string;
}

describeEachDatabase('venue bookings: the quote-to-booking lifecycle', ({ server }) => {
  let w: BookingWorld;
  before(async () => {
    w = await bookingWorld(server().store(), server().client, server().primaryUserId);
  });

  const change = (id: number, params: Record<string, unknown>) =>
    server().client.call<{ success: boolean; id: number }>('venue', 'changeBookingStatus', { id, venueId: w.venueId, ...params });
  const booking = (id: number) => server().client.call<Booking>('venue', 'getBooking', { id });
  const opportunity = async (id: number) =>
    (await server().client.call<{ results: Opportunity[] }>('crm', 'getOpportunityList', { filter: { id } })).results[0]!;
  const changelog = async (bookingId: number) =>
    (await server().client.call<{ results: Log[] }>('venue', 'getBookingChangelogList', { venueId: w.venueId, bookingId })).results;

  it('adds a quote on a new opportunity of its own, logged and notified', async () => {
    const since = await lastChangeId(server().store());
    const id = await addBooking(server().client, w);
    const b = await booking(id);
    assert.equal(b.currentStatus, 1);
    const opp = await opportunity(b.opportunityId);
    assert.equal(opp.currentBookingId, id, 'the opportunity points at its booking');
    const changes = await changesSince(server().store(), since);
    assert.deepEqual(changes.map((c) => `${c.endpoint}:${c.subject}`), ['crm:OpportunityAdded', 'venues:BookingAdded']);
    assert.equal((changes[1]!.body.data as Booking).id, id);
    const log = await changelog(id);
    assert.equal(log.length, 1);
    assert.equal(log[0]!.recordedByUserId, null, "the suite's key has no user");
    assert.deepEqual([log[0]!.refType, log[0]!.refId], [1, id]);

    // A key bound to a user records that user.
    const other = await server().newAccount({ withUser: 'primary' });
    const ow = await bookingWorld(server().store(other.accountId), other.client, other.userId!);
    const theirs = await addBooking(other.client, ow);
    const theirLog = await other.client.call<{ results: Log[] }>('venue', 'getBookingChangelogList', { venueId: ow.venueId, bookingId: theirs });
    assert.equal(theirLog.results[0]!.recordedByUserId, other.userId);
    assert.match(theirLog.results[0]!.createdDate, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  });

  it('gives a new code to one of two concurrent bookings naming it, and refuses the other with 24297', async () => {
    const code = `RACE-${Date.now()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => server().client.call<{ id: number }>('venue', 'addOrUpdateBooking', bookingRequest(w, { code }))),
    );
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    for (const o of outcomes) {
      if (o.status === 'rejected') await expectApiError(Promise.reject(o.reason), 400, 24297, code);
    }
    const rows = await server().store().selectFrom('bookings').select('id').where('code', '=', code).execute();
    assert.equal(rows.length, 1);
  });

  it('requires convertedStageId except when cancelling, and cancelClosedDate when cancelling', async () => {
    const id = await addBooking(server().client, w);
    const e = await expectApiError(change(id, { currentStatus: 2 }), 400, 24397, 'convertedStageId');
    assert.deepEqual(e.additionalMessages, ["convertedStageId: *Value is required and can't be empty*"]);
    await expectApiError(change(id, { currentStatus: 4 }), 400, 24397, 'cancelClosedDate');
    await expectApiError(change(id, { currentStatus: 4, cancelClosedDate: '2031-01-01', convertedStageId: w.open }), 400, 24397, 'convertedStageId');
    await expectApiError(change(id, { currentStatus: 2, convertedStageId: w.open, cancelClosedDate: '2031-01-01' }), 400, 24397, 'cancelClosedDate');
    await expectApiError(change(id, { currentStatus: 2, convertedStageId: w.leadStage }), 400, 24397, 'lead stage');
    await expectApiError(change(id, { currentStatus: 2, convertedStageId: w.open, convertedStageReasonId: w.wonReason }), 400, 24397, 'convertedStageReasonId');
    await expectApiError(change(id, { currentStatus: 6, convertedStageId: w.open }), 400, 23016, 'currentStatus');
    assert.equal((await booking(id)).currentStatus, 1, 'nothing changed');
  });

  it('needs convertedClosedDate when a quote becomes a booking at a won or lost stage', async () => {
    const id = await addBooking(server().client, w);
    await expectApiError(change(id, { currentStatus: 2, convertedStageId: w.won }), 400, 24397, 'convertedClosedDate');
    // An open stage closes nothing: no date needed.
    const other = await addBooking(server().client, w);
    await change(other, { currentStatus: 9, convertedStageId: w.open, convertedStageReasonId: w.openReason });
    assert.equal((await booking(other)).currentStatus, 9);

    const since = await lastChangeId(server().store());
    await change(id, { currentStatus: 2, convertedStageId: w.won, convertedStageReasonId: w.wonReason, convertedClosedDate: '2031-02-03' });
    const b = await booking(id);
    assert.equal(b.currentStatus, 2);
    assert.notEqual(b.convertedToTentative, '');
    assert.equal(b.convertedToConfirmed, '');
    const opp = await opportunity(b.opportunityId);
    assert.deepEqual([opp.stageId, opp.stageReasonId, opp.closedDate], [w.won, w.wonReason, '2031-02-03 00:00:00 UTC']);
    const subjects = (await changesSince(server().store(), since)).map((c) => c.subject);
    assert.deepEqual(subjects, ['OpportunityUpdated', 'BookingUpdated']);
    const updated = (await changesSince(server().store(), since))[1]!.body as { data: Booking; previousData: Booking };
    assert.deepEqual([updated.previousData.currentStatus, updated.data.currentStatus], [1, 2]);

    await change(id, { currentStatus: 3, convertedStageId: w.won });
    assert.notEqual((await booking(id)).convertedToConfirmed, '');
    const log = await changelog(id);
    assert.deepEqual(log.map((l) => l.noteText).slice(1), ['Status changed from Prospective to Tentative', 'Status changed from Tentative to Confirmed']);
  });

  it('requires the marketplace regret reason for the regretted stage, and only for it', async () => {
    const id = await addBooking(server().client, w);
    await expectApiError(change(id, { currentStatus: 1, convertedStageId: w.regretted }), 400, 24397, 'marketplaceStageReasonType');
    await expectApiError(change(id, { currentStatus: 1, convertedStageId: w.open, marketplaceStageReasonType: 3 }), 400, 24397, 'regretted');
    await expectApiError(change(id, { currentStatus: 1, convertedStageId: w.regretted, marketplaceStageReasonType: 8 }), 400, 23016);
    await change(id, { currentStatus: 1, convertedStageId: w.regretted, marketplaceStageReasonType: 3 });
    const stored = await server().store().selectFrom('venue_opportunity_details').select('marketplace_stage_reason_type').where('lead_id', '=', (await booking(id)).opportunityId).executeTakeFirst();
    assert.equal(stored?.marketplace_stage_reason_type, 3);
  });

  it('cancels a quote into cancelStageId with a reason of that stage', async () => {
    const id = await addBooking(server().client, w);
    await expectApiError(change(id, { currentStatus: 4, cancelClosedDate: '2031-03-01', cancelStageId: w.lost, cancelReasonId: w.wonReason }), 400, 24397, 'cancelReasonId');
    await expectApiError(change(id, { currentStatus: 4, cancelClosedDate: '2031-03-01', cancelReasonId: w.lostReason }), 400, 24397, 'cancelStageId');
    await change(id, { currentStatus: 4, cancelClosedDate: '2031-03-01', cancelStageId: w.lost, cancelReasonId: w.lostReason, cancelLostToCompetition: 'The Grand Hotel' });
    const b = await booking(id);
    assert.equal(b.currentStatus, 4);
    assert.notEqual(b.convertedToCancelled, '');
    const opp = await opportunity(b.opportunityId);
    assert.deepEqual([opp.stageId, opp.stageReasonId, opp.closedDate, opp.lostToCompetition], [w.lost, w.lostReason, '2031-03-01 00:00:00 UTC', 'The Grand Hotel']);
    await expectApiError(change(id, { currentStatus: 2, convertedStageId: w.won }), 400, 24397, 'cancelled');
  });

  it('cancels a booking into the cancelled stage, frees its spaces, and logs who did it', async () => {
    const id = await addBooking(server().client, w, { currentStatus: 3 });
    await expectApiError(change(id, { currentStatus: 4, cancelClosedDate: '2031-03-01', cancelStageId: w.lost }), 400, 24397, 'cancelStageId');
    await expectApiError(change(id, { currentStatus: 4, cancelClosedDate: '2031-03-01', cancelReasonId: w.lostReason }), 400, 24397, 'cancelled stage');
    await expectApiError(change(id, { currentStatus: 4, cancelClosedDate: '2031-03-01', changedByUserId: 99_999_999 }), 400, 24397, 'changedByUserId');

    // A session of the booking, added as a client would, holds a space and shows on getBooking.
    const store = server().store();
    const space = await addSpace(server().client, w.venueId, { name: `Cancel Room ${id}` });
    const costCenter = await addVenueCostCenter(store, w.venueId, { name: 'Food', code: `F${id}` });
    const session = await server().client.call<{ id: number }>(
      'venue',
      'addOrUpdateBookingSession',
      sessionParams({ venueId: w.venueId, bookingId: id, contactId: w.contactId, spaceId: space, costcenterId: costCenter, startDate: '2031-05-01', startTime: '10:00', endTime: '14:00' }),
    );
    assert.deepEqual(
      ((await booking(id)) as unknown as { sessions: Array<{ id: number }> }).sessions.map((x) => x.id),
      [session.id],
    );
    // 10:00–14:00 in Brisbane (UTC+10, the world's venue) on 2031-05-01 is 00:00–04:00 UTC.
    const from = Date.parse('2031-05-01T00:00:00Z');
    const to = Date.parse('2031-05-01T04:00:00Z');
    assert.equal((await spaceConflicts(store, w.venueId, space, from, to)).length, 1);

    const other = (await server().store().selectFrom('users').select('id').where('id', '!=', server().primaryUserId).executeTakeFirst())?.id ?? server().primaryUserId;
    await change(id, { currentStatus: 4, cancelClosedDate: '2031-03-02', cancelReasonId: w.cancelledReason, changedByUserId: other });
    assert.deepEqual(await spaceConflicts(store, w.venueId, space, from, to), [], 'the space is free again');
    const b = await booking(id);
    const opp = await opportunity(b.opportunityId);
    assert.deepEqual([opp.stageId, opp.stageReasonId], [w.cancelled, w.cancelledReason]);
    const last = (await changelog(id)).at(-1)!;
    assert.equal(last.noteText, 'Status changed from Confirmed to Cancelled');
    assert.equal(last.recordedByUserId, other);
  });

  it('keeps a quote on its opportunity, checks a booking joining one, and logs updates field by field', async () => {
    const id = await addBooking(server().client, w);
    const oppId = (await booking(id)).opportunityId;
    const second = await addBooking(server().client, w, { leadId: oppId, currentStatus: 9 });
    assert.equal((await booking(second)).opportunityId, oppId);
    assert.equal((await opportunity(oppId)).currentBookingId, second);
    await expectApiError(addBooking(server().client, { ...w, venueId: w.otherVenueId }, { leadId: oppId }), 400, 24297, 'another venue');
    await expectApiError(addBooking(server().client, w, { leadId: 99_999_999 }), 400, 24297, 'leadId');
    await expectApiError(addBooking(server().client, w, { dateEventEnd: '2031-04-30' }), 400, 24297, 'dateEventEnd');
    await expectApiError(addBooking(server().client, w, { name: undefined }), 400, 23017, 'name');

    const since = await lastChangeId(server().store());
    await server().client.call('venue', 'addOrUpdateBooking', { id, venueId: w.venueId, name: 'Renamed Conference', totalAttendees: 5 });
    assert.deepEqual((await changesSince(server().store(), since)).map((c) => c.subject), ['BookingUpdated']);
    assert.equal((await changelog(id)).at(-1)!.noteText, 'Booking updated: name');
    // Writing back what is stored changes nothing and records nothing.
    const again = await lastChangeId(server().store());
    await server().client.call('venue', 'addOrUpdateBooking', { id, venueId: w.venueId, name: 'Renamed Conference' });
    assert.deepEqual(await changesSince(server().store(), again), []);
    await expectApiError(server().client.call('venue', 'addOrUpdateBooking', { id, venueId: w.otherVenueId, name: 'x' }), 404, 23026);
  });

  it('adds and updates opportunities and their notes through the crm store, and converts leads', async () => {
    const c = server().client;
    const source = (await server().store().insertInto('crm_lead_sources', { name: `Referral ${Date.now()}`, cost: 0, colour: null, description: null, is_referral: 1, default_type: null, created_at: Date.now(), modified_at: Date.now() }).returning('id').executeTakeFirstOrThrow()).id;
    const type = (await server().store().insertInto('crm_lead_types', { type: `Corporate ${Date.now()}`, created_at: Date.now(), modified_at: Date.now() }).returning('id').executeTakeFirstOrThrow()).id;
    const industry = (await server().store().insertInto('industries', { name: `Mining ${Date.now()}`, created_at: Date.now(), modified_at: Date.now() }).returning('id').executeTakeFirstOrThrow()).id;
    const base = { venueId: w.venueId, name: 'Lead By API', contactId: w.contactId, industryId: industry, typeId: type, stageId: w.open };
    await expectApiError(c.call('venue', 'addOrUpdateOpportunity', { ...base, sourceId: source }), 400, 23017, 'referralContactId');
    const { id } = await c.call<{ id: number }>('venue', 'addOrUpdateOpportunity', { ...base, sourceId: source, referralContactId: w.contactId, utmSource: 'google', closedDate: '2031-06-01' });
    const opp = await opportunity(id);
    assert.equal(opp.closedDate, '2031-06-01 00:00:00 UTC');
    await expectApiError(c.call('venue', 'addOrUpdateOpportunity', { ...base, sourceId: source, stageId: w.leadStage, referralContactId: w.contactId }), 400, 24224);
    await expectApiError(c.call('venue', 'addOrUpdateOpportunity', { id: 99_999_999, venueId: w.venueId, name: 'x' }), 404, 24222);
    await expectApiError(c.call('venue', 'addOrUpdateOpportunity', { id, venueId: w.venueId }), 400, 24221);
    await c.call('venue', 'addOrUpdateOpportunity', { id, venueId: w.venueId, name: 'Updated Name' });

    const note = await c.call<{ id: number }>('venue', 'addOrUpdateOpportunityNote', { venueId: w.venueId, leadId: id, note: 'test note' });
    await expectApiError(c.call('venue', 'addOrUpdateOpportunityNote', { venueId: w.otherVenueId, leadId: id, note: 'x' }), 404, 24441);
    await expectApiError(c.call('venue', 'addOrUpdateOpportunityNote', { venueId: 99_999_999, leadId: id, note: 'x' }), 404, 24438);
    await c.call('venue', 'addOrUpdateOpportunityNote', { id: note.id, venueId: w.venueId, note: 'changed' });

    const lead = await c.call<{ id: number }>('contact', 'addOrUpdateLead', { name: 'Plain lead', contactId: w.contactId, industryId: industry, sourceId: source, typeId: type, stageId: w.leadStage });
    await expectApiError(c.call('venue', 'convertLeadToOpportunity', {}), 400, 24227);
    await expectApiError(c.call('venue', 'convertLeadToOpportunity', { leadId: 99_999_999, venueId: w.venueId }), 404, 24228);
    const since = await lastChangeId(server().store());
    assert.deepEqual(await c.call('venue', 'convertLeadToOpportunity', { leadId: lead.id, venueId: w.venueId, stageId: w.open }), { success: true });
    assert.deepEqual((await changesSince(server().store(), since)).map((x) => x.subject), ['OpportunityAdded']);
    assert.equal((await opportunity(lead.id)).stageId, w.open);
    await expectApiError(c.call('venue', 'convertLeadToOpportunity', { leadId: lead.id, venueId: w.venueId }), 404, 24228, 'already');
  });
});
