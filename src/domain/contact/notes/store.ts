/**
 * Contact notes and company notes: the same record on two tables, read here under one row
 * type (the owner column aliased to `owner_id`).
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../storage/schema.js';
import type { Scope } from '../../../storage/scope.js';

export type NoteOwner = 'contact' | 'company';

export interface NoteRow {
  id: number;
  owner_id: number;
  note_text: string;
  created_by_user_id: number | null;
  created_at: number;
  modified_at: number;
}

const COMMON = ['id', 'note_text', 'created_by_user_id', 'created_at', 'modified_at'] as const;

export function selectContactNote(qb: SelectQueryBuilder<Database, 'contact_notes', {}>): SelectQueryBuilder<Database, 'contact_notes', NoteRow> {
  return qb.select([...COMMON, 'contact_id as owner_id']);
}

export function selectCompanyNote(qb: SelectQueryBuilder<Database, 'company_notes', {}>): SelectQueryBuilder<Database, 'company_notes', NoteRow> {
  return qb.select([...COMMON, 'company_id as owner_id']);
}

export async function findNote(store: Scope, owner: NoteOwner, id: number): Promise<NoteRow | undefined> {
  return owner === 'contact'
    ? selectContactNote(store.selectFrom('contact_notes').where('contact_notes.id', '=', id)).executeTakeFirst()
    : selectCompanyNote(store.selectFrom('company_notes').where('company_notes.id', '=', id)).executeTakeFirst();
}

export async function insertNote(
  store: Scope,
  owner: NoteOwner,
  note: { ownerId: number; text: string; userId: number | null; now: number },
): Promise<number> {
  const common = { note_text: note.text, created_by_user_id: note.userId, created_at: note.now, modified_at: note.now };
  const row =
    owner === 'contact'
      ? await store.insertInto('contact_notes', { ...common, contact_id: note.ownerId }).returning('id').executeTakeFirstOrThrow()
      : await store.insertInto('company_notes', { ...common, company_id: note.ownerId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateNoteText(store: Scope, owner: NoteOwner, id: number, text: string, now: number): Promise<void> {
  const table = owner === 'contact' ? 'contact_notes' : 'company_notes';
  await store.updateTable(table).set({ note_text: text, modified_at: now }).where('id', '=', id).execute();
}
