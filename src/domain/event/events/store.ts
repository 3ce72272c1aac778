/** addOrUpdateEvent's write path: validation against the account's data, then insert or update. */
import type { Updateable } from 'kysely';
import { isRequired } from '../../../protocol/specific-codes.js';
import type { Scope, TenantInsert } from '../../../storage/scope.js';
import { DEFAULT_CURRENCY, EventStatus, RECORD_EVENT_DETAILS } from '../codes.js';
import type { EventWriteContext } from '../context.js';
import { eventNotFound, invalid } from '../errors.js';
import type { EventsTable } from '../tables.js';
import { eventCodeOf, provisionalEventCode } from '../tokens.js';
import type { EventDetail } from './schemas.js';
import { loadEventDetails } from './shapes.js';

export interface EventInput {
  id?: number | undefined;
  eventType?: number | undefined;
  title?: string | undefined;
  timezone?: string | undefined;
  startDateTime?: number | undefined;
  endDateTime?: number | undefined;
  capacity?: number | undefined;
  /** Cents; null clears it. */
  budgetCents?: number | null | undefined;
  costCenterId?: number | null | undefined;
  primaryContactUserId?: number | null | undefined;
}

async function checkReferences(ctx: EventWriteContext, input: EventInput): Promise<void> {
  const [costCenter, user] = await Promise.all([
    typeof input.costCenterId === 'number'
      ? ctx.store.selectFrom('cost_centers').select('id').where('id', '=', input.costCenterId).executeTakeFirst()
      : true,
    typeof input.primaryContactUserId === 'number'
      ? ctx.store.selectFrom('users').select('id').where('id', '=', input.primaryContactUserId).where('is_active', '=', 1).executeTakeFirst()
      : true,
  ]);
  if (!costCenter) throw invalid('costCenterId', 'No cost center with this id exists in the account');
  if (!user) throw invalid('primaryContactUserId', 'No active user with this id exists in the account');
}

/** The columns `input` sets (undefined: not given, so unchanged on update). */
function columns(input: EventInput): Updateable<EventsTable> {
  const set: Updateable<EventsTable> = {};
  if (input.title !== undefined) set.title = input.title.trim();
  if (input.timezone !== undefined) set.timezone = input.timezone;
  if (input.startDateTime !== undefined) set.start_at = input.startDateTime;
  if (input.endDateTime !== undefined) set.end_at = input.endDateTime;
  if (input.capacity !== undefined) set.capacity = input.capacity;
  if (input.budgetCents !== undefined) set.budget_cents = input.budgetCents;
  if (input.costCenterId !== undefined) set.cost_center_id = input.costCenterId;
  if (input.primaryContactUserId !== undefined) set.primary_contact_user_id = input.primaryContactUserId;
  return set;
}

/** Adds an event (no id) or updates one; records EventAdded / EventUpdated. */
export async function upsertEvent(ctx: EventWriteContext, input: EventInput): Promise<{ id: number; code: string }> {
  return input.id === undefined ? addEvent(ctx, input) : updateEvent(ctx, input.id, input);
}

async function addEvent(ctx: EventWriteContext, input: EventInput): Promise<{ id: number; code: string }> {
  if (input.eventType === undefined) throw isRequired('eventType');
  if (input.eventType !== RECORD_EVENT_DETAILS) throw invalid('eventType', `Value must be ${RECORD_EVENT_DETAILS}`);
  if (input.title === undefined) throw isRequired('title');
  if (input.timezone === undefined) throw isRequired('timezone');
  if (input.startDateTime === undefined) throw isRequired('startDateTime');
  if (input.endDateTime === undefined) throw isRequired('endDateTime');
  if (input.endDateTime < input.startDateTime) throw invalid('endDateTime', 'Value must be on or after startDateTime');
  await checkReferences(ctx, input);
  const set = columns(input);
  return insertEvent(ctx, {
    event_type: RECORD_EVENT_DETAILS,
    title: input.title.trim(),
    timezone: input.timezone,
    start_at: input.startDateTime,
    end_at: input.endDateTime,
    capacity: set.capacity ?? 0,
    budget_cents: set.budget_cents ?? null,
    cost_center_id: set.cost_center_id ?? null,
    primary_contact_user_id: set.primary_contact_user_id ?? null,
    status: EventStatus.draft,
    is_invite_only: 0,
    currency: DEFAULT_CURRENCY,
  });
}

export type NewEventRow = Omit<TenantInsert<'events'>, 'code' | 'created_at' | 'modified_at'>;

/**
 * Writes a new event, names it with its code and records EventAdded: the one way events are
 * created (addOrUpdateEvent with the API's defaults, the seeder with richer data).
 */
export async function insertEvent(ctx: EventWriteContext, values: NewEventRow): Promise<{ id: number; code: string }> {
  const row = await ctx.store
    .insertInto('events', { ...values, code: provisionalEventCode(), created_at: ctx.now, modified_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const code = eventCodeOf(row.id);
  await ctx.store.updateTable('events').set({ code }).where('id', '=', row.id).execute();
  const detail = (await loadEventDetails(ctx.store, [row.id], ctx.publicUrl)).get(row.id);
  if (!detail) throw new Error(`event ${row.id} vanished inside its own transaction`);
  await ctx.recordChange('EventAdded', { data: detail });
  return { id: row.id, code };
}

const numberOrNull = (value: number | null): number | null => (value === null ? null : Number(value));

async function updateEvent(ctx: EventWriteContext, id: number, input: EventInput): Promise<{ id: number; code: string }> {
  const current = await ctx.store
    .selectFrom('events')
    .select(['id', 'code', 'event_type', 'start_at', 'end_at', 'budget_cents', 'cost_center_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw eventNotFound();
  if (current.event_type !== RECORD_EVENT_DETAILS) {
    throw invalid('id', `Only events of type ${RECORD_EVENT_DETAILS} (Record Event Details) can be updated through the API`);
  }
  if (input.eventType !== undefined && input.eventType !== current.event_type) {
    throw invalid('eventType', 'The event type of an existing event cannot be changed');
  }
  const start = input.startDateTime ?? Number(current.start_at);
  const end = input.endDateTime ?? Number(current.end_at);
  if (end < start) throw invalid('endDateTime', 'Value must be on or after startDateTime');
  await checkReferences(ctx, input);
  const set = columns(input);
  if (Object.keys(set).length === 0) return { id, code: current.code };

  const before = (await loadEventDetails(ctx.store, [id], ctx.publicUrl)).get(id) as EventDetail;
  await ctx.store.updateTable('events').set(set).where('id', '=', id).execute();
  const after = (await loadEventDetails(ctx.store, [id], ctx.publicUrl)).get(id) as EventDetail;
  // Budget and cost center are not part of getEvent: compare their stored values.
  const storedOnlyChanged =
    (set.budget_cents !== undefined && set.budget_cents !== numberOrNull(current.budget_cents)) ||
    (set.cost_center_id !== undefined && set.cost_center_id !== current.cost_center_id);
  if (storedOnlyChanged || JSON.stringify(before) !== JSON.stringify(after)) {
    await ctx.store.updateTable('events').set({ modified_at: ctx.now }).where('id', '=', id).execute();
    await ctx.recordChange('EventUpdated', { data: after, previousData: before });
  }
  return { id, code: current.code };
}

/** Whether the event is in the caller's account. */
export async function eventExists(store: Scope, eventId: number): Promise<boolean> {
  return (await store.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst()) !== undefined;
}
