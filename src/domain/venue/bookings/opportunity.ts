/**
 * venue.addOrUpdateOpportunity, addOrUpdateOpportunityNote and convertLeadToOpportunity. An
 * opportunity is a crm lead with a venue (crm/tables.ts), so these go through the crm's own
 * store functions — upsertLead, upsertNote, trackLeadChange — with this page's codes in place
 * of the lead pages' (24215/24216/24218 become 24221/24222/24224).
 *
 * What the lead table has no column for (the utm campaign fields, the referral of a Referral
 * Program source, the confirmed and cancelled quotes) is kept in venue_opportunity_details.
 */
import type { Updateable } from 'kysely';
import { z } from 'zod';
import { ApiError } from '../../../protocol/errors.js';
import { doesNotValidate, isRequired } from '../../../protocol/specific-codes.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { date, id, intEnum, string } from '../../../registry/params.js';
import { companyInput } from '../../contact/companies/params.js';
import { upsertCompany } from '../../contact/companies/upsert.js';
import { contactInput } from '../../contact/contacts/params.js';
import { upsertContact } from '../../contact/contacts/upsert.js';
import { externalUrlsInput, mergeExternalUrls, parseExternalUrls, serialiseExternalUrls } from '../../contact/external-urls.js';
import { guardWrite, leadNotFoundError, LEAD_CODES, NOTE_CODES } from '../../crm/errors.js';
import { companyExists, contactExists } from '../../crm/links.js';
import { trackLeadChange } from '../../crm/leads/changes.js';
import { leadInput } from '../../crm/leads/params.js';
import { findLead, type LeadRow } from '../../crm/leads/store.js';
import { upsertLead } from '../../crm/leads/upsert.js';
import { noteParams, upsertNote } from '../../crm/notes/actions.js';
import { APPLY_TO } from '../../crm/reference/stages.js';
import type { CrmLeadsTable } from '../../crm/tables.js';
import { upserted, upsertResult } from '../spaces/upsert-result.js';
import { requireVenue } from '../venues/store.js';
import { CONVERT_CODES, OPPORTUNITY_CODES, OPPORTUNITY_NOTE_VENUE_NOT_FOUND } from './errors.js';
import { setOpportunityDetails } from './opportunity-details.js';
import { STATUS } from './status.js';

const opportunityInvalid = (reason: string) => new ApiError(400, OPPORTUNITY_CODES.invalid, 'The opportunity details are invalid', [reason]);
const opportunityNotFound = () => new ApiError(404, OPPORTUNITY_CODES.notFound, 'The opportunity does not exist');

/** The lead pages' codes, as this page numbers them. */
function asOpportunityError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.specificCode === LEAD_CODES.empty) return new ApiError(400, OPPORTUNITY_CODES.empty, 'The request is empty');
  if (error.specificCode === LEAD_CODES.notFound) return opportunityNotFound();
  if (error.specificCode === LEAD_CODES.invalid) return new ApiError(400, OPPORTUNITY_CODES.invalid, 'The opportunity details are invalid', error.additionalMessages);
  return error;
}

export const opportunityParams = leadInput.extend({
  venueId: id(),
  utmSource: string(255).optional(),
  utmMedium: string(255).optional(),
  utmCampaign: string(255).optional(),
  utmTerm: string(255).optional(),
  utmContent: string(255).nullable().optional(),
  referralContactId: id().optional(),
  referralContact: contactInput.optional(),
  referralCompanyId: id().optional(),
  referralCompany: companyInput.optional(),
  confirmedQuoteId: id().optional(),
  confirmedQuoteStatus: intEnum([STATUS.tentative, STATUS.confirmed] as const).optional(),
  cancelledQuoteId: id().optional(),
  // "integer" on the page, text in getOpportunityList: numbers are kept as their text.
  lostToCompetition: string(255).nullable().optional(),
  closedDate: date().nullable().optional(),
  externalUrls: externalUrlsInput(),
});
type OpportunityParams = z.output<typeof opportunityParams>;

const EXTRA_KEYS = [
  'utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent', 'referralContactId', 'referralContact', 'referralCompanyId',
  'referralCompany', 'confirmedQuoteId', 'confirmedQuoteStatus', 'cancelledQuoteId', 'lostToCompetition', 'closedDate', 'externalUrls',
] as const;

