/**
 * getTaskList and addOrUpdateTask. A task belongs to a lead/opportunity, a contact or a
 * company (crm/owners.ts), or only to a venue. Changes are recorded as CrmEventTaskAdded /
 * CrmEventTaskUpdated with the getTaskList item (crm-endpoint.md); an update that changes
 * nothing records nothing and keeps modifiedDate.
 */
import type { Updateable } from 'kysely';
import { z } from 'zod';
import { isRequired } from '../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { collection, id, intEnum, string, text, timestamp } from '../../../registry/params.js';
import { userExists } from '../../account/users-store.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { guardWrite, invalid, notFound, rejected, TASK_CODES } from '../errors.js';
import { applyOwner, planOwner } from '../owners.js';
import { priority } from '../priority.js';
import { updateRecorded } from '../recorded-update.js';
import { upserted, upsertResult } from '../schemas.js';
import type { CrmTasksTable } from '../tables.js';
import { findTask, joinTaskRefs, selectTask, TASK_STATUSES, taskResult, taskShape, type TaskRow } from './store.js';

export const getTaskList = defineListAction({
  namespace: 'crm',
  action: 'getTaskList',
  params: { ...collection, venueId: id().optional() },
  filters: {
    id: { column: 'crm_tasks.id', type: 'integer' },
    venueId: { column: 'crm_tasks.venue_id', type: 'integer' },
    bookingId: { column: 'crm_tasks.booking_id', type: 'integer' },
    leadId: { column: 'crm_tasks.lead_id', type: 'integer' },
    name: { column: 'crm_tasks.name', type: 'string' },
    description: { column: 'crm_tasks.description', type: 'string' },
    status: { column: 'crm_tasks.status', type: 'integer' },
    contactId: { column: 'crm_tasks.contact_id', type: 'integer' },
    companyId: { column: 'crm_tasks.company_id', type: 'integer' },
    companyContactId: { column: 'crm_tasks.company_contact_id', type: 'integer' },
    assignedUserId: { column: 'crm_tasks.assigned_user_id', type: 'integer' },
    priority: { column: 'crm_tasks.priority', type: 'string' },
    endDatetime: { column: 'crm_tasks.due_at', type: 'timestamp' },
    progress: { column: 'crm_tasks.progress', type: 'integer' },
    createdDate: { column: 'crm_tasks.created_at', type: 'timestamp' },
    modifiedDate: { column: 'crm_tasks.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('crm_tasks.modified_at'),
  },
  item: taskResult,
  rows: (ctx, { venueId }) => ({
    from: ctx.store.selectFrom('crm_tasks'),
    idColumn: 'crm_tasks.id',
    select: (qb) => selectTask(joinTaskRefs(qb)),
    ...(venueId !== undefined ? { where: (eb) => eb('crm_tasks.venue_id', '=', venueId) } : {}),
  }),
  items: (rows) => rows.map(taskShape),
});

const content = (t: TaskRow) => JSON.stringify({ ...taskShape(t), modifiedDate: null });

const taskParams = z.object({
  id: id().optional(),
  venueId: id().optional(),
  leadId: id().optional(),
  contactId: id().optional(),
  companyId: id().optional(),
  name: text(255).optional(),
  endDatetime: timestamp().optional(),
  priority: priority().nullable().optional(),
  assignedUserId: id().nullable().optional(),
  status: intEnum(TASK_STATUSES).optional(),
  description: string(65_535).nullable().optional(),
});

async function upsertTask(ctx: ActionContext, params: z.output<typeof taskParams>) {
  const current = params.id === undefined ? undefined : await findTask(ctx.store, params.id);
  if (params.id !== undefined && !current) throw notFound(TASK_CODES);
  const set: Updateable<CrmTasksTable> = {};
  if (params.name !== undefined) set.name = params.name.trim();
  if (params.endDatetime !== undefined) set.due_at = params.endDatetime;
  if (params.priority !== undefined) set.priority = params.priority;
  if (params.assignedUserId !== undefined) set.assigned_user_id = params.assignedUserId;
  if (params.status !== undefined) set.status = params.status;
  if (params.description !== undefined) set.description = params.description?.trim() || null;
  const ownerNamed = [params.venueId, params.leadId, params.contactId, params.companyId].some((v) => v !== undefined);

  if (current) {
    if (Object.keys(set).length === 0 && !ownerNamed) {
      throw invalid(TASK_CODES, 'Nothing to update: the request names no field of the task');
    }
  } else {
    if (params.name === undefined) throw isRequired('name');
    if (params.endDatetime === undefined) throw isRequired('endDatetime');
  }
  const owner = await planOwner(ctx, TASK_CODES, params, current);
  if (typeof params.assignedUserId === 'number' && !(await userExists(ctx.store, params.assignedUserId))) {
    throw rejected(TASK_CODES, `The user ${params.assignedUserId} does not exist`);
  }

  const columns = await applyOwner(ctx, owner);
  if (current) {
    await updateRecorded(ctx, {
      before: current,
      write: () => ctx.store.updateTable('crm_tasks').set({ ...set, ...columns }).where('id', '=', current.id).execute(),
      touch: () => ctx.store.updateTable('crm_tasks').set({ modified_at: ctx.now }).where('id', '=', current.id).execute(),
      reload: async () => (await findTask(ctx.store, current.id))!,
      content,
      shape: taskShape,
      subject: 'CrmEventTaskUpdated',
    });
    return upserted(current.id);
  }
  const row = await ctx.store
    .insertInto('crm_tasks', {
      ...columns,
      name: set.name!,
      due_at: set.due_at!,
      description: set.description ?? null,
      status: set.status ?? 0,
      priority: set.priority ?? null,
      assigned_user_id: set.assigned_user_id ?? null,
      booking_id: null,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.recordChange('CrmEventTaskAdded', { data: taskShape((await findTask(ctx.store, row.id))!) });
  return upserted(row.id);
}

export const addOrUpdateTask = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateTask',
  kind: 'write',
  params: taskParams,
  result: upsertResult,
  handler: (ctx, params) => guardWrite(ctx, TASK_CODES.failed, () => upsertTask(ctx, params)),
});
