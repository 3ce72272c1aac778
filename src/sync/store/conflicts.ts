/** The conflict log: every record both systems changed since the last sync, and who won. */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Canonical, Side } from '../types.js';
import './tables.js';

export interface ConflictEntry {
  id: number;
  module: string;
  runId: number | null;
  ivvyId: string | null;
  crmId: string | null;
  winner: Side;
  fields: string[];
  ivvyValues: Canonical;
  crmValues: Canonical;
  ivvyModifiedAt: number | null;
  crmModifiedAt: number | null;
  createdAt: number;
}

export interface ConflictStore {
  record(entry: Omit<ConflictEntry, 'id'>): Promise<void>;
  recent(limit: number, module?: string): Promise<ConflictEntry[]>;
}

export function createConflictStore(db: Kysely<Database>, profile: string): ConflictStore {
  return {
    async record(e) {
      await db
        .insertInto('sync_conflicts')
        .values({
          profile,
          module: e.module,
          run_id: e.runId,
          ivvy_id: e.ivvyId,
          crm_id: e.crmId,
          winner: e.winner,
          fields: JSON.stringify(e.fields),
          ivvy_values: JSON.stringify(e.ivvyValues),
          crm_values: JSON.stringify(e.crmValues),
          ivvy_modified_at: e.ivvyModifiedAt,
          crm_modified_at: e.crmModifiedAt,
          created_at: e.createdAt,
        })
        .execute();
    },
    async recent(limit, module) {
      let q = db.selectFrom('sync_conflicts').selectAll().where('profile', '=', profile);
      if (module) q = q.where('module', '=', module);
      const rows = await q.orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        module: r.module,
        runId: r.run_id,
        ivvyId: r.ivvy_id,
        crmId: r.crm_id,
        winner: r.winner as Side,
        fields: JSON.parse(r.fields) as string[],
        ivvyValues: JSON.parse(r.ivvy_values) as Canonical,
        crmValues: JSON.parse(r.crm_values) as Canonical,
        ivvyModifiedAt: r.ivvy_modified_at,
        crmModifiedAt: r.crm_modified_at,
        createdAt: r.created_at,
      }));
    },
  };
}
