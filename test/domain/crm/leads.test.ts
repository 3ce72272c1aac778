import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { FieldType } from '../../../src/domain/contact/custom-fields/definitions.js';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
import { describeEachDatabase } from '../../support/suite.js';
import {
  addLeadField,
  changesSince,
  crmRefs,
  expectApiError,
  lastChangeId,
  leadRequest,
  newCompany,
  newContact,
  person,
  setModifiedAt,
  UTC_TIMESTAMP,
  type CrmRefs,
} from './fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
interface Lead {
  id: number;
  name: string;
  description: string | null;
  ownerUser: { id: number; firstName: string; lastName: string; email: string; phone: string | null } | null;
  contact: { id: number; firstName: string; lastName: string; email: string; phone: string | null } | null;
  company: { id: number; businessName: string; businessNumber: string | null; phone: string | null; email: string | null } | null;
  qualityId: number | null;
  quality: string | null;
  stageId: number | null;
  stageName: string | null;
  stageReasonId: number | null;
  stageReasonName: string | null;
  adminStatusChangedDate: string | null;
  typeId: number | null;
  type: string | null;
  subtypeId: number | null;
  sourceId: number | null;
  sourceName: string | null;
  channelId: number | null;
  channelName: string | null;
  modifiedDate: string;
  createdDate: string;
  [key: string]: unknown;
}

const LEAD_KEYS = [
  'id',
  'name',
  'description',
  'ownerUser',
  'contact',
  'company',
  'currentBookingId',
  'qualityId',
  'quality',
  'stageId',
  'stageName',
  'stageReasonId',
  'stageReasonName',
  'adminStatusChangedDate',
  'typeId',
  'type',
  'subtypeId',
  'sourceId',
  'sourceName',
  'channelId',
  'channelName',
  'leadBccEmail',
  'closedDate',
  'lostToCompetition',
  'createdDate',
  'modifiedDate',
];

