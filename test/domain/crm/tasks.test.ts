import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { formatTimestamp } from '../../../src/protocol/timestamp.js';
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

interface Task {
  id: number;
  venueId: number | null;
  leadId: number | null;
  contactId: number | null;
  companyId: number | null;
  companyContactId: number | null;
  status: number;
  priority: string | null;
  assignedUserId: number | null;
  assignedUserFullName: string | null;
  assignedUserEmail: string | null;
  endDatetime: string;
  modifiedDate: string;
  [key: string]: unknown;
}
interface Page<T> {
  meta: { totalResults: number };
  results: T[];
}

const TASK_KEYS = [
  'id',
  'venueId',
  'bookingId',
  'leadId',
  'name',
  'description',
  'status',
  'contactId',
  'companyId',
  'companyContactId',
  'assignedUserId',
  'assignedUserFullName',
  'assignedUserEmail',
  'priority',
  'endDatetime',
  'progress',
  'createdDate',
  'modifiedDate',
];

describeEachDatabase('crm: tasks', ({ server }) => {
  const client = () => server().client;
  const store = () => server().store();
  let refs: CrmRefs;
  let leadId: number;
  let opportunityId: number;
  let contactId: number;
  let companyId: number;

  const getTask = async (id: number): Promise<Task> => {
    const [task] = (await client().call<Page<Task>>('crm', 'getTaskList', { filter: { id } })).results;
    assert.ok(task, `task ${id} is listed`);
    return task;
  };

  before(async () => {
    refs = await crmRefs(store());
    contactId = await newContact(client(), 'tasks');
    leadId = (await client().call<{ id: number }>('contact', 'addOrUpdateLead', leadRequest(refs, contactId))).id;
    opportunityId = await addOpportunity(store(), refs, 9);
    companyId = await newCompany(client(), 'Task Force');
  });

  it('adds a task to a lead and lists it with every documented field', async () => {
    const mark = await lastChangeId(store());
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateTask', {
      name: 'Test Task API',
      endDatetime: '2021-11-01 17:00:00',
      status: 1,
      assignedUserId: server().primaryUserId,
      leadId,
      priority: 'HIGH',
      description: '<p>this is description</p> ',
    });
    const task = await getTask(id);
    assert.deepEqual(Object.keys(task), TASK_KEYS);
    assert.equal(task.leadId, leadId);
    assert.equal(task.venueId, null);
    assert.equal(task.status, 1);
    assert.equal(task.priority, 'high');
    assert.equal(task.endDatetime, '2021-11-01 17:00:00 UTC');
    assert.equal(task.assignedUserFullName, 'Pat Primary');
    assert.equal(task.assignedUserEmail, 'pat@example.com');
    assert.equal(task.description, '<p>this is description</p>');
    assert.equal(task.progress, 0);
    const changes = await changesSince(store(), mark);
    assert.deepEqual(changes.map((c) => [c.endpoint, c.subject]), [['crm', 'CrmEventTaskAdded']]);
    assert.deepEqual(changes[0]!.body, { data: task });
  });

  it('needs the venue of an opportunity, and only that venue', async () => {
    const base = { name: 'Opportunity task', endDatetime: '2030-01-01 09:00:00', leadId: opportunityId };
    await expectApiError(client().call('crm', 'addOrUpdateTask', base), 400, 23017, "'venueId' is required");
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, venueId: 8 }), 404, 24389);
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateTask', { ...base, venueId: 9 });
    assert.equal((await getTask(id)).venueId, 9);
    await expectApiError(client().call('crm', 'addOrUpdateTask', { id, venueId: 8 }), 404, 24389);
    const byVenue = await client().call<Page<Task>>('crm', 'getTaskList', { venueId: '9' });
    assert.deepEqual(byVenue.results.map((t) => t.id), [id]);
  });

  it('links a contact to the company when a task names both, and belongs to the company', async () => {
    const colleague = await newContact(client(), 'task-colleague');
    const mark = await lastChangeId(store());
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateTask', {
      name: 'Call about catering',
      endDatetime: '2030-02-01 10:00:00',
      contactId: colleague,
      companyId,
    });
    const task = await getTask(id);
    assert.deepEqual([task.contactId, task.companyId, task.companyContactId, task.leadId], [null, companyId, colleague, null]);
    const contact = await client().call<{ companies: number[] }>('contact', 'getContact', { id: colleague });
    assert.deepEqual(contact.companies, [companyId]);
    assert.deepEqual((await changesSince(store(), mark)).map((c) => c.subject), ['ContactUpdated', 'CrmEventTaskAdded']);
  });

  it('updates a task, recording CrmEventTaskUpdated with the shape before and after, and nothing for no change', async () => {
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateTask', { name: 'Follow up', endDatetime: '2030-03-01 10:00:00', contactId });
    await setModifiedAt(store(), 'crm_tasks', id, Date.UTC(2024, 0, 1));
    const before = await getTask(id);
    const mark = await lastChangeId(store());
    await client().call('crm', 'addOrUpdateTask', { id, status: 4, priority: 'low' });
    const after = await getTask(id);
    assert.equal(after.status, 4);
    assert.notEqual(after.modifiedDate, before.modifiedDate);
    await client().call('crm', 'addOrUpdateTask', { id, status: 4 });
    const changes = await changesSince(store(), mark);
    assert.deepEqual(changes.map((c) => c.subject), ['CrmEventTaskUpdated']);
    assert.deepEqual(changes[0]!.body, { data: after, previousData: before });
    // Moving the task to a company replaces its owner.
    await client().call('crm', 'addOrUpdateTask', { id, companyId });
    const moved = await getTask(id);
    assert.deepEqual([moved.contactId, moved.companyId], [null, companyId]);
  });

  it('answers the page codes 24389–24396 and 23017/23016', async () => {
    const base = { name: 'Bad task', endDatetime: '2030-01-01 09:00:00' };
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, leadId: 999_999 }), 404, 24389, 'The lead/opportunity does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, contactId: 999_999 }), 404, 24390, 'The contact does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, companyId: 999_999 }), 404, 24391, 'The company does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateTask', { id: 999_999, name: 'x' }), 404, 24392, 'The task does not exist');
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, assignedUserId: 999_999 }), 400, 24394, 'user 999999 does not exist');
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateTask', base);
    await expectApiError(client().call('crm', 'addOrUpdateTask', { id }), 400, 24395, 'Nothing to update');
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, leadId, contactId }), 400, 24396, 'only belongs to either');
    await expectApiError(client().call('crm', 'addOrUpdateTask', { name: 'No due date' }), 400, 23017, "'endDatetime' is required");
    await expectApiError(client().call('crm', 'addOrUpdateTask', { endDatetime: '2030-01-01 09:00:00' }), 400, 23017, "'name' is required");
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, status: 7 }), 400, 23016, "'status'");
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, priority: 'urgent' }), 400, 23016, "'priority'");
    await expectApiError(client().call('crm', 'addOrUpdateTask', { ...base, endDatetime: 'tomorrow' }), 400, 23016, "'endDatetime'");
  });

  it('filters tasks by fields and modified date; another account sees none of them', async () => {
    const t = Date.UTC(2025, 8, 9, 10, 11, 12);
    const { id } = await client().call<{ id: number }>('crm', 'addOrUpdateTask', { name: 'Dated', endDatetime: '2031-01-01 00:00:00', status: 2 });
    await setModifiedAt(store(), 'crm_tasks', id, t + 400);
    const page = await client().call<Page<Task>>('crm', 'getTaskList', {
      filter: { status: 2, fromModifiedDate: formatTimestamp(t), toModifiedDate: formatTimestamp(t) },
    });
    assert.deepEqual(page.results.map((task) => task.id), [id]);
    const due = await client().call<Page<Task>>('crm', 'getTaskList', { filter: { endDatetime__GREATERTHAN: '2031-01-01 00:00:00' } });
    assert.ok(due.results.some((task) => task.id === id));
    const other = await server().newAccount();
    assert.equal((await other.client.call<Page<Task>>('crm', 'getTaskList', {})).meta.totalResults, 0);
    await expectApiError(other.client.call('crm', 'addOrUpdateTask', { id, status: 4 }), 404, 24392);
    await expectApiError(other.client.call('crm', 'addOrUpdateTask', { name: 'x', endDatetime: '2030-01-01 00:00:00', leadId }), 404, 24389);
  });
});
