/** getCreditNoteList and getCreditNote (get-credit-note-list.md, get-credit-note.md). */
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { defineAction } from '../../registry/define-action.js';
import { collection, id } from '../../registry/params.js';
import { fetchPage, type FilterSpec } from '../../storage/collection.js';
import type { Database } from '../../storage/schema.js';
import { modifiedDateFilters } from '../contact/modified-filters.js';
import { creditNoteListShapes, loadCreditNoteDetails, type CreditNoteRow } from './credit-note-shapes.js';
import { creditNoteNotFound } from './errors.js';
import { creditNoteListResult, creditNoteResult } from './schemas.js';

/** The example filters by venueId; the other scalar result fields filter the same way. */
const CREDIT_NOTE_FILTERS: FilterSpec = {
  id: { column: 'credit_notes.id', type: 'integer' },
  title: { column: 'credit_notes.title', type: 'string' },
  notes: { column: 'credit_notes.notes', type: 'string' },
  currency: { column: 'credit_notes.currency', type: 'string' },
  refType: { column: 'credit_notes.ref_type', type: 'integer' },
  refId: { column: 'credit_notes.ref_id', type: 'integer' },
  eventId: { column: 'credit_notes.event_id', type: 'integer' },
  venueId: { column: 'credit_notes.venue_id', type: 'integer' },
  contactId: { column: 'credit_notes.contact_id', type: 'integer' },
  companyId: { column: 'credit_notes.company_id', type: 'integer' },
  invoiceId: { column: 'credit_notes.invoice_id', type: 'integer' },
  createdDate: { column: 'credit_notes.created_at', type: 'timestamp' },
  modifiedDate: { column: 'credit_notes.modified_at', type: 'timestamp' },
  ...modifiedDateFilters('credit_notes.modified_at'),
};

export const getCreditNoteList = defineAction({
  namespace: 'invoice',
  action: 'getCreditNoteList',
  kind: 'read',
  params: z.object(collection),
  result: creditNoteListResult,
  async handler(ctx, params) {
    const page = await fetchPage<CreditNoteRow>({
      dialect: ctx.store.dialect,
      from: ctx.store.selectFrom('credit_notes'),
      filters: CREDIT_NOTE_FILTERS,
      params,
      idColumn: 'credit_notes.id',
      select: (qb) => (qb as SelectQueryBuilder<Database, 'credit_notes', {}>).selectAll('credit_notes'),
    });
    return { meta: page.meta, results: await creditNoteListShapes(ctx.store, page.rows) };
  },
});

export const getCreditNote = defineAction({
  namespace: 'invoice',
  action: 'getCreditNote',
  kind: 'read',
  params: z.object({ id: id() }),
  result: creditNoteResult,
  async handler(ctx, params) {
    const note = (await loadCreditNoteDetails(ctx.store, [params.id])).get(params.id);
    if (!note) throw creditNoteNotFound();
    return note;
  },
});
