import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import {
  addField,
  addGroup,
  BARE_TIMESTAMP,
  expectApiError,
  person,
  setContactModifiedAt,
  TIMESTAMP,
} from './fixtures.js';

const CONTACT_KEYS = [
  'id',
  'firstName',
  'lastName',
  'email',
  'phone',
  'status',
  'smsStatus',
  'customFields',
  'groups',
  'companies',
  'companiesData',
  'externalId',
  'modifiedDate',
  'isAnonymised',
  'externalUrls',
  'privacyConsentData',
  'eventInvitations',
  'eventRegistrations',
];

const LONG_AGO = Date.UTC(2020, 0, 1, 0, 0, 0);

describeEachDatabase('contact: getContact and addOrUpdateContact', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  const add = (params: Record<string, unknown>) => client().call<{ id: number }>('contact', 'addOrUpdateContact', params);
  const get = (id: number) => client().contact.getContact({ id });
  const countContacts = async () =>
    Number((await store().selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('getContact returns the documented shape, field for field', async () => {
    const groupId = await addGroup(store(), 'Newsletter');
    const fieldId = await addField(store(), 'contact', 0, 'Job Title');
    const company = await client().call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: 'Harbour Events Pty Ltd' });
    const who = person('shape');
    const before = Math.floor(Date.now() / 1000) * 1000;
    const { id } = await add({
      ...who,
      phone: '0455550000',
      groups: [{ groupId }],
      customFields: [{ fieldId, value: 'Events Director' }],
      companies: [company.id],
      status: 2,
      smsStatus: 4,
      externalId: '12345',
      externalUrls: [{ ref: 'crm', url: 'https://crm.example.com/c/12345', label: 'CRM record' }],
      privacyConsent: true,
    });
    const contact = await get(id);
    assert.deepEqual(Object.keys(contact), CONTACT_KEYS);
    const modified = parseTimestamp(contact.modifiedDate);
    assert.match(contact.modifiedDate, TIMESTAMP);
    assert.ok(modified !== null && modified >= before && modified <= Date.now());
    assert.match(contact.groups[0]!.joinDate, BARE_TIMESTAMP);
    assert.match(contact.privacyConsentData!.dateTime, TIMESTAMP);
    assert.deepEqual(contact, {
      id,
      firstName: who.firstName,
      lastName: who.lastName,
      email: who.email,
      phone: '0455550000',
      status: 2,
      smsStatus: 4,
      customFields: [{ fieldId, displayName: 'Job Title', value: 'Events Director' }],
      groups: [{ contactId: id, groupId, joinDate: contact.groups[0]!.joinDate }],
      companies: [company.id],
      companiesData: [{ id: company.id, businessName: 'Harbour Events Pty Ltd' }],
      externalId: '12345',
      modifiedDate: contact.modifiedDate,
      isAnonymised: false,
      externalUrls: [{ ref: 'crm', url: 'https://crm.example.com/c/12345', label: 'CRM record' }],
      privacyConsentData: { source: 5, dateTime: contact.privacyConsentData!.dateTime },
      eventInvitations: [],
      eventRegistrations: [],
    });
  });

  it('answers the documented errors for a missing, malformed and unknown id', async () => {
    const missing = await client().raw('contact', 'getContact', {});
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { errorCode: 400, message: "'id' is required", specificCode: 23017 });
    const malformed = await client().raw('contact', 'getContact', { id: 'wrong' });
    assert.equal(malformed.status, 400);
    assert.deepEqual(malformed.body, {
      errorCode: 400,
      message: "'id' does not validate",
      specificCode: 23016,
      additionalMessages: ['Value must be a whole number'],
    });
    const unknown = await client().raw('contact', 'getContact', { id: 987654321 });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { errorCode: 404, message: 'Unable to find contact', specificCode: 24096 });
    await expectApiError(add({ id: 987654321, firstName: 'Nobody' }), 404, 24096);
  });

  it('accepts the id as a numeric string, as PHP clients send it', async () => {
    const { id } = await add(person('numeric'));
    const contact = await client().call<{ id: number }>('contact', 'getContact', { id: String(id) });
    assert.equal(contact.id, id);
  });

  it('requires firstName, lastName and a valid email to create, and only accepts settable statuses', async () => {
    const who = person('required');
    const before = await countContacts();
    await expectApiError(add({ lastName: who.lastName, email: who.email }), 400, 23017, "'firstName' is required");
    await expectApiError(add({ firstName: who.firstName, email: who.email }), 400, 23017, "'lastName' is required");
    await expectApiError(add({ firstName: who.firstName, lastName: who.lastName }), 400, 23017, "'email' is required");
    await expectApiError(add({ ...who, email: 'not-an-email' }), 400, 23016, "'email' does not validate");
    await expectApiError(add({ ...who, status: 4 }), 400, 23016, "'status' does not validate");
    await expectApiError(add({ ...who, smsStatus: 5 }), 400, 23016, "'smsStatus' does not validate");
    await expectApiError(add({ ...who, firstName: '   ' }), 400, 23016, "'firstName' does not validate");
    assert.equal(await countContacts(), before, 'no refused request wrote a contact');
  });

  it('defaults a new contact to subscribed for email and sms, with nothing else set', async () => {
    const who = person('defaults');
    const { id } = await add(who);
    const contact = await get(id);
    assert.equal(contact.status, 1);
    assert.equal(contact.smsStatus, 1);
    assert.equal(contact.phone, null);
    assert.equal(contact.externalId, null);
    assert.deepEqual(contact.externalUrls, []);
    assert.equal(contact.privacyConsentData, null);
    assert.deepEqual([contact.groups, contact.companies, contact.customFields], [[], [], []]);
  });

  it('updateIfExists updates the contact with the same first name, last name and email', async () => {
    const who = person('identity');
    const { id } = await add(who);
    const same = await add({
      firstName: ` ${who.firstName.toUpperCase()} `,
      lastName: who.lastName.toLowerCase(),
      email: who.email.toUpperCase(),
      phone: '0400000001',
      updateIfExists: true,
    });
    assert.equal(same.id, id, 'the identity triple matches regardless of case and spaces');
    assert.equal((await get(id)).phone, '0400000001');

    const otherEmail = await add({ ...who, email: `other.${who.email}`, updateIfExists: true });
    assert.notEqual(otherEmail.id, id, 'a different email is a different contact');
    const withoutFlag = await add(who);
    assert.notEqual(withoutFlag.id, id, 'without updateIfExists a contact is always added');
    const again = await add({ ...who, updateIfExists: 'true' });
    assert.equal(again.id, id, 'with duplicates, the oldest contact of the triple is updated');
  });

  it('updates by id only the fields the request names (lastName also as LastName)', async () => {
    const who = person('partial');
    const { id } = await add({ ...who, phone: '0411111111', externalId: 'X-1', status: 2 });
    await add({ id, LastName: 'Renamed' });
    const contact = await get(id);
    assert.equal(contact.lastName, 'Renamed');
    assert.equal(contact.firstName, who.firstName);
    assert.equal(contact.phone, '0411111111');
    assert.equal(contact.externalId, 'X-1');
    assert.equal(contact.status, 2);
    await add({ id, phone: '', externalId: null });
    const cleared = await get(id);
    assert.equal(cleared.phone, null);
    assert.equal(cleared.externalId, null);
  });

  it('groups replaces the contact’s groups, keeping the join date of groups it stays in', async () => {
    const [g1, g2, g3] = [await addGroup(store(), 'A'), await addGroup(store(), 'B'), await addGroup(store(), 'C')];
    const { id } = await add({ ...person('groups'), groups: [{ groupId: g1 }, { groupId: g2 }] });
    await store()
      .updateTable('subscription_group_members')
      .set({ joined_at: LONG_AGO })
      .where('contact_id', '=', id)
      .execute();
    await add({ id, groups: [{ groupId: g2 }, { groupId: g3 }] });
    const contact = await get(id);
    assert.deepEqual(
      contact.groups.map((g) => g.groupId),
      [g2, g3],
    );
    assert.equal(contact.groups[0]!.joinDate, '2020-01-01 00:00:00');
    assert.notEqual(contact.groups[1]!.joinDate, '2020-01-01 00:00:00');

    await expectApiError(add({ id, groups: [{ groupId: 99999999 }] }), 400, 23016, 'subscription group 99999999 does not exist');
    assert.deepEqual(
      (await get(id)).groups.map((g) => g.groupId),
      [g2, g3],
      'a refused request changed nothing',
    );
    await add({ id, groups: [] });
    assert.deepEqual((await get(id)).groups, []);
  });

  it('companies must exist, and replace the contact’s companies', async () => {
    const a = await client().call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: 'Alpha Corp' });
    const b = await client().call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: 'Beta Corp' });
    const before = await countContacts();
    await expectApiError(add({ ...person('companies'), companies: [a.id, 99999999] }), 400, 23016, 'company 99999999 does not exist');
    assert.equal(await countContacts(), before);
    const { id } = await add({ ...person('companies'), companies: [b.id, a.id] });
    assert.deepEqual((await get(id)).companies, [a.id, b.id].sort((x, y) => x - y));
    await add({ id, companies: [b.id] });
    const contact = await get(id);
    assert.deepEqual(contact.companies, [b.id]);
    assert.deepEqual(contact.companiesData, [{ id: b.id, businessName: 'Beta Corp' }]);
  });

  it('validates custom fields by their definition’s type and stores them in the returned form', async () => {
    const s = store();
    const text = await addField(s, 'contact', 0, 'Nickname', { sortOrder: 1 });
    const select = await addField(s, 'contact', 2, 'Diet', { sortOrder: 2, selectValues: { veg: 'Vegetarian', none: 'None' } });
    const multi = await addField(s, 'contact', 3, 'Interests', { sortOrder: 3, selectValues: { a: 'Art', b: 'Books', c: 'Cars' } });
    const address = await addField(s, 'contact', 4, 'Home', { sortOrder: 4 });
    const date = await addField(s, 'contact', 5, 'Birthday', { sortOrder: 5 });
    const file = await addField(s, 'contact', 6, 'Photo', { sortOrder: 6, fileTypes: ['images'] });
    const staticText = await addField(s, 'contact', 7, 'Notice', { sortOrder: 7 });
    const number = await addField(s, 'contact', 8, 'Visits', { sortOrder: 8 });
    const inactive = await addField(s, 'contact', 0, 'Old', { isActive: false });
    const companyField = await addField(s, 'company', 0, 'Tax Number');

    const { id } = await add({
      ...person('fields'),
      customFields: [
        { fieldId: text, value: 'Lex' },
        { fieldId: select, value: 'Vegetarian' },
        { fieldId: multi, value: ['c', 'Art', 'c'] },
        { fieldId: address, value: { line1: '1 Main St', city: 'Gold Coast', stateCode: 'QLD', countryCode: 'au', postalCode: '4217' } },
        { fieldId: date, value: '1985-03-17' },
        { fieldId: file, value: 'https://files.example.com/me.JPG' },
        { fieldId: number, value: '42' },
      ],
    });
    const values = Object.fromEntries((await get(id)).customFields.map((f) => [f.fieldId, f.value]));
    assert.deepEqual(values, {
      [text]: 'Lex',
      [select]: 'veg',
      [multi]: ['c', 'a'],
      [address]: {
        line1: '1 Main St',
        line2: '',
        line3: '',
        line4: '',
        city: 'Gold Coast',
        stateCode: 'QLD',
        stateName: '',
        countryCode: 'AU',
        postalCode: '4217',
      },
      [date]: '1985-03-17 00:00:00 UTC',
      [file]: 'https://files.example.com/me.JPG',
      [number]: 42,
    });
    assert.deepEqual(
      (await get(id)).customFields.map((f) => f.displayName),
      ['Nickname', 'Diet', 'Interests', 'Home', 'Birthday', 'Photo', 'Visits'],
      'fields come in their sort order',
    );

    const refused: Array<[unknown, string, string]> = [
      [{ fieldId: select, value: 'Carnivore' }, 'customFields.0.value', 'must be one of'],
      [{ fieldId: multi, value: ['a', 'z'] }, 'customFields.0.value', 'must be one of'],
      [{ fieldId: address, value: 'not an object' }, 'customFields.0.value', 'object'],
      [{ fieldId: address, value: { countryCode: 'Australia' } }, 'customFields.0.value', 'country code'],
      [{ fieldId: date, value: '17/03/1985' }, 'customFields.0.value', 'date'],
      [{ fieldId: file, value: 'https://files.example.com/cv.pdf' }, 'customFields.0.value', 'images'],
      [{ fieldId: file, value: 'ftp://files.example.com/me.jpg' }, 'customFields.0.value', 'URL'],
      [{ fieldId: staticText, value: 'anything' }, 'customFields.0.value', 'static text'],
      [{ fieldId: number, value: '4.5' }, 'customFields.0.value', 'whole number'],
      [{ fieldId: text, value: 'x'.repeat(256) }, 'customFields.0.value', '255'],
      [{ fieldId: text, value: { nested: true } }, 'customFields.0.value', 'string'],
      [{ fieldId: inactive, value: 'x' }, 'customFields.0.fieldId', 'not active'],
      [{ fieldId: companyField, value: 'x' }, 'customFields.0.fieldId', 'does not exist'],
      [{ fieldId: 99999999, value: 'x' }, 'customFields.0.fieldId', 'does not exist'],
    ];
    for (const [entry, name, reason] of refused) {
      const error = await expectApiError(add({ id, customFields: [entry] }), 400, 23016, reason);
      assert.equal(error.message.includes(`'${name}' does not validate`), true, `${JSON.stringify(entry)}: ${error.message}`);
    }
    await expectApiError(add({ id, customFields: [{ fieldId: text }] }), 400, 23017, "'customFields.0.value' is required");
    assert.equal((await get(id)).customFields.length, 7, 'refused requests changed nothing');

    await add({ id, customFields: [{ fieldId: text, value: null }, { fieldId: multi, value: [] }, { fieldId: date, value: '' }] });
    assert.deepEqual(
      (await get(id)).customFields.map((f) => f.fieldId),
      [select, address, file, number],
      'null, [] and "" clear a field',
    );
  });

  it('externalUrls: at most three, merged by ref; a null url removes one and null removes all', async () => {
    const urls = (n: number) => Array.from({ length: n }, (_, i) => ({ ref: `r${i}`, url: `https://example.com/${i}`, label: `L${i}` }));
    await expectApiError(add({ ...person('urls'), externalUrls: urls(4) }), 400, 23016, "'externalUrls' does not validate");
    await expectApiError(
      add({ ...person('urls'), externalUrls: [{ ref: 'x', url: 'javascript:alert(1)' }] }),
      400,
      23016,
      "'externalUrls.0.url' does not validate",
    );
    const { id } = await add({ ...person('urls'), externalUrls: urls(3) });
    assert.deepEqual((await get(id)).externalUrls, urls(3));

    await add({ id, externalUrls: [{ ref: 'r1', label: 'Renamed' }] });
    assert.deepEqual((await get(id)).externalUrls[1], { ref: 'r1', url: 'https://example.com/1', label: 'Renamed' });
    await expectApiError(add({ id, externalUrls: [{ ref: 'r9', url: 'https://example.com/9' }] }), 400, 23016, 'At most 3');
    await add({ id, externalUrls: [{ ref: 'r0', url: null }, { ref: 'r9', url: 'https://example.com/9' }] });
    assert.deepEqual(
      (await get(id)).externalUrls.map((u) => u.ref),
      ['r1', 'r2', 'r9'],
    );
    await add({ id, externalUrls: null });
    assert.deepEqual((await get(id)).externalUrls, []);
  });

  it('keeps privacy consent until it is withdrawn', async () => {
    const { id } = await add({ ...person('consent'), privacyConsent: true });
    const given = (await get(id)).privacyConsentData;
    assert.equal(given?.source, 5, 'consent given through the API has source 5');
    await store().updateTable('contacts').set({ privacy_consent_at: LONG_AGO }).where('id', '=', id).execute();
    await add({ id, phone: '0499999999' });
    assert.deepEqual((await get(id)).privacyConsentData, { source: 5, dateTime: '2020-01-01 00:00:00 UTC' });
    await add({ id, privacyConsent: true });
    assert.deepEqual((await get(id)).privacyConsentData, { source: 5, dateTime: '2020-01-01 00:00:00 UTC' }, 'consent keeps its date');
    await add({ id, privacyConsent: false });
    assert.equal((await get(id)).privacyConsentData, null);
  });

  it('every change moves modifiedDate; a write that changes nothing leaves it', async () => {
    const groupId = await addGroup(store(), 'Moves');
    const fieldId = await addField(store(), 'contact', 0, 'Moves field');
    const company = await client().call<{ id: number }>('contact', 'addOrUpdateCompany', { businessName: 'Moves Inc' });
    const { id } = await add({ ...person('moves'), phone: '0411000000' });
    const changes: Array<[string, Record<string, unknown>]> = [
      ['a field', { phone: '0411000001' }],
      ['groups', { groups: [{ groupId }] }],
      ['companies', { companies: [company.id] }],
      ['custom fields', { customFields: [{ fieldId, value: 'v' }] }],
      ['external urls', { externalUrls: [{ ref: 'a', url: 'https://example.com/a' }] }],
      ['consent', { privacyConsent: true }],
    ];
    for (const [what, params] of changes) {
      await setContactModifiedAt(store(), id, LONG_AGO);
      const started = Math.floor(Date.now() / 1000) * 1000;
      await add({ id, ...params });
      const moved = parseTimestamp((await get(id)).modifiedDate)!;
      assert.ok(moved >= started, `changing ${what} moves modifiedDate`);
      await setContactModifiedAt(store(), id, LONG_AGO);
      await add({ id, ...params });
      assert.equal((await get(id)).modifiedDate, '2020-01-01 00:00:00 UTC', `repeating the ${what} change is not a change`);
    }
  });
});
