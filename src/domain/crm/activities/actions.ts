/**
 * getActivityList and addOrUpdateActivity. Ownership follows the task rules (crm/owners.ts);
 * changes are recorded as CrmEventActivityAdded / CrmEventActivityUpdated with the
 * getActivityList item (crm-endpoint.md).
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
import { ACTIVITY_CODES, guardWrite, invalid, notFound, rejected } from '../errors.js';
import { applyOwner, planOwner } from '../owners.js';
import { priority } from '../priority.js';
import { updateRecorded } from '../recorded-update.js';
import { upserted, upsertResult } from '../schemas.js';
import type { CrmActivitiesTable } from '../tables.js';
import {
  ACTIVITY_SUB_TYPES,
  activityResult,
  activityShape,
  findActivity,
  joinActivityRefs,
  selectActivity,
  type ActivityRow,
} from './store.js';

export const getActivityList = defineListAction({
  namespace: 'crm',
  action: 'getActivityList',
  params: { ...collection, venueId: id().optional() },
  filters: {
    id: { column: 'crm_activities.id', type: 'integer' },
    venueId: { column: 'crm_activities.venue_id', type: 'integer' },
    leadId: { column: 'crm_activities.lead_id', type: 'integer' },
    subType: { column: 'crm_activities.sub_type', type: 'integer' },
    name: { column: 'crm_activities.name', type: 'string' },
    description: { column: 'crm_activities.description', type: 'string' },
    purposeId: { column: 'crm_activities.purpose_id', type: 'integer' },
    location: { column: 'crm_activities.location', type: 'string' },
    contactId: { column: 'crm_activities.contact_id', type: 'integer' },
    companyId: { column: 'crm_activities.company_id', type: 'integer' },
    companyContactId: { column: 'crm_activities.company_contact_id', type: 'integer' },
    assignedUserId: { column: 'crm_activities.assigned_user_id', type: 'integer' },
    startDatetime: { column: 'crm_activities.start_at', type: 'timestamp' },
    endDatetime: { column: 'crm_activities.end_at', type: 'timestamp' },
    createdDate: { column: 'crm_activities.created_at', type: 'timestamp' },
    modifiedDate: { column: 'crm_activities.modified_at', type: 'timestamp' },
    ...modifiedDateFilters('crm_activities.modified_at'),
  },
  item: activityResult,
  rows: (ctx, { venueId }) => ({
    from: ctx.store.selectFrom('crm_activities'),
    idColumn: 'crm_activities.id',
    select: (qb) => selectActivity(joinActivityRefs(qb)),
    ...(venueId !== undefined ? { where: (eb) => eb('crm_activities.venue_id', '=', venueId) } : {}),
  }),
  items: (rows) => rows.map(activityShape),
});

const content = (a: ActivityRow) => JSON.stringify({ ...activityShape(a), modifiedDate: null, priority: a.priority, purposeId: a.purpose_id });

const activityParams = z.object({
  id: id().optional(),
  venueId: id().optional(),
  leadId: id().optional(),
  contactId: id().optional(),
  companyId: id().optional(),
  name: text(255).optional(),
  description: string(65_535).nullable().optional(),
  subType: intEnum(ACTIVITY_SUB_TYPES).optional(),
  purposeId: id().nullable().optional(),
  startDatetime: timestamp().nullable().optional(),
  endDatetime: timestamp().nullable().optional(),
  // The page's example spells these with a capital T.
  startDateTime: timestamp().nullable().optional(),
  endDateTime: timestamp().nullable().optional(),
  location: string(255).nullable().optional(),
  priority: priority().nullable().optional(),
  assignedUserId: id().nullable().optional(),
});

async function upsertActivity(ctx: ActionContext, params: z.output<typeof activityParams>) {
  const current = params.id === undefined ? undefined : await findActivity(ctx.store, params.id);
  if (params.id !== undefined && !current) throw notFound(ACTIVITY_CODES);
  const start = params.startDatetime !== undefined ? params.startDatetime : params.startDateTime;
  const end = params.endDatetime !== undefined ? params.endDatetime : params.endDateTime;

  const set: Updateable<CrmActivitiesTable> = {};
  if (params.name !== undefined) set.name = params.name.trim();
  if (params.description !== undefined) set.description = params.description?.trim() || null;
  if (params.subType !== undefined) set.sub_type = params.subType;
  if (params.purposeId !== undefined) set.purpose_id = params.purposeId;
  if (start !== undefined) set.start_at = start;
  if (end !== undefined) set.end_at = end;
  if (params.location !== undefined) set.location = params.location?.trim() || null;
  if (params.priority !== undefined) set.priority = params.priority;
  if (params.assignedUserId !== undefined) set.assigned_user_id = params.assignedUserId;
  const ownerNamed = [params.venueId, params.leadId, params.contactId, params.companyId].some((v) => v !== undefined);

  if (current) {
    if (Object.keys(set).length === 0 && !ownerNamed) {
      throw invalid(ACTIVITY_CODES, 'Nothing to update: the request names no field of the activity');
    }
  } else {
    if (params.name === undefined) throw isRequired('name');
    if (params.subType === undefined) throw isRequired('subType');
  }
  const startAt = start !== undefined ? start : (current?.start_at ?? null);
  const endAt = end !== undefined ? end : (current?.end_at ?? null);
  if (startAt !== null && endAt !== null && endAt < startAt) {
    throw invalid(ACTIVITY_CODES, 'endDatetime must not be before startDatetime');
  }
  const owner = await planOwner(ctx, ACTIVITY_CODES, params, current);
  if (typeof params.purposeId === 'number') {
    const purpose = await ctx.store.selectFrom('crm_activity_purposes').select('id').where('id', '=', params.purposeId).executeTakeFirst();
    if (!purpose) throw rejected(ACTIVITY_CODES, `The activity purpose ${params.purposeId} does not exist`);
  }
  if (typeof params.assignedUserId === 'number' && !(await userExists(ctx.store, params.assignedUserId))) {
    throw rejected(ACTIVITY_CODES, `The user ${params.assignedUserId} does not exist`);
  }

  const columns = await applyOwner(ctx, owner);
  if (current) {
    await updateRecorded(ctx, {
      before: current,
      write: () => ctx.store.updateTable('crm_activities').set({ ...set, ...columns }).where('id', '=', current.id).execute(),
      touch: () => ctx.store.updateTable('crm_activities').set({ modified_at: ctx.now }).where('id', '=', current.id).execute(),
      reload: async () => (await findActivity(ctx.store, current.id))!,
      content,
      shape: activityShape,
      subject: 'CrmEventActivityUpdated',
    });
    return upserted(current.id);
  }
  const row = await ctx.store
    .insertInto('crm_activities', {
      ...columns,
      name: set.name!,
      sub_type: set.sub_type!,
      description: set.description ?? null,
      purpose_id: set.purpose_id ?? null,
      location: set.location ?? null,
      priority: set.priority ?? null,
      assigned_user_id: set.assigned_user_id ?? null,
      start_at: set.start_at ?? null,
      end_at: set.end_at ?? null,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.recordChange('CrmEventActivityAdded', { data: activityShape((await findActivity(ctx.store, row.id))!) });
  return upserted(row.id);
}

export const addOrUpdateActivity = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateActivity',
  kind: 'write',
  params: activityParams,
  result: upsertResult,
  handler: (ctx, params) => guardWrite(ctx, ACTIVITY_CODES.failed, () => upsertActivity(ctx, params)),
});
