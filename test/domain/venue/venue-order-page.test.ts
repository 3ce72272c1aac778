import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fetchPage } from '../event/fixtures.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { addSpace } from './spaces-fixtures.js';

describeEachDatabase('venue instant-book page', ({ server }) => {
  it('opens from getVenue’s instantBookUrl for a venue that allows live booking, and nowhere else', async () => {
    const s = server();
    const live = await addVenue(s.store(), { name: 'Harbour Hotel', allowsLiveBook: true });
    await addSpace(s.client, live, { name: 'Ballroom', maxPax: 300, isViewable: true });
    await addSpace(s.client, live, { name: 'Back office', isViewable: false });
    const { instantBookUrl } = await s.client.call<{ instantBookUrl: string }>('venue', 'getVenue', { id: live });
    assert.ok(instantBookUrl.startsWith(`${s.url}/venue/order/start?v=`), instantBookUrl);
    const page = await fetchPage(instantBookUrl);
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Harbour Hotel<\/h1>/);
    assert.match(page.text, /Ballroom \(up to 300 guests\)/);
    assert.doesNotMatch(page.text, /Back office/);

    // A venue without live booking has no link, and its hash opens nothing.
    const closed = await addVenue(s.store(), { name: 'River Hall' });
    const detail = await s.client.call<{ instantBookUrl: string | null }>('venue', 'getVenue', { id: closed });
    assert.equal(detail.instantBookUrl, null);
    const { hash_id } = await s.store().selectFrom('venues').select('hash_id').where('id', '=', closed).executeTakeFirstOrThrow();
    assert.equal((await fetchPage(`${s.url}/venue/order/start?v=${hash_id}`)).status, 404);
    for (const bad of ['', '?v=', '?v=zz', '?v[]=1', `?v=${'a'.repeat(65)}`]) {
      assert.equal((await fetchPage(`${s.url}/venue/order/start${bad}`)).status, 404, bad);
    }
  });
});
