import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { expectApiError } from '../../support/api-error.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addVenue } from './fixtures.js';
import { changesSince, lastChangeId } from './spaces-fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
type Category = { id: number; name: string };

describeEachDatabase('venue function space categories', ({ server }) => {
  let venue = 0;
  let other = 0;
  const client = () => server().client;
  const list = (params: Record<string, unknown>) => client().call<Page<Category>>('venue', 'getFunctionSpaceCategoryList', params);
  const upsert = (params: Record<string, unknown>) => client().call<{ success: boolean; id: number }>('venue', 'addOrUpdateFunctionSpaceCategory', params);

  before(async () => {
    venue = await addVenue(server().store(), { name: 'Category Hall' });
    other = await addVenue(server().store(), { name: 'Category Annex' });
  });

  it('adds categories and lists the venue’s, paged, with the documented item', async () => {
    const mark = await lastChangeId(server().store());
    const a = await upsert({ venueId: String(venue), name: ' A Category ' });
    assert.deepEqual(Object.keys(a).sort(), ['id', 'success']);
    assert.equal(a.success, true);
    const b = await upsert({ venueId: venue, name: 'B Category' });
    await upsert({ venueId: other, name: 'A Category' });
    const page = await list({ venueId: venue });
    assert.deepEqual(page.results, [
      { id: a.id, name: 'A Category' },
      { id: b.id, name: 'B Category' },
    ]);
    assert.deepEqual(page.meta, { totalResults: 2, start: 0, perPage: 100, count: 2 });
    const second = await list({ venueId: venue, perPage: 1, start: 1 });
    assert.deepEqual(second.results, [{ id: b.id, name: 'B Category' }]);
    assert.deepEqual(second.meta, { totalResults: 2, start: 1, perPage: 1, count: 1 });
    assert.deepEqual((await list({ venueId: venue, filter: { name__BEGINS: 'b' } })).results, [{ id: b.id, name: 'B Category' }]);
    const changes = await changesSince(server().store(), mark);
    assert.deepEqual(
      changes.map((c) => c.subject),
      ['FunctionSpaceCategoryAdded', 'FunctionSpaceCategoryAdded', 'FunctionSpaceCategoryAdded'],
    );
    assert.deepEqual(changes[0]!.body, { data: { id: a.id, name: 'A Category' } });
  });

  it('renames a category, recording the item before and after, and records nothing when nothing changes', async () => {
    const { id } = await upsert({ venueId: venue, name: 'Rename me' });
    const mark = await lastChangeId(server().store());
    assert.deepEqual(await upsert({ id, name: 'Renamed' }), { success: true, id });
    assert.deepEqual(await upsert({ id, venueId: venue, name: 'Renamed' }), { success: true, id });
    const changes = await changesSince(server().store(), mark);
    assert.deepEqual(changes, [{ subject: 'FunctionSpaceCategoryUpdated', body: { data: { id, name: 'Renamed' }, previousData: { id, name: 'Rename me' } } }]);
  });

  it('refuses what the page refuses', async () => {
    const { id } = await upsert({ venueId: venue, name: 'Taken' });
    await expectApiError(upsert({ name: 'No venue' }), 400, 23017, 'venueId');
    await expectApiError(upsert({ venueId: venue }), 400, 23017, 'name');
    await expectApiError(upsert({ venueId: venue, name: '   ' }), 400, 23016, 'name');
    await expectApiError(upsert({ venueId: venue, name: 'x'.repeat(256) }), 400, 23016, 'name');
    await expectApiError(upsert({ venueId: 999_999, name: 'Nowhere' }), 404, 24102);
    await expectApiError(upsert({ venueId: venue, name: 'taken' }), 400, 24310, 'already has');
    await expectApiError(upsert({ id: 999_999, name: 'Ghost' }), 404, 24308);
    await expectApiError(upsert({ id, venueId: other, name: 'Moved' }), 404, 24308);
    await expectApiError(upsert({ id }), 400, 24311, 'Nothing to update');
    await expectApiError(list({}), 400, 23017, 'venueId');
    await expectApiError(list({ venueId: 999_999 }), 404, 24102);
    await expectApiError(list({ venueId: venue, filter: { colour: 'red' } }), 400, 23016, 'filter.colour');
    assert.equal((await list({ venueId: venue, filter: { name: 'taken' } })).results.length, 0, 'equality is exact');
  });

  it('keeps another account’s venues and categories out of reach', async () => {
    const intruder = await server().newAccount();
    const { id } = await upsert({ venueId: venue, name: 'Private' });
    await expectApiError(intruder.client.call('venue', 'getFunctionSpaceCategoryList', { venueId: venue }), 404, 24102);
    await expectApiError(intruder.client.call('venue', 'addOrUpdateFunctionSpaceCategory', { venueId: venue, name: 'Mine now' }), 404, 24102);
    await expectApiError(intruder.client.call('venue', 'addOrUpdateFunctionSpaceCategory', { id, name: 'Mine now' }), 404, 24308);
    assert.ok((await list({ venueId: venue })).results.some((c) => c.name === 'Private'));
  });
});
