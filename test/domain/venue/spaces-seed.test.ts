import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Faker, en } from '@faker-js/faker';
import type { VenueKind } from '../../../src/domain/venue/seed/types.js';
import { seedSpaces } from '../../../src/domain/venue/spaces/seed.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';

interface Page<T> {
  results: T[];
}
type Space = { id: number; name: string; partSpaceIds: number[]; layouts: unknown[] };
type Blockout = { spaceId: number; name: string; startDate: string };

const KINDS: Array<[VenueKind, string]> = [
  ['hotel', 'Australia/Sydney'],
  ['conference', 'Australia/Brisbane'],
  ['restaurant', 'Australia/Melbourne'],
];

describeEachDatabase('venue spaces seed', ({ server }) => {
  async function seeded(randomSeed: number) {
    const account = await server().newAccount({ withUser: 'primary' });
    const store = server().store(account.accountId);
    const venues = [];
    for (const [kind, timezone] of KINDS) venues.push({ id: await addVenue(store, { name: `Seeded ${kind}`, timezone }), kind, name: `Seeded ${kind}`, timezone, currency: 'AUD' });
    const faker = new Faker({ locale: [en] });
    faker.seed(randomSeed);
    const runtime = server().runtime;
    const counts = await seedSpaces({ store, faker, log: runtime.log, publicUrl: server().url, mail: { ...runtime.mail, delivers: false }, now: Date.now(), contacts: 0, venues });
    return { counts, venues, client: account.client };
  }

  it('gives each kind of venue its spaces, layouts, resources and blockouts, the same for the same seed', async () => {
    const { counts, venues, client } = await seeded(7);
    assert.deepEqual(counts, { functionSpaceCategories: 7, functionSpaces: 16, functionSpaceLayouts: 60, resources: 18, spaceBlockouts: 8 });
    const spaces = async (venueId: number) => (await client.call<Page<Space>>('venue', 'getFunctionSpaceList', { venueId })).results;
    const [hotel, conference, restaurant] = await Promise.all(venues.map((v) => spaces(v.id)));
    const byName = (list: Space[]) => new Map(list.map((s) => [s.name, s]));
    const centre = byName(conference!);
    assert.deepEqual(centre.get('Great Hall')!.partSpaceIds, ['Hall A', 'Hall B', 'Hall C'].map((n) => centre.get(n)!.id));
    assert.deepEqual(centre.get('Meeting Rooms 1 & 2')!.partSpaceIds, ['Meeting Room 1', 'Meeting Room 2'].map((n) => centre.get(n)!.id));
    const hotelSpaces = byName(hotel!);
    assert.deepEqual(hotelSpaces.get('Grand Ballroom')!.partSpaceIds, ['Ballroom 1', 'Ballroom 2', 'Ballroom 3'].map((n) => hotelSpaces.get(n)!.id));
    assert.deepEqual(restaurant!.map((s) => s.name), ['Private Dining Room', 'Courtyard']);
    assert.ok([...hotel!, ...conference!, ...restaurant!].every((s) => s.layouts.length > 0));

    // The carpet replacement of Hall B takes the Great Hall with it, with no blockout of its own.
    const blockouts = (await client.call<Page<Blockout>>('venue', 'getSpaceBlockoutList', { venueId: venues[1]!.id })).results;
    const carpet = blockouts.find((b) => b.name === 'Carpet replacement')!;
    assert.equal(carpet.spaceId, centre.get('Hall B')!.id);
    const slots = await client.call<{ availability: Array<{ spaceId: number; timeSlots: unknown[] }> }>('venue', 'getFunctionSpaceAvailability', {
      venueId: venues[1]!.id,
      startDate: carpet.startDate,
      endDate: carpet.startDate,
      spaceIds: [centre.get('Great Hall')!.id, centre.get('Hall A')!.id],
    });
    const day = carpet.startDate;
    assert.deepEqual(slots.availability, [
      { spaceId: centre.get('Hall A')!.id, timeSlots: [{ date: day, startTime: '00:00:00', endTime: '23:59:59' }] },
      { spaceId: centre.get('Great Hall')!.id, timeSlots: [{ date: day, startTime: '00:00:00', endTime: '06:00:00' }] },
    ]);

    const resources = await client.call<Page<{ name: string; quantity: number | null }>>('venue', 'getResourceList', { venueId: venues[0]!.id });
    assert.ok(resources.results.some((r) => r.name === 'Wireless microphone' && r.quantity === 12));
    const venue = await client.call<{ numMeetingRooms: number; totalSpaceArea: number; maxSpaceCapacity: number }>('venue', 'getVenue', { id: venues[1]!.id });
    assert.deepEqual([venue.numMeetingRooms, venue.totalSpaceArea, venue.maxSpaceCapacity], [8, 3210, 3500]);

    const again = await seeded(7);
    const names = async (s: { venues: Array<{ id: number }>; client: typeof client }) =>
      (await s.client.call<Page<Blockout>>('venue', 'getSpaceBlockoutList', {})).results.map((b) => `${b.name} ${b.startDate}`);
    assert.deepEqual(await names(again), await names({ venues, client }), 'same seed, same blockouts');
  });
});
