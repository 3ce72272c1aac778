/** Lead and opportunity notes (crm_lead_notes). */
import type { Selectable } from 'kysely';
import { formatTimestamp } from '../../../protocol/timestamp.js';
import type { Scope } from '../../../storage/scope.js';
import type { CrmLeadNotesTable } from '../tables.js';

export type NoteRow = Selectable<CrmLeadNotesTable>;

export interface LeadNote {
  id: number;
  leadId: number;
  note: string;
  createdByUserId: number | null;
  createdDate: string;
  modifiedDate: string;
}

export function noteShape(r: NoteRow): LeadNote {
  return {
    id: r.id,
    leadId: r.lead_id,
    note: r.note_text,
    createdByUserId: r.created_by_user_id,
    createdDate: formatTimestamp(r.created_at),
    modifiedDate: formatTimestamp(r.modified_at),
  };
}

export async function findNote(store: Scope, id: number): Promise<NoteRow | undefined> {
  return store.selectFrom('crm_lead_notes').selectAll().where('id', '=', id).executeTakeFirst();
}