describeEachDatabase('contact.addOrUpdateLead and crm.getLeadList', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  let refs: CrmRefs;
  let ownerId: number;

  const getLead = async (id: number): Promise<Lead> => {
    const page = await client().call<Page<Lead>>('crm', 'getLeadList', { filter: { id } });
    assert.equal(page.results.length, 1, `lead ${id} is listed`);
    return page.results[0]!;
  };

  before(async () => {
    refs = await crmRefs(store());
    ownerId = server().primaryUserId;
    await store().updateTable('users').set({ phone: '07 5555 0100' }).where('id', '=', ownerId).execute();
  });

  it('creates a contact lead and lists it with every documented field', async () => {
    const contactId = await newContact(client(), 'shape');
    const { success, id } = await client().call<{ success: boolean; id: number }>(
      'contact',
      'addOrUpdateLead',
      leadRequest(refs, contactId, {
        name: 'Lead Name',
        description: 'This is test description',
        qualityId: refs.quality,
        channelId: refs.channel,
        ownerUserId: ownerId,
      }),
    );
    assert.equal(success, true);
    const lead = await getLead(id);
    assert.deepEqual(Object.keys(lead), LEAD_KEYS);
    assert.equal(lead.name, 'Lead Name');
    assert.equal(lead.description, 'This is test description');
    assert.deepEqual(lead.ownerUser, { id: ownerId, firstName: 'Pat', lastName: 'Primary', email: 'pat@example.com', phone: '07 5555 0100' });
    assert.equal(lead.contact?.id, contactId);
    assert.equal(lead.company, null);
    assert.equal(lead.stageId, refs.leadStage);
    assert.match(lead.stageName ?? '', /^New /);
    assert.equal(lead.qualityId, refs.quality);
    assert.match(lead.quality ?? '', /^A-Grade/);
    assert.equal(lead.sourceId, refs.source);
    assert.match(lead.sourceName ?? '', /^Website/);
    assert.equal(lead.channelId, refs.channel);
    assert.match(lead.channelName ?? '', /^Magazine/);
    assert.equal(lead.typeId, refs.plainType);
    assert.match(lead.type ?? '', /^Association/);
    assert.equal(lead.currentBookingId, null);
    assert.equal(lead.leadBccEmail, null);
    assert.match(lead.createdDate, UTC_TIMESTAMP);
    assert.equal(lead.adminStatusChangedDate, lead.createdDate);
    const row = await store().selectFrom('crm_leads').select(['industry_id', 'venue_id']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { industry_id: refs.industry, venue_id: null });
  });

  it('owns a new lead by the key’s user unless ownerUserId says otherwise', async () => {
    const secondary = await server().newAccount({ withUser: 'secondary' });
    const theirRefs = await crmRefs(server().store(secondary.accountId));
    const contactId = await newContact(secondary.client, 'owner');
    const { id } = await secondary.client.call<{ id: number }>('contact', 'addOrUpdateLead', leadRequest(theirRefs, contactId));
    const page = await secondary.client.call<Page<Lead>>('crm', 'getLeadList', { filter: { id } });
    assert.equal(page.results[0]!.ownerUser?.id, secondary.userId);
    assert.equal(page.results[0]!.ownerUser?.firstName, 'Sam');
  });

  it('creates a company lead whose contact is one of the company’s contacts', async () => {
    const contactId = await newContact(client(), 'co');
    const companyId = await newCompany(client(), 'Acme Events', [contactId]);
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateLead', {
      ...leadRequest(refs, contactId),
      contactId: undefined,
      industryId: undefined,
      companyId,
      companyLeadContactId: contactId,
    });
    const lead = await getLead(id);
    assert.equal(lead.company?.id, companyId);
    assert.match(lead.company?.businessName ?? '', /^Acme Events/);
    assert.equal(lead.contact?.id, contactId);

    const outsider = await newContact(client(), 'outsider');
    await expectApiError(
      client().call('contact', 'addOrUpdateLead', { ...leadRequest(refs, outsider), industryId: undefined, contactId: undefined, companyId, companyLeadContactId: outsider }),
      400,
      24218,
      'does not belong to the company',
    );
    await expectApiError(
      client().call('contact', 'addOrUpdateLead', { ...leadRequest(refs, outsider), contactId: undefined, companyId }),
      400,
      23017,
      "'companyLeadContactId' is required",
    );
  });

  it('creates the nested contact and company and links them, each recorded by its own namespace', async () => {
    const who = person('nested');
    const mark = await lastChangeId(store());
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateLead', {
      name: 'Lead By API',
      company: { businessName: `Nested Business ${who.email}`, updateIfExists: true },
      contact: { ...who, updateIfExists: true },
      sourceId: refs.source,
      typeId: refs.typeWithSubtypes,
      subtypeId: refs.subtypes[1],
      stageId: refs.leadStage,
    });
    const lead = await getLead(id);
    assert.equal(lead.contact?.email, who.email);
    assert.equal(lead.subtypeId, refs.subtypes[1]);
    const contact = await client().call<{ companies: number[] }>('contact', 'getContact', { id: lead.contact!.id });
    assert.deepEqual(contact.companies, [lead.company!.id], 'the nested contact now works for the nested company');
    const subjects = (await changesSince(store(), mark)).map((c) => c.subject);
    assert.deepEqual(subjects, ['CompanyAdded', 'ContactAdded', 'ContactUpdated'], 'a lead (no venue) records no crm change');

    // The same request again pairs with the same contact and company (updateIfExists).
    const again = await client().call<{ id: number }>('contact', 'addOrUpdateLead', {
      name: 'Lead By API 2',
      company: { businessName: `Nested Business ${who.email}`, updateIfExists: true },
      contact: { ...who, updateIfExists: true },
      sourceId: refs.source,
      typeId: refs.plainType,
      stageId: refs.leadStage,
    });
    const second = await getLead(again.id);
    assert.equal(second.contact?.id, lead.contact!.id);
    assert.equal(second.company?.id, lead.company!.id);
  });

  it('writes nothing when a later check fails: the nested company is rolled back with the lead', async () => {
    const outsider = await newContact(client(), 'rollback');
    const businessName = `Rolled Back ${Date.now()}`;
    await expectApiError(
      client().call('contact', 'addOrUpdateLead', {
        ...leadRequest(refs, outsider),
        contactId: undefined,
        company: { businessName },
        companyLeadContactId: outsider,
      }),
      400,
      24218,
    );
    const found = await store().selectFrom('companies').select('id').where('business_name', '=', businessName).executeTakeFirst();
    assert.equal(found, undefined);
  });

  it('requires what a new lead needs (23017) and validates types (23016)', async () => {
    const contactId = await newContact(client(), 'required');
    for (const param of ['name', 'sourceId', 'typeId', 'stageId', 'industryId', 'contactId']) {
      await expectApiError(
        client().call('contact', 'addOrUpdateLead', { ...leadRequest(refs, contactId), [param]: undefined }),
        400,
        23017,
        `'${param}' is required`,
      );
    }
    await expectApiError(
      client().call('contact', 'addOrUpdateLead', leadRequest(refs, contactId, { typeId: refs.typeWithSubtypes })),
      400,
      23017,
      "'subtypeId' is required",
    );
    await expectApiError(client().call('contact', 'addOrUpdateLead', leadRequest(refs, contactId, { stageId: 'first' })), 400, 23016, "'stageId' does not validate");
    await expectApiError(client().call('contact', 'addOrUpdateLead', leadRequest(refs, contactId, { contact: 'Jo' })), 400, 23016);
    const nested = { ...leadRequest(refs, contactId), contactId: undefined };
    await expectApiError(
      client().call('contact', 'addOrUpdateLead', { ...nested, contact: { ...person('bad'), email: 'not-an-email' } }),
      400,
      23016,
      "'contact.email' does not validate",
    );
    await expectApiError(
      client().call('contact', 'addOrUpdateLead', { ...nested, contact: { lastName: 'Only', email: 'only@example.com' } }),
      400,
      23017,
      "'contact.firstName' is required",
    );
    await expectApiError(client().call('contact', 'addOrUpdateLead', { ...nested, contact: undefined, companyLeadContactId: contactId, company: { businessName: 'Bad Mail', email: 'nope' } }), 400, 23016, "'company.email'");
    await expectApiError(client().call('contact', 'addOrUpdateLead', { ...nested, contact: undefined, companyLeadContactId: contactId, company: {} }), 400, 23017, "'businessName' is required");
  });

  it('answers 24215 for an empty request and 24216 for an unknown lead', async () => {
    await expectApiError(client().call('contact', 'addOrUpdateLead', {}), 400, 24215, 'The request is empty');
    await expectApiError(client().call('contact', 'addOrUpdateLead', { id: 999_999, name: 'x' }), 404, 24216, 'The lead does not exist');
    const contactId = await newContact(client(), 'empty');
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateLead', leadRequest(refs, contactId));
    await expectApiError(client().call('contact', 'addOrUpdateLead', { id }), 400, 24215);
  });

  it('answers 24218 with the reason for references that do not fit', async () => {
    const contactId = await newContact(client(), 'refs');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ qualityId: 999_999 }, 'lead quality 999999 does not exist'],
      [{ sourceId: 999_999 }, 'lead source 999999 does not exist'],
      [{ channelId: 999_999 }, 'lead channel 999999 does not exist'],
      [{ industryId: 999_999 }, 'industry 999999 does not exist'],
      [{ typeId: 999_999 }, 'lead type 999999 does not exist'],
      [{ stageId: 999_999 }, 'lead stage 999999 does not exist'],
      [{ ownerUserId: 999_999 }, 'user 999999 does not exist'],
      [{ contactId: 999_999 }, 'contact 999999 does not exist'],
      [{ companyId: 999_999, companyLeadContactId: contactId }, 'company 999999 does not exist'],
      [{ stageId: refs.opportunityStage }, 'applies to opportunities'],
      [{ stageId: refs.disqualified, stageReasonId: refs.wonReasons[0] }, 'is not a reason of the lead stage'],
      [{ typeId: refs.plainType, subtypeId: refs.subtypes[0] }, 'is not a sub type'],
      [{ companyLeadContactId: contactId }, 'needs companyId or company'],
      [{ contact: person('both') }, 'either contactId or contact'],
    ];
    for (const [change, reason] of cases) {
      await expectApiError(client().call('contact', 'addOrUpdateLead', leadRequest(refs, contactId, change)), 400, 24218, reason);
    }
    const other = await server().newAccount();
    const foreignContact = await newContact(other.client, 'foreign');
    await expectApiError(
      client().call('contact', 'addOrUpdateLead', leadRequest(refs, foreignContact)),
      400,
      24218,
      'does not exist',
    );
  });

  it('moves modifiedDate and the stage date only on real changes, and keeps a reason with its stage', async () => {
    const contactId = await newContact(client(), 'update');
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateLead', leadRequest(refs, contactId));
    const old = Date.UTC(2024, 0, 1, 10, 0, 0);
    await setModifiedAt(store(), 'crm_leads', id, old);
    await store().updateTable('crm_leads').set({ admin_status_changed_at: old }).where('id', '=', id).execute();
    const lead = await getLead(id);
    await client().call('contact', 'addOrUpdateLead', { id, name: lead.name, stageId: refs.leadStage });
    assert.equal((await getLead(id)).modifiedDate, formatTimestamp(old), 'writing back what was read changes nothing');

    await client().call('contact', 'addOrUpdateLead', { id, stageId: refs.disqualified, stageReasonId: refs.disqualifiedReasons[1] });
    const moved = await getLead(id);
    assert.notEqual(moved.modifiedDate, formatTimestamp(old));
    assert.notEqual(moved.adminStatusChangedDate, formatTimestamp(old));
    assert.equal(moved.stageReasonId, refs.disqualifiedReasons[1]);
    assert.equal(moved.stageReasonName, 'Duplicate enquiry');

    await client().call('contact', 'addOrUpdateLead', { id, stageId: refs.leadStage2 });
    const next = await getLead(id);
    assert.equal(next.stageReasonId, null, 'a new stage drops the old stage’s reason');
    await client().call('contact', 'addOrUpdateLead', { id, description: null, qualityId: null, channelId: refs.channel });
    const cleared = await getLead(id);
    assert.equal(cleared.description, null);
    assert.equal(cleared.qualityId, null);
    assert.equal(cleared.channelId, refs.channel);
  });

  it('turns a company lead into a contact lead when only a contact is named', async () => {
    const contactId = await newContact(client(), 'switch');
    const companyId = await newCompany(client(), 'Switch Co', [contactId]);
    const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateLead', {
      ...leadRequest(refs, contactId),
      contactId: undefined,
      companyId,
      companyLeadContactId: contactId,
    });
    const colleague = await newContact(client(), 'colleague');
    await client().call('contact', 'addOrUpdateContact', { id: colleague, companies: [companyId] });
    await client().call('contact', 'addOrUpdateLead', { id, companyLeadContactId: colleague });
    const stillCompany = await getLead(id);
    assert.equal(stillCompany.company?.id, companyId);
    assert.equal(stillCompany.contact?.id, colleague);
    await client().call('contact', 'addOrUpdateLead', { id, contactId });
    const contactLead = await getLead(id);
    assert.equal(contactLead.company, null);
    assert.equal(contactLead.contact?.id, contactId);
  });

  it('validates lead custom fields by type and requires the required ones on a new lead', async () => {
    const budget = await addLeadField(store(), FieldType.wholeNumber, 'Estimated Budget');
    const setup = await addLeadField(store(), FieldType.singleSelect, 'Room Setup', { selectValues: { theatre: 'Theatre', banquet: 'Banquet' } });
    const contactId = await newContact(client(), 'fields');
    const { id } = await client().call<{ id: number }>(
      'contact',
      'addOrUpdateLead',
      leadRequest(refs, contactId, { customFields: [{ fieldId: budget, fieldValue: '25000' }, { fieldId: setup, value: 'Banquet' }] }),
    );
    const values = await store().selectFrom('crm_lead_custom_values').select(['field_id', 'value']).where('lead_id', '=', id).orderBy('field_id').execute();
    assert.deepEqual(values, [
      { field_id: budget, value: '25000' },
      { field_id: setup, value: '"banquet"' },
    ]);
    await setModifiedAt(store(), 'crm_leads', id, Date.UTC(2024, 0, 1));
    await client().call('contact', 'addOrUpdateLead', { id, customFields: [{ fieldId: budget, fieldValue: 30000 }] });
    assert.notEqual((await getLead(id)).modifiedDate, formatTimestamp(Date.UTC(2024, 0, 1)), 'a custom field change is a change');

    await expectApiError(
      client().call('contact', 'addOrUpdateLead', { id, customFields: [{ fieldId: budget, fieldValue: 'lots' }] }),
      400,
      23016,
      "'customFields.0.fieldValue' does not validate",
    );
    await expectApiError(client().call('contact', 'addOrUpdateLead', { id, customFields: [{ fieldId: budget }] }), 400, 23017);
    await expectApiError(
      client().call('contact', 'addOrUpdateLead', { id, customFields: [{ fieldId: 999_999, fieldValue: 1 }] }),
      400,
      24218,
      'custom field 999999 does not exist',
    );
    const required = await addLeadField(store(), FieldType.smallText, 'Event Manager', { required: true });
    await expectApiError(client().call('contact', 'addOrUpdateLead', leadRequest(refs, contactId)), 400, 24218, "'Event Manager'");
    await client().call('contact', 'addOrUpdateLead', leadRequest(refs, contactId, { customFields: [{ fieldId: required, fieldValue: 'Kim' }] }));
    await store().updateTable('crm_lead_custom_fields').set({ is_required: 0 }).where('id', '=', required).execute();
  });

  it('filters leads by modified date (inclusive, to the second) together with other filters and pagination', async () => {
    const contactId = await newContact(client(), 'sync');
    const t = Date.UTC(2025, 5, 1, 12, 0, 0);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await client().call<{ id: number }>('contact', 'addOrUpdateLead', leadRequest(refs, contactId, { name: `Sync lead ${i}` }));
      await setModifiedAt(store(), 'crm_leads', id, t + i * 1000 + 500);
      ids.push(id);
    }
    const window = await client().call<Page<Lead>>('crm', 'getLeadList', {
      filter: { fromModifiedDate: formatTimestamp(t + 1000), toModifiedDate: formatTimestamp(t + 3000, false), contactId },
    });
    assert.deepEqual(window.results.map((l) => l.id), ids.slice(1, 4), 'both ends include their whole second');
    const since = await client().call<Page<Lead>>('crm', 'getLeadList', {
      filter: { modifiedDate__GREATERTHAN: formatTimestamp(t + 3000), name__BEGINS: 'sync lead' },
      perPage: 1,
      start: 1,
    });
    assert.equal(since.meta.totalResults, 2);
    assert.deepEqual(since.meta, { totalResults: 2, start: 1, perPage: 1, count: 1 });
    assert.deepEqual(since.results.map((l) => l.id), [ids[4]]);
    await expectApiError(client().call('crm', 'getLeadList', { filter: { fromModifiedDate: 'yesterday' } }), 400, 23016);
    await expectApiError(client().call('crm', 'getLeadList', { filter: { venueId: 1 } }), 400, 23016, 'Unknown filter');
  });

  it('shows an account only its own leads', async () => {
    const other = await server().newAccount();
    const page = await other.client.call<Page<Lead>>('crm', 'getLeadList', {});
    assert.equal(page.meta.totalResults, 0);
    const mine = await store().selectFrom('crm_leads').select('id').executeTakeFirstOrThrow();
    const otherRefs = await crmRefs(server().store(other.accountId));
    const contactId = await newContact(other.client, 'tenancy');
    await expectApiError(other.client.call('contact', 'addOrUpdateLead', { id: mine.id, name: 'Mine now' }), 404, 24216);
    await other.client.call('contact', 'addOrUpdateLead', leadRequest(otherRefs, contactId));
    assert.equal((await other.client.call<Page<Lead>>('crm', 'getLeadList', {})).meta.totalResults, 1);
  });
});
