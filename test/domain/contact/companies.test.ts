import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { createUser } from '../../../src/auth/accounts.js';
import { parseTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import { addField, addIndustry, expectApiError, person, setCompanyModifiedAt, TIMESTAMP } from './fixtures.js';

const COMPANY_KEYS = [
  'id',
  'externalId',
  'businessName',
  'tradingName',
  'businessNumber',
  'phone',
  'otherPhone',
  'fax',
  'website',
  'email',
  'address',
  'modifiedDate',
  'primaryAccountManager',
  'secondaryAccountManager',
  'industry',
  'primaryContact',
  'isAgent',
  'parentCompanyId',
  'leftValue',
  'rightValue',
  'depth',
  'rootId',
  'commissionSpace',
  'commissionSpaceType',
  'commissionRoomHireValue',
  'commissionRoomHireType',
  'commissionFoodValue',
  'commissionFoodType',
  'commissionBeverageValue',
  'commissionBeverageType',
  'commissionAudioVisualValue',
  'commissionAudioVisualType',
  'commissionAccommodationValue',
  'commissionAccommodationType',
  'iataNumber',
  'customFields',
  'externalUrls',
];

const EMPTY_ADDRESS = {
  line1: '',
  line2: '',
  line3: '',
  line4: '',
  city: '',
  stateCode: '',
  stateName: '',
  countryCode: '',
  postalCode: '',
};

type Company = Record<string, unknown> & { id: number; modifiedDate: string };
interface Page {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: Company[];
}

describeEachDatabase('contact: companies', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  const save = (params: Record<string, unknown>) => client().call<{ id: number; success?: boolean }>('contact', 'addOrUpdateCompany', params);
  const get = (id: number) => client().call<Company>('contact', 'getCompany', { id });
  const list = (params: Record<string, unknown>) => client().call<Page>('contact', 'getCompanyList', params);
  const name = () => `Company ${randomBytes(4).toString('hex')}`;
  const countCompanies = async () =>
    Number((await store().selectFrom('companies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('getCompany returns the documented shape, field for field', async () => {
    const industryId = await addIndustry(store(), 'Hospitality & Tourism');
    const secondId = await createUser(server().runtime.storage.db, server().accountId, {
      firstName: 'Sasha',
      lastName: 'Second',
      email: 'sasha@example.com',
      isPrimary: false,
    });
    const tier = await addField(store(), 'company', 9, 'Tier', { selectValues: { gold: 'Gold', silver: 'Silver' } });
    const contact = await client().call<{ id: number }>('contact', 'addOrUpdateContact', { ...person('primary'), phone: '0455550000' });
    const created = await save({
      businessName: 'Test Venue Group',
      externalId: 'ACC-1',
      tradingName: 'Test Trading',
      businessNumber: '1234586',
      phone: '0455550000',
      otherPhone: '123456789',
      fax: '0455550125',
      website: 'www.test.com',
      email: 'company@test.com',
      address: { line1: 'Street Number', line2: 'Street Name', city: 'Gold Coast', stateCode: 'QLD', countryCode: 'AU', postalCode: '4227' },
      primaryContactId: contact.id,
      primaryAccountManagerId: server().primaryUserId,
      secondaryAccountManagerId: secondId,
      industryId,
      isAgent: 1,
      commissionSpace: 20,
      commissionSpaceType: 2,
      commissionFood: '10',
      commissionFoodType: '2',
      commissionBeverage: 30,
      commissionBeverageType: 1,
      commissionAudioVisual: 50,
      commissionAudioVisualType: 2,
      commissionAccommodation: 12.5,
      commissionAccommodationType: 1,
      iataNumber: '123456789',
      customFields: [{ fieldId: tier, value: 'Gold' }],
      externalUrls: [{ ref: 'crm', url: 'https://crm.example.com/a/1', label: 'CRM' }],
    });
    assert.deepEqual(Object.keys(created), ['success', 'id']);
    assert.equal(created.success, true);
    const company = await get(created.id);
    assert.deepEqual(Object.keys(company), COMPANY_KEYS);
    assert.match(company.modifiedDate, TIMESTAMP);
    const who = await client().contact.getContact({ id: contact.id });
    assert.deepEqual(company, {
      id: created.id,
      externalId: 'ACC-1',
      businessName: 'Test Venue Group',
      tradingName: 'Test Trading',
      businessNumber: '1234586',
      phone: '0455550000',
      otherPhone: '123456789',
      fax: '0455550125',
      website: 'www.test.com',
      email: 'company@test.com',
      address: { ...EMPTY_ADDRESS, line1: 'Street Number', line2: 'Street Name', city: 'Gold Coast', stateCode: 'QLD', countryCode: 'AU', postalCode: '4227' },
      modifiedDate: company.modifiedDate,
      primaryAccountManager: { id: server().primaryUserId, firstName: 'Pat', lastName: 'Primary', email: 'pat@example.com' },
      secondaryAccountManager: { id: secondId, firstName: 'Sasha', lastName: 'Second', email: 'sasha@example.com' },
      industry: { id: industryId, name: 'Hospitality & Tourism' },
      primaryContact: { id: contact.id, firstName: who.firstName, lastName: who.lastName, email: who.email, phone: '0455550000' },
      isAgent: true,
      parentCompanyId: null,
      leftValue: 1,
      rightValue: 2,
      depth: 0,
      rootId: created.id,
      commissionSpace: 20,
      commissionSpaceType: 2,
      commissionRoomHireValue: 20,
      commissionRoomHireType: 2,
      commissionFoodValue: 10,
      commissionFoodType: 2,
      commissionBeverageValue: 30,
      commissionBeverageType: 1,
      commissionAudioVisualValue: 50,
      commissionAudioVisualType: 2,
      commissionAccommodationValue: 12.5,
      commissionAccommodationType: 1,
      iataNumber: '123456789',
      customFields: [{ fieldId: tier, displayName: 'Tier', value: 'gold' }],
      externalUrls: [{ ref: 'crm', url: 'https://crm.example.com/a/1', label: 'CRM' }],
    });

    const updated = await save({ id: created.id, tradingName: 'Renamed Trading' });
    assert.deepEqual(updated, { id: created.id }, 'an update answers with the id only');
  });

  it('answers the documented errors, and refuses references that do not exist', async () => {
    assert.deepEqual((await client().raw('contact', 'getCompany', {})).body, {
      errorCode: 400,
      message: "'id' is required",
      specificCode: 23017,
    });
    await expectApiError(client().call('contact', 'getCompany', { id: 'six' }), 400, 23016, "'id' does not validate");
    const unknown = await client().raw('contact', 'getCompany', { id: 987654321 });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { errorCode: 404, message: 'Unable to find company', specificCode: 24153 });
    await expectApiError(save({ id: 987654321, businessName: 'x' }), 404, 24153);

    const before = await countCompanies();
    const other = await server().newAccount({ withUser: 'secondary' });
    const refused: Array<[Record<string, unknown>, number, string]> = [
      [{ tradingName: 'No name' }, 23017, "'businessName' is required"],
      [{ businessName: name(), industryId: 99999999 }, 23016, "'industryId' does not validate"],
      [{ businessName: name(), primaryAccountManagerId: 99999999 }, 23016, "'primaryAccountManagerId' does not validate"],
      [{ businessName: name(), secondaryAccountManagerId: other.userId }, 23016, "'secondaryAccountManagerId' does not validate"],
      [{ businessName: name(), primaryContactId: 99999999 }, 23016, "'primaryContactId' does not validate"],
      [{ businessName: name(), commissionSpaceType: 3 }, 23016, "'commissionSpaceType' does not validate"],
      [{ businessName: name(), commissionFood: -1 }, 23016, "'commissionFood' does not validate"],
      [{ businessName: name(), email: 'nope' }, 23016, "'email' does not validate"],
      [{ businessName: name(), address: { countryCode: 'Australia' } }, 23016, "'address.countryCode' does not validate"],
      [{ businessName: name(), address: 'Gold Coast' }, 23016, "'address' does not validate"],
      [
        { businessName: name(), primaryContactId: 1, primaryContact: person('both') },
        23016,
        "'primaryContact' does not validate",
      ],
      [{ businessName: name(), primaryContact: { firstName: 'No', lastName: 'Email' } }, 23017, "'primaryContact.email' is required"],
    ];
    for (const [params, code, message] of refused) await expectApiError(save(params), 400, code, message);
    assert.equal(await countCompanies(), before, 'no refused request wrote a company');
  });

  it('updateIfExists pairs by business name; without it a company is always added', async () => {
    const businessName = name();
    const first = await save({ businessName });
    const paired = await save({ businessName: businessName.toUpperCase(), phone: '0712345678', updateIfExists: true });
    assert.deepEqual(paired, { id: first.id });
    assert.equal((await get(first.id)).phone, '0712345678');
    const second = await save({ businessName });
    assert.notEqual(second.id, first.id);
  });

  it('creates or pairs the primary contact through addOrUpdateContact’s rules', async () => {
    const who = person('nested');
    const existing = await client().call<{ id: number }>('contact', 'addOrUpdateContact', who);
    const { id } = await save({ businessName: name(), primaryContact: { ...who, phone: '0400123123', updateIfExists: true } });
    const company = await get(id);
    assert.equal((company.primaryContact as { id: number }).id, existing.id);
    assert.equal((await client().contact.getContact({ id: existing.id })).phone, '0400123123');

    const fresh = person('nested-new');
    const second = await save({ businessName: name(), primaryContact: fresh });
    const primary = (await get(second.id)).primaryContact as { id: number; email: string };
    assert.equal(primary.email, fresh.email);
    await save({ id: second.id, primaryContactId: null });
    assert.equal((await get(second.id)).primaryContact, null);
  });

  it('replaces the address as a whole, and null clears it', async () => {
    const { id } = await save({ businessName: name(), address: { line1: '1 Sea Rd', city: 'Cairns', stateCode: 'QLD', countryCode: 'AU' } });
    await save({ id, address: { line1: '2 Hill St', city: 'Perth' } });
    assert.deepEqual((await get(id)).address, { ...EMPTY_ADDRESS, line1: '2 Hill St', city: 'Perth' });
    await save({ id, address: null });
    assert.deepEqual((await get(id)).address, EMPTY_ADDRESS);
  });

  it('validates company custom fields by type, and only company fields', async () => {
    const tier = await addField(store(), 'company', 9, 'Tier2', { selectValues: { gold: 'Gold' } });
    const employees = await addField(store(), 'company', 8, 'Employees');
    const contactField = await addField(store(), 'contact', 0, 'Contact only');
    const { id } = await save({ businessName: name(), customFields: [{ fieldId: employees, value: 250 }] });
    await expectApiError(save({ id, customFields: [{ fieldId: tier, value: 'Bronze' }] }), 400, 23016, "'customFields.0.value' does not validate");
    await expectApiError(save({ id, customFields: [{ fieldId: contactField, value: 'x' }] }), 400, 23016, "'customFields.0.fieldId'");
    await save({ id, customFields: [{ fieldId: tier, value: 'gold' }] });
    const values = (await get(id)).customFields as Array<{ fieldId: number; value: unknown }>;
    assert.deepEqual(
      values.map((v) => [v.fieldId, v.value]).sort(),
      [
        [employees, 250],
        [tier, 'gold'],
      ].sort(),
    );
  });

  it('every change moves modifiedDate; a write that changes nothing leaves it', async () => {
    const industryId = await addIndustry(store(), 'Legal');
    const { id } = await save({ businessName: name() });
    const LONG_AGO = Date.UTC(2020, 0, 1);
    for (const params of [{ phone: '0700000000' }, { industryId }, { address: { city: 'Hobart' } }, { isAgent: true }]) {
      await setCompanyModifiedAt(store(), id, LONG_AGO);
      const started = Math.floor(Date.now() / 1000) * 1000;
      await save({ id, ...params });
      assert.ok(parseTimestamp((await get(id)).modifiedDate)! >= started, JSON.stringify(params));
      await setCompanyModifiedAt(store(), id, LONG_AGO);
      await save({ id, ...params });
      assert.equal((await get(id)).modifiedDate, '2020-01-01 00:00:00 UTC', `repeating ${JSON.stringify(params)}`);
    }
  });

  it('lists companies with the documented filters, generic modifiers and pagination', async () => {
    const tag = randomBytes(4).toString('hex');
    const industryId = await addIndustry(store(), `Mining ${tag}`);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await save({
        businessName: `Filter ${tag} ${i}`,
        externalId: i === 2 ? `X-${tag}` : undefined,
        industryId: i < 3 ? industryId : undefined,
        isAgent: i === 4,
      });
      ids.push(id);
    }
    const T0 = Date.UTC(2022, 2, 3, 4, 5, 6);
    for (const [i, id] of ids.entries()) await setCompanyModifiedAt(store(), id, T0 + i * 1000);
    const found = async (filter: Record<string, unknown>) =>
      (await list({ filter: { businessName__CONTAINS: tag, ...filter } })).results.map((c) => c.id);
    assert.deepEqual(await found({}), ids);
    assert.deepEqual(await found({ externalId: `X-${tag}` }), [ids[2]]);
    assert.deepEqual(await found({ industryId }), ids.slice(0, 3));
    assert.deepEqual(await found({ isAgent: 1 }), [ids[4]]);
    assert.deepEqual(await found({ fromModifiedDate: '2022-03-03 04:05:07', toModifiedDate: '2022-03-03 04:05:09' }), ids.slice(1, 4));
    assert.deepEqual(await found({ businessName__ENDS: ' 4' }), [ids[4]]);
    const page = await list({ filter: { businessName__BEGINS: `Filter ${tag}` }, start: 3, perPage: 1 });
    assert.deepEqual(page.meta, { totalResults: 5, start: 3, perPage: 1, count: 1 });
    assert.equal(page.results[0]!.id, ids[3]);
    assert.deepEqual(Object.keys(page.results[0]!), COMPANY_KEYS);
    await expectApiError(list({ filter: { venueName: 1 } }), 400, 23016, "'filter.venueName' does not validate");
  });

  it('keeps companies inside their account', async () => {
    const { id } = await save({ businessName: name() });
    const other = await server().newAccount();
    await expectApiError(other.client.call('contact', 'getCompany', { id }), 404, 24153);
    await expectApiError(other.client.call('contact', 'addOrUpdateCompany', { id, businessName: 'Taken' }), 404, 24153);
    await expectApiError(
      other.client.call('contact', 'addOrUpdateContact', { ...person('x'), companies: [id] }),
      400,
      23016,
      'does not exist',
    );
    const theirs = await other.client.call<Page>('contact', 'getCompanyList', {});
    assert.equal(theirs.meta.totalResults, 0);
  });
});