/** A quote the opportunity names must be one of its own bookings. */
async function ownQuote(ctx: ActionContext, param: string, bookingId: number, leadId: number | undefined): Promise<void> {
  const row = await ctx.store.selectFrom('bookings').select('lead_id').where('id', '=', bookingId).executeTakeFirst();
  if (!row || row.lead_id !== leadId) throw opportunityInvalid(`${param}: The booking ${bookingId} is not a quote of this opportunity`);
}

async function checkReferral(ctx: ActionContext, p: OpportunityParams, current: LeadRow | undefined): Promise<void> {
  if (p.referralContactId !== undefined && !(await contactExists(ctx, p.referralContactId))) {
    throw opportunityInvalid(`referralContactId: The contact ${p.referralContactId} does not exist`);
  }
  if (p.referralCompanyId !== undefined && !(await companyExists(ctx, p.referralCompanyId))) {
    throw opportunityInvalid(`referralCompanyId: The company ${p.referralCompanyId} does not exist`);
  }
  const sourceId = p.sourceId ?? current?.source_id ?? null;
  const sourceChanged = p.sourceId !== undefined && p.sourceId !== current?.source_id;
  if (sourceId === null || !(current === undefined || sourceChanged)) return;
  const source = await ctx.store.selectFrom('crm_lead_sources').select('is_referral').where('id', '=', sourceId).executeTakeFirst();
  const named = [p.referralContactId, p.referralContact, p.referralCompanyId, p.referralCompany].some((v) => v !== undefined);
  if (source?.is_referral === 1 && !named) throw isRequired('referralContactId');
}

async function upsertOpportunity(ctx: ActionContext, p: OpportunityParams) {
  const venue = await requireVenue(ctx.store, p.venueId);
  const current = p.id === undefined ? undefined : await findLead(ctx.store, p.id);
  if (p.id !== undefined && (!current || current.venue_id !== venue.id)) throw opportunityNotFound();
  const { venueId: _venue, ...rest } = p;
  const lead = Object.fromEntries(Object.entries(rest).filter(([key]) => !(EXTRA_KEYS as readonly string[]).includes(key)));
  const extras = EXTRA_KEYS.filter((key) => p[key] !== undefined);
  if (!Object.entries(lead).some(([key, v]) => key !== 'id' && v !== undefined) && extras.length === 0) {
    throw new ApiError(400, OPPORTUNITY_CODES.empty, 'The request is empty');
  }
  await checkReferral(ctx, p, current);
  if (p.confirmedQuoteId !== undefined) await ownQuote(ctx, 'confirmedQuoteId', p.confirmedQuoteId, current?.id);
  if (p.cancelledQuoteId !== undefined) await ownQuote(ctx, 'cancelledQuoteId', p.cancelledQuoteId, current?.id);

  const columns: Updateable<CrmLeadsTable> = {};
  if (p.lostToCompetition !== undefined) columns.lost_to_competition = p.lostToCompetition?.trim() || null;
  if (p.closedDate !== undefined) columns.closed_at = p.closedDate === null ? null : Date.parse(`${p.closedDate}T00:00:00Z`);
  if (p.externalUrls !== undefined) {
    const merged = mergeExternalUrls(parseExternalUrls(current?.external_urls ?? null), p.externalUrls);
    if ('error' in merged) throw opportunityInvalid(`externalUrls: ${merged.error}`);
    columns.external_urls = serialiseExternalUrls(merged.urls);
  }
  if (p.confirmedQuoteId !== undefined) columns.current_booking_id = p.confirmedQuoteId;

  let leadId = current?.id;
  const leadNamed = Object.entries(lead).some(([key, v]) => key !== 'id' && v !== undefined);
  if (leadNamed || Object.keys(columns).length > 0 || !current) {
    try {
      leadId = (await upsertLead(ctx, lead as z.output<typeof leadInput>, { venueId: venue.id, columns })).id;
    } catch (error) {
      throw asOpportunityError(error);
    }
  }
  const referralContactId = p.referralContactId ?? (p.referralContact ? (await upsertContact(ctx, p.referralContact, 'referralContact')).id : undefined);
  const referralCompanyId = p.referralCompanyId ?? (p.referralCompany ? (await upsertCompany(ctx, p.referralCompany)).id : undefined);
  const adding = current === undefined;
  await setOpportunityDetails(ctx, leadId!, {
    // The campaign of an opportunity is where it came from: set when adding only, as the page says (utmContent aside).
    ...(adding ? { utm_source: p.utmSource, utm_medium: p.utmMedium, utm_campaign: p.utmCampaign, utm_term: p.utmTerm } : {}),
    utm_content: p.utmContent,
    referral_contact_id: referralContactId,
    referral_company_id: referralCompanyId,
    confirmed_quote_id: p.confirmedQuoteId,
    confirmed_quote_status: p.confirmedQuoteStatus,
    cancelled_quote_id: p.cancelledQuoteId,
  });
  return upserted(leadId!);
}

