/**
 * The bookings module (quotes and bookings → deals) against a real Marquee and the HubSpot
 * double: a quote becomes a deal at the quote stage with its value, event date and contact;
 * confirming it moves the stage to won, cancelling closes it lost; a changed value or date
 * reaches the deal; unchanged bookings cost no CRM write; catering orders are not deals.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { runSync } from '../../src/sync/engine/run.js';
import type { OpenedSync } from '../../src/sync/environment.js';
import { startHubSpotDouble, type HubSpotDouble, type StoredObject } from '../doubles/hubspot/server.js';
import { describeEachDatabase } from '../support/suite.js';
import { addBooking, bookingWorld, type BookingWorld } from '../domain/venue/bookings-fixtures.js';
import { addVenueBookings } from './support/bookings.js';
import { openTestSync, syncConfig } from './support/harness.js';

const day = (raw: string | null | undefined): string | null =>
  raw ? new Date(/^\d+$/.test(raw) ? Number(raw) : raw).toISOString().slice(0, 10) : null;

describeEachDatabase('bookings module (Marquee quotes and bookings → HubSpot deals)', ({ server }) => {
  let hub: HubSpotDouble;
  let opened: OpenedSync;
  let w: BookingWorld;
  const ids = { quote: 0, hold: 0, order: 0 };

  const client = () => server().client;
  const run = () => runSync(opened.env, { trigger: 'test', reconcile: 'skip' });
  const deal = (bookingId: number): StoredObject | undefined => hub.objects('deals').find((d) => d.properties.ivvy_booking_id === String(bookingId));
  const change = (id: number, params: Record<string, unknown>) => client().call('venue', 'changeBookingStatus', { id, venueId: w.venueId, ...params });

  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 1000 });
    w = await bookingWorld(server().store(), client(), server().primaryUserId);
    ids.quote = await addBooking(client(), w, { name: 'Harbour Gala', currentStatus: 1 });
    ids.hold = await addBooking(client(), w, { name: 'Board Retreat', currentStatus: 9, dateEventStart: '2031-06-10', dateEventEnd: '2031-06-11' });
    // A catering order is neither a quote nor a booking.
    ids.order = await addBooking(client(), w, { name: 'Lunch order' });
    await server().store().updateTable('bookings').set({ current_status: 5 }).where('id', '=', ids.order).execute();
    const config = syncConfig(
      server(),
      { connector: 'hubspot', hubspot: { accessToken: hub.token, basePath: hub.url, searchRequestsPerSecond: 1000, requestsPerTenSeconds: 100_000 } },
      { profile: 'bookings', sync: { overlapSeconds: 1 }, modules: { companies: { enabled: false }, bookings: { enabled: true } } },
    );
    opened = await openTestSync(server(), config);
  });
  after(async () => {
    await opened?.close();
    await hub?.close();
  });

  it('is off by default, like the other one-way modules', () => {
    const config = syncConfig(server(), { connector: 'hubspot', hubspot: { accessToken: 'x' } });
    assert.equal(config.modules.bookings.enabled, false);
  });

  it('makes each quote a deal at its stage, with its value, event date and contact', async () => {
    const summary = await run();
    assert.equal(summary.status, 'succeeded', JSON.stringify(summary.errors));
    const quote = deal(ids.quote);
    const hold = deal(ids.hold);
    assert.ok(quote && hold, 'a deal per quote');
    assert.equal(deal(ids.order), undefined, 'no deal for a catering order');
    assert.match(quote.properties.dealname ?? '', /^Harbour Gala( \(.+\))?$/);
    assert.equal(quote.properties.dealstage, 'appointmentscheduled');
    assert.equal(hold.properties.dealstage, 'qualifiedtobuy');
    assert.equal(quote.properties.pipeline, 'default');
    assert.equal(quote.properties.amount, '0.00');
    assert.equal(day(quote.properties.closedate), '2031-05-01');
    assert.equal(day(hold.properties.closedate), '2031-06-10');
    const contact = hub.objects('contacts').find((c) => c.properties.ivvy_contact_id === String(w.contactId));
    assert.ok(contact, 'the booking contact is synced by the contacts module');
    assert.deepEqual(hub.associated('deals', quote.id, 'contacts'), [contact.id]);
  });

  it('moves the deal to won when the quote is confirmed, and sends nothing for unchanged bookings', async () => {
    const holdBefore = deal(ids.hold)!.properties.hs_lastmodifieddate;
    await change(ids.quote, { currentStatus: 3, convertedStageId: w.won, convertedStageReasonId: w.wonReason, convertedClosedDate: '2031-02-03' });
    const summary = await run();
    assert.equal(summary.status, 'succeeded', JSON.stringify(summary.errors));
    assert.equal(summary.counts['bookings/toCrm']?.updated, 1, JSON.stringify(summary.counts));
    assert.equal(summary.counts['bookings/toCrm']?.created ?? 0, 0);
    assert.equal(deal(ids.quote)!.properties.dealstage, 'closedwon');
    assert.equal(deal(ids.hold)!.properties.hs_lastmodifieddate, holdBefore, 'the untouched quote was not written');
  });

  it('keeps the value and the event date current', async () => {
    await client().call('venue', 'addItemsToBooking', {
      venueId: w.venueId,
      bookingId: ids.hold,
      items: [{ description: 'Parking', quantity: 2, salePrice: 5, salePriceHasTax: false }],
    });
    await client().call('venue', 'addOrUpdateBooking', { id: ids.hold, venueId: w.venueId, dateEventStart: '2031-07-01', dateEventEnd: '2031-07-02' });
    const summary = await run();
    assert.equal(summary.status, 'succeeded', JSON.stringify(summary.errors));
    const hold = deal(ids.hold)!;
    assert.equal(hold.properties.amount, '10.00');
    assert.equal(day(hold.properties.closedate), '2031-07-01');
    assert.equal(hold.properties.dealstage, 'qualifiedtobuy');
  });

  it('closes the deal as lost when the booking is cancelled', async () => {
    await change(ids.hold, { currentStatus: 4, cancelClosedDate: '2031-03-02', cancelStageId: w.lost, cancelReasonId: w.lostReason });
    await change(ids.quote, { currentStatus: 4, cancelClosedDate: '2031-03-02' });
    const summary = await run();
    assert.equal(summary.status, 'succeeded', JSON.stringify(summary.errors));
    assert.equal(deal(ids.hold)!.properties.dealstage, 'closedlost');
    assert.equal(deal(ids.quote)!.properties.dealstage, 'closedlost');
    assert.equal(hub.objects('deals').filter((d) => d.properties.ivvy_booking_id).length, 2, 'no deal made twice');
  });

  it('gives each status its stage (the fixture the Tryton scenario uses)', async () => {
    const made = await addVenueBookings(server(), 'stages');
    const summary = await run();
    assert.equal(summary.status, 'succeeded', JSON.stringify(summary.errors));
    assert.deepEqual(
      [made.quote, made.hold, made.tentative, made.confirmed].map((id) => deal(id)?.properties.dealstage),
      ['appointmentscheduled', 'qualifiedtobuy', 'contractsent', 'closedwon'],
    );
  });

  it('writes nothing when nothing changed', async () => {
    const summary = await run();
    const writes = Object.values(summary.counts).reduce((n, c) => n + c.created + c.updated + c.errors, 0);
    assert.equal(writes, 0, JSON.stringify(summary.counts));
  });
});
