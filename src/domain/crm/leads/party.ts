/**
 * Who a lead is for (add-or-update-lead.md, "Assigning a company/contact to the lead"): a
 * company lead names a company (companyId or a nested company) and one of its contacts
 * (companyLeadContactId, contactId or a nested contact, which is then linked to the company);
 * otherwise the lead is a contact lead for any contact of the account. Nested contacts and
 * companies go through the contact namespace's own add-or-update rules.
 */
import { isRequired } from '../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../registry/context.js';
import type { CompanyInput } from '../../contact/companies/params.js';
import { upsertCompany } from '../../contact/companies/upsert.js';
import type { ContactInput } from '../../contact/contacts/params.js';
import { upsertContact } from '../../contact/contacts/upsert.js';
import { companyExists, contactExists, linkContactToCompany, worksFor } from '../links.js';
import { invalidLead } from './errors.js';
import type { LeadInput } from './params.js';
import type { LeadRow } from './store.js';

export type PartyPlan =
  | { kind: 'unchanged' }
  | {
      kind: 'company';
      companyId?: number;
      company?: CompanyInput;
      contactId?: number;
      contact?: ContactInput;
    }
  | { kind: 'contact'; contactId?: number; contact?: ContactInput };

/** Decides the contact type and checks every id the request names; writes nothing. */
export async function planParty(ctx: ActionContext, input: LeadInput, current: LeadRow | undefined): Promise<PartyPlan> {
  const companyNamed = input.companyId !== undefined || input.company !== undefined;
  const contactNamed = input.contactId !== undefined || input.contact !== undefined || input.companyLeadContactId !== undefined;
  if (current && !companyNamed && !contactNamed) return { kind: 'unchanged' };

  if (input.companyId !== undefined && input.company !== undefined) throw invalidLead('Send either companyId or company, not both');
  if (input.contactId !== undefined && input.contact !== undefined) throw invalidLead('Send either contactId or contact, not both');
  if (
    input.companyLeadContactId !== undefined &&
    input.contactId !== undefined &&
    input.companyLeadContactId !== input.contactId
  ) {
    throw invalidLead('companyLeadContactId and contactId name different contacts');
  }
  if (input.companyLeadContactId !== undefined && input.contact !== undefined) {
    throw invalidLead('Send either companyLeadContactId or contact, not both');
  }
  const contactId = input.companyLeadContactId ?? input.contactId;
  if (contactId !== undefined && !(await contactExists(ctx, contactId))) throw invalidLead(`The contact ${contactId} does not exist`);
  if (input.companyId !== undefined && !(await companyExists(ctx, input.companyId))) {
    throw invalidLead(`The company ${input.companyId} does not exist`);
  }

  // A company lead stays one when an update only names its lead contact.
  const companyLead = companyNamed || (input.companyLeadContactId !== undefined && current?.company_id != null);
  if (companyLead) {
    if (!current && contactId === undefined && input.contact === undefined) throw isRequired('companyLeadContactId');
    return {
      kind: 'company',
      ...(input.companyId !== undefined ? { companyId: input.companyId } : {}),
      ...(input.company !== undefined ? { company: input.company } : {}),
      ...(contactId !== undefined ? { contactId } : {}),
      ...(input.contact !== undefined ? { contact: input.contact } : {}),
    };
  }
  if (input.companyLeadContactId !== undefined) throw invalidLead('companyLeadContactId needs companyId or company');
  if (!current && input.contactId === undefined && input.contact === undefined) throw isRequired('contactId');
  return {
    kind: 'contact',
    ...(input.contactId !== undefined ? { contactId: input.contactId } : {}),
    ...(input.contact !== undefined ? { contact: input.contact } : {}),
  };
}

/** Creates or updates the nested records and returns the lead's contact and company. */
export async function applyParty(
  ctx: ActionContext,
  plan: PartyPlan,
  current: LeadRow | undefined,
): Promise<{ contactId: number | null; companyId: number | null }> {
  if (plan.kind === 'unchanged') return { contactId: current?.contact_id ?? null, companyId: current?.company_id ?? null };
  if (plan.kind === 'contact') {
    const contactId = plan.contactId ?? (await upsertContact(ctx, plan.contact!, 'contact')).id;
    return { contactId, companyId: null };
  }
  const companyId = plan.companyId ?? (plan.company ? (await upsertCompany(ctx, plan.company)).id : current?.company_id ?? null);
  if (companyId === null) throw isRequired('companyId');
  if (plan.contact) {
    const contactId = (await upsertContact(ctx, plan.contact, 'contact')).id;
    await linkContactToCompany(ctx, contactId, companyId);
    return { contactId, companyId };
  }
  const contactId = plan.contactId ?? current?.contact_id ?? null;
  if (contactId === null) throw isRequired('companyLeadContactId');
  if (!(await worksFor(ctx, contactId, companyId))) {
    throw invalidLead(`The contact ${contactId} does not belong to the company ${companyId}`);
  }
  return { contactId, companyId };
}
