import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { peak, saturated, subtract, union } from '../../../src/domain/venue/spaces/intervals.js';
import { occupySpace, releaseBookingOccupancies, releaseOccupancy, spaceConflicts } from '../../../src/domain/venue/spaces/occupancy.js';
import { occupyResource, releaseResourceOccupancy, resourceOccupancies } from '../../../src/domain/venue/spaces/resource-occupancy.js';
import { findSpaceConflict } from '../../../src/domain/venue/spaces/space-blocking.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { addResource, addSpace, blockout, session } from './spaces-fixtures.js';

const at = (text: string) => Date.parse(text);
const iv = (from: number, to: number) => ({ from, to });

describe('interval arithmetic', () => {
  it('merges, subtracts and finds where holders saturate a capacity', () => {
    assert.deepEqual(union([iv(5, 7), iv(1, 3), iv(3, 4), iv(9, 9)]), [iv(1, 4), iv(5, 7)]);
    assert.deepEqual(subtract(iv(0, 10), [iv(2, 3), iv(-5, 1), iv(8, 20)]), [iv(1, 2), iv(3, 8)]);
    assert.deepEqual(subtract(iv(0, 10), []), [iv(0, 10)]);
    // Two holders overlap on [4, 6); a holder's own overlapping intervals count once.
    assert.deepEqual(saturated([[iv(0, 6), iv(2, 5)], [iv(4, 9)]], 2), [iv(4, 6)]);
    assert.deepEqual(saturated([[iv(0, 6)], [iv(6, 9)]], 2), [], 'touching intervals do not overlap');
    assert.deepEqual(saturated([[iv(0, 6)], [iv(6, 9)]], 1), [iv(0, 9)]);
    assert.deepEqual(peak([{ ...iv(0, 5), quantity: 2 }, { ...iv(3, 8), quantity: 3 }, { ...iv(5, 9), quantity: 4 }], iv(0, 10)), { quantity: 7, at: 5 });
  });
});

