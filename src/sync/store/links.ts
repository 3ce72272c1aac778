/**
 * The id map: one row per pair of records, with what each side held after the last sync.
 * A row whose other id is still null is a create in flight; see `sync/engine/recover.ts`.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Canonical, Side } from '../types.js';
import type { SyncLinksTable } from './tables.js';

export type LinkRow = Selectable<SyncLinksTable>;

export type LinkStatus = 'active' | 'pending' | 'deleted-ivvy' | 'deleted-crm';

export interface Link {
  id: number;
  ivvyId: string | null;
  crmId: string | null;
  status: LinkStatus;
  ivvyFp: string | null;
  crmFp: string | null;
  ivvyPendingFp: string | null;
  crmPendingFp: string | null;
  ivvyState: Canonical | null;
  crmState: Canonical | null;
  ivvyModifiedAt: number | null;
  crmModifiedAt: number | null;
  createdAt: number;
}

export interface LinkPatch {
  ivvyId?: string;
  crmId?: string;
  status?: LinkStatus;
  ivvyFp?: string | null;
  crmFp?: string | null;
  ivvyPendingFp?: string | null;
  crmPendingFp?: string | null;
  ivvyState?: Canonical | null;
  crmState?: Canonical | null;
  ivvyModifiedAt?: number | null;
  crmModifiedAt?: number | null;
}

const idColumn = (side: Side) => (side === 'ivvy' ? 'ivvy_id' : 'crm_id') as 'ivvy_id' | 'crm_id';

function parseState(text: string | null): Canonical | null {
  return text === null ? null : (JSON.parse(text) as Canonical);
}

export function toLink(row: LinkRow): Link {
  return {
    id: row.id,
    ivvyId: row.ivvy_id,
    crmId: row.crm_id,
    status: row.status as LinkStatus,
    ivvyFp: row.ivvy_fp,
    crmFp: row.crm_fp,
    ivvyPendingFp: row.ivvy_pending_fp,
    crmPendingFp: row.crm_pending_fp,
    ivvyState: parseState(row.ivvy_state),
    crmState: parseState(row.crm_state),
    ivvyModifiedAt: row.ivvy_modified_at,
    crmModifiedAt: row.crm_modified_at,
    createdAt: row.created_at,
  };
}

function patchColumns(patch: LinkPatch): Partial<Record<keyof SyncLinksTable, unknown>> {
  const out: Partial<Record<keyof SyncLinksTable, unknown>> = {};
  if (patch.ivvyId !== undefined) out.ivvy_id = patch.ivvyId;
  if (patch.crmId !== undefined) out.crm_id = patch.crmId;
  if (patch.status !== undefined) out.status = patch.status;
  if (patch.ivvyFp !== undefined) out.ivvy_fp = patch.ivvyFp;
  if (patch.crmFp !== undefined) out.crm_fp = patch.crmFp;
  if (patch.ivvyPendingFp !== undefined) out.ivvy_pending_fp = patch.ivvyPendingFp;
  if (patch.crmPendingFp !== undefined) out.crm_pending_fp = patch.crmPendingFp;
  if (patch.ivvyState !== undefined) out.ivvy_state = patch.ivvyState === null ? null : JSON.stringify(patch.ivvyState);
  if (patch.crmState !== undefined) out.crm_state = patch.crmState === null ? null : JSON.stringify(patch.crmState);
  if (patch.ivvyModifiedAt !== undefined) out.ivvy_modified_at = patch.ivvyModifiedAt;
  if (patch.crmModifiedAt !== undefined) out.crm_modified_at = patch.crmModifiedAt;
  return out;
}

/** Large `in (…)` lists are split so that neither engine's bound-parameter limit is reached. */
const IN_CHUNK = 500;

