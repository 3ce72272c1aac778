/**
 * Who a booking is for (add-or-update-booking.md, "Assigning a company/contact to the
 * booking"): a company booking names a company (companyId or a nested company) and, when it
 * names a contact, one that belongs to the company (a nested contact is linked to it); any
 * other booking is a contact booking for any contact of the account. Nested contacts and
 * companies go through the contact namespace's own add-or-update rules, as the crm's leads do.
 *
 * A quote of an opportunity has the opportunity's company and contact, whatever the request says.
 */
import type { ActionContext } from '../../../registry/context.js';
import { upsertCompany } from '../../contact/companies/upsert.js';
import { upsertContact } from '../../contact/contacts/upsert.js';
import { companyExists, contactExists, linkContactToCompany, worksFor } from '../../crm/links.js';
import { BOOKING_CODES, invalidData } from './errors.js';
import type { BookingParams } from './params.js';

export interface Party {
  companyId: number | null;
  contactId: number | null;
}

/** Whether the request names anyone. */
export const namesParty = (p: BookingParams): boolean =>
  p.companyId !== undefined || p.company !== undefined || p.contactId !== undefined || p.contact !== undefined;

/** Checks every id the request names; writes nothing. */
export async function checkParty(ctx: ActionContext, p: BookingParams): Promise<void> {
  if (p.companyId !== undefined && p.company !== undefined) throw invalidData(BOOKING_CODES, 'Send either companyId or company, not both');
  if (p.contactId !== undefined && p.contact !== undefined) throw invalidData(BOOKING_CODES, 'Send either contactId or contact, not both');
  if (p.contactId !== undefined && !(await contactExists(ctx, p.contactId))) {
    throw invalidData(BOOKING_CODES, `contactId: The contact ${p.contactId} does not exist`);
  }
  if (p.companyId !== undefined && !(await companyExists(ctx, p.companyId))) {
    throw invalidData(BOOKING_CODES, `companyId: The company ${p.companyId} does not exist`);
  }
  if (p.companyId !== undefined && p.contactId !== undefined && !(await worksFor(ctx, p.contactId, p.companyId))) {
    throw invalidData(BOOKING_CODES, `contactId: The contact ${p.contactId} does not belong to the company ${p.companyId}`);
  }
}

/** Creates or updates the nested records; returns the booking's company and contact. */
export async function applyParty(ctx: ActionContext, p: BookingParams, current: Party): Promise<Party> {
  if (!namesParty(p)) return current;
  const companyNamed = p.companyId !== undefined || p.company !== undefined;
  const companyId = p.companyId ?? (p.company ? (await upsertCompany(ctx, p.company)).id : null);
  const contactId = p.contactId ?? (p.contact ? (await upsertContact(ctx, p.contact, 'contact')).id : null);
  if (!companyNamed) return { companyId: null, contactId };
  if (companyId === null) return current;
  if (p.contact && contactId !== null) await linkContactToCompany(ctx, contactId, companyId);
  return { companyId, contactId };
}
