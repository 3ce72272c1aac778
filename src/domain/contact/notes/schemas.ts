/** Notes as get-contact-note-list.md and get-company-note-list.md return them. */
import { z } from 'zod';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import { bareTimestampText, timestampText } from '../schemas.js';
import type { NoteRow } from './store.js';

const noteFields = {
  id: z.number().int(),
  noteText: z.string(),
  createdByUserId: z.number().int().nullable(),
  /** The pages show createdDate with the UTC suffix and modifiedDate without it. */
  createdDate: timestampText,
  modifiedDate: bareTimestampText,
};

export const contactNoteResult = z.strictObject({ ...noteFields, contactId: z.number().int() });
export const companyNoteResult = z.strictObject({ ...noteFields, companyId: z.number().int() });

export type ContactNote = z.input<typeof contactNoteResult>;
export type CompanyNote = z.input<typeof companyNoteResult>;

export function contactNoteShape(row: NoteRow): ContactNote {
  return {
    id: row.id,
    contactId: row.owner_id,
    noteText: row.note_text,
    createdByUserId: row.created_by_user_id,
    createdDate: formatTimestamp(row.created_at),
    modifiedDate: formatTimestamp(row.modified_at, false),
  };
}

export function companyNoteShape(row: NoteRow): CompanyNote {
  return {
    id: row.id,
    companyId: row.owner_id,
    noteText: row.note_text,
    createdByUserId: row.created_by_user_id,
    createdDate: formatTimestamp(row.created_at),
    modifiedDate: formatTimestamp(row.modified_at, false),
  };
}
