import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createClient } from '../../../src/client/index.js';
import { seedAccount } from '../../../src/seed/seed.js';
import { describeEachDatabase } from '../../support/suite.js';
import type { Page } from './rooms-fixtures.js';

type Group = { id: number; bookingId: number; roomId: number; startDate: string; endDate: string; dayRates: Array<{ bookingDate: string; numRooms: number }> };
type Reservation = { id: number; bookingId: number; reference: number; currentStatus: number; rooms: Array<{ currentStatus: number; groupId: number; guest: { guestContact: { id: number } } }> };

describeEachDatabase('venue accommodation: seed data', ({ server }) => {
  it('gives the hotel groups on holding bookings, their rooms allocated, and reservations in every status', async () => {
    const account = await server().newAccount({ withUser: 'primary' });
    const client = createClient({ url: server().url, key: account.key, secret: account.secret, retries: 2, backoffMs: 10 });
    const totals = await seedAccount(server().runtime, { accountId: account.accountId, contacts: 20, randomSeed: 11 });
    assert.deepEqual([totals.accommodationGroups, totals.roomReservations], [3, 5]);
    const store = server().store(account.accountId);
    const call = <T>(action: string, params: Record<string, unknown>) => client.call<T>('venue', action, params);

    const groupRows = await store.selectFrom('booking_accommodations').select(['venue_id', 'booking_id']).orderBy('id').execute();
    const hotel = groupRows[0]!.venue_id;
    const bookings = await store.selectFrom('bookings').select(['id', 'current_status', 'is_accomm_included']).where('id', 'in', groupRows.map((g) => g.booking_id)).orderBy('id').execute();
    assert.deepEqual(bookings.map((b) => b.current_status).sort(), [2, 3, 9]);
    assert.ok(bookings.every((b) => b.is_accomm_included === 1));

    // Every answer is checked against its result schema by the harness.
    for (const b of bookings) {
      const [group] = (await call<Page<Group>>('getBookingAccommodationList', { venueId: hotel, bookingId: b.id })).results;
      const held = await store.selectFrom('venue_room_allocations').select(['night', 'rooms']).where('source', '=', 'booking-accommodation').where('source_id', '=', group!.id).orderBy('night').execute();
      assert.deepEqual(held, group!.dayRates.map((d) => ({ night: d.bookingDate, rooms: d.numRooms })), 'a holding booking allocates its group');
    }
    const reservations = (await call<Page<Reservation>>('getBookingRoomReservationList', { venueId: hotel })).results;
    assert.deepEqual(reservations.map((r) => r.currentStatus).sort(), [1, 2, 3, 4, 5]);
    assert.deepEqual(reservations.map((r) => r.reference), [1, 2, 3, 4, 5]);
    for (const r of reservations) {
      assert.deepEqual(r.rooms.map((room) => room.currentStatus), [r.currentStatus]);
      const contact = await store.selectFrom('contacts').select('id').where('id', '=', r.rooms[0]!.guest.guestContact.id).executeTakeFirst();
      assert.ok(contact, 'guests are contacts of the account');
    }
    // The seeded data takes the API's own rules: a reservation moves on from where it was seeded.
    const notConfirmed = reservations.find((r) => r.currentStatus === 1)!;
    const hotelBooking = notConfirmed.bookingId;
    assert.deepEqual(await call('confirmBookingRoomReservation', { venueId: hotel, bookingId: hotelBooking, id: notConfirmed.id }), { success: true, errorType: null });
    assert.deepEqual(await store.selectFrom('changes').select('subject').where('subject', '=', 'BookingAdded').execute(), [], 'seed data is not a change');
  });
});
