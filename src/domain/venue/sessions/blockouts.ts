/**
 * venue.addOrUpdateSpaceBlockout and removeSpaceBlockout (add-or-update-blockoutspace.md,
 * remove-blockoutspace.md), written through the spaces area's blockout store, which keeps the
 * occupancy a blockout stands for. Start and end are timestamps: UTC when they say so (the
 * page's example, "2018-03-05 03:00:00 UTC"), otherwise on the venue's clock, as the
 * availability pages read them.
 *
 * A blockout takes its space, the parts of it and the combinations sharing a part at once
 * (availability reads the same occupancy rows). One over a booked session is refused with 24272
 * naming the session, under the venue's hold lock, so a blockout and a session never overlap;
 * blockouts may overlap each other.
 */
import { z } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { id, text } from '../../../registry/params.js';
import { instantOf, venueTimestamp } from '../spaces/availability/params.js';
import { blockoutShape } from '../spaces/blockouts/list.js';
import { addBlockout, findBlockout, removeBlockout, updateBlockout } from '../spaces/blockouts/store.js';
import { findSpace } from '../spaces/function-spaces/store.js';
import { spaceConflicts } from '../spaces/occupancy.js';
import { formatLocal, zoneOf } from '../spaces/venue-time.js';
import { requireVenue } from '../venues/store.js';
import { BLOCKOUT_CODES, guardLineWrite } from './errors.js';
import { lockVenueHolds } from './holds.js';
import { lineResult, removedResult } from './schemas.js';

const B = BLOCKOUT_CODES;

const invalidBlockout = (...reasons: string[]) => new ApiError(400, B.invalid, 'The Space Blockout details are invalid', reasons);

export const blockoutParams = z.object({
  id: id().optional(),
  venueId: id().optional(),
  name: text(255).optional(),
  spaceId: id().optional(),
  startDateTime: venueTimestamp().optional(),
  endDateTime: venueTimestamp().optional(),
});
type BlockoutParams = z.output<typeof blockoutParams>;

async function upsertBlockout(ctx: ActionContext, p: BlockoutParams) {
  const { id: blockoutId, venueId: namedVenue, ...fields } = p;
  if (blockoutId === undefined && namedVenue === undefined && Object.values(fields).every((v) => v === undefined)) {
    throw new ApiError(400, B.empty, 'The request is empty');
  }
  const current = blockoutId === undefined ? undefined : await findBlockout(ctx.store, blockoutId);
  if (blockoutId !== undefined && (!current || (namedVenue !== undefined && namedVenue !== current.venue_id))) {
    throw new ApiError(404, B.notFound, 'The Space Blockout does not exist');
  }
  if (current && Object.values(fields).every((v) => v === undefined)) throw new ApiError(400, B.empty, 'The request is empty');
  if (!current) {
    for (const name of ['venueId', 'name', 'spaceId', 'startDateTime', 'endDateTime'] as const) {
      if (p[name] === undefined) throw invalidBlockout(`${name}: *Value is required and can't be empty*`);
    }
  }
  const venue = await requireVenue(ctx.store, current?.venue_id ?? namedVenue!);
  const zone = zoneOf(venue.timezone);
  const spaceId = p.spaceId ?? current!.space_id;
  const space = await findSpace(ctx.store, spaceId);
  if (!space || space.venue_id !== venue.id) throw invalidBlockout(`spaceId: ${spaceId} is not a function space of venue ${venue.id}`);
  const startsAt = p.startDateTime ? instantOf(zone, p.startDateTime) : current!.starts_at;
  const endsAt = p.endDateTime ? instantOf(zone, p.endDateTime) : current!.ends_at;
  if (endsAt <= startsAt) throw invalidBlockout('endDateTime: Value must be after startDateTime');

  await lockVenueHolds(ctx.store, venue.id);
  const booked = (await spaceConflicts(ctx.store, venue.id, space.id, startsAt, endsAt)).find((o) => o.source_kind === 'session');
  if (booked) {
    throw invalidBlockout(
      `spaceId: '${space.name}' is booked from ${formatLocal(zone, booked.held_from)} to ${formatLocal(zone, booked.held_until)} by session ${booked.source_id}` +
        (booked.booking_id === null ? '' : ` of booking ${booked.booking_id}`),
    );
  }

  if (current) {
    const before = blockoutShape(current, venue.timezone);
    const row = (await updateBlockout(ctx.store, current.id, { spaceId, name: p.name?.trim(), startsAt, endsAt }, ctx.now))!;
    const after = blockoutShape(row, venue.timezone);
    if (JSON.stringify(after) !== JSON.stringify(before)) await ctx.recordChange('SpaceBlockoutUpdated', { data: after, previousData: before });
    return { success: true as const, id: row.id };
  }
  const row = await addBlockout(ctx.store, { venueId: venue.id, spaceId, name: p.name!.trim(), startsAt, endsAt, bookedById: ctx.caller.userId }, ctx.now);
  await ctx.recordChange('SpaceBlockoutAdded', { data: blockoutShape(row, venue.timezone) });
  return { success: true as const, id: row.id };
}

export const addOrUpdateSpaceBlockout = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateSpaceBlockout',
  kind: 'write',
  params: blockoutParams,
  result: lineResult,
  handler: (ctx, p) => guardLineWrite(ctx, B.failed, () => upsertBlockout(ctx, p)),
});

async function remove(ctx: ActionContext, p: { id: number; venueId?: number | undefined }) {
  const row = await findBlockout(ctx.store, p.id);
  if (!row || (p.venueId !== undefined && p.venueId !== row.venue_id)) throw new ApiError(404, B.removeNotFound, 'The blockout space could not be found');
  await removeBlockout(ctx.store, row.id);
  await ctx.recordChange('SpaceBlockoutDeleted', { venueId: row.venue_id, spaceBlockoutId: row.id });
  return { success: true as const, errorType: null };
}

export const removeSpaceBlockout = defineAction({
  namespace: 'venue',
  action: 'removeSpaceBlockout',
  kind: 'write',
  params: z.object({ venueId: id().optional(), id: id() }),
  result: removedResult,
  handler: (ctx, p) => guardLineWrite(ctx, B.failed, () => remove(ctx, p)),
});
