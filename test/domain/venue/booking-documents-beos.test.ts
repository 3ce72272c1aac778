import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { BEO_STATUS, generateBookingBeo, type BeoOptions } from '../../../src/domain/venue/booking-documents/beos.js';
import { createActionContext, internalCaller } from '../../../src/registry/context.js';
import { assertPdfStructure, pdfText } from '../invoice/pdf-text.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addBooking, bookingWorld, changesSince, lastChangeId, type BookingWorld } from './bookings-fixtures.js';
import { addVenueCostCenter } from './catalog-fixtures.js';
import { sessionParams } from './sessions-fixtures.js';
import { addSpace } from './spaces-fixtures.js';

interface Beo {
  id: number;
  bookingId: number;
  beoType: number;
  beoNumber: number;
  version: number;
  versionNote: string;
  status: number;
  templateName: string;
  createdBy: number | null;
  file: { url: string; urlExpiry: string; filename: string } | null;
}
interface Page<T> {
  meta: { totalResults: number };
  results: T[];
}

describeEachDatabase('venue booking documents: BEOs', ({ server }) => {
  let w: BookingWorld;
  let bookingId: number;
  before(async () => {
    w = await bookingWorld(server().store(), server().client, server().primaryUserId);
    bookingId = await addBooking(server().client, w, { currentStatus: 3, name: 'Harbour Gala' });
    const space = await addSpace(server().client, w.venueId, { name: 'Grand Ballroom' });
    const costCenter = await addVenueCostCenter(server().store(), w.venueId, { name: 'Food', code: `F${bookingId}` });
    await server().client.call(
      'venue',
      'addOrUpdateBookingSession',
      sessionParams({ venueId: w.venueId, bookingId, contactId: w.contactId, spaceId: space, costcenterId: costCenter, startDate: '2031-05-01', startTime: '18:00', endTime: '23:00', name: 'Gala Dinner' }),
    );
  });

  /** What the seed and tools do: generate a BEO inside a write of the account. */
  const generate = (id: number, options: BeoOptions = {}) =>
    server()
      .store()
      .transaction((tx) => generateBookingBeo(createActionContext(server().runtime, tx, internalCaller(server().accountId)), id, options));
  const beos = (action: string, params: Record<string, unknown> = {}) => server().client.call<Page<Beo>>('venue', action, { venueId: w.venueId, bookingId, ...params });

  it("generates a Booking BEO from the booking's sessions, as a PDF behind a working link", async () => {
    const mark = await lastChangeId(server().store());
    const row = await generate(bookingId);
    const [beo] = (await beos('getBookingBeoList')).results;
    assert.ok(beo);
    assert.deepEqual(
      [beo.id, beo.beoType, beo.beoNumber, beo.version, beo.status, beo.templateName, beo.versionNote],
      [row.id, 3, row.beo_number, 1, 4, 'Generic Venue Booking BEO', ''],
    );
    assert.equal(beo.file?.filename, `BEO ${row.beo_number}-1 - Harbour Gala.pdf`);
    const res = await fetch(beo.file!.url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
    const pdf = Buffer.from(await res.arrayBuffer());
    assertPdfStructure(pdf);
    const text = pdfText(pdf).join('');
    for (const shown of ['Harbour Gala', 'Gala Dinner', 'Grand Ballroom', '2031-05-01 18:00:00', 'Australia/Brisbane']) {
      assert.ok(text.includes(shown), `the BEO shows ${shown}: ${text}`);
    }
    const changes = (await changesSince(server().store(), mark)).filter((c) => c.subject === 'BookingBeoGenerated');
    assert.equal(changes.length, 1);
    assert.equal((changes[0]!.body.data as Beo).id, row.id);
  });

  it('lists the latest version of each BEO, every version on request, and shows them on getBooking', async () => {
    const first = await generate(bookingId);
    const second = await generate(bookingId, { beoNumber: first.beo_number, versionNote: 'Menu changed', status: BEO_STATUS.finalised });
    assert.deepEqual([second.beo_number, second.version], [first.beo_number, 2]);
    const versions = await beos('getBookingBeoVersionList', { beoNumber: first.beo_number });
    assert.deepEqual(versions.results.map((b) => [b.id, b.version, b.versionNote, b.status]), [
      [first.id, 1, '', 4],
      [second.id, 2, 'Menu changed', 9],
    ]);
    const latest = await beos('getBookingBeoList');
    assert.ok(latest.results.some((b) => b.id === second.id));
    assert.ok(!latest.results.some((b) => b.id === first.id), 'an older version is not listed');

    const booking = await server().client.call<{ beoNumbers: string[]; isBeoFinalised: boolean; beoFinalisedDate: string }>('venue', 'getBooking', { id: bookingId });
    assert.ok(booking.beoNumbers.includes(`${first.beo_number}-2`), JSON.stringify(booking.beoNumbers));
    assert.equal(booking.isBeoFinalised, false, 'the first BEO of the booking is not finalised');

    const solo = await addBooking(server().client, w);
    const only = await generate(solo);
    await generate(solo, { beoNumber: only.beo_number, status: BEO_STATUS.finalised });
    const finalised = await server().client.call<{ beoNumbers: string[]; isBeoFinalised: boolean; beoFinalisedDate: string }>('venue', 'getBooking', { id: solo });
    assert.deepEqual(finalised.beoNumbers, [`${only.beo_number}-2`]);
    assert.equal(finalised.isBeoFinalised, true);
    assert.match(finalised.beoFinalisedDate, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    await assert.rejects(generate(solo, { beoNumber: first.beo_number }), /has no BEO/, "a BEO number of another booking is not this booking's");
  });

  it('keeps BEOs to their account and booking', async () => {
    const stranger = await server().newAccount();
    await expectApiError(stranger.client.call('venue', 'getBookingBeoList', { venueId: w.venueId, bookingId }), 404, 23026);
    await expectApiError(stranger.client.call('venue', 'getBookingBeoVersionList', { bookingId }), 404, 23026);
    await expectApiError(server().client.call('venue', 'getBookingBeoList', { venueId: w.otherVenueId, bookingId }), 404, 23026);
    const empty = await addBooking(server().client, w);
    assert.deepEqual((await beos('getBookingBeoList', { bookingId: empty })).results, []);
  });
});