export const addOrUpdateOpportunity = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateOpportunity',
  kind: 'write',
  params: opportunityParams,
  result: upsertResult,
  // The page documents no "An error has occurred" code: an unforeseen failure is the platform's 500.
  handler: (ctx, p) => upsertOpportunity(ctx, p),
});

export const addOrUpdateOpportunityNote = defineAction({
  namespace: 'venue',
  action: 'addOrUpdateOpportunityNote',
  kind: 'write',
  params: noteParams.extend({ venueId: id() }),
  result: upsertResult,
  handler: (ctx, { venueId, ...note }) =>
    guardWrite(ctx, NOTE_CODES.failed, async () => {
      await requireVenue(ctx.store, venueId, OPPORTUNITY_NOTE_VENUE_NOT_FOUND);
      // Only the notes of the venue's opportunities: the lead named, or the one the note is of.
      let leadId = note.leadId;
      if (leadId === undefined && note.id !== undefined) {
        leadId = (await ctx.store.selectFrom('crm_lead_notes').select('lead_id').where('id', '=', note.id).executeTakeFirst())?.lead_id;
      }
      if (leadId !== undefined) {
        const lead = await findLead(ctx.store, leadId);
        if (!lead || lead.venue_id !== venueId) throw leadNotFoundError(NOTE_CODES.leadNotFound);
      }
      return upsertNote(ctx, note);
    }),
});

export const convertLeadToOpportunity = defineAction({
  namespace: 'venue',
  action: 'convertLeadToOpportunity',
  kind: 'write',
  params: z.object({ leadId: id().optional(), venueId: id().optional(), stageId: id().optional() }),
  result: z.strictObject({ success: z.literal(true) }),
  async handler(ctx, p) {
      if (p.leadId === undefined && p.venueId === undefined && p.stageId === undefined) {
        throw new ApiError(400, CONVERT_CODES.empty, 'The request is empty');
      }
      if (p.leadId === undefined) throw isRequired('leadId');
      if (p.venueId === undefined) throw isRequired('venueId');
      const lead = await findLead(ctx.store, p.leadId);
      if (!lead) throw new ApiError(404, CONVERT_CODES.notFound, 'The lead does not exist');
      if (lead.venue_id !== null) throw new ApiError(404, CONVERT_CODES.notFound, 'The lead does not exist', [`${lead.id} is already an opportunity`]);
      await requireVenue(ctx.store, p.venueId);
      if (p.stageId !== undefined) {
        const stage = await ctx.store.selectFrom('crm_lead_stages').select('apply_to').where('id', '=', p.stageId).executeTakeFirst();
        if (!stage || stage.apply_to !== APPLY_TO.opportunity) throw doesNotValidate('stageId', [`The stage ${p.stageId} is not an opportunity stage`]);
      }
      // A lead's stage applies to leads: the opportunity starts at the stage named, or none.
      await trackLeadChange(ctx, lead.id, async () => {
        await ctx.store
          .updateTable('crm_leads')
          .set({ venue_id: p.venueId!, stage_id: p.stageId ?? null, stage_reason_id: null, admin_status_changed_at: ctx.now })
          .where('id', '=', lead.id)
          .execute();
      });
      return { success: true as const };
  },
});