describeEachDatabase('space occupancy', ({ server }) => {
  let venue = 0;
  let other = 0;
  let room1 = 0;
  let room2 = 0;
  let room3 = 0;
  let rooms12 = 0;
  let rooms23 = 0;
  let all = 0;
  let lone = 0;

  before(async () => {
    const c = server().client;
    venue = await addVenue(server().store(), { name: 'Occupancy Centre' });
    other = await addVenue(server().store(), { name: 'Elsewhere' });
    room1 = await addSpace(c, venue, { name: 'Room 1' });
    room2 = await addSpace(c, venue, { name: 'Room 2' });
    room3 = await addSpace(c, venue, { name: 'Room 3' });
    rooms12 = await addSpace(c, venue, { name: 'Rooms 1+2', partSpaceIds: [room1, room2] });
    rooms23 = await addSpace(c, venue, { name: 'Rooms 2+3', partSpaceIds: [room2, room3] });
    all = await addSpace(c, venue, { name: 'All rooms', partSpaceIds: [room1, room2, room3] });
    lone = await addSpace(c, venue, { name: 'Lone room', maxNumBookings: 2 });
  });

  const occupied = async (space: number, from: string, to: string) =>
    (await spaceConflicts(server().store(), venue, space, at(from), at(to))).map((o) => `${o.source_kind}:${o.space_id}`);

  it('finds holds of any length that overlap a window: a month-long blockout, an overnight session, one ending at its start', async () => {
    const store = server().store();
    await blockout(store, venue, room3, '2032-03-01T00:00:00Z', '2032-04-01T00:00:00Z', 'Refurbishment');
    await session(store, venue, room2, '2032-03-14T20:00:00Z', '2032-03-15T09:00:00Z');
    await session(store, venue, room2, '2032-03-14T08:00:00Z', '2032-03-15T00:00:00Z');
    const window = ['2032-03-15T00:00:00Z', '2032-03-15T06:00:00Z'] as const;
    assert.deepEqual(await occupied(room3, ...window), [`blockout:${room3}`]);
    assert.deepEqual(await occupied(room2, ...window), [`session:${room2}`], 'the session ending as the window starts does not overlap it');
    assert.deepEqual(await occupied(all, ...window), [`blockout:${room3}`, `session:${room2}`]);
    const flags = await store.selectFrom('space_occupancies').select(['space_id', 'long_hold']).where('space_id', 'in', [room2, room3]).where('held_from', '>=', at('2032-03-01T00:00:00Z')).orderBy('id').execute();
    assert.deepEqual(flags.map((f) => f.long_hold), [1, 0, 0]);
  });

  it('expands a space to itself, its parts, the combinations it belongs to and those of its parts', async () => {
    const day = '2031-01-10';
    await session(server().store(), venue, room1, `${day}T01:00:00Z`, `${day}T02:00:00Z`);
    // A booked part takes every combination containing it, and not its neighbours.
    assert.deepEqual(await occupied(room1, `${day}T00:00:00Z`, `${day}T23:00:00Z`), [`session:${room1}`]);
    assert.deepEqual(await occupied(rooms12, `${day}T00:00:00Z`, `${day}T23:00:00Z`), [`session:${room1}`]);
    assert.deepEqual(await occupied(all, `${day}T00:00:00Z`, `${day}T23:00:00Z`), [`session:${room1}`]);
    assert.deepEqual(await occupied(room2, `${day}T00:00:00Z`, `${day}T23:00:00Z`), []);
    assert.deepEqual(await occupied(rooms23, `${day}T00:00:00Z`, `${day}T23:00:00Z`), []);
    // A booked combination takes its parts and the combinations sharing a part with it.
    await blockout(server().store(), venue, rooms23, `${day}T05:00:00Z`, `${day}T06:00:00Z`);
    assert.deepEqual(await occupied(room3, `${day}T04:00:00Z`, `${day}T07:00:00Z`), [`blockout:${rooms23}`]);
    assert.deepEqual(await occupied(room2, `${day}T04:00:00Z`, `${day}T07:00:00Z`), [`blockout:${rooms23}`]);
    assert.deepEqual(await occupied(rooms12, `${day}T04:00:00Z`, `${day}T07:00:00Z`), [`blockout:${rooms23}`], 'shares Room 2');
    assert.deepEqual(await occupied(room1, `${day}T04:00:00Z`, `${day}T07:00:00Z`), []);
    // Half-open: an occupancy ending at 02:00 does not hold 02:00–03:00.
    assert.deepEqual(await occupied(rooms12, `${day}T02:00:00Z`, `${day}T03:00:00Z`), []);
  });

  it('replaces what one holder occupies, releases it, and releases a booking at once', async () => {
    const store = server().store();
    const day = '2031-02-10';
    const id = await session(store, venue, room3, `${day}T01:00:00Z`, `${day}T02:00:00Z`, { bookingId: 77 });
    await occupySpace(store, { venueId: venue, spaceId: room3, source: 'session', sourceId: id, startsAt: at(`${day}T08:00:00Z`), endsAt: at(`${day}T09:00:00Z`), bookingId: 77 }, Date.now());
    assert.deepEqual(await occupied(room3, `${day}T00:00:00Z`, `${day}T03:00:00Z`), [], 'moved away');
    assert.deepEqual(await occupied(room3, `${day}T07:00:00Z`, `${day}T10:00:00Z`), [`session:${room3}`]);
    assert.equal(await releaseOccupancy(store, 'session', id), true);
    assert.equal(await releaseOccupancy(store, 'session', id), false);
    assert.deepEqual(await occupied(room3, `${day}T07:00:00Z`, `${day}T10:00:00Z`), []);
    await session(store, venue, room3, `${day}T11:00:00Z`, `${day}T12:00:00Z`, { bookingId: 78 });
    await session(store, venue, room1, `${day}T11:00:00Z`, `${day}T12:00:00Z`, { bookingId: 78 });
    assert.equal(await releaseBookingOccupancies(store, 78), 2);
    assert.deepEqual(await occupied(all, `${day}T00:00:00Z`, `${day}T23:00:00Z`), []);
  });

  it('holds a space through set-up and take-down', async () => {
    const store = server().store();
    const day = '2031-03-10';
    await session(store, venue, room2, `${day}T10:00:00Z`, `${day}T11:00:00Z`, { setupMinutes: 60, takedownMinutes: 30 });
    assert.deepEqual(await occupied(room2, `${day}T09:30:00Z`, `${day}T09:45:00Z`), [`session:${room2}`]);
    assert.deepEqual(await occupied(room2, `${day}T11:15:00Z`, `${day}T11:20:00Z`), [`session:${room2}`]);
    assert.deepEqual(await occupied(room2, `${day}T11:30:00Z`, `${day}T12:00:00Z`), []);
  });

  it('answers a writer whether a space can be had: blockouts, other bookings, maxNumBookings, its own session excluded', async () => {
    const store = server().store();
    const day = '2031-04-10';
    const space = { id: lone, venue_id: venue, max_num_bookings: 2 };
    await session(store, venue, lone, `${day}T01:00:00Z`, `${day}T03:00:00Z`, { bookingId: 1 });
    // A second session of the same booking does not take the second place.
    await session(store, venue, lone, `${day}T02:00:00Z`, `${day}T04:00:00Z`, { bookingId: 1 });
    assert.equal(await findSpaceConflict(store, space, at(`${day}T02:00:00Z`), at(`${day}T03:00:00Z`)), null, 'one booking of two places');
    const second = await session(store, venue, lone, `${day}T02:30:00Z`, `${day}T05:00:00Z`, { bookingId: 2 });
    const full = await findSpaceConflict(store, space, at(`${day}T02:00:00Z`), at(`${day}T03:00:00Z`));
    assert.equal(full?.reason, 3);
    assert.equal(await findSpaceConflict(store, space, at(`${day}T04:00:00Z`), at(`${day}T05:00:00Z`)), null, 'only booking 2 after 04:00');
    assert.equal(
      await findSpaceConflict(store, space, at(`${day}T02:00:00Z`), at(`${day}T03:00:00Z`), { source: 'session', sourceId: second }),
      null,
      'moving booking 2’s session: booking 1 alone leaves room',
    );
    await blockout(store, venue, lone, `${day}T06:00:00Z`, `${day}T07:00:00Z`);
    assert.equal((await findSpaceConflict(store, space, at(`${day}T06:30:00Z`), at(`${day}T08:00:00Z`)))?.reason, 1);
  });

  it('refuses to record an occupancy of another venue’s space or an empty interval', async () => {
    const store = server().store();
    await assert.rejects(
      occupySpace(store, { venueId: other, spaceId: room1, source: 'session', sourceId: 5, startsAt: 0, endsAt: 1000 }, Date.now()),
      /not one of venue/,
    );
    await assert.rejects(occupySpace(store, { venueId: venue, spaceId: room1, source: 'session', sourceId: 5, startsAt: 1000, endsAt: 1000 }, Date.now()), /ends before/);
  });

  it('records and releases resource occupancies', async () => {
    const store = server().store();
    const projector = await addResource(store, venue, { name: 'Projector', quantity: 4 });
    const window = { from: at('2031-05-01T00:00:00Z'), to: at('2031-05-02T00:00:00Z') };
    await occupyResource(store, { venueId: venue, resourceId: projector, source: 'session_resource', sourceId: 1, quantity: 2, startsAt: at('2031-05-01T01:00:00Z'), endsAt: at('2031-05-01T02:00:00Z'), bookingId: 9, sessionId: 10, spaceId: room1 }, Date.now());
    await occupyResource(store, { venueId: venue, resourceId: projector, source: 'session_resource', sourceId: 1, quantity: 3, startsAt: at('2031-05-01T03:00:00Z'), endsAt: at('2031-05-01T04:00:00Z') }, Date.now());
    const rows = await resourceOccupancies(store, [projector], window);
    assert.deepEqual(rows.map((r) => [r.quantity, r.starts_at]), [[3, at('2031-05-01T03:00:00Z')]], 'the source’s second hold replaced its first');
    await assert.rejects(occupyResource(store, { venueId: other, resourceId: projector, source: 'session_resource', sourceId: 2, quantity: 1, startsAt: 0, endsAt: 1 }, Date.now()), /not one of venue/);
    assert.equal(await releaseResourceOccupancy(store, 'session_resource', 1), true);
    assert.deepEqual(await resourceOccupancies(store, [projector], window), []);
  });
});
