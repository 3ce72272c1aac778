/**
 * getContactNoteList, getCompanyNoteList, addOrUpdateContactNote, addOrUpdateCompanyNote.
 * Notes are not part of the contact's or company's own shape, so writing one does not move
 * the owner's modifiedDate; it records its own ContactNote… / CompanyNote… change.
 */
import { z } from 'zod';
import type { Subject } from '../../../outbox/subjects.js';
import type { ActionContext } from '../../../registry/context.js';
import { defineAction } from '../../../registry/define-action.js';
import { defineListAction } from '../../../registry/define-list-action.js';
import { id, text } from '../../../registry/params.js';
import { existingContactIds } from '../contacts/store.js';
import { existingCompanyIds } from '../companies/store.js';
import { companyNotFound, contactNotFound, invalid, required } from '../errors.js';
import { companyNoteResult, companyNoteShape, contactNoteResult, contactNoteShape } from './schemas.js';
import { findNote, insertNote, selectCompanyNote, selectContactNote, updateNoteText, type NoteOwner, type NoteRow } from './store.js';

const NOTE_TEXT_MAX = 65_535;

interface OwnerRules {
  ownerParam: 'contactId' | 'companyId';
  exists(ctx: ActionContext, ownerId: number): Promise<boolean>;
  notFound(): Error;
  shape(row: NoteRow): Record<string, unknown>;
  added: Subject;
  updated: Subject;
}

const RULES: Record<NoteOwner, OwnerRules> = {
  contact: {
    ownerParam: 'contactId',
    exists: async (ctx, ownerId) => (await existingContactIds(ctx.store, [ownerId])).has(ownerId),
    notFound: contactNotFound,
    shape: contactNoteShape,
    added: 'ContactNoteAdded',
    updated: 'ContactNoteUpdated',
  },
  company: {
    ownerParam: 'companyId',
    exists: async (ctx, ownerId) => (await existingCompanyIds(ctx.store, [ownerId])).has(ownerId),
    notFound: companyNotFound,
    shape: companyNoteShape,
    added: 'CompanyNoteAdded',
    updated: 'CompanyNoteUpdated',
  },
};

/** The owner's 404 (contactNotFound, companyNotFound), before its notes are read or written. */
async function ownerMustExist(ctx: ActionContext, owner: NoteOwner, ownerId: number): Promise<void> {
  const rules = RULES[owner];
  if (!(await rules.exists(ctx, ownerId))) throw rules.notFound();
}

const upsertParams = {
  id: id().optional(),
  noteText: text(NOTE_TEXT_MAX).optional(),
};

async function upsertNote(
  ctx: ActionContext,
  owner: NoteOwner,
  params: { id?: number | undefined; ownerId?: number | undefined; noteText?: string | undefined },
) {
  const rules = RULES[owner];
  if (params.id === undefined) {
    if (params.ownerId === undefined) throw required(rules.ownerParam);
    if (params.noteText === undefined) throw required('noteText');
    await ownerMustExist(ctx, owner, params.ownerId);
    const noteId = await insertNote(ctx.store, owner, {
      ownerId: params.ownerId,
      text: params.noteText,
      userId: ctx.caller.userId,
      now: ctx.now,
    });
    const row = await findNote(ctx.store, owner, noteId);
    await ctx.recordChange(rules.added, { data: rules.shape(row!) });
    return { success: true as const, id: noteId };
  }

  const before = await findNote(ctx.store, owner, params.id);
  if (!before) throw invalid('id', `The ${owner} note ${params.id} does not exist`);
  if (params.ownerId !== undefined && params.ownerId !== before.owner_id) {
    throw invalid(rules.ownerParam, `The ${owner} note ${params.id} belongs to another ${owner}`);
  }
  if (params.noteText !== undefined && params.noteText !== before.note_text) {
    await updateNoteText(ctx.store, owner, params.id, params.noteText, ctx.now);
    const after = await findNote(ctx.store, owner, params.id);
    await ctx.recordChange(rules.updated, { data: rules.shape(after!), previousData: rules.shape(before) });
  }
  return { success: true as const, id: params.id };
}

const upsertResult = z.strictObject({ success: z.literal(true), id: z.number().int() });

export const getContactNoteList = defineListAction({
  namespace: 'contact',
  action: 'getContactNoteList',
  params: { contactId: id() },
  filters: {
    id: { column: 'contact_notes.id', type: 'integer' },
    noteText: { column: 'contact_notes.note_text', type: 'string' },
    createdByUserId: { column: 'contact_notes.created_by_user_id', type: 'integer' },
    createdDate: { column: 'contact_notes.created_at', type: 'timestamp' },
    modifiedDate: { column: 'contact_notes.modified_at', type: 'timestamp' },
  },
  item: contactNoteResult,
  async rows(ctx, { contactId }) {
    await ownerMustExist(ctx, 'contact', contactId);
    return {
      from: ctx.store.selectFrom('contact_notes'),
      idColumn: 'contact_notes.id',
      where: (eb) => eb('contact_notes.contact_id', '=', contactId),
      select: (qb) => selectContactNote(qb),
    };
  },
  items: (rows) => rows.map(contactNoteShape),
});

export const getCompanyNoteList = defineListAction({
  namespace: 'contact',
  action: 'getCompanyNoteList',
  params: { companyId: id() },
  filters: {
    id: { column: 'company_notes.id', type: 'integer' },
    noteText: { column: 'company_notes.note_text', type: 'string' },
    createdByUserId: { column: 'company_notes.created_by_user_id', type: 'integer' },
    createdDate: { column: 'company_notes.created_at', type: 'timestamp' },
    modifiedDate: { column: 'company_notes.modified_at', type: 'timestamp' },
  },
  item: companyNoteResult,
  async rows(ctx, { companyId }) {
    await ownerMustExist(ctx, 'company', companyId);
    return {
      from: ctx.store.selectFrom('company_notes'),
      idColumn: 'company_notes.id',
      where: (eb) => eb('company_notes.company_id', '=', companyId),
      select: (qb) => selectCompanyNote(qb),
    };
  },
  items: (rows) => rows.map(companyNoteShape),
});

export const addOrUpdateContactNote = defineAction({
  namespace: 'contact',
  action: 'addOrUpdateContactNote',
  kind: 'write',
  params: z.object({ ...upsertParams, contactId: id().optional() }),
  result: upsertResult,
  handler: (ctx, { contactId, ...params }) => upsertNote(ctx, 'contact', { ...params, ownerId: contactId }),
});

export const addOrUpdateCompanyNote = defineAction({
  namespace: 'contact',
  action: 'addOrUpdateCompanyNote',
  kind: 'write',
  params: z.object({ ...upsertParams, companyId: id().optional() }),
  result: upsertResult,
  handler: (ctx, { companyId, ...params }) => upsertNote(ctx, 'company', { ...params, ownerId: companyId }),
});
