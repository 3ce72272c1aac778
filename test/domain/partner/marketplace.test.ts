import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { MarqueeClient } from '../../../src/client/index.js';
import { listVenue, unlistVenue } from '../../../src/domain/partner/listing.js';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from '../venue/fixtures.js';
import { addSpace, blockout, session } from '../venue/spaces-fixtures.js';

type Availability = Record<string, { isAvailable: boolean }>;
interface Item {
  id: number;
  hashId: string;
  businessName: string;
  allowsLiveBook: boolean;
  instantBookUrl: string | null;
  availability: Availability;
  primaryAddress: { city: string; stateCode: string | null };
  [field: string]: unknown;
}
interface Page {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: Item[];
}
interface Space {
  marketplaceName: string;
  maxPax: number | null;
  layouts: unknown[];
  [field: string]: unknown;
}
interface Detail extends Item {
  functionSpaces: Space[];
}

/** The keys of get-venue-list.md's example item, in its order. */
const LIST_KEYS = [
  'id', 'hashId', 'businessName', 'businessNumber', 'phone', 'fax', 'websiteAddress', 'emailAddress', 'description',
  'checkinTime', 'checkoutTime', 'childAge', 'infantAge', 'currencyCode', 'localeCode', 'timezone', 'hasSpaces',
  'hasAccommodation', 'numMeetingRooms', 'numAccommodationRooms', 'maxSpaceArea', 'totalSpaceArea', 'longitude', 'latitude',
  'primaryAddress', 'isTaxExclusive', 'allowsLiveBook', 'instantBookUrl', 'availability', 'mainImageUrl', 'detailsPageUrl',
];

// Sydney is UTC+11 in March (daylight saving): the local day 2031-03-05 is 2031-03-04T13:00Z to 2031-03-05T13:00Z.
const PERIOD = { availabilityStartDate: '2031-03-04', availabilityEndDate: '2031-03-07' };

