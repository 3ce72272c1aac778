/** Arranging function spaces, their layouts, blockouts, sessions and resources for the spaces suites. */
import type { MarqueeClient } from '../../../src/client/index.js';
import { addBlockout } from '../../../src/domain/venue/spaces/blockouts/store.js';
import { occupySpace } from '../../../src/domain/venue/spaces/occupancy.js';
import type { Scope } from '../../../src/storage/scope.js';

export interface SpaceSpec {
  name: string;
  minPax?: number;
  maxPax?: number;
  maxNumBookings?: number;
  partSpaceIds?: number[];
  [field: string]: unknown;
}

/** Adds a space through the API, as a client would. */
export async function addSpace(client: MarqueeClient, venueId: number, spec: SpaceSpec): Promise<number> {
  const { partSpaceIds, ...rest } = spec;
  const { id } = await client.call<{ id: number }>('venue', 'addOrUpdateFunctionSpace', {
    venueId,
    minPax: 1,
    maxPax: 100,
    maxNumBookings: 1,
    isViewable: true,
    hasSmallerSpaces: partSpaceIds !== undefined,
    ...(partSpaceIds !== undefined ? { partSpaceIds } : {}),
    ...rest,
  });
  return id;
}

export async function addLayout(store: Scope, spaceId: number, type: number, paxMaximum: number | null, minutes = { setup: 0, takedown: 0 }): Promise<number> {
  const now = Date.now();
  const row = await store
    .insertInto('function_space_layouts', {
      space_id: spaceId,
      type,
      name: `Layout ${type}`,
      description: null,
      pax_minimum: null,
      pax_maximum: paxMaximum,
      setup_minutes: minutes.setup,
      takedown_minutes: minutes.takedown,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A blockout from one UTC text to another (`2025-10-04T22:00:00Z`). */
export async function blockout(store: Scope, venueId: number, spaceId: number, from: string, to: string, name = 'Blocked'): Promise<number> {
  const row = await store.transaction((tx) =>
    addBlockout(tx, { venueId, spaceId, name, startsAt: Date.parse(from), endsAt: Date.parse(to), bookedById: null }, Date.now()),
  );
  return row.id;
}

let nextSession = 900_000;

/** A booking session holding a space, as the bookings work will record one. */
export async function session(
  store: Scope,
  venueId: number,
  spaceId: number,
  from: string,
  to: string,
  extra: { bookingId?: number; pax?: number; setupMinutes?: number; takedownMinutes?: number } = {},
): Promise<number> {
  const sourceId = nextSession++;
  await occupySpace(
    store,
    { venueId, spaceId, source: 'session', sourceId, startsAt: Date.parse(from), endsAt: Date.parse(to), bookingId: extra.bookingId ?? sourceId + 1_000_000, pax: extra.pax ?? null, ...extra },
    Date.now(),
  );
  return sourceId;
}

export async function addResource(store: Scope, venueId: number, fields: { name: string; quantity: number | null; parentId?: number }): Promise<number> {
  const now = Date.now();
  const row = await store
    .insertInto('resources', {
      venue_id: venueId,
      category_id: null,
      parent_id: fields.parentId ?? null,
      name: fields.name,
      code: '',
      short_description: '',
      long_description: null,
      quantity: fields.quantity,
      can_book_by_hour: 1,
      hourly_cost: 1250,
      hourly_cost_excluded_tax_ids: '[]',
      daily_cost: 9900,
      daily_cost_excluded_tax_ids: '[3]',
      is_restricted_to_spaces: 0,
      cost_center_id: null,
      is_viewable: 1,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface Change {
  subject: string;
  body: Record<string, unknown>;
}

export async function lastChangeId(store: Scope): Promise<number> {
  const row = await store
    .selectFrom('changes')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function changesSince(store: Scope, afterId: number): Promise<Change[]> {
  const rows = await store.selectFrom('changes').select(['subject', 'body']).where('id', '>', afterId).orderBy('id').execute();
  return rows.map((r) => ({ subject: r.subject, body: JSON.parse(r.body) as Record<string, unknown> }));
}
