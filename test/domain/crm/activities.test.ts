import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDatabase } from '../../support/suite.js';
import {
  addOpportunity,
  changesSince,
  crmRefs,
  expectApiError,
  lastChangeId,
  leadRequest,
  newCompany,
  newContact,
  setModifiedAt,
  type CrmRefs,
} from './fixtures.js';

interface Activity {
  id: number;
  venueId: number | null;
  leadId: number | null;
  subType: number;
  purposeName: string | null;
  purposeType: number | null;
  contactId: number | null;
  companyId: number | null;
  companyContactId: number | null;
  startDatetime: string | null;
  endDatetime: string | null;
  modifiedDate: string;
  [key: string]: unknown;
}
interface Page<T> {
  meta: { totalResults: number };
  results: T[];
}

const ACTIVITY_KEYS = [
  'id',
  'venueId',
  'leadId',
  'subType',
  'name',
  'description',
  'purposeName',
  'purposeType',
  'location',
  'contactId',
  'companyId',
  'companyContactId',
  'assignedUserId',
  'assignedUserFullName',
  'assignedUserEmail',
  'startDatetime',
  'endDatetime',
  'createdDate',
  'modifiedDate',
];

describeEachDatabase('crm: activities', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  let refs: CrmRefs;
  let leadId: number;
  let opportunityId: number;
  let contactId: number;

  const getActivity = async (id: number): Promise<Activity> => {
    const [activity] = (await client().call<Page<Activity>>('crm', 'getActivityList', { filter: { id } })).results;
    assert.ok(activity, `activity ${id} is listed`);
    return activity;
  };

  before(async () => {
    refs = await crmRefs(store());
    contactId = await newContact(client(), 'activities');
    leadId = (await client().call<{ id: number }>('contact', 'addOrUpdateLead', leadRequest(refs, contactId))).id;
    opportunityId = await addOpportunity(store(), refs, 1);
  });

  it('adds the page’s example activity (capital-T date names) to an opportunity and lists every documented field', async () => {
    const mark = await lastChangeId(store());
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateActivity', {
      name: 'Test Activity API',
      venueId: 1,
      subType: 2,
      purposeId: refs.purpose,
      startDateTime: '2020-02-02 01:00:00 UTC',
      endDateTime: '2020-02-02 02:00:00 UTC',
      assignedUserId: server().primaryUserId,
      leadId: opportunityId,
      location: 'Gold Coast',
    });
    const activity = await getActivity(id);
    assert.deepEqual(Object.keys(activity), ACTIVITY_KEYS);
    assert.deepEqual([activity.venueId, activity.leadId, activity.subType], [1, opportunityId, 2]);
    assert.match(activity.purposeName ?? '', /^Site visit/);
    assert.equal(activity.purposeType, 2);
    assert.equal(activity.startDatetime, '2020-02-02 01:00:00 UTC');
    assert.equal(activity.endDatetime, '2020-02-02 02:00:00 UTC');
    assert.equal(activity.location, 'Gold Coast');
    assert.equal(activity.assignedUserFullName, 'Pat Primary');
    const changes = await changesSince(store(), mark);
    assert.deepEqual(changes.map((c) => [c.endpoint, c.subject]), [['crm', 'CrmEventActivityAdded']]);
    assert.deepEqual(changes[0]!.body, { data: activity });
    const byVenue = await client().call<Page<Activity>>('crm', 'getActivityList', { venueId: 1 });
    assert.deepEqual(byVenue.results.map((a) => a.id), [id]);
  });

  it('updates an activity (documented names), recording CrmEventActivityUpdated only on change', async () => {
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateActivity', { name: 'Call', subType: 2, contactId });
    await setModifiedAt(store(), 'crm_activities', id, Date.UTC(2024, 0, 1));
    const before = await getActivity(id);
    const mark = await lastChangeId(store());
    await client().call('crm', 'addOrUpdateActivity', { id, startDatetime: '2030-05-05 09:00:00', endDatetime: '2030-05-05 09:30:00', subType: 1 });
    await client().call('crm', 'addOrUpdateActivity', { id, subType: 1 });
    const after = await getActivity(id);
    assert.equal(after.subType, 1);
    assert.equal(after.endDatetime, '2030-05-05 09:30:00 UTC');
    const changes = await changesSince(store(), mark);
    assert.deepEqual(changes.map((c) => c.subject), ['CrmEventActivityUpdated']);
    assert.deepEqual(changes[0]!.body, { data: after, previousData: before });
    await client().call('crm', 'addOrUpdateActivity', { id, priority: 'High' });
    assert.deepEqual((await changesSince(store(), mark)).map((c) => c.subject), ['CrmEventActivityUpdated', 'CrmEventActivityUpdated'], 'priority is part of the activity even though the list does not show it');
  });

  it('belongs to the company, with the contact linked, when both are named', async () => {
    const companyId = await newCompany(client(), 'Activity Partners');
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateActivity', { name: 'Lunch', subType: 1, contactId, companyId });
    const activity = await getActivity(id);
    assert.deepEqual([activity.contactId, activity.companyId, activity.companyContactId], [null, companyId, contactId]);
    const contact = await client().call<{ companies: number[] }>('contact', 'getContact', { id: contactId });
    assert.ok(contact.companies.includes(companyId));
  });

  it('answers the page codes 24397–24404 and 23017/23016', async () => {
    const base = { name: 'Bad activity', subType: 3 };
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { ...base, leadId: 999_999 }), 404, 24397, 'The lead/opportunity does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { ...base, contactId: 999_999 }), 404, 24398, 'The contact does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { ...base, companyId: 999_999 }), 404, 24399, 'The company does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { id: 999_999, name: 'x' }), 404, 24400, 'The activity does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { ...base, purposeId: 999_999 }), 400, 24402, 'activity purpose 999999 does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { ...base, assignedUserId: 999_999 }), 400, 24402, 'user 999999');
    await expectApiError(
      client().call('crm', 'addOrUpdateActivity', { ...base, startDatetime: '2030-01-01 10:00:00', endDatetime: '2030-01-01 09:00:00' }),
      400,
      24403,
      'must not be before',
    );
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateActivity', { ...base, leadId });
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { id }), 400, 24403, 'Nothing to update');
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { ...base, leadId, companyId: 1 }), 400, 24404);
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { ...base, leadId: opportunityId }), 400, 23017, "'venueId' is required");
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { name: 'No kind' }), 400, 23017, "'subType' is required");
    await expectApiError(client().call('crm', 'addOrUpdateActivity', { ...base, subType: 4 }), 400, 23016, "'subType'");
  });

  it('shows an account only its own activities', async () => {
    const other = await server().newAccount();
    assert.equal((await other.client.call<Page<Activity>>('crm', 'getActivityList', {})).meta.totalResults, 0);
  });
});
