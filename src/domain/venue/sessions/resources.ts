/**
 * A session's resources: venue.addOrUpdateBookingSessionResource and
 * removeBookingSessionResource (add-or-update-booking-session-resource.md). A resource is one
 * of the venue's (spaces area, `resources`), used in the session's space when the resource is
 * restricted to spaces; its units are held from startTime to endTime on the session's date
 * (holds.ts), and a request for more units than are free at some instant is refused with 24341
 * saying how many are. Times are "HH:mm:ss" or, as the page's example writes them, "5:00 AM".
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { array, bool, id, intEnum, number } from '../../../registry/params.js';
import type { Scope } from '../../../storage/scope.js';
import { releaseResourceOccupancy } from '../spaces/resource-occupancy.js';
import { REF, trackSessionChange } from './changes.js';
import { clockTime } from './clock.js';
import { guardLineWrite, missing, rejected, required, RESOURCE_CODES } from './errors.js';
import { lockVenueHolds } from './holds.js';
import { saveSessionLine } from './line-write.js';
import { lineTarget, linePricing } from './line-params.js';
import { optionalRef } from './params.js';
import { holdSessionResource } from './resource-placement.js';
import { removedResult, lineResult } from './schemas.js';
import { requireSession, venueZoneOf, type ResourceRow } from './store.js';

const C = RESOURCE_CODES;

export const resourceParams = z.object({
  id: id().optional(),
  venueId: id().optional(),
  bookingId: id().optional(),
  sessionId: id().optional(),
  resourceId: id().optional(),
  quantity: id().optional(),
  startTime: clockTime().optional(),
  endTime: clockTime().optional(),
  includeInPackage: bool().optional(),
  bookingPackageId: optionalRef().nullable().optional(),
  costCenterId: optionalRef().nullable().optional(),
  cost: number().optional(),
  costType: intEnum([1, 2] as const)
    .nullable()
    .optional(),
  excludedTaxIds: array(id()).nullable().optional(),
  hasCommissions: bool().optional(),
});
type ResourceParams = z.output<typeof resourceParams>;

async function findResourceLine(store: Scope, id: number): Promise<ResourceRow | undefined> {
  return store.selectFrom('booking_session_resources').selectAll().where('id', '=', id).executeTakeFirst();
}

async function upsertResource(ctx: ActionContext, p: ResourceParams) {
  const { session, current } = await lineTarget(ctx, C, p, (lineId) => findResourceLine(ctx.store, lineId));
  if (!current) {
    for (const name of ['resourceId', 'quantity', 'startTime', 'endTime', 'includeInPackage'] as const) if (p[name] === undefined) throw required(C, name);
    if (p.includeInPackage === false && (p.costType === undefined || p.costType === null)) throw required(C, 'costType');
  }
  const resourceId = p.resourceId ?? current!.resource_id;
  const resource = await ctx.store.selectFrom('resources').selectAll().where('id', '=', resourceId).executeTakeFirst();
  // A resource of the venue named, or of the session's venues when none is.
  const venues = p.venueId !== undefined ? [p.venueId] : [session.space_venue_id, session.venue_id];
  if (!resource || !venues.includes(resource.venue_id)) throw rejected(C, `resourceId: ${resourceId} is not a resource of venue ${venues[0]}`);
  if (resource.is_restricted_to_spaces === 1) {
    const allowed = await ctx.store.selectFrom('resource_spaces').select('space_id').where('resource_id', '=', resource.id).where('space_id', '=', session.space_id).executeTakeFirst();
    if (!allowed) throw rejected(C, `resourceId: '${resource.name}' cannot be used in the session's space ${session.space_id}`);
  }
  const priced = await linePricing(
    ctx,
    C,
    resource.venue_id,
    { includeInPackage: p.includeInPackage, bookingPackageId: p.bookingPackageId, costcenterId: p.costCenterId, cost: p.cost, excludedTaxIds: p.excludedTaxIds },
    current,
    { costCenter: 'costCenterId' },
  );
  const columns = {
    resource_id: resource.id,
    resource_venue_id: resource.venue_id,
    quantity: p.quantity ?? current!.quantity,
    start_time: p.startTime ?? current!.start_time,
    end_time: p.endTime ?? current!.end_time,
    cost_type: priced.include_in_package === 1 ? null : p.costType !== undefined ? p.costType : (current?.cost_type ?? null),
    has_commissions: p.hasCommissions !== undefined ? (p.hasCommissions ? 1 : 0) : (current?.has_commissions ?? 0),
    ...priced,
  };
  const zone = await venueZoneOf(ctx.store, session.space_venue_id);
  await lockVenueHolds(ctx.store, resource.venue_id);

  let lineId = current?.id ?? 0;
  await trackSessionChange(
    ctx,
    session,
    async () => {
      const { row, changed } = await saveSessionLine(ctx, session, 'booking_session_resources', current, columns, findResourceLine);
      lineId = row.id;
      if (changed) await holdSessionResource(ctx, session, zone, row, C);
      return changed;
    },
    () => ({ refType: REF.resource, refId: lineId, note: `Resource '${resource.name}' × ${columns.quantity} ${current ? 'updated' : 'added'} in session '${session.name}'` }),
  );
  return { success: true as const, id: lineId };
}

export const addOrUpdateBookingSessionResource = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateBookingSessionResource',
  kind: 'write',
  params: resourceParams,
  result: lineResult,
  handler: (ctx, p) => guardLineWrite(ctx, C.failed, () => upsertResource(ctx, p)),
});

async function removeResource(ctx: ActionContext, p: { id: number; venueId?: number | undefined; bookingId?: number | undefined; sessionId?: number | undefined }) {
  const line = await findResourceLine(ctx.store, p.id);
  const matches = line && (p.sessionId ?? line.session_id) === line.session_id && (p.bookingId ?? line.booking_id) === line.booking_id;
  if (!line || !matches || (p.venueId !== undefined && p.venueId !== line.venue_id && p.venueId !== line.resource_venue_id)) throw missing(C.line);
  const session = await requireSession(ctx.store, C, line.session_id, {});
  await trackSessionChange(
    ctx,
    session,
    async () => {
      await releaseResourceOccupancy(ctx.store, 'session_resource', line.id);
      await ctx.store.deleteFrom('booking_session_resources').where('id', '=', line.id).execute();
      return true;
    },
    () => ({ refType: REF.resource, refId: line.id, note: `Resource ${line.resource_id} removed from session '${session.name}'` }),
  );
  return { success: true as const, errorType: null };
}

export const removeBookingSessionResource = defineAction({
  namespace: 'venue',
  action: 'removeBookingSessionResource',
  kind: 'write',
  params: z.object({ id: id(), venueId: id().optional(), bookingId: id().optional(), sessionId: id().optional() }),
  result: removedResult,
  handler: (ctx, p) => guardLineWrite(ctx, C.failed, () => removeResource(ctx, p)),
});