describeEachDatabase('partner marketplace', ({ server }) => {
  let partner: MarqueeClient;
  let accountB: { accountId: number; client: MarqueeClient };
  let aListed = 0;
  let aHidden = 0;
  let bListed = 0;
  let bHidden = 0;
  let partnersOwn = 0;
  let hall = 0;
  const list = (params: Record<string, unknown> = {}) => partner.call<Page>('partner', 'getVenueList', params);
  const ids = async (params: Record<string, unknown> = {}) => (await list(params)).results.map((r) => r.id);
  const get = (id: number, params: Record<string, unknown> = {}) => partner.call<Detail>('partner', 'getVenue', { id, ...params });
  const availabilityOf = async (id: number) => (await list({ ...PERIOD, filter: { id } })).results[0]!.availability;

  before(async () => {
    const a = server().store();
    aListed = await addVenue(a, { name: 'Harbour Hall', inMarketplace: true, allowsLiveBook: true });
    aHidden = await addVenue(a, { name: 'Private Annex' });
    accountB = await server().newAccount();
    const b = server().store(accountB.accountId);
    bListed = await addVenue(b, { name: 'River Rooms', inMarketplace: true });
    bHidden = await addVenue(b, { name: 'Staff Canteen' });
    await b.updateTable('venues').set({ address_city: 'Brisbane', address_state_code: 'QLD', address_postal_code: '4000' }).where('id', '=', bListed).execute();
    hall = await addSpace(accountB.client, bListed, { name: 'Hall 1', marketplaceName: 'The River Hall', maxPax: 200 });
    await addSpace(accountB.client, bListed, { name: 'Back Room', isViewable: false });
    const created = await server().newAccount({ keyKind: 'partner' });
    partner = created.client;
    partnersOwn = await addVenue(server().store(created.accountId), { name: 'Partner Office' });
  });

  it('shows a partner the listed venues of every account, and nothing else', async () => {
    const page = await list();
    assert.deepEqual(page.meta, { totalResults: 2, start: 0, perPage: 100, count: 2 });
    assert.deepEqual(page.results.map((r) => r.id), [aListed, bListed]);
    for (const hidden of [aHidden, bHidden, partnersOwn]) assert.ok(!JSON.stringify(page).includes(`"id":${hidden},`));
    const [harbour, river] = page.results as [Item, Item];
    assert.deepEqual(Object.keys(harbour), LIST_KEYS);
    assert.equal(harbour.businessName, 'Harbour Hall');
    assert.equal(harbour.allowsLiveBook, true);
    assert.equal(harbour.instantBookUrl, `${server().url}/venue/order/start?v=${harbour.hashId}`);
    assert.deepEqual(harbour.availability, {}, 'no period asked, no availability');
    assert.equal(river.allowsLiveBook, false);
    assert.equal(river.instantBookUrl, null);
    assert.equal(river.numMeetingRooms, 2);
  });

  it('filters by live booking and address, pages like every list, and refuses unknown filters', async () => {
    assert.deepEqual(await ids({ allowsLiveBook: true }), [aListed]);
    assert.deepEqual(await ids({ allowsLiveBook: 'false' }), [bListed]);
    assert.deepEqual(await ids({ filter: { addressStateCode: 'QLD', addressCity: 'Brisbane' } }), [bListed]);
    assert.deepEqual(await ids({ filter: { addressCity: 'Sydney' } }), [aListed]);
    assert.deepEqual(await ids({ filter: { addressPostalCode: '4000' }, allowsLiveBook: true }), []);
    assert.deepEqual(await ids({ filter: { businessName__CONTAINS: 'rooms' } }), [bListed]);
    // An unlisted venue does not match its own id.
    assert.deepEqual(await ids({ filter: { id: bHidden } }), []);
    const second = await list({ start: 1, perPage: 1 });
    assert.deepEqual(second.meta, { totalResults: 2, start: 1, perPage: 1, count: 1 });
    assert.deepEqual(second.results.map((r) => r.id), [bListed]);
    await expectApiError(list({ filter: { accountId: 1 } }), 400, 23016, 'filter.accountId');
    await expectApiError(list({ allowsLiveBook: 'maybe' }), 400, 23016, 'allowsLiveBook');
  });

  it('computes availability from the spaces’ blockouts and sessions, on the venue’s clock', async () => {
    const all = (isAvailable: boolean) => ({ isAvailable });
    assert.deepEqual(await availabilityOf(bListed), { '2031-03-04': all(true), '2031-03-05': all(true), '2031-03-06': all(true), '2031-03-07': all(true) });
    // A venue without function spaces has none free.
    assert.deepEqual(Object.values(await availabilityOf(aListed)), [all(false), all(false), all(false), all(false)]);

    const b = server().store(accountB.accountId);
    // The whole local day of 2031-03-05 blocked out: no space is left that day.
    await blockout(b, bListed, hall, '2031-03-04T13:00:00Z', '2031-03-05T13:00:00Z');
    // A morning of 2031-03-06 booked: the afternoon is still free.
    await session(b, bListed, hall, '2031-03-05T22:00:00Z', '2031-03-06T01:00:00Z');
    // The whole of 2031-03-07 booked; the hidden back room is free, but partners cannot book it.
    await session(b, bListed, hall, '2031-03-06T13:00:00Z', '2031-03-07T13:00:00Z');
    const expected = { '2031-03-04': all(true), '2031-03-05': all(false), '2031-03-06': all(true), '2031-03-07': all(false) };
    assert.deepEqual(await availabilityOf(bListed), expected);
    assert.deepEqual((await get(bListed, PERIOD)).availability, expected);
  });

  it('refuses half a period, a reversed one and one longer than 31 days', async () => {
    await expectApiError(list({ availabilityStartDate: '2031-03-04' }), 400, 23016, 'availabilityEndDate');
    await expectApiError(get(bListed, { availabilityEndDate: '2031-03-04' }), 400, 23016, 'availabilityStartDate');
    await expectApiError(list({ availabilityStartDate: '2031-03-04', availabilityEndDate: '2031-03-03' }), 400, 23016, 'availabilityEndDate');
    await expectApiError(list({ availabilityStartDate: '2031-03-01', availabilityEndDate: '2031-04-01' }), 400, 23016, '31');
    await expectApiError(list({ availabilityStartDate: '2031-02-30', availabilityEndDate: '2031-03-01' }), 400, 23016, 'availabilityStartDate');
    assert.equal(Object.keys((await list({ availabilityStartDate: '2031-03-01', availabilityEndDate: '2031-03-31' })).results[0]!.availability).length, 31);
  });

  it('answers a listed venue’s public details, without what only its account sees', async () => {
    await addSpace(accountB.client, bListed, { name: 'Terrace', maxPax: 40 });
    const detail = await get(bListed);
    assert.equal(detail.id, bListed);
    assert.equal(detail.businessName, 'River Rooms');
    for (const internal of ['venueIdentifier', 'hasDistributionChannel', 'createdDate', 'accommodationSetting', 'cateringWebsiteLogo', 'mainImageUrl']) {
      assert.ok(!(internal in detail), `${internal} is not shown to partners`);
    }
    assert.deepEqual(
      detail.functionSpaces.map((s) => s.marketplaceName),
      ['The River Hall', 'Terrace'],
      'only spaces viewable on the marketplace, by their marketplace name or else their own',
    );
    assert.equal(detail.functionSpaces[0]!.maxPax, 200);
    assert.ok(!('id' in detail.functionSpaces[0]!) && !('name' in detail.functionSpaces[0]!));
    assert.deepEqual(detail.availability, {});
    assert.deepEqual(detail.reviews, []);
    const live = await get(aListed);
    assert.equal(live.instantBookUrl, `${server().url}/venue/order/start?v=${live.hashId}`);
  });

  it('answers an unlisted venue exactly as one that does not exist, and follows the listing', async () => {
    const missing = await expectApiError(get(2_000_000_000), 404, 24102);
    for (const hidden of [aHidden, bHidden, partnersOwn]) {
      const refused = await expectApiError(get(hidden, PERIOD), 404, 24102);
      assert.equal(refused.message, missing.message);
    }
    const db = server().runtime.storage.db;
    await unlistVenue(db, bListed);
    await expectApiError(get(bListed), 404, 24102);
    assert.deepEqual(await ids(), [aListed]);
    await listVenue(db, bHidden, { liveBook: true });
    assert.deepEqual(await ids(), [aListed, bHidden]);
    assert.equal((await get(bHidden)).allowsLiveBook, true);
    await unlistVenue(db, bHidden);
    await listVenue(db, bListed, { liveBook: false });
    assert.deepEqual(await ids(), [aListed, bListed]);
  });

  it('keeps account keys out of the partner namespace and partner keys in it', async () => {
    await expectApiError(server().client.call('partner', 'getVenueList', {}), 403, 23019);
    await expectApiError(accountB.client.call('partner', 'getVenue', { id: bListed }), 403, 23019);
    await expectApiError(partner.call('contact', 'getContactList', {}), 403, 23019);
    await expectApiError(partner.call('venue', 'getVenue', { id: bListed }), 403, 23019);
  });
});
