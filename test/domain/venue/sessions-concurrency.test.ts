/**
 * Two requests for one space at one time leave exactly one session: on each database from one
 * server, and on PostgreSQL from two server processes sharing the database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { IvvyApiError, type MarqueeClient } from '../../../src/client/index.js';
import type { Scope } from '../../../src/storage/scope.js';
import { describeEachDatabase } from '../../support/suite.js';
import { describeOnTwoServers } from '../../support/two-servers.js';
import { addVenueCostCenter } from './catalog-fixtures.js';
import { addVenue } from './fixtures.js';
import { addBooking, addContact, sessionParams } from './sessions-fixtures.js';
import { addSpace } from './spaces-fixtures.js';

const ROUNDS = 6;
const RACERS = 6;

interface Arena {
  venue: number;
  room: number;
  combined: number;
  contact: number;
  food: number;
}

async function arena(store: Scope, client: MarqueeClient): Promise<Arena> {
  const venue = await addVenue(store, { name: 'Race Centre', timezone: 'Europe/London' });
  const room = await addSpace(client, venue, { name: 'Room' });
  const neighbour = await addSpace(client, venue, { name: 'Neighbour' });
  const combined = await addSpace(client, venue, { name: 'Room+Neighbour', partSpaceIds: [room, neighbour] });
  return { venue, room, combined, contact: await addContact(store), food: await addVenueCostCenter(store, venue, { name: 'Food', code: 'F' }) };
}

/**
 * Each round, RACERS bookings ask at once for the same hour (half of them for the room, half for
 * the combined space containing it); exactly one may win, the others get 24363.
 */
async function race(store: Scope, clients: readonly MarqueeClient[], a: Arena): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    const date = `2032-02-${String(round + 1).padStart(2, '0')}`;
    const bookings = await Promise.all(Array.from({ length: RACERS }, () => addBooking(store, a.venue)));
    const outcomes = await Promise.allSettled(
      bookings.map((bookingId, i) =>
        clients[i % clients.length]!.call('venue', 'addOrUpdateBookingSession', {
          ...sessionParams({ venueId: a.venue, bookingId, contactId: a.contact, spaceId: i % 2 === 0 ? a.room : a.combined, costcenterId: a.food, startDate: date, startTime: '10:00:00', endTime: '11:00:00' }),
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    assert.equal(won.length, 1, `round ${round}: exactly one session wins (${lost.map(String).join('; ')})`);
    for (const error of lost) assert.ok(error instanceof IvvyApiError && error.specificCode === 24363, `round ${round}: ${String(error)}`);
    const rows = await store.selectFrom('booking_sessions').select('id').where('booking_id', 'in', bookings).execute();
    const held = await store.selectFrom('space_occupancies').select('id').where('booking_id', 'in', bookings).execute();
    assert.deepEqual([rows.length, held.length], [1, 1], `round ${round}: one session, one hold`);
  }
}

describeEachDatabase('concurrent double-booking from one server', ({ server }) => {
  it('leaves exactly one session per contested hour', async () => {
    const a = await arena(server().store(), server().client);
    await race(server().store(), [server().client], a);
  });
});

describeOnTwoServers('concurrent double-booking', 'leaves exactly one session per contested hour', async (store, clients) => {
  const a = await arena(store, clients[0]!);
  await race(store, clients, a);
});
