/**
 * venue.addOrUpdateFunctionSpace (add-or-update-function-space.md). Everything is checked
 * before anything is written; changes are recorded as FunctionSpaceAdded / FunctionSpaceUpdated
 * with the getFunctionSpaceList item, and an update that changes nothing records nothing and
 * keeps modifiedDate.
 *
 * A space that divides (`hasSmallerSpaces`) names its smallest parts (`partSpaceIds`): spaces of
 * the same venue that do not divide themselves. A part cannot divide in turn, so a space is
 * either whole or made of parts, and overlaps are a matter of shared parts (occupancy.ts).
 */
import type { Updateable } from 'kysely';
import { isRequired } from '../../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../../registry/context.js';
import { defineAction } from '../../../../registry/define-action.js';
import { requireVenue } from '../../venues/store.js';
import { guardWrite, invalid, notFound, rejected, SPACE_CODES } from '../errors.js';
import type { FunctionSpacesTable } from '../tables.js';
import { upserted, upsertResult } from '../upsert-result.js';
import { REQUIRED_ON_ADD, spaceParams, type SpaceParams } from './params.js';
import { spaceItems } from './shapes.js';
import { findSpace, isPartOfAnother, spaceNamed, type SpaceRow } from './store.js';

const unique = (ids: readonly number[]) => [...new Set(ids)];

/** The columns the request sets. */
function columns(p: SpaceParams): Updateable<FunctionSpacesTable> {
  const set: Updateable<FunctionSpacesTable> = {};
  if (p.name !== undefined) set.name = p.name.trim();
  if (p.description !== undefined) set.description = p.description?.trim() || null;
  if (p.categoryId !== undefined) set.category_id = p.categoryId;
  if (p.hasLayouts !== undefined) set.has_layouts = p.hasLayouts ? 1 : 0;
  if (p.minPax !== undefined) set.min_pax = p.minPax;
  if (p.maxPax !== undefined) set.max_pax = p.maxPax;
  if (p.maxNumBookings !== undefined) set.max_num_bookings = p.maxNumBookings;
  if (p.area !== undefined) set.area = p.area;
  if (p.length !== undefined) set.length = p.length;
  if (p.width !== undefined) set.width = p.width;
  if (p.heightMaximum !== undefined) set.height_maximum = p.heightMaximum;
  if (p.heightMinimum !== undefined) set.height_minimum = p.heightMinimum;
  if (p.floorPressureMaximum !== undefined) set.floor_pressure_maximum = p.floorPressureMaximum;
  if (p.isViewable !== undefined) set.is_viewable = p.isViewable ? 1 : 0;
  if (p.marketplaceName !== undefined) set.marketplace_name = p.marketplaceName?.trim() || null;
  if (p.includedInReportDashboard !== undefined) set.included_in_report_dashboard = p.includedInReportDashboard ? 1 : 0;
  if (p.threeDScanId !== undefined) set.three_d_scan_id = p.threeDScanId?.trim() ?? '';
  if (p.useIntegrationPartner !== undefined) set.use_integration_partner = p.useIntegrationPartner ? 1 : 0;
  return set;
}

/** Values that are fine one by one but not together, on the space as it would be saved. */
function checkTogether(merged: Updateable<FunctionSpacesTable>): void {
  const { min_pax: min, max_pax: max, height_minimum: low, height_maximum: high } = merged;
  if (typeof min === 'number' && typeof max === 'number' && max > 0 && min > max) {
    throw invalid(SPACE_CODES, `minPax: ${min} is above maxPax ${max}`);
  }
  if (typeof low === 'number' && typeof high === 'number' && low > high) {
    throw invalid(SPACE_CODES, `heightMinimum: ${low} is above heightMaximum ${high}`);
  }
}

async function currentParts(ctx: ActionContext, spaceId: number): Promise<number[]> {
  const rows = await ctx.store.selectFrom('function_space_parts').select('part_id').where('space_id', '=', spaceId).orderBy('part_id').execute();
  return rows.map((r) => r.part_id);
}

/** The parts the space will have: undefined keeps the current ones. */
async function planParts(ctx: ActionContext, p: SpaceParams, venueId: number, current: SpaceRow | undefined): Promise<number[] | undefined> {
  const had = current ? await currentParts(ctx, current.id) : [];
  const divides = p.hasSmallerSpaces ?? had.length > 0;
  if (!divides) return had.length > 0 || p.hasSmallerSpaces === false ? [] : undefined;
  if (p.partSpaceIds === undefined || p.partSpaceIds === null) {
    if (had.length > 0) return undefined;
    throw isRequired('partSpaceIds');
  }
  const parts = unique(p.partSpaceIds);
  if (parts.length === 0) throw invalid(SPACE_CODES, 'partSpaceIds: a space that divides needs at least one part');
  if (current && parts.includes(current.id)) throw invalid(SPACE_CODES, `partSpaceIds: a space cannot be a part of itself`);
  if (current && (await isPartOfAnother(ctx.store, current.id))) {
    throw rejected(SPACE_CODES, 'hasSmallerSpaces: the space is a part of another space, so it cannot divide');
  }
  const found = await ctx.store.selectFrom('function_spaces').select(['id', 'venue_id']).where('id', 'in', parts).execute();
  const divided = new Set(
    (await ctx.store.selectFrom('function_space_parts').select('space_id').where('space_id', 'in', parts).execute()).map((r) => r.space_id),
  );
  for (const part of parts) {
    if (!found.some((f) => f.id === part && f.venue_id === venueId)) {
      throw rejected(SPACE_CODES, `partSpaceIds: ${part} is not a function space of the venue`);
    }
    if (divided.has(part)) throw rejected(SPACE_CODES, `partSpaceIds: space ${part} divides into smaller spaces; name the smallest spaces`);
  }
  return parts.sort((a, b) => a - b);
}

