import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../../support/suite.js';
import { addField } from './fixtures.js';

describeEachDatabase('contact: custom field definitions', ({ server }) => {
  it('lists each entity’s definitions, in sort order, as a plain array', async () => {
    const other = await server().newAccount();
    const store = server().store(other.accountId);
    const multi = await addField(store, 'company', 3, 'Test Multiple', {
      sortOrder: 1,
      selectValues: { 'Test 1': 'Test 1', 'Test 2': 'Test 2' },
    });
    const birth = await addField(store, 'company', 5, 'Your Birth Date', { sortOrder: 4, isRequired: true });
    const address = await addField(store, 'company', 4, 'Accountant Address', { sortOrder: 3, isActive: false });
    const picture = await addField(store, 'company', 6, 'Profile Picture', { sortOrder: 5, fileTypes: ['images'] });
    const contactOnly = await addField(store, 'contact', 0, 'Job Title', { sortOrder: 1 });

    const company = await other.client.call('contact', 'getCompanyCustomFieldDefinition', {});
    assert.deepEqual(company, [
      {
        fieldId: multi,
        fieldType: 3,
        displayName: 'Test Multiple',
        isRequired: false,
        isActive: true,
        sortOrder: 1,
        selectValues: { 'Test 1': 'Test 1', 'Test 2': 'Test 2' },
        fileTypes: null,
      },
      {
        fieldId: address,
        fieldType: 4,
        displayName: 'Accountant Address',
        isRequired: false,
        isActive: false,
        sortOrder: 3,
        selectValues: null,
        fileTypes: null,
      },
      {
        fieldId: birth,
        fieldType: 5,
        displayName: 'Your Birth Date',
        isRequired: true,
        isActive: true,
        sortOrder: 4,
        selectValues: null,
        fileTypes: null,
      },
      {
        fieldId: picture,
        fieldType: 6,
        displayName: 'Profile Picture',
        isRequired: false,
        isActive: true,
        sortOrder: 5,
        selectValues: null,
        fileTypes: ['images'],
      },
    ]);
    const contact = await other.client.call<Array<{ fieldId: number }>>('contact', 'getCustomFieldDefinition', {});
    assert.deepEqual(
      contact.map((f) => f.fieldId),
      [contactOnly],
    );
    assert.deepEqual(await server().client.call('contact', 'getCompanyCustomFieldDefinition', {}), [], 'other accounts see none');
  });
});
