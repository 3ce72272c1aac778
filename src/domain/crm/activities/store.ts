/** Activities with their assignee and purpose joined in (get-activity-list.md). */
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Database } from '../../../storage/schema.js';
import type { Scope } from '../../../storage/scope.js';
import { instantText, optionalInstant } from '../schemas.js';
import { fullName } from '../tasks/store.js';

/** subType: 1 Meeting, 2 Call, 3 Email. */
export const ACTIVITY_SUB_TYPES = [1, 2, 3] as const;

export function joinActivityRefs(qb: SelectQueryBuilder<Database, 'crm_activities', {}>) {
  return qb
    .leftJoin('users as assignee', 'assignee.id', 'crm_activities.assigned_user_id')
    .leftJoin('crm_activity_purposes as purpose', 'purpose.id', 'crm_activities.purpose_id');
}

export function selectActivity(qb: ReturnType<typeof joinActivityRefs>) {
  return qb
    .selectAll('crm_activities')
    .select([
      'assignee.first_name as assignee_first_name',
      'assignee.last_name as assignee_last_name',
      'assignee.email as assignee_email',
      'purpose.name as purpose_name',
      'purpose.type as purpose_type',
    ]);
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivity>['executeTakeFirstOrThrow']>>;

export const activityResult = z.strictObject({
  id: z.number().int(),
  venueId: z.number().int().nullable(),
  leadId: z.number().int().nullable(),
  subType: z.union(ACTIVITY_SUB_TYPES.map((s) => z.literal(s))),
  name: z.string(),
  description: z.string().nullable(),
  purposeName: z.string().nullable(),
  purposeType: z.number().int().min(1).max(4).nullable(),
  location: z.string().nullable(),
  contactId: z.number().int().nullable(),
  companyId: z.number().int().nullable(),
  companyContactId: z.number().int().nullable(),
  assignedUserId: z.number().int().nullable(),
  assignedUserFullName: z.string().nullable(),
  assignedUserEmail: z.string().nullable(),
  startDatetime: instantText.nullable(),
  endDatetime: instantText.nullable(),
  createdDate: instantText,
  modifiedDate: instantText,
});
export type Activity = z.input<typeof activityResult>;

export function activityShape(r: ActivityRow): Activity {
  return {
    id: r.id,
    venueId: r.venue_id,
    leadId: r.lead_id,
    subType: r.sub_type as Activity['subType'],
    name: r.name,
    description: r.description,
    purposeName: r.purpose_name ?? null,
    purposeType: r.purpose_type ?? null,
    location: r.location,
    contactId: r.contact_id,
    companyId: r.company_id,
    companyContactId: r.company_contact_id,
    assignedUserId: r.assigned_user_id,
    assignedUserFullName: r.assigned_user_id === null ? null : fullName(r.assignee_first_name, r.assignee_last_name),
    assignedUserEmail: r.assigned_user_id === null ? null : r.assignee_email,
    startDatetime: optionalInstant(r.start_at),
    endDatetime: optionalInstant(r.end_at),
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
  };
}

export async function findActivity(store: Scope, id: number): Promise<ActivityRow | undefined> {
  return selectActivity(joinActivityRefs(store.selectFrom('crm_activities'))).where('crm_activities.id', '=', id).executeTakeFirst();
}
