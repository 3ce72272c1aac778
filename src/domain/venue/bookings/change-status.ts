/**
 * venue.changeBookingStatus (change-booking-status.md): the quote-to-booking lifecycle.
 *
 *   1 Prospective, 9 Prospective Hold (quotes) ⇄ 2 Tentative, 3 Confirmed (bookings) → 4 Cancelled
 *
 * Moving to anything but Cancelled needs convertedStageId, the opportunity's new stage (with
 * an optional reason of that stage); a quote closed into a booking at a won or lost stage needs
 * convertedClosedDate; the Regretted stage needs marketplaceStageReasonType. Cancelling needs
 * cancelClosedDate; a quote may move its opportunity to cancelStageId, with a cancelReasonId of
 * that stage, a booking takes a cancelReasonId of the cancelled stage (stage-roles.ts). A
 * cancelled booking is final, and frees every space and resource its sessions held.
 *
 * The opportunity's changes are recorded through the crm's own tracking (OpportunityUpdated);
 * the booking's in the changelog, as changedByUserId or the key's user, and as BookingUpdated.
 */
import { z } from 'zod';
import type { Updateable } from 'kysely';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { date, id, intEnum, string } from '../../../registry/params.js';
import { userExists } from '../../account/users-store.js';
import { trackLeadChange } from '../../crm/leads/changes.js';
import type { CrmLeadsTable } from '../../crm/tables.js';
import { APPLY_TO } from '../../crm/reference/stages.js';
import { upserted, upsertResult } from '../spaces/upsert-result.js';
import { requireVenue } from '../venues/store.js';
import { trackBookingChange } from './changes.js';
import { guardBookingWrite, invalidData, requiredFor, STATUS_CODES } from './errors.js';
import { setOpportunityDetails } from './opportunity-details.js';
import { releaseBookingHoldings } from '../sessions/release.js';
import { followBookingStatus } from '../accommodation/allocations.js';
import { closes, stageRoles, type StageRoles } from './stage-roles.js';
import { isBooked, isQuote, MARKETPLACE_REGRET_REASONS, STATUS, STATUS_NAMES, TARGET_STATUSES, type BookingStatus } from './status.js';
import { requireBooking, type BookingRow } from './store.js';
import type { BookingsTable } from './tables.js';

export const statusParams = z.object({
  id: id(),
  venueId: id(),
  currentStatus: intEnum(TARGET_STATUSES),
  changedByUserId: id().optional(),
  cancelStageId: id().optional(),
  cancelReasonId: id().optional(),
  cancelLostToCompetition: string(255).optional(),
  cancelClosedDate: date().optional(),
  convertedStageId: id().optional(),
  convertedStageReasonId: id().optional(),
  marketplaceStageReasonType: intEnum(MARKETPLACE_REGRET_REASONS).optional(),
  convertedClosedDate: date().optional(),
});
export type StatusParams = z.output<typeof statusParams>;

