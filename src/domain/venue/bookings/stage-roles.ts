/**
 * The opportunity stages change-booking-status.md gives a meaning to: "won" and "lost" (a quote
 * closed either way needs convertedClosedDate), "cancelled" (the stage whose reasons a cancelled
 * booking's cancelReasonId must be one of) and "regretted" (the marketplace's "we regret we
 * cannot host you", which needs marketplaceStageReasonType).
 *
 * They are the account's built-in opportunity stages (is_system, applyTo 1, not editable through
 * the API) named Won, Lost, Cancelled and Regretted. An account without a built-in Cancelled
 * stage cancels into its Lost stage, since a cancelled booking is a lost opportunity; one
 * without a Regretted stage has no regret to give a reason for.
 */
import type { Scope } from '../../../storage/scope.js';
import { APPLY_TO } from '../../crm/reference/stages.js';

export interface StageRoles {
  won: number | null;
  lost: number | null;
  cancelled: number | null;
  regretted: number | null;
}

export const ROLE_NAMES = { won: 'Won', lost: 'Lost', cancelled: 'Cancelled', regretted: 'Regretted' } as const;

export async function stageRoles(store: Scope): Promise<StageRoles> {
  const rows = await store
    .selectFrom('crm_lead_stages')
    .select(['id', 'name'])
    .where('is_system', '=', 1)
    .where('apply_to', '=', APPLY_TO.opportunity)
    .orderBy('id')
    .execute();
  const named = (name: string) => rows.find((r) => r.name.trim().toLowerCase() === name.toLowerCase())?.id ?? null;
  const lost = named(ROLE_NAMES.lost);
  return { won: named(ROLE_NAMES.won), lost, cancelled: named(ROLE_NAMES.cancelled) ?? lost, regretted: named(ROLE_NAMES.regretted) };
}

/** Whether the stage closes the opportunity one way or the other (a quote won or lost). */
export const closes = (roles: StageRoles, stageId: number): boolean =>
  stageId === roles.won || stageId === roles.lost || stageId === roles.cancelled || stageId === roles.regretted;
