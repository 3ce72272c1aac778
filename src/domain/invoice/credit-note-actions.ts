/** getCreditNoteList and getCreditNote (get-credit-note-list.md, get-credit-note.md). */
import { z } from 'zod';
import { defineAction } from '../../registry/define-action.js';
import { defineListAction } from '../../registry/define-list-action.js';
import { id } from '../../registry/params.js';
import { modifiedDateFilters } from '../contact/modified-filters.js';
import { creditNoteListShapes, loadCreditNoteDetails } from './credit-note-shapes.js';
import { creditNoteNotFound } from './errors.js';
import { creditNoteListItemResult, creditNoteResult } from './schemas.js';

export const getCreditNoteList = defineListAction({
  namespace: 'invoice',
  action: 'getCreditNoteList',
  /** The example filters by venueId; the other scalar result fields filter the same way. */
  filters: {
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
  },
  item: creditNoteListItemResult,
  rows: (ctx) => ({
    from: ctx.store.selectFrom('credit_notes'),
    idColumn: 'credit_notes.id',
    select: (qb) => qb.selectAll('credit_notes'),
  }),
  items: (rows, ctx) => creditNoteListShapes(ctx.store, rows),
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
