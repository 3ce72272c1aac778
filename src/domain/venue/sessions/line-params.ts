/** What the menu, beverage and resource pages of a session share: which session, and how the line is priced. */
import type { ActionContext } from '../../../registry/context.js';
import { requireVenue } from '../venues/store.js';
import { missing, rejected, required, type LineCodes } from './errors.js';
import { cents, checkCostCenter, checkTaxes, jsonIds } from './references.js';
import { CANCELLED, requireBooking, requireSession, type SessionRow } from './store.js';

export interface LineTarget {
  id?: number | undefined;
  venueId?: number | undefined;
  bookingId?: number | undefined;
  sessionId?: number | undefined;
}

export interface LineRowBase {
  id: number;
  session_id: number;
  booking_id: number;
  venue_id: number;
}

/**
 * The session a line is written to, and the line itself when updating: the line must exist
 * and be the session's, the session the booking's and the venue's (when named); a cancelled
 * booking takes no new lines.
 */
export async function lineTarget<R extends LineRowBase>(
  ctx: ActionContext,
  codes: LineCodes,
  p: LineTarget,
  find: (id: number) => Promise<R | undefined>,
): Promise<{ session: SessionRow; current: R | undefined; venueId: number }> {
  if (p.venueId !== undefined) await requireVenue(ctx.store, p.venueId);
  if (p.bookingId !== undefined) await requireBooking(ctx.store, codes, p.bookingId);
  const current = p.id === undefined ? undefined : await find(p.id);
  if (p.id !== undefined && !current) throw missing(codes.line);
  if (current && p.sessionId !== undefined && p.sessionId !== current.session_id) throw missing(codes.line);
  if (current && p.bookingId !== undefined && p.bookingId !== current.booking_id) throw missing(codes.line);
  const sessionId = current?.session_id ?? p.sessionId;
  if (sessionId === undefined) throw required(codes, 'sessionId');
  const session = await requireSession(ctx.store, codes, sessionId, { bookingId: p.bookingId, venueId: p.venueId });
  const booking = await requireBooking(ctx.store, codes, session.booking_id);
  if (booking.current_status === CANCELLED) throw rejected(codes, `bookingId: booking ${booking.id} is cancelled`);
  return { session, current, venueId: p.venueId ?? session.venue_id };
}

export interface PriceInput {
  includeInPackage?: boolean | undefined;
  bookingPackageId?: number | null | undefined;
  costcenterId?: number | null | undefined;
  cost?: number | undefined;
  excludedTaxIds?: number[] | null | undefined;
}

export interface PriceRow {
  include_in_package: number;
  booking_package_id: number | null;
  cost_center_id: number | null;
  cost: number;
  excluded_tax_ids: string;
}

/**
 * The pricing columns of a line, checked against the venue's catalogue. Adding, a line not
 * in a package needs a cost center and (unless `costOptional`) a cost; one in a package needs
 * its booking package.
 */
export async function linePricing(
  ctx: ActionContext,
  codes: LineCodes,
  venueId: number,
  p: PriceInput,
  current: PriceRow | undefined,
  names: { costCenter: string; costOptional?: boolean },
): Promise<PriceRow> {
  const inPackage = p.includeInPackage ?? current?.include_in_package === 1;
  const packageId = p.bookingPackageId !== undefined ? (p.bookingPackageId === 0 ? null : p.bookingPackageId) : (current?.booking_package_id ?? null);
  const costCenterId = p.costcenterId !== undefined ? (p.costcenterId === 0 ? null : p.costcenterId) : (current?.cost_center_id ?? null);
  if (inPackage && packageId === null) throw required(codes, 'bookingPackageId');
  if (!current && !inPackage) {
    if (costCenterId === null) throw required(codes, names.costCenter);
    if (p.cost === undefined && !names.costOptional) throw required(codes, 'cost');
  }
  const excluded = p.excludedTaxIds !== undefined ? (p.excludedTaxIds ?? []) : current ? (JSON.parse(current.excluded_tax_ids) as number[]) : [];
  await checkCostCenter(ctx.store, codes, venueId, costCenterId, names.costCenter);
  await checkTaxes(ctx.store, codes, venueId, excluded, 'excludedTaxIds');
  return {
    include_in_package: inPackage ? 1 : 0,
    booking_package_id: inPackage ? packageId : null,
    cost_center_id: costCenterId,
    cost: p.cost !== undefined ? cents(codes, p.cost, 'cost') : (current?.cost ?? 0),
    excluded_tax_ids: jsonIds(excluded),
  };
}