const invalid = (...reasons: string[]) => invalidData(STATUS_CODES, ...reasons);
const required = (param: string) => requiredFor(STATUS_CODES, param);
const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`);

async function opportunityStage(ctx: ActionContext, param: string, stageId: number): Promise<void> {
  const stage = await ctx.store.selectFrom('crm_lead_stages').select(['id', 'apply_to']).where('id', '=', stageId).executeTakeFirst();
  if (!stage) throw invalid(`${param}: The stage ${stageId} does not exist`);
  if (stage.apply_to !== APPLY_TO.opportunity) throw invalid(`${param}: The stage ${stageId} is a lead stage, not an opportunity stage`);
}

async function reasonOf(ctx: ActionContext, param: string, reasonId: number, stageId: number | null, stageWord: string): Promise<void> {
  const reason = await ctx.store.selectFrom('crm_lead_stage_reasons').select('stage_id').where('id', '=', reasonId).executeTakeFirst();
  if (!reason) throw invalid(`${param}: The stage reason ${reasonId} does not exist`);
  if (stageId === null || reason.stage_id !== stageId) throw invalid(`${param}: The stage reason ${reasonId} is not a reason of the ${stageWord}`);
}

interface Plan {
  booking: Updateable<BookingsTable>;
  lead: Updateable<CrmLeadsTable>;
  details: { cancelled_quote_id?: number; confirmed_quote_id?: number; confirmed_quote_status?: number; marketplace_stage_reason_type?: number | null };
  release: boolean;
}

async function planCancel(ctx: ActionContext, p: StatusParams, booking: BookingRow, roles: StageRoles): Promise<Plan> {
  for (const param of ['convertedStageId', 'convertedStageReasonId', 'marketplaceStageReasonType', 'convertedClosedDate'] as const) {
    if (p[param] !== undefined) throw invalid(`${param}: Only when the status changes to anything but cancelled`);
  }
  if (p.cancelClosedDate === undefined) throw required('cancelClosedDate');
  const lead: Updateable<CrmLeadsTable> = { closed_at: midnight(p.cancelClosedDate) };
  if (p.cancelLostToCompetition !== undefined) lead.lost_to_competition = p.cancelLostToCompetition.trim() || null;
  const quote = isQuote(booking.current_status);
  if (quote) {
    if (p.cancelStageId !== undefined) {
      await opportunityStage(ctx, 'cancelStageId', p.cancelStageId);
      lead.stage_id = p.cancelStageId;
      lead.stage_reason_id = null;
    }
    if (p.cancelReasonId !== undefined) {
      if (p.cancelStageId === undefined) throw invalid('cancelReasonId: Cancelling a quote with a reason needs the cancelStageId the reason belongs to');
      await reasonOf(ctx, 'cancelReasonId', p.cancelReasonId, p.cancelStageId, 'cancelStageId stage');
      lead.stage_reason_id = p.cancelReasonId;
    }
  } else {
    if (p.cancelStageId !== undefined) throw invalid('cancelStageId: Only when cancelling a quote (a prospective status); a cancelled booking goes to the cancelled stage');
    if (p.cancelReasonId !== undefined) await reasonOf(ctx, 'cancelReasonId', p.cancelReasonId, roles.cancelled, 'cancelled stage');
    if (roles.cancelled !== null) {
      lead.stage_id = roles.cancelled;
      lead.stage_reason_id = p.cancelReasonId ?? null;
    }
  }
  return {
    booking: {
      current_status: STATUS.cancelled,
      converted_to_cancelled_at: ctx.now,
      cancelled_on: p.cancelClosedDate,
      cancel_reason_id: p.cancelReasonId ?? null,
      cancel_lost_to_competition: p.cancelLostToCompetition?.trim() || null,
    },
    lead,
    details: quote ? { cancelled_quote_id: booking.id } : {},
    release: true,
  };
}

async function planConvert(ctx: ActionContext, p: StatusParams, booking: BookingRow, roles: StageRoles, to: BookingStatus): Promise<Plan> {
  for (const param of ['cancelStageId', 'cancelReasonId', 'cancelLostToCompetition', 'cancelClosedDate'] as const) {
    if (p[param] !== undefined) throw invalid(`${param}: Only when the status changes to cancelled`);
  }
  if (p.convertedStageId === undefined) throw required('convertedStageId');
  const stageId = p.convertedStageId;
  await opportunityStage(ctx, 'convertedStageId', stageId);
  if (p.convertedStageReasonId !== undefined) await reasonOf(ctx, 'convertedStageReasonId', p.convertedStageReasonId, stageId, 'convertedStageId stage');
  const regretted = roles.regretted !== null && stageId === roles.regretted;
  if (regretted && p.marketplaceStageReasonType === undefined) throw required('marketplaceStageReasonType');
  if (!regretted && p.marketplaceStageReasonType !== undefined) throw invalid('marketplaceStageReasonType: Only when convertedStageId is the regretted stage');
  const closing = isQuote(booking.current_status) && isBooked(to);
  if (closing && closes(roles, stageId) && p.convertedClosedDate === undefined) throw required('convertedClosedDate');

  const lead: Updateable<CrmLeadsTable> = { stage_id: stageId, stage_reason_id: p.convertedStageReasonId ?? null };
  if (p.convertedClosedDate !== undefined) lead.closed_at = midnight(p.convertedClosedDate);
  const set: Updateable<BookingsTable> = { current_status: to };
  if (to === STATUS.tentative && booking.current_status !== STATUS.tentative) set.converted_to_tentative_at = ctx.now;
  if (to === STATUS.confirmed && booking.current_status !== STATUS.confirmed) set.converted_to_confirmed_at = ctx.now;
  return {
    booking: set,
    lead,
    details: {
      ...(closing ? { confirmed_quote_id: booking.id, confirmed_quote_status: to } : {}),
      ...(regretted ? { marketplace_stage_reason_type: p.marketplaceStageReasonType! } : {}),
    },
    release: false,
  };
}

async function changeStatus(ctx: ActionContext, p: StatusParams) {
  await requireVenue(ctx.store, p.venueId);
  const booking = await requireBooking(ctx.store, p.id, p.venueId);
  if (p.changedByUserId !== undefined && !(await userExists(ctx.store, p.changedByUserId))) {
    throw invalid(`changedByUserId: The user ${p.changedByUserId} does not exist`);
  }
  const from = booking.current_status;
  if (from === STATUS.cancelled) throw invalid('currentStatus: The booking is cancelled; a cancelled booking keeps its status');
  if (!(TARGET_STATUSES as readonly number[]).includes(from)) {
    throw invalid(`currentStatus: A booking in the ${STATUS_NAMES[from as BookingStatus] ?? from} status cannot change status`);
  }
  const to = p.currentStatus;
  const roles = await stageRoles(ctx.store);
  const plan = to === STATUS.cancelled ? await planCancel(ctx, p, booking, roles) : await planConvert(ctx, p, booking, roles, to);

  const lead = plan.lead;
  await trackLeadChange(ctx, booking.lead_id, async () => {
    const current = await ctx.store.selectFrom('crm_leads').select('stage_id').where('id', '=', booking.lead_id).executeTakeFirstOrThrow();
    const moved = lead.stage_id !== undefined && lead.stage_id !== current.stage_id;
    await ctx.store
      .updateTable('crm_leads')
      .set({ ...lead, ...(moved ? { admin_status_changed_at: ctx.now } : {}) })
      .where('id', '=', booking.lead_id)
      .execute();
  });
  await setOpportunityDetails(ctx, booking.lead_id, plan.details);
  const who = p.changedByUserId ?? ctx.caller.userId;
  await trackBookingChange(
    ctx,
    booking.id,
    async () => {
      await ctx.store.updateTable('bookings').set(plan.booking).where('id', '=', booking.id).execute();
      if (plan.release) await releaseBookingHoldings(ctx.store, booking.id);
      await followBookingStatus(ctx, booking.id);
    },
    () => `Status changed from ${STATUS_NAMES[from as BookingStatus]} to ${STATUS_NAMES[to]}`,
    who,
  );
  return upserted(booking.id);
}

export const changeBookingStatus = defineAction({
  namespace: 'venue',
  action: 'changeBookingStatus',
  kind: 'write',
  params: statusParams,
  result: upsertResult,
  handler: (ctx, p) => guardBookingWrite(ctx, STATUS_CODES, () => changeStatus(ctx, p)),
});
