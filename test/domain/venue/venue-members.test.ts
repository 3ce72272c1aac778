import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue, addVenueGroup, linkToVenue } from './fixtures.js';

// getContactList / getCompanyList: venueId and venueGroupId match the contacts and companies a
// venue (or any venue of a group) deals with.
describeEachDatabase('contact and company lists by venue', ({ server }) => {
  const contacts: number[] = [];
  const companies: number[] = [];
  let group = 0;
  let harbour = 0;
  let river = 0;
  let lone = 0;

  before(async () => {
    const c = server().client;
    for (let i = 0; i < 4; i++) {
      contacts.push((await c.call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: `V${i}`, lastName: 'Member', email: `v${i}@example.com` })).id);
      companies.push((await c.call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: `Venue Co ${i}` })).id);
    }
    const store = server().store();
    group = await addVenueGroup(store, 'Harbour Collection');
    harbour = await addVenue(store, { name: 'Harbour Hotel', groupId: group });
    river = await addVenue(store, { name: 'River Hall', groupId: group });
    lone = await addVenue(store, { name: 'Lone Bistro' });
    await linkToVenue(store, harbour, { contacts: [contacts[0]!, contacts[1]!], companies: [companies[0]!] });
    await linkToVenue(store, river, { contacts: [contacts[1]!, contacts[2]!], companies: [companies[1]!, companies[2]!] });
    await linkToVenue(store, lone, { contacts: [contacts[3]!], companies: [companies[3]!] });
  });

  const ids = async (action: string, filter: Record<string, unknown>) =>
    (await server().client.call<{ results: Array<{ id: number }> }>('contact', action, { filter })).results.map((r) => r.id);

  it('filters contacts by venue and by venue group', async () => {
    assert.deepEqual(await ids('getContactList', { venueId: harbour }), [contacts[0], contacts[1]]);
    assert.deepEqual(await ids('getContactList', { venueId: lone }), [contacts[3]]);
    assert.deepEqual(await ids('getContactList', { venueGroupId: group }), [contacts[0], contacts[1], contacts[2]]);
    assert.deepEqual(await ids('getContactList', { venueId: river, lastName: 'Member' }), [contacts[1], contacts[2]]);
  });

  it('filters companies by venue and by venue group', async () => {
    assert.deepEqual(await ids('getCompanyList', { venueId: river }), [companies[1], companies[2]]);
    assert.deepEqual(await ids('getCompanyList', { venueGroupId: group }), [companies[0], companies[1], companies[2]]);
  });

  it('matches nothing for another account’s venue', async () => {
    const other = await server().newAccount();
    const theirs = await addVenue(server().store(other.accountId), { name: 'Elsewhere' });
    await linkToVenue(server().store(other.accountId), theirs, {});
    assert.deepEqual(await ids('getContactList', { venueId: theirs }), []);
    assert.deepEqual(await other.client.call<{ results: unknown[] }>('contact', 'getContactList', { filter: { venueId: harbour } }).then((r) => r.results), []);
  });
});