export interface LinkStore {
  /** Links of the given ids on one side, by that id (every status). */
  bySideIds(module: string, side: Side, ids: readonly string[]): Promise<Map<string, Link>>;
  /** Writes intents (one statement) before creates on the other side; answers source id → link id. */
  createIntents(module: string, sourceSide: Side, sourceIds: readonly string[], now: number): Promise<Map<string, number>>;
  /** Creates a complete link (a pair found through externalId, or a create whose intent was folded in). */
  insert(module: string, patch: LinkPatch & { ivvyId: string; crmId: string }, now: number): Promise<number>;
  update(linkId: number, patch: LinkPatch, now: number): Promise<void>;
  /** Applies many patches in one transaction. */
  updateMany(patches: ReadonlyMap<number, LinkPatch>, now: number): Promise<void>;
  remove(linkId: number): Promise<void>;
  pending(module: string): Promise<Link[]>;
  /** Active links created before `before`, in id order, a page at a time. */
  activePage(module: string, afterId: number, limit: number, before: number): Promise<Link[]>;
  count(module: string): Promise<Record<string, number>>;
}

export function createLinkStore(db: Kysely<Database>, profile: string): LinkStore {
  return {
    async bySideIds(module, side, ids) {
      const out = new Map<string, Link>();
      const column = idColumn(side);
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += IN_CHUNK) {
        const chunk = unique.slice(i, i + IN_CHUNK);
        const rows = await db
          .selectFrom('sync_links')
          .selectAll()
          .where('profile', '=', profile)
          .where('module', '=', module)
          .where(column, 'in', chunk)
          .execute();
        for (const row of rows) {
          const key = row[column];
          if (key !== null) out.set(key, toLink(row));
        }
      }
      return out;
    },
    async createIntents(module, sourceSide, sourceIds, now) {
      const out = new Map<string, number>();
      for (let i = 0; i < sourceIds.length; i += IN_CHUNK / 5) {
        const chunk = sourceIds.slice(i, i + IN_CHUNK / 5);
        const rows = await db
          .insertInto('sync_links')
          .values(
            chunk.map((sourceId) => ({
              profile,
              module,
              ivvy_id: sourceSide === 'ivvy' ? sourceId : null,
              crm_id: sourceSide === 'crm' ? sourceId : null,
              status: 'pending',
              created_at: now,
              updated_at: now,
            })),
          )
          .returning(['id', 'ivvy_id', 'crm_id'])
          .execute();
        for (const row of rows) out.set((sourceSide === 'ivvy' ? row.ivvy_id : row.crm_id)!, row.id);
      }
      return out;
    },
    async insert(module, patch, now) {
      const row = await db
        .insertInto('sync_links')
        .values({
          profile,
          module,
          status: 'active',
          ...(patchColumns(patch) as object),
          created_at: now,
          updated_at: now,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async update(linkId, patch, now) {
      await db
        .updateTable('sync_links')
        .set({ ...(patchColumns(patch) as object), updated_at: now } as never)
        .where('id', '=', linkId)
        .execute();
    },
    async updateMany(patches, now) {
      if (patches.size === 0) return;
      await db.transaction().execute(async (tx) => {
        for (const [linkId, patch] of patches) {
          await tx
            .updateTable('sync_links')
            .set({ ...(patchColumns(patch) as object), updated_at: now } as never)
            .where('id', '=', linkId)
            .execute();
        }
      });
    },
    async remove(linkId) {
      await db.deleteFrom('sync_links').where('id', '=', linkId).execute();
    },
    async pending(module) {
      const rows = await db
        .selectFrom('sync_links')
        .selectAll()
        .where('profile', '=', profile)
        .where('module', '=', module)
        .where('status', '=', 'pending')
        .orderBy('id')
        .execute();
      return rows.map(toLink);
    },
    async activePage(module, afterId, limit, before) {
      const rows = await db
        .selectFrom('sync_links')
        .selectAll()
        .where('profile', '=', profile)
        .where('module', '=', module)
        .where('status', '=', 'active')
        .where('id', '>', afterId)
        .where('created_at', '<', before)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toLink);
    },
    async count(module) {
      const rows = await db
        .selectFrom('sync_links')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('profile', '=', profile)
        .where('module', '=', module)
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}