async function writeLinks(ctx: ActionContext, spaceId: number, eventTypes: number[] | undefined, parts: number[] | undefined): Promise<void> {
  if (eventTypes !== undefined) {
    await ctx.store.deleteFrom('function_space_event_types').where('space_id', '=', spaceId).execute();
    if (eventTypes.length > 0) {
      await ctx.store.insertInto('function_space_event_types', eventTypes.map((event_type_id) => ({ space_id: spaceId, event_type_id }))).execute();
    }
  }
  if (parts !== undefined) {
    await ctx.store.deleteFrom('function_space_parts').where('space_id', '=', spaceId).execute();
    if (parts.length > 0) await ctx.store.insertInto('function_space_parts', parts.map((part_id) => ({ space_id: spaceId, part_id }))).execute();
  }
}

async function itemOf(ctx: ActionContext, id: number) {
  const [item] = await spaceItems(ctx.store, [(await findSpace(ctx.store, id))!]);
  return item!;
}

async function upsertSpace(ctx: ActionContext, p: SpaceParams) {
  const current = p.id === undefined ? undefined : await findSpace(ctx.store, p.id);
  if (p.id !== undefined && (!current || (p.venueId !== undefined && p.venueId !== current.venue_id))) throw notFound(SPACE_CODES);
  if (!current) for (const name of REQUIRED_ON_ADD) if (p[name] === undefined) throw isRequired(name);
  const venueId = current?.venue_id ?? (await requireVenue(ctx.store, p.venueId!)).id;

  const set = columns(p);
  const eventTypes = p.eventTypes === undefined ? undefined : unique(p.eventTypes ?? []).sort((a, b) => a - b);
  const linksNamed = eventTypes !== undefined || p.hasSmallerSpaces !== undefined || p.partSpaceIds !== undefined;
  if (current && Object.keys(set).length === 0 && !linksNamed) {
    throw invalid(SPACE_CODES, 'Nothing to update: the request names no field of the function space');
  }
  checkTogether({ ...current, ...set });
  if (set.name !== undefined && (await spaceNamed(ctx.store, venueId, set.name, current?.id))) {
    throw rejected(SPACE_CODES, `name: the venue already has a function space named '${set.name}'`);
  }
  if (typeof set.category_id === 'number') {
    const category = await ctx.store.selectFrom('function_space_categories').select('venue_id').where('id', '=', set.category_id).executeTakeFirst();
    if (category?.venue_id !== venueId) throw rejected(SPACE_CODES, `categoryId: ${set.category_id} is not a space category of the venue`);
  }
  const parts = await planParts(ctx, p, venueId, current);

  if (current) {
    const before = await itemOf(ctx, current.id);
    if (Object.keys(set).length > 0) await ctx.store.updateTable('function_spaces').set(set).where('id', '=', current.id).execute();
    await writeLinks(ctx, current.id, eventTypes, parts);
    const after = await itemOf(ctx, current.id);
    if (JSON.stringify({ ...after, modifiedDate: null }) !== JSON.stringify({ ...before, modifiedDate: null })) {
      await ctx.store.updateTable('function_spaces').set({ modified_at: ctx.now }).where('id', '=', current.id).execute();
      await ctx.recordChange('FunctionSpaceUpdated', { data: await itemOf(ctx, current.id), previousData: before });
    }
    return upserted(current.id);
  }

  const last = await ctx.store
    .selectFrom('function_spaces')
    .select((eb) => eb.fn.max('sort_order').as('last'))
    .where('venue_id', '=', venueId)
    .executeTakeFirst();
  const sortOrder = Number(last?.last ?? 0) + 1;
  const row = await ctx.store
    .insertInto('function_spaces', {
      venue_id: venueId,
      category_id: set.category_id ?? null,
      name: set.name!,
      description: set.description ?? null,
      image_id: null,
      has_layouts: set.has_layouts ?? 0,
      min_pax: set.min_pax!,
      max_pax: set.max_pax!,
      max_num_bookings: set.max_num_bookings!,
      area: set.area ?? null,
      length: set.length ?? null,
      width: set.width ?? null,
      height_maximum: set.height_maximum ?? null,
      height_minimum: set.height_minimum ?? null,
      floor_pressure_maximum: set.floor_pressure_maximum ?? null,
      floor_pressure_minimum: null,
      included_in_report_dashboard: set.included_in_report_dashboard ?? 1,
      three_d_scan_id: set.three_d_scan_id ?? '',
      use_integration_partner: set.use_integration_partner ?? 0,
      is_viewable: set.is_viewable!,
      marketplace_name: set.marketplace_name ?? null,
      marketplace_event_types: null,
      can_be_live_booked: 0,
      can_provide_food_beverage: 1,
      menu_type_ids: '[]',
      beverage_category_ids: '[]',
      available_from_time: null,
      available_till_time: null,
      minimum_booking_time: null,
      restrict_booking_time_interval: null,
      available_days_of_week: '[]',
      display_availability_to: null,
      restrict_visibility: null,
      user_group_ids: '[]',
      is_viewable_to_anonymous_users: 1,
      sort_order: sortOrder,
      marketplace_sort_order: sortOrder,
      created_at: ctx.now,
      modified_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeLinks(ctx, row.id, eventTypes, parts);
  await ctx.recordChange('FunctionSpaceAdded', { data: await itemOf(ctx, row.id) });
  return upserted(row.id);
}

export const addOrUpdateFunctionSpace = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateFunctionSpace',
  kind: 'write',
  params: spaceParams,
  result: upsertResult,
  handler: (ctx, p) => guardWrite(ctx, SPACE_CODES, () => upsertSpace(ctx, p)),
});
