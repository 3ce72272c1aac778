/**
 * Requests racing for the last room leave exactly one reservation: the last room of a group,
 * and (with overrideBlockCapacity) the last room of the room type's inventory. On each database
 * from one server, and on PostgreSQL from two server processes sharing the database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { IvvyApiError, type MarqueeClient } from '../../../src/client/index.js';
import type { Scope } from '../../../src/storage/scope.js';
import { describeEachDatabase } from '../../support/suite.js';
import { describeOnTwoServers } from '../../support/two-servers.js';
import { addAccommodationBooking, addHotel, allocations, day, groupRequest, guest, roomRequest, type Hotel } from './accommodation-fixtures.js';

const ROUNDS = 4;
const RACERS = 6;

async function race(store: Scope, clients: readonly MarqueeClient[], h: Hotel): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    // Even rounds race for a group's last room; odd ones, overriding the group, for the twin's last room.
    const inventory = round % 2 === 1;
    const night = day(100 + round * 3);
    const departure = day(101 + round * 3);
    const booking = await addAccommodationBooking(store, h.venue, 3);
    const { id: group } = await clients[0]!.call<{ id: number }>(
      'venue',
      'addOrUpdateBookingAccommodation',
      groupRequest(h, booking, inventory ? h.twin : h.king, night, departure, inventory ? 0 : 1),
    );
    const outcomes = await Promise.allSettled(
      Array.from({ length: RACERS }, (_, i) =>
        clients[i % clients.length]!.call('venue', 'addOrUpdateBookingRoomReservation', {
          venueId: h.venue,
          bookingId: booking,
          mainGuest: guest(`Racer${i}`, `Round${round}`),
          rooms: [roomRequest(group, night, departure, { overrideBlockCapacity: inventory })],
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    assert.equal(won.length, 1, `round ${round}: exactly one reservation wins (${lost.map(String).join('; ')})`);
    for (const error of lost) assert.ok(error instanceof IvvyApiError && error.specificCode === 24257, `round ${round}: ${String(error)}`);
    const rows = await store.selectFrom('booking_room_reservations').select('id').where('booking_id', '=', booking).execute();
    assert.equal(rows.length, 1, `round ${round}: one reservation`);
    assert.deepEqual(await allocations(store, group), { [night]: 1 }, `round ${round}: one room held`);
  }
}

async function hotel(store: Scope, client: MarqueeClient): Promise<Hotel> {
  return addHotel(store, client, { king: 50, twin: 1 });
}

describeEachDatabase('concurrent reservations of the last room from one server', ({ server }) => {
  it('leaves exactly one reservation per contested room', async () => {
    const h = await hotel(server().store(), server().client);
    await race(server().store(), [server().client], h);
  });
});

describeOnTwoServers('concurrent reservations of the last room', 'leaves exactly one reservation per contested room', async (store, clients) => {
  const h = await hotel(store, clients[0]!);
  await race(store, clients, h);
});
