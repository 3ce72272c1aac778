/** Tasks with their assignee joined in (get-task-list.md). */
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Database } from '../../../storage/schema.js';
import type { Scope } from '../../../storage/scope.js';
import { instantText } from '../schemas.js';

export const TASK_STATUSES = [0, 1, 2, 3, 4] as const;

export function joinTaskRefs(qb: SelectQueryBuilder<Database, 'crm_tasks', {}>) {
  return qb.leftJoin('users as assignee', 'assignee.id', 'crm_tasks.assigned_user_id');
}

export function selectTask(qb: ReturnType<typeof joinTaskRefs>) {
  return qb
    .selectAll('crm_tasks')
    .select(['assignee.first_name as assignee_first_name', 'assignee.last_name as assignee_last_name', 'assignee.email as assignee_email']);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTask>['executeTakeFirstOrThrow']>>;

export const taskResult = z.strictObject({
  id: z.number().int(),
  venueId: z.number().int().nullable(),
  bookingId: z.number().int().nullable(),
  leadId: z.number().int().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.union(TASK_STATUSES.map((s) => z.literal(s))),
  contactId: z.number().int().nullable(),
  companyId: z.number().int().nullable(),
  companyContactId: z.number().int().nullable(),
  assignedUserId: z.number().int().nullable(),
  assignedUserFullName: z.string().nullable(),
  assignedUserEmail: z.string().nullable(),
  priority: z.enum(['low', 'medium', 'high']).nullable(),
  endDatetime: instantText,
  progress: z.number().int().min(0).max(100),
  createdDate: instantText,
  modifiedDate: instantText,
});
export type Task = z.input<typeof taskResult>;

export function fullName(first: string | null, last: string | null): string | null {
  if (first === null && last === null) return null;
  return [first, last].filter((p) => p !== null && p !== '').join(' ');
}

export function taskShape(r: TaskRow): Task {
  return {
    id: r.id,
    venueId: r.venue_id,
    bookingId: r.booking_id,
    leadId: r.lead_id,
    name: r.name,
    description: r.description,
    status: r.status as Task['status'],
    contactId: r.contact_id,
    companyId: r.company_id,
    companyContactId: r.company_contact_id,
    assignedUserId: r.assigned_user_id,
    assignedUserFullName: r.assigned_user_id === null ? null : fullName(r.assignee_first_name, r.assignee_last_name),
    assignedUserEmail: r.assigned_user_id === null ? null : r.assignee_email,
    priority: r.priority as Task['priority'],
    endDatetime: formatTimestamp(r.due_at),
    progress: r.progress,
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
  };
}

export async function findTask(store: Scope, id: number): Promise<TaskRow | undefined> {
  return selectTask(joinTaskRefs(store.selectFrom('crm_tasks'))).where('crm_tasks.id', '=', id).executeTakeFirst();
}
