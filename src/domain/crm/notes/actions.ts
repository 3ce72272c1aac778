/**
 * getLeadNoteList, getOpportunityNoteList (documented on the misspelt page
 * crm/get-opportuntiy-note-list.md) and addOrUpdateLeadNote. A note belongs to a lead or an
 * opportunity (one table); its changes are recorded as CrmLeadNote… (crm-endpoint.md) and do
 * not move the lead's own modifiedDate.
 */
import { z } from 'zod';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction, type ListRows } from '../../../registry/define-list-action.js';
import { collection, id, text } from '../../../registry/params.js';
import { isRequired } from '../../../protocol/specific-codes.js';
import type { FilterSpec } from '../../../storage/collection.js';
import { modifiedDateFilters } from '../../contact/modified-filters.js';
import { guardWrite, invalid, leadNotFoundError, NOTE_CODES, notFound, rejected } from '../errors.js';
import { findLead, type LeadRow } from '../leads/store.js';
import { instantText, upserted, upsertResult } from '../schemas.js';
import { findNote, noteShape, type NoteRow } from './store.js';

const NOTE_TEXT_MAX = 65_535;

const noteResult = z.strictObject({
  id: z.number().int(),
  leadId: z.number().int(),
  note: z.string(),
  createdByUserId: z.number().int().nullable(),
  createdDate: instantText,
  modifiedDate: instantText,
});

const filters: FilterSpec<'crm_lead_notes'> = {
  id: { column: 'crm_lead_notes.id', type: 'integer' },
  note: { column: 'crm_lead_notes.note_text', type: 'string' },
  createdByUserId: { column: 'crm_lead_notes.created_by_user_id', type: 'integer' },
  createdDate: { column: 'crm_lead_notes.created_at', type: 'timestamp' },
  modifiedDate: { column: 'crm_lead_notes.modified_at', type: 'timestamp' },
  ...modifiedDateFilters('crm_lead_notes.modified_at'),
};

const leadMissing = () => leadNotFoundError(NOTE_CODES.leadNotFound);

function notesOf(ctx: ActionContext, lead: LeadRow): ListRows<'crm_lead_notes', NoteRow> {
  return {
    from: ctx.store.selectFrom('crm_lead_notes'),
    idColumn: 'crm_lead_notes.id',
    select: (qb) => qb.selectAll('crm_lead_notes'),
    where: (eb) => eb('crm_lead_notes.lead_id', '=', lead.id),
  };
}

export const getLeadNoteList = defineListAction({
  namespace: 'crm',
  action: 'getLeadNoteList',
  params: { ...collection, leadId: id() },
  filters,
  item: noteResult,
  async rows(ctx, params) {
    const lead = await findLead(ctx.store, params.leadId);
    if (!lead) throw leadMissing();
    return notesOf(ctx, lead);
  },
  items: (rows) => rows.map(noteShape),
});

export const getOpportunityNoteList = defineListAction({
  namespace: 'crm',
  action: 'getOpportunityNoteList',
  params: { ...collection, leadId: id(), venueId: id().optional() },
  filters,
  item: noteResult,
  async rows(ctx, params) {
    const lead = await findLead(ctx.store, params.leadId);
    // Only an opportunity (a lead with a venue) — of the venue named, when one is.
    if (!lead || lead.venue_id === null || (params.venueId !== undefined && lead.venue_id !== params.venueId)) {
      throw leadMissing();
    }
    return notesOf(ctx, lead);
  },
  items: (rows) => rows.map(noteShape),
});

export const noteParams = z.object({ id: id().optional(), leadId: id().optional(), note: text(NOTE_TEXT_MAX).optional() });

/** Adds or updates a note of a lead or opportunity; also venue.addOrUpdateOpportunityNote's (same codes). */
export async function upsertNote(ctx: ActionContext, params: z.output<typeof noteParams>) {
  if (params.id === undefined) {
    if (params.leadId === undefined) throw isRequired('leadId');
    if (params.note === undefined) throw isRequired('note');
    if (!(await findLead(ctx.store, params.leadId))) throw leadMissing();
    const row = await ctx.store
      .insertInto('crm_lead_notes', {
        lead_id: params.leadId,
        note_text: params.note,
        created_by_user_id: ctx.caller.userId,
        created_at: ctx.now,
        modified_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.recordChange('CrmLeadNoteAdded', { data: noteShape(row) });
    return upserted(row.id);
  }

  const before = await findNote(ctx.store, params.id);
  if (!before) throw notFound(NOTE_CODES);
  if (params.leadId !== undefined && params.leadId !== before.lead_id) {
    if (!(await findLead(ctx.store, params.leadId))) throw leadMissing();
    throw rejected(NOTE_CODES, `The note ${before.id} belongs to another lead`);
  }
  if (params.note === undefined) throw invalid(NOTE_CODES, 'Nothing to update: the request names no field of the note');
  if (params.note === before.note_text) return upserted(before.id);
  const after = await ctx.store
    .updateTable('crm_lead_notes')
    .set({ note_text: params.note, modified_at: ctx.now })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.recordChange('CrmLeadNoteUpdated', { data: noteShape(after), previousData: noteShape(before) });
  return upserted(after.id);
}

export const addOrUpdateLeadNote = defineAction({
  namespace: 'crm',
  action: 'addOrUpdateLeadNote',
  kind: 'write',
  params: noteParams,
  result: upsertResult,
  handler: (ctx, params) => guardWrite(ctx, NOTE_CODES.failed, () => upsertNote(ctx, params)),
});
