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

/** The owner's notes as a base query (for fetchPage), with `owner_id` selected by `selectNote`. */
export function notesOf(store: Scope, owner: NoteOwner, ownerId: number) {
  return owner === 'contact'
    ? store.selectFrom('contact_notes').where('contact_notes.contact_id', '=', ownerId)
    : store.selectFrom('company_notes').where('company_notes.company_id', '=', ownerId);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function selectNote(owner: NoteOwner, qb: SelectQueryBuilder<any, any, {}>): SelectQueryBuilder<Database, never, NoteRow> {
  return owner === 'contact'
    ? (qb as SelectQueryBuilder<Database, 'contact_notes', {}>).select([...COMMON, 'contact_id as owner_id'])
    : (qb as SelectQueryBuilder<Database, 'company_notes', {}>).select([...COMMON, 'company_id as owner_id']);
}

export async function findNote(store: Scope, owner: NoteOwner, id: number): Promise<NoteRow | undefined> {
  const base =
    owner === 'contact'
      ? store.selectFrom('contact_notes').where('contact_notes.id', '=', id)
      : store.selectFrom('company_notes').where('company_notes.id', '=', id);
  return selectNote(owner, base).executeTakeFirst();
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
