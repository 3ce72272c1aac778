/**
 * What a task or an activity belongs to (add-or-update-task.md, add-or-update-activity.md):
 * either a lead/opportunity, a contact, or a company — and, when both a company and a contact
 * are named, the company, with the contact linked to it as a company contact. An opportunity's
 * task must name the opportunity's venue. An update that names none of them keeps the owner.
 */
import { ApiError } from '../../protocol/errors.js';
import { isRequired } from '../../protocol/specific-codes.js';
import type { ActionContext } from '../../registry/context.js';
import { companyNotFoundError, contactNotFoundError, leadNotFoundError, type OwnedPageCodes } from './errors.js';
import { findLead } from './leads/store.js';
import { companyExists, contactExists, linkContactToCompany } from './links.js';

export interface OwnerInput {
  venueId?: number | undefined;
  leadId?: number | undefined;
  contactId?: number | undefined;
  companyId?: number | undefined;
}

export interface OwnerColumns {
  venue_id: number | null;
  lead_id: number | null;
  contact_id: number | null;
  company_id: number | null;
  company_contact_id: number | null;
}

export interface OwnerPlan {
  columns: OwnerColumns;
  /** A contact to link to the company before writing. */
  link?: { contactId: number; companyId: number };
}

/** Checks the named owner; writes nothing. */
export async function planOwner(
  ctx: ActionContext,
  codes: OwnedPageCodes,
  input: OwnerInput,
  current: OwnerColumns | undefined,
): Promise<OwnerPlan> {
  const named = input.leadId !== undefined || input.contactId !== undefined || input.companyId !== undefined;
  if (!named) {
    const base: OwnerColumns = {
      venue_id: current?.venue_id ?? null,
      lead_id: current?.lead_id ?? null,
      contact_id: current?.contact_id ?? null,
      company_id: current?.company_id ?? null,
      company_contact_id: current?.company_contact_id ?? null,
    };
    if (input.venueId !== undefined && base.lead_id !== null) {
      // The task stays with its lead; an opportunity's venue cannot be swapped under it.
      const lead = await findLead(ctx.store, base.lead_id);
      if (lead && lead.venue_id !== null && lead.venue_id !== input.venueId) throw leadNotFoundError(codes.leadNotFound);
    }
    return { columns: { ...base, venue_id: input.venueId ?? base.venue_id } };
  }
  if (input.leadId !== undefined && (input.contactId !== undefined || input.companyId !== undefined)) {
    throw new ApiError(400, codes.oneOwner[0], codes.oneOwner[1]);
  }
  if (input.leadId !== undefined) {
    const lead = await findLead(ctx.store, input.leadId);
    if (!lead) throw leadNotFoundError(codes.leadNotFound);
    if (lead.venue_id !== null) {
      if (input.venueId === undefined) throw isRequired('venueId');
      if (input.venueId !== lead.venue_id) throw leadNotFoundError(codes.leadNotFound);
    }
    return {
      columns: {
        venue_id: lead.venue_id ?? input.venueId ?? null,
        lead_id: lead.id,
        contact_id: null,
        company_id: null,
        company_contact_id: null,
      },
    };
  }
  if (input.contactId !== undefined && !(await contactExists(ctx, input.contactId))) {
    throw contactNotFoundError(codes.contactNotFound);
  }
  if (input.companyId !== undefined && !(await companyExists(ctx, input.companyId))) {
    throw companyNotFoundError(codes.companyNotFound);
  }
  const venueId = input.venueId ?? current?.venue_id ?? null;
  if (input.companyId !== undefined) {
    return {
      columns: {
        venue_id: venueId,
        lead_id: null,
        contact_id: null,
        company_id: input.companyId,
        company_contact_id: input.contactId ?? null,
      },
      ...(input.contactId !== undefined ? { link: { contactId: input.contactId, companyId: input.companyId } } : {}),
    };
  }
  return {
    columns: { venue_id: venueId, lead_id: null, contact_id: input.contactId ?? null, company_id: null, company_contact_id: null },
  };
}

export async function applyOwner(ctx: ActionContext, plan: OwnerPlan): Promise<OwnerColumns> {
  if (plan.link) await linkContactToCompany(ctx, plan.link.contactId, plan.link.companyId);
  return plan.columns;
}
